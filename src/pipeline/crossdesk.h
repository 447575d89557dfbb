// Cross-desk measures over the store: joins every stored desk-extract row with the person and
// household the latest linkage run gave it, and computes the measures of indicators/ (VT meldingen
// as hermelding / vervolgmelding / nieuw, known at another desk, households at ≥ 2 desks, the
// desk-overlap matrix, organisations per family, placements per placed child, placements preceded
// by Veilig Thuis, days to the next report), per gemeente, wijk and Twente, per quarter and year.
//
//   ASSIGN_OR_RETURN(CrossDeskReport report, ComputeCrossDesk(workspace, CrossDeskRequest{}));
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
#include "indicators/truth_comparison.h"
#include "pipeline/workspace.h"
#include "store/store.h"

namespace sz::pipeline {

// Every stored desk-extract row with its linked person and household.
Result<std::vector<indicators::LinkedInvolvement>> LinkedInvolvementsFromStore(store::Store& store);

struct CrossDeskRequest {
  std::string truth_dir;  // optional
  std::string out_csv;    // optional: every row (indicators::WriteMeasuresCsv) with provenance in OUT.json
  indicators::MeasureOptions options;
};

// The headline figures for Twente in one year, in percent (NaN when the denominator is 0).
struct CrossDeskYear {
  std::string year;
  double meldingen = 0;       // VT meldingen classified
  double hermelding_pct = 0;  // of those: hermelding, vervolgmelding, nieuw
  double vervolgmelding_pct = 0;
  double nieuw_pct = 0;
  double bekend_elders_pct = 0;            // meldingen whose person was known at another desk
  double huishoudens_meerdere_pct = 0;     // households known at ≥ 2 desks
  double gezin_drie_organisaties_pct = 0;  // families with ≥ 3 organisations
};

struct CrossDeskReport {
  size_t involvements = 0;
  indicators::MeasureTable table;
  std::vector<CrossDeskYear> twente_by_year;  // the table `samenzicht crossdesk` prints
  std::optional<indicators::VtTruthComparison> truth_comparison;
};

Result<CrossDeskReport> ComputeCrossDesk(Workspace& workspace, const CrossDeskRequest& request);

}  // namespace sz::pipeline
