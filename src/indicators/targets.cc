#include "indicators/targets.h"

#include <algorithm>
#include <cmath>

#include "indicators/messages.h"
#include "rmath/distributions.h"

namespace sz::indicators {

Result<TargetTrend> ProjectTarget(std::vector<YearValue> values, const Target& target, Direction direction,
                                  int target_year, double level) {
  if (values.empty()) return InvalidArgumentError(msg::NoValuesForTarget());
  std::sort(values.begin(), values.end(), [](const YearValue& a, const YearValue& b) { return a.year < b.year; });
  TargetTrend trend;
  trend.first_year = values.front().year;
  trend.first_value = values.front().value;
  trend.last_year = values.back().year;
  trend.last_value = values.back().value;
  trend.years = static_cast<int>(values.size());
  trend.status = "onzeker";
  const double n = static_cast<double>(values.size());
  if (values.size() < 3) return trend;
  double mean_x = 0, mean_y = 0;
  for (const YearValue& v : values) {
    mean_x += v.year / n;
    mean_y += v.value / n;
  }
  double sxx = 0, sxy = 0;
  for (const YearValue& v : values) {
    sxx += (v.year - mean_x) * (v.year - mean_x);
    sxy += (v.year - mean_x) * (v.value - mean_y);
  }
  const double slope = sxy / sxx, intercept = mean_y - slope * mean_x;
  double rss = 0;
  for (const YearValue& v : values) rss += std::pow(v.value - intercept - slope * v.year, 2);
  const double s = std::sqrt(rss / (n - 2));
  const double fit = intercept + slope * target_year;
  const double half = rmath::QT(1 - (1 - level) / 2, n - 2) * s *
                      std::sqrt(1 + 1 / n + (target_year - mean_x) * (target_year - mean_x) / sxx);
  trend.slope = slope;
  trend.projected = fit;
  trend.lower = fit - half;
  trend.upper = fit + half;
  double low = *trend.lower, high = *trend.upper, goal = target.value;
  if (direction == Direction::kCloserToZeroIsBetter) {
    // Distance to zero: the interval of |value| and |target|.
    const double a = std::fabs(low), b = std::fabs(high);
    low = (low <= 0 && high >= 0) ? 0 : std::min(a, b);
    high = std::max(a, b);
    goal = std::fabs(goal);
  }
  const bool lower_is_better = direction != Direction::kHigherIsBetter;
  if (lower_is_better) {
    trend.status = high <= goal ? "op_koers" : low > goal ? "niet_op_koers" : "onzeker";
  } else {
    trend.status = low >= goal ? "op_koers" : high < goal ? "niet_op_koers" : "onzeker";
  }
  return trend;
}

}  // namespace sz::indicators
