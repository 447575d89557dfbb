// IngestLog: the store's part that the ingest stage owns — which files were ingested (with their
// SHA-256, the idempotency key, and their counts) and every rejected row with its reason.
//
//   ASSIGN_OR_RETURN(Transaction tx, store.Begin());
//   ASSIGN_OR_RETURN(int64_t file_id, store.ingest_log().AddFile(info));
//   RETURN_IF_ERROR(store.ingest_log().AddReject(file_id, reject));
//   RETURN_IF_ERROR(tx.Commit());
//
// Writes need an open transaction of the same store (kFailedPrecondition otherwise). Reads see the
// open transaction's writes. Errors: kAlreadyExists when a file with the same source and SHA-256 is
// added twice; kIoError for the backend's failures.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace sz::store {

struct IngestFileInfo {
  std::string source;
  std::string file_name;  // as given on the command line
  std::string sha256;     // of the file's bytes: the idempotency key
  int contract_version = 0;
  std::string key_fingerprint;  // extracts of desk sources; "" otherwise
  std::string description;      // dialect/encoding as detected
  int64_t rows_read = 0;
  int64_t rows_accepted = 0;
  int64_t rows_rejected = 0;
  std::string ingested_at;  // ISO date-time (UTC), "2026-12-03T10:00:00Z"; "" = the system's now
};

struct IngestedFile : IngestFileInfo {
  int64_t id = 0;  // increasing: a later ingest has a higher id
};

struct RejectedRow {
  long line = 0;
  std::string column;  // column name, "" for the whole row
  std::string value;   // whole, as delivered
  std::string reason;
  std::string hint;
  std::string raw;  // the row's text as delivered
};

class IngestLog {
 public:
  virtual ~IngestLog() = default;

  virtual Result<int64_t> AddFile(const IngestFileInfo& info) = 0;
  virtual Status UpdateFileCounts(int64_t file_id, int64_t read, int64_t accepted, int64_t rejected) = 0;
  virtual Status AddReject(int64_t file_id, const RejectedRow& reject) = 0;

  // The earlier ingest of a file with these bytes for this source, if any.
  virtual Result<std::optional<IngestedFile>> FindFile(const std::string& source, const std::string& sha256) = 0;
  // Every ingested file, oldest first.
  virtual Result<std::vector<IngestedFile>> Files() = 0;
  // The rejected rows of one file, in the order they were added.
  virtual Result<std::vector<RejectedRow>> Rejects(int64_t file_id) = 0;
  // The id of the newest ingested file (0 if none): lets `link` tell whether anything is new.
  virtual Result<int64_t> MaxFileId() = 0;
};

}  // namespace sz::store
