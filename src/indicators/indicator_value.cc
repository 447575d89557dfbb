#include "indicators/indicator_value.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "rmath/distributions.h"

namespace sz::indicators {

std::string BreakdownText(const std::string& name, const std::string& value) { return name + "=" + value; }

std::pair<double, double> PoissonExactInterval(double count, double level) {
  const double alpha = 1 - level;
  const double lower = count == 0 ? 0.0 : rmath::QGamma(alpha / 2, count);
  return {lower, rmath::QGamma(1 - alpha / 2, count + 1)};
}

std::pair<double, double> WilsonInterval(double x, double n, double level) {
  if (!(n > 0)) return {std::nan(""), std::nan("")};
  const double z = rmath::QNorm(1 - (1 - level) / 2);
  const double p = x / n, z2 = z * z;
  const double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const double half = z * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
  return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

void SortValues(std::vector<IndicatorValue>& values) {
  std::sort(values.begin(), values.end(), [](const IndicatorValue& a, const IndicatorValue& b) {
    return std::tie(a.level, a.region, a.period, a.breakdown) < std::tie(b.level, b.region, b.period, b.breakdown);
  });
}

}  // namespace sz::indicators
