// Date-based reference time points (R's epochAsDate = TRUE). Internal.
//
// Matches surveillance 1.20.3: algo.farrington.referencetimepoints (farringtonFlexible) and
// refvalIdxByDate (algo.farrington), with R's seq.Date(by = "-1 year") (29 Feb → 1 Mar) and
// format(, "%w") weekdays. Checked by the golden cases "*_dated_*".
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/date.h"

namespace sz::detection::internal {

// R's seq(date, by = "-N year") / by = "N month": the same day of month, normalised like
// as.Date(POSIXlt) (an overflowing day runs into the next month).
Date ShiftMonths(const Date& date, int months);

// R's format(date, "%w"): 0 = Sunday … 6 = Saturday.
inline int RWeekday(const Date& date) { return date.IsoWeekday() % 7; }

// farringtonFlexible's reference dates r_0..r_b for the date at k (weekly: moved to the nearest
// date with k's weekday; monthly: unchanged).
std::vector<Date> FlexibleReferenceDates(const Date& at_k, int b, int frequency);

// algo.farrington's reference dates: for j = 1..b, the 2w+1 dates of the window around
// "j years back", moved to k's weekday (weekly) or day of month (monthly), in R's order.
std::vector<Date> FarringtonReferenceDates(const Date& at_k, int b, int w, int frequency);

// 1-based position of `date` in the (increasing) epoch dates, or nullopt.
std::optional<int> PositionOf(const std::vector<Date>& dates, const Date& date);

}  // namespace sz::detection::internal
