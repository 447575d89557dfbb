// Median days to the next report (DOMAIN.md §4, Meedoen): how soon a report about the same person comes
// back to the same desk, with right-censoring handled by Kaplan–Meier.
//
// For a report R received on day t at a desk, the next report is the earliest report of the same kind
// received strictly after t that shares a linked person with R (same-day reports about the same
// person are one event). Kinds (the measure's categories):
//   veilig_thuis_melding   VT meldingen → next VT melding
//   veilig_thuis           VT adviezen and meldingen → next VT advies or melding
//   zorgwekkend_gedrag, woningvervuiling, wonen_verblijf   a report → next report at that desk
// (jeugdhulp and Wmo register trajectories, not reports, and are left out.)
// The time is days from t to the next report. A report without a next one on or before the data end
// (MeasureOptions::data_end, default the latest date in the input) is right-censored at data end − t.
// The median is the Kaplan–Meier median as R's survival::survfit reports it: the smallest event time
// at which the survival estimate is ≤ 0.5, or the midpoint to the next event time when it is exactly 0.5
// there (that time itself when no event follows; our choice, not checked against R); NaN (empty value)
// when the estimate never reaches 0.5. Checked by hand in tests/indicators/time_to_next_report_test.cc.
//
// Measure (rows of measure_table.h), by the period of t, at the report's gemeente and the wijk of its
// first betrokkene living there:
//   dagen_tot_volgende_melding / <kind>: value = median days; numerator = reports with an observed next
//                                        report; denominator = reports
//   volgende_melding_binnen_365_dagen / <kind>: reports with a next report within 365 days / reports with
//                                        a full year of follow-up (received ≤ data end − 365 days); a
//                                        plain proportion, defined where the median is not yet
//
//   ASSIGN_OR_RETURN(MeasureTable rows, TimeToNextReportMeasures(involvements, MeasureOptions{}));
// Errors: those of ValidateInvolvements. Thread safety: pure functions.
#pragma once

#include <span>
#include <utility>
#include <vector>

#include "core/status.h"
#include "indicators/linked_involvement.h"
#include "indicators/measure_table.h"

namespace sz::indicators {

// One observation: (days, true if the next report was observed / false if censored).
using SurvivalTime = std::pair<double, bool>;

// Kaplan–Meier median as described above; NaN when not reached or `times` is empty.
double KaplanMeierMedian(std::vector<SurvivalTime> times);

Result<MeasureTable> TimeToNextReportMeasures(std::span<const LinkedInvolvement> involvements,
                                              const MeasureOptions& options);

}  // namespace sz::indicators
