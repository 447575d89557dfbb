// `samenzicht publish`: disclosure control over the computed indicators (issue 15,
// docs/disclosure.md). It reads the latest computed cells, applies the primary rules of
// config/openbaarmaking.toml (with each indicator's own `openbaarmaking`), suppresses further cells
// until no hidden count can be worked out from what is published (pipeline/internal/publication_table.h)
// and replaces the store's publication (store/publications.h) in one transaction, with a run that
// records the compute run it was made from and the figures below.
//
//   ASSIGN_OR_RETURN(PublishReport report, PublishIndicators(workspace));
//   report.cells, report.suppressed_primary, report.suppressed_secondary, report.information_loss
//
// What is published: the rates (`verhouding`) and linked ratios in one protected table
// (internal/publication_table.h), and survey estimates, medians and deliveries by their own rules
// (internal/estimate_publication.h); months, quarters and years, not weeks. Forecasts (`voorspelling`,
// weekly) are listed in `not_published` with the reason and stay with the analysts. The publication is the same for
// every audience; who may read which cell is pipeline/audience.h. Running it again on the same computed cells gives the
// same publication. The protection of each independent part of the rates' table is remembered in the run's details
// ("beschermde_delen": part fingerprint → its secondary cells, disclosure/protect.h); the next publish
// takes it for every part whose input did not change instead of auditing that part again, which gives
// the same publication as protecting everything afresh (PublishRequest::full does that, and still
// writes the memo).
// Errors: kFailedPrecondition when nothing has been computed; kDataError for a bad
// openbaarmaking.toml or catalogue; the store's errors. Thread safety: as the Workspace.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "pipeline/workspace.h"

namespace sz::pipeline {

struct PublishReport {
  int64_t publication_id = 0;
  int64_t indicator_run_id = 0;
  int64_t cells = 0;
  int64_t published = 0;
  int64_t rounded = 0;
  int64_t suppressed_primary = 0;
  int64_t suppressed_secondary = 0;
  double information_loss = 0;
  int64_t lp_cells = 0;  // the audited linear table: cells, relations kept, LPs solved
  int64_t relations = 0;
  int64_t solves = 0;
  int64_t parts = 0;         // independent parts of that table with a suppressed cell
  int64_t parts_reused = 0;  // of those, unchanged since the previous publication: its protection kept
  std::vector<std::pair<std::string, std::string>> not_published;  // indicator id, reason (Dutch)
  double seconds = 0;
};

struct PublishRequest {
  bool full = false;  // protect every part afresh instead of taking unchanged parts from the memo
};

Result<PublishReport> PublishIndicators(Workspace& workspace, const PublishRequest& request = {});

}  // namespace sz::pipeline
