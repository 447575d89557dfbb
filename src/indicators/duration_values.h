// Duration indicators (catalogue kind `duur`): the Kaplan–Meier median of the days from one date of a
// registration to another (`van` → `tot`), per region, period and breakdown — e.g. Veilig Thuis's lead
// time from receiving a report to closing it.
//
//   ASSIGN_OR_RETURN(std::vector<IndicatorValue> cells, DurationValues(indicator, vt_rows, "CR23"));
//
// A registration (distinct record id; its first row) counts in the period of its `van` date and in
// Twente, its gemeente and (wijk level) the wijk of that row when it lies in the gemeente, if it
// passes the filters. Without a `tot` date it is still running: censored at the last date of the data
// (the latest `van` or `tot` in the rows), never dropped — dropping would bias the median down. A
// `tot` before `van` counts as 0 days. value = the median as time_to_next_report.h's
// KaplanMeierMedian (R's survfit; missing when not reached) × factor; numerator = registrations
// closed, denominator = registrations. Breakdowns as for rates. Errors: kInvalidArgument for another
// kind or other rows; kDataError for a value of the wrong kind. Thread safety: pure function.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "indicators/catalog.h"
#include "indicators/indicator_value.h"
#include "indicators/rate.h"

namespace sz::indicators {

Result<std::vector<IndicatorValue>> DurationValues(const Indicator& indicator, const SourceRows& rows,
                                                   const std::string& twente_code);

}  // namespace sz::indicators
