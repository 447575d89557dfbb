// The compute stage: every catalogue indicator (config/indicatoren, pipeline/catalog.h) computed from
// what the store holds, for Twente, every gemeente and wijk and every period, and stored as cells in
// the store's indicator-values part (store/indicator_values.h) with a run that records the catalogue's
// hash, the newest ingested file and the linkage run it used. `samenzicht run` calls it after linking.
//
//   ASSIGN_OR_RETURN(ComputeReport report, ComputeIndicators(workspace, ComputeRequest{}));
//   report.cells;          // written
//   report.not_computed;   // indicators whose kind is not computed yet, with the reason (Dutch)
//
// What is computed (docs/indicators.md): `verhouding` (indicators/rate.h), `gekoppeld`
// (indicators/linked_values.h, over the latest linkage run), `enquete` with its income gap
// (indicators/survey_values.h, every stored Gezondheidsmonitor wave), `duur`
// (indicators/duration_values.h) and `voorspelling` (pipeline/series.h with detection/forecast.h);
// `levering` is listed in `not_computed` and keeps no cells. Each computed indicator's cells replace its earlier ones,
// all in one transaction with the run: a failure leaves the store as it was. Errors: kDataError for a catalogue with
// problems; kFailedPrecondition when a linked indicator or a count of persons needs a linkage run that does not cover
// every stored row (run `samenzicht link`); the store's errors. Thread safety: as the Workspace.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/status.h"
#include "pipeline/workspace.h"

namespace sz::pipeline {

struct ComputeRequest {
  std::vector<std::string> indicators;                         // empty: every indicator of the catalogue
  std::function<void(const std::string& indicator)> progress;  // called before each indicator (may be empty)
};

struct ComputedIndicator {
  std::string id;
  std::string kind;  // verhouding, gekoppeld
  int64_t cells = 0;
  double seconds = 0;
};

struct ComputeReport {
  int64_t run_id = 0;
  int64_t cells = 0;
  std::vector<ComputedIndicator> computed;
  std::vector<std::pair<std::string, std::string>> not_computed;  // id, reason (Dutch)
  double seconds = 0;
};

Result<ComputeReport> ComputeIndicators(Workspace& workspace, const ComputeRequest& request);

}  // namespace sz::pipeline
