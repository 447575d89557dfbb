#include "detection/forecast.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "detection/glm.h"
#include "detection/messages.h"
#include "rmath/distributions.h"

namespace sz::detection {
namespace {

constexpr double kWeeksPerYear = 365.25 / 7;  // 52.1775

std::vector<double> Row(double t) {
  const double angle = 2 * std::numbers::pi * t / kWeeksPerYear;
  return {1.0, t, std::sin(angle), std::cos(angle)};
}

double CountQuantile(double p, double mu, double phi) {
  if (!(mu > 0)) return 0;
  return phi > 1 ? rmath::QNBinom(p, mu / (phi - 1), 1 / phi) : rmath::QPois(p, mu);
}

}  // namespace

Result<std::vector<ForecastWeek>> ForecastWeekly(const std::vector<double>& counts, const ForecastOptions& options) {
  const int n = static_cast<int>(counts.size());
  const int first = std::max(0, n - options.history);
  std::vector<double> y;
  std::vector<double> t;
  for (int i = first; i < n; ++i) {
    if (std::isnan(counts[i])) continue;
    y.push_back(counts[i]);
    t.push_back(i - first + 1);
  }
  if (y.size() < 8) return FailedPreconditionError(msg::TooShortToForecast(y.size()));
  DesignMatrix x(static_cast<int>(y.size()), 4);
  for (size_t r = 0; r < y.size(); ++r) {
    const std::vector<double> row = Row(t[r]);
    for (int c = 0; c < 4; ++c) x(static_cast<int>(r), c) = row[c];
  }
  ASSIGN_OR_RETURN(GlmFit fit, FitLogLinearGlm(x, y));
  double phi = fit.Dispersion();
  if (!std::isfinite(phi)) phi = 1;
  const double z = rmath::QNorm(1 - (1 - options.level) / 2);
  std::vector<ForecastWeek> out;
  for (int ahead = 1; ahead <= options.horizon; ++ahead) {
    const std::vector<double> row = Row(n - first + ahead);
    const double eta = fit.PredictLink(row);
    const double se = std::sqrt(std::max(0.0, phi * fit.UnscaledLinkVariance(row)));
    ForecastWeek week;
    week.ahead = ahead;
    week.expected = std::exp(eta);
    week.lower = CountQuantile((1 - options.level) / 2, std::exp(eta - z * se), phi);
    week.upper = CountQuantile(1 - (1 - options.level) / 2, std::exp(eta + z * se), phi);
    out.push_back(week);
  }
  return out;
}

}  // namespace sz::detection
