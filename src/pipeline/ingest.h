// Ingest: delivered files of one source into the store, validated against the source's contract.
//
// One call is one transaction over all its files: either every accepted row, every rejected row
// (with file, line, column, reason and hint) and the ingest log reach the store, or nothing does —
// also when the process is killed midway. A file whose bytes were ingested before for the same
// source is skipped and reported as such (ingesting twice adds nothing).
//
//   IngestRequest request{.source = "veilig_thuis", .files = {"extract.csv"}};
//   ASSIGN_OR_RETURN(IngestReport report, Ingest(workspace, request));
//   for (const FileReport& file : report.files) std::cout << file.Summary() << "\n";
//
// File-level problems (missing file, empty file, header only, missing required columns, identity
// columns, unsupported encoding, a desk extract without or with a different key fingerprint) fail
// the whole call with a Status naming the file, and nothing is written. Row-level problems reject the
// row and the ingest goes on; the report counts them (read = accepted + rejected for every file).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/status.h"
#include "pipeline/workspace.h"
#include "store/store.h"

namespace sz::pipeline {

struct IngestRequest {
  std::string source;
  std::vector<std::string> files;
  // Accept a desk extract whose key fingerprint differs from the one the store links with (the new
  // key replaces it). Pseudonyms made with different keys never match, so linkage across the change
  // breaks; see docs/privacy.md.
  bool accept_new_key = false;
  // Called now and then with (file, rows read so far); may be empty.
  std::function<void(const std::string&, long)> progress;
};

struct FileReport {
  std::string file;
  std::string description;  // detected format, separator, encoding
  long read = 0;
  long accepted = 0;
  long rejected = 0;
  bool already_ingested = false;                  // the same bytes were ingested before: nothing added
  std::string already_ingested_at;                // when, if so
  std::vector<std::string> warnings;              // e.g. unknown extra columns that were ignored
  std::vector<store::RejectedRow> first_rejects;  // up to 10, for the command's output

  // "extract.csv: gelezen 1000 = geaccepteerd 998 + afgewezen 2 (CSV, scheidingsteken ';', UTF-8)"
  std::string Summary() const;
};

struct IngestReport {
  std::string source;
  std::vector<FileReport> files;
  bool key_fingerprint_recorded = false;  // this ingest set the store's linkage key fingerprint
  long TotalRejected() const;
};

// Uses the workspace's store, region table and clock.
Result<IngestReport> Ingest(Workspace& workspace, const IngestRequest& request);

}  // namespace sz::pipeline
