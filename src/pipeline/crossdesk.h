// Cross-desk measures over the store: joins every stored desk-extract row with the person and
// household the latest linkage run gave it, and computes the measures of indicators/ (VT meldingen
// as hermelding / vervolgmelding / nieuw, known at another desk, households at ≥ 2 desks, the
// desk-overlap matrix, organisations per family, placements per placed child, placements preceded
// by Veilig Thuis, days to the next report), per gemeente, wijk and Twente, per quarter and year.
//
//   ASSIGN_OR_RETURN(CrossDeskReport report, ComputeCrossDesk(*store, CrossDeskRequest{}));
//   indicators::WriteMeasuresCsv(report.table, "dwarsverbanden.csv");
//
// With `truth_dir` (a `samenzicht generate` folder) the VT classification from linked persons is also
// compared, report by report, with the generator's true classification.
// Errors: kFailedPrecondition when the store has no linkage run, or rows that the run did not see
// (ingested after it: run `samenzicht link` first).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "indicators/linked_involvement.h"
#include "indicators/measure_table.h"
#include "indicators/synth_truth.h"
#include "store/store.h"

namespace sz::pipeline {

// Every stored desk-extract row with its linked person and household.
Result<std::vector<indicators::LinkedInvolvement>> LinkedInvolvementsFromStore(store::Store& store);

struct CrossDeskRequest {
  std::string truth_dir;  // optional
  indicators::MeasureOptions options;
};

struct CrossDeskReport {
  size_t involvements = 0;
  indicators::MeasureTable table;
  std::optional<indicators::VtTruthComparison> truth_comparison;
};

Result<CrossDeskReport> ComputeCrossDesk(store::Store& store, const CrossDeskRequest& request);

}  // namespace sz::pipeline
