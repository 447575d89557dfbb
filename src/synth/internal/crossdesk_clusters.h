// Injected dwarsverbanden (docs/synthetic-twente.md, "Dwarsverbanden"): clusters where two or three
// desks rise together in one wijk for some weeks, so that the signal stage has cross-desk patterns to
// find and `samenzicht signals-eval` a truth to score them against.
//
// Contract:
// - PlanCrossDeskClusters draws, from its own random stream (seed-derived, so the rest of the
//   generation is unchanged and the same seed gives the same bytes), about `clusters_per_year` clusters
//   per year of complete ISO weeks: a wijk (by its gemeente's population, then uniformly within the
//   gemeente), `min_desks`–`max_desks` of the configured desks, `min_weeks`–`max_weeks` weeks, and per
//   desk a log-normal number of extra reports (median `extra_reports_median` × scale), spread over the
//   gemeente's chunks. Two clusters never share a wijk in overlapping weeks. With clusters_per_year 0
//   nothing is drawn and model.crossdesk_clusters stays empty.
// - The chunks realise them (GenerateDeskRecords): each planned report is made on a uniform day of the
//   cluster's weeks for a household living in the wijk that day, chosen as the desk chooses its
//   households (vulnerability); `realised` counts the reports made.
// - WriteCrossDeskClusters writes DIR/truth/dwarsverbanden.csv with
//   gemeente;wijk;bronnen;eerste_week;laatste_week;extra_meldingen (bronnen joined with '+', weeks as
//   ISO weeks "2025-W07", extra_meldingen the realised reports over all its desks) and fills `summary`.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

#include "core/status.h"
#include "io/dialect.h"
#include "synth/internal/model.h"

namespace sz::synth::internal {

void PlanCrossDeskClusters(Model& model);

Status WriteCrossDeskClusters(const Model& model, const std::string& out_dir, const io::WriteDialect& truth_dialect,
                              int64_t& rows, nlohmann::json& summary);

}  // namespace sz::synth::internal
