// Store: where Samenzicht keeps what it ingests and computes. Backend-neutral: the SQLite backend
// (sqlite_store.h) is the default; a PostgreSQL backend implements the same interface.
//
// Writes happen only through an IngestTransaction: everything added through it becomes visible at
// Commit() or not at all (a crash, kill -9 or a destroyed transaction leaves the store as before).
//
//   ASSIGN_OR_RETURN(auto store, OpenSqliteStore("var/samenzicht.db"));
//   ASSIGN_OR_RETURN(auto tx, store->BeginIngest());
//   ASSIGN_OR_RETURN(int64_t file_id, tx->AddFile(info));
//   ASSIGN_OR_RETURN(InsertOutcome outcome, tx->InsertRecord(file_id, line, contract, values));
//   RETURN_IF_ERROR(tx->Commit());
//
// Thread safety: one Store per thread; a Store has at most one open transaction.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>
#include <cstdint>

#include "core/status.h"
#include "sources/contract.h"

namespace sz::store {

struct IngestFileInfo {
  std::string source;
  std::string file_name;        // as given on the command line
  std::string sha256;           // of the file's bytes: the idempotency key
  int contract_version = 0;
  std::string key_fingerprint;  // extracts of desk sources; "" otherwise
  std::string description;      // dialect/encoding as detected
  int64_t rows_read = 0;
  int64_t rows_accepted = 0;
  int64_t rows_rejected = 0;
};

struct IngestedFile : IngestFileInfo {
  int64_t id = 0;
  std::string ingested_at;  // ISO date-time (UTC)
};

struct RejectedRow {
  long line = 0;
  std::string column;  // column name, "" for the whole row
  std::string value;
  std::string reason;
  std::string hint;
  std::string raw;     // the row's text as delivered
};

struct InsertOutcome {
  bool inserted = false;
  // When not inserted: a row with the same key exists; where it came from.
  std::string existing_file;
  long existing_line = 0;
};

class IngestTransaction {
 public:
  virtual ~IngestTransaction() = default;  // rolls back unless committed

  virtual Result<int64_t> AddFile(const IngestFileInfo& info) = 0;
  virtual Status UpdateFileCounts(int64_t file_id, int64_t read, int64_t accepted, int64_t rejected) = 0;
  // Inserts one validated row (values in the contract's extract column order, normalised).
  // A row whose key already exists is not inserted; the outcome says where the existing row came from.
  virtual Result<InsertOutcome> InsertRecord(int64_t file_id, long line, const sources::SourceContract& contract,
                                             const std::vector<std::string>& values) = 0;
  virtual Status AddReject(int64_t file_id, const RejectedRow& reject) = 0;
  virtual Status SetSetting(const std::string& key, const std::string& value) = 0;
  virtual Status Commit() = 0;
};

struct SourceSummary {
  std::string source;
  int64_t files = 0;
  int64_t rows = 0;
  int64_t rejected = 0;
  std::map<std::string, int64_t> rows_per_gemeente;  // for sources with a gemeente column
  std::string first_date, last_date;                 // range of the event date, if any
};

// Linkage results (pipeline/link.h). The store keeps the latest run's assignment of every stored
// desk-extract row (an "involvement": one person in one registration) to a person and a household,
// the pairs that may be links, and a log of all runs.
struct LinkedInvolvement {
  std::string source;
  std::string record_id;
  int betrokkene_nr = 0;
  std::string person_key;     // stable within a run: "source:record_id:betrokkene_nr" of the person's first involvement
  std::string household_key;  // likewise for the household
};

struct LinkPairRow {
  uint32_t a = 0, b = 0;  // indices into the involvements of the same run
  double weight = 0;      // match weight (log2 odds)
  double probability = 0;
  bool exact = false;     // a BSN or name+birth-date pseudonym agrees
};

// A changed person/household key of a stored involvement (incremental linking).
struct LinkKeyUpdate {
  int64_t idx = 0;
  std::string person_key;
  std::string household_key;
};

struct LinkRunInfo {
  int64_t id = 0;
  std::string created_at;
  int64_t max_ingest_file_id = 0;  // the newest ingested file the run saw
  int64_t involvements = 0;
  int64_t pairs_compared = 0;
  int64_t pairs_kept = 0;  // pairs stored after the run
  int64_t persons = 0;
  int64_t households = 0;
  std::string details;  // JSON: model parameters, blocking statistics
};

class Store {
 public:
  virtual ~Store() = default;

  virtual int SchemaVersion() = 0;
  virtual Result<std::unique_ptr<IngestTransaction>> BeginIngest() = 0;

  // The earlier ingest of a file with these bytes for this source, if any.
  virtual Result<std::optional<IngestedFile>> FindIngestedFile(const std::string& source,
                                                               const std::string& sha256) = 0;
  virtual Result<std::vector<IngestedFile>> IngestedFiles() = 0;
  virtual Result<std::vector<RejectedRow>> Rejects(int64_t file_id) = 0;
  virtual Result<std::optional<std::string>> Setting(const std::string& key) = 0;
  virtual Result<std::vector<SourceSummary>> Summarise() = 0;

  // Calls `row` for every stored row of `source` (values in contract extract column order, "" for
  // empty); stops early with the callback's error.
  virtual Status ScanRecords(const sources::SourceContract& contract,
                             const std::function<Status(const std::vector<std::string>&)>& row) = 0;

  // The id of the newest ingested file (0 if none): lets `link` tell whether anything is new.
  virtual Result<int64_t> MaxIngestFileId() = 0;
  // Replaces the stored linkage with a new run, in one transaction; returns the run id.
  virtual Result<int64_t> WriteLinkage(const LinkRunInfo& run, const std::vector<LinkedInvolvement>& involvements,
                                       const std::vector<LinkPairRow>& pairs) = 0;
  // Extends the stored linkage (incremental linking), in one transaction: updates the keys of stored
  // involvements, appends new involvements at idx first_new, first_new+1, … and new pairs, and logs `run`
  // (its involvements and pairs_kept are then the stored totals). kFailedPrecondition when the store
  // does not hold exactly `first_new` involvements (another run came in between); kInvalidArgument for
  // an update of an idx that is not stored. Nothing is written on error.
  virtual Result<int64_t> ExtendLinkage(const LinkRunInfo& run, int64_t first_new,
                                        const std::vector<LinkKeyUpdate>& updated,
                                        const std::vector<LinkedInvolvement>& appended,
                                        const std::vector<LinkPairRow>& pairs) = 0;
  virtual Result<std::optional<LinkRunInfo>> LatestLinkRun() = 0;
  // The latest run's involvements, in the order they were written.
  virtual Result<std::vector<LinkedInvolvement>> LinkedInvolvements() = 0;
  // The stored pairs with probability ≥ min_probability (exact links always), ordered by (a, b).
  virtual Result<std::vector<LinkPairRow>> LinkPairs(double min_probability) = 0;
};

// Setting key under which the fingerprint of the pseudonymisation key the store links with is kept.
inline constexpr const char* kLinkageKeyFingerprintSetting = "linkage_key_fingerprint";

}  // namespace sz::store
