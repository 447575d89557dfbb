// Summary and rejects: what the store holds per source and gemeente, and every rejected row with its
// file, line, column, reason and fix — the stage behind `samenzicht summary` and `samenzicht rejects`.
//
//   ASSIGN_OR_RETURN(StoreSummary summary, SummariseStore(workspace));
//   ASSIGN_OR_RETURN(RejectsReport rejects, ListRejects(workspace, "afgewezen.csv"));
//
// Errors: the store's and the region file's.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "pipeline/workspace.h"
#include "store/ingest_log.h"

namespace sz::pipeline {

struct SourceSummary {
  std::string source;
  int64_t files = 0;
  int64_t rows = 0;
  int64_t rejected = 0;
  std::map<std::string, int64_t> rows_per_gemeente;  // for sources with a gemeente column
  std::string first, last;                           // range of the event date (or week, or jaar)
};

struct StoreSummary {
  std::string store;  // as the store describes itself ("sqlite:var/samenzicht.db")
  int schema_version = 0;
  std::vector<SourceSummary> sources;  // every source of the contracts, in contract order
  struct Gemeente {
    std::string code, name;
  };
  std::vector<Gemeente> gemeenten;             // of the region table, in file order
  std::optional<std::string> key_fingerprint;  // the key the store links with, if any
};

Result<StoreSummary> SummariseStore(Workspace& workspace);

struct ListedReject {
  std::string source;
  std::string file_name;
  store::RejectedRow row;
};

struct RejectsReport {
  std::vector<ListedReject> rejects;  // every file's, in ingest order
};

// Every stored reject; with `out_csv`, also written there (Dutch Excel dialect, header first:
// bron;bestand;regel;kolom;waarde;reden;oplossing;rij — the value and the row whole).
Result<RejectsReport> ListRejects(Workspace& workspace, const std::string& out_csv);

}  // namespace sz::pipeline
