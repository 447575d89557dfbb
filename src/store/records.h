// Records: the store's part that holds the validated rows of every source, as typed values
// (core/value.h) in the contract's extract column order, one table per source.
//
//   ASSIGN_OR_RETURN(InsertOutcome outcome, store.records().Insert(file_id, line, contract, values));
//   RETURN_IF_ERROR(store.records().Scan(contract, [&](std::span<const Value> row) -> Status { ... }));
//
// Contract:
// - Insert (in a transaction) stores one validated row; each value has the kind
//   sources::StoredKind(column type) or is missing. A row whose key (the contract's extract key)
//   already exists is not inserted; the outcome names the file and line it came from.
// - Scan calls back for every row of a source in ingest order (file, then line), with values of the
//   kinds they were stored with; it stops early with the callback's error. ScanWithFile does the same
//   and also names the ingested file each row came from (IngestLog's id: delivery indicators).
// Errors: kInvalidArgument for a row of the wrong width or a value of the wrong kind; kIoError for
// the backend's failures; kFailedPrecondition for a write outside a transaction.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <span>
#include <string>

#include "core/status.h"
#include "core/value.h"
#include "sources/contract.h"

namespace sz::store {

struct InsertOutcome {
  bool inserted = false;
  // When not inserted: a row with the same key exists; where it came from.
  std::string existing_file;
  long existing_line = 0;
};

// What the records part knows of one source.
struct RecordSummary {
  int64_t rows = 0;
  std::map<std::string, int64_t> rows_per_gemeente;  // for sources with a gemeente column
  std::string first_date, last_date;                 // range of the event date (or week, or jaar), as text
};

using RowCallback = std::function<Status(std::span<const Value> row)>;
using FileRowCallback = std::function<Status(int64_t file_id, std::span<const Value> row)>;

class Records {
 public:
  virtual ~Records() = default;

  virtual Result<InsertOutcome> Insert(int64_t file_id, long line, const sources::SourceContract& contract,
                                       std::span<const Value> values) = 0;
  virtual Status ScanWithFile(const sources::SourceContract& contract, const FileRowCallback& row) = 0;
  Status Scan(const sources::SourceContract& contract, const RowCallback& row) {
    return ScanWithFile(contract, [&row](int64_t, std::span<const Value> values) { return row(values); });
  }
  virtual Result<RecordSummary> Summarise(const sources::SourceContract& contract) = 0;
};

// Checks a row against the contract before a backend stores it: the width and every value's kind.
Status CheckRow(const sources::SourceContract& contract, std::span<const Value> values);

// The column a summary ranges over: the event date, else `week`, else `jaar`, else "".
std::string SummaryRangeColumn(const sources::SourceContract& contract);

}  // namespace sz::store
