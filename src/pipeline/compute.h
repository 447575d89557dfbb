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
// (indicators/duration_values.h), `voorspelling` (pipeline/series.h with detection/forecast.h) and
// `levering` (indicators/delivery_values.h, from the ingest log and the rows' dates). Each computed
// indicator's cells replace its earlier ones, all in one transaction with the run: a failure leaves
// the store as it was.
// Incremental: each indicator's cells are stored with a fingerprint of its inputs — the catalogue, the
// region table, the ingested files of the sources it reads and, where it needs linked persons, the
// linkage run (pipeline/internal/compute_inputs.h). Unless `full`, an indicator whose fingerprint
// equals the stored one is not computed again (`unchanged`): its cells are what a full computation
// would make from the same store. Cells of indicators no longer in the catalogue are removed.
// Errors: kDataError for a catalogue with problems; kFailedPrecondition when a linked indicator or a
// count of persons needs a linkage run that does not cover every stored row (run `samenzicht link`);
// the store's errors. Thread safety: as the Workspace.
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
  bool full = false;                                           // also the indicators whose inputs did not change
  std::function<void(const std::string& indicator)> progress;  // called before each indicator (may be empty)
};

struct ComputedIndicator {
  std::string id;
  std::string kind;  // the catalogue's soort: verhouding, gekoppeld, enquete, ...
  int64_t cells = 0;
  double seconds = 0;
};

struct ComputeReport {
  int64_t run_id = 0;  // the run stored; when nothing changed, none is: the latest run's id
  int64_t cells = 0;
  std::vector<ComputedIndicator> computed;
  std::vector<std::string> unchanged;  // skipped: the same inputs as their stored cells
  std::vector<std::string> removed;    // no longer in the catalogue: their cells were removed
  std::vector<std::pair<std::string, std::string>> not_computed;  // id, reason (Dutch)
  double seconds = 0;
};

Result<ComputeReport> ComputeIndicators(Workspace& workspace, const ComputeRequest& request);

}  // namespace sz::pipeline
