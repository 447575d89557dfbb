// Validation of delivered rows against a source contract (contract.h).
//
// A RowValidator is made for one file: it maps the file's header to the contract's columns
// (MapHeader), then checks and normalises each row (Validate) into typed values (core/value.h), which
// is what the store keeps and every stage reads back: integers and decimals as numbers (decimal
// commas and Dutch thousands dots understood), dates as dates, categories as their allowed spelling,
// yes/no as "ja"/"nee", other columns as text; empty cells of nullable columns are missing.
//
//   ASSIGN_OR_RETURN(HeaderMapping mapping, MapHeader(contract.extract, reader.header()));
//   RowValidator validator(contract.extract, mapping, regions, SystemClock());
//   std::vector<Value> values;
//   if (auto problem = validator.Validate(record.cells, values)) Reject(*problem);
//
// Thread safety: a RowValidator is immutable after construction; Validate is const.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/region.h"
#include "core/status.h"
#include "core/value.h"
#include "sources/contract.h"

namespace sz::sources {

struct HeaderMapping {
  std::vector<int> file_column_of;   // per contract column: index in the file, or -1 (optional, absent)
  std::vector<std::string> ignored;  // file columns not in the contract (warned about, not stored)
};

// Fails (kDataError) when required contract columns are missing, naming all of them and the columns
// the file does have. Identity columns (names, BSN, address, birth date, free text) in a file
// delivered as an extract are refused outright: identified data must be pseudonymised at the desk.
Result<HeaderMapping> MapHeader(const TableSpec& table, const std::vector<std::string>& header);

struct CellProblem {
  int contract_column = -1;  // which contract column (index into table.columns), -1 for the whole row
  std::string column_name;
  std::string value;   // the cell as delivered, whole
  std::string reason;  // Dutch (sources/messages.h): "'31-02-2024' is geen datum: februari 2024 heeft 29 dagen"
  std::string hint;    // how to fix it
};

class RowValidator {
 public:
  RowValidator(const TableSpec& table, HeaderMapping mapping, const RegionTable& regions, const Clock& clock);

  // Checks `cells` (one file row) and writes the typed values in contract column order to `out`.
  // Returns the first problem found, or nullopt if the row is valid. Text cells are moved into `out`
  // (so `cells` is left unspecified); a problem's `value` is a copy of the cell.
  std::optional<CellProblem> Validate(std::vector<std::string>& cells, std::vector<Value>& out) const;

  // Checks and normalises a single value for a column spec; `raw` is moved into `out` when it is text.
  std::optional<CellProblem> NormaliseValue(const ColumnSpec& spec, std::string& raw, Value& out) const;

  const HeaderMapping& mapping() const { return mapping_; }

 private:
  const TableSpec& table_;
  HeaderMapping mapping_;
  const RegionTable& regions_;
  Date today_;
};

}  // namespace sz::sources
