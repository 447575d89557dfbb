// The 2030 targets: an indicator's yearly values of one region, the linear trend fitted to them, the
// value the trend projects for 2030 with its prediction interval, and whether that is on course for
// the (example) target (DOMAIN.md §4; docs/indicators.md, "Doelen 2030").
//
//   ASSIGN_OR_RETURN(TargetTrend trend, ProjectTarget(values, *indicator.target_2030, indicator.direction));
//   trend.status;   // "op_koers", "niet_op_koers" or "onzeker"
//
// Trend: ordinary least squares value = a + b·year over the given years (R: lm(value ~ year)), the
// projection with its prediction interval (R: predict(fit, data.frame(year = 2030), interval =
// "prediction", level = 0.95)). Status: with lager_is_beter `op_koers` when the whole interval lies at
// or below the target, `niet_op_koers` when it lies wholly above, else `onzeker` (mirrored for
// hoger_is_beter; for dichter_bij_nul_is_beter the distance to zero is compared with |target|). Fewer
// than 3 years: no projection and `onzeker`. Errors: kInvalidArgument without values.
// Thread safety: pure function.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "indicators/catalog.h"

namespace sz::indicators {

struct YearValue {
  int year = 0;
  double value = 0;
};

struct TargetTrend {
  int first_year = 0;  // the baseline: the first year given
  double first_value = 0;
  int last_year = 0;  // the latest year given
  double last_value = 0;
  int years = 0;                                  // points fitted
  std::optional<double> slope;                    // per year
  std::optional<double> projected, lower, upper;  // for target_year
  std::string status;                             // op_koers, niet_op_koers, onzeker
};

Result<TargetTrend> ProjectTarget(std::vector<YearValue> values, const Target& target, Direction direction,
                                  int target_year = 2030, double level = 0.95);

}  // namespace sz::indicators
