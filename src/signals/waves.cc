#include "signals/waves.h"

#include <algorithm>
#include <cmath>

#include "rmath/distributions.h"
#include "signals/messages.h"

namespace sz::signals {
namespace {

constexpr double kZ975 = 1.959963984540054;

double Logit(double p) { return std::log(p / (1 - p)); }

bool Usable(const SurveyEstimate& e) {
  return e.p > 0 && e.p < 1 && e.lower > 0 && e.upper < 1 && e.lower < e.upper && e.lower <= e.p && e.p <= e.upper;
}

WaveTest Test(double difference, double logit_difference, double variance, bool higher_is_worse) {
  WaveTest t;
  t.difference = difference;
  t.z = logit_difference / std::sqrt(std::max(variance, 1e-12));
  t.p_value = rmath::PNorm(t.z, 0.0, 1.0, /*lower_tail=*/!higher_is_worse);
  return t;
}

}  // namespace

Result<double> LogitStandardError(const SurveyEstimate& e) {
  if (!Usable(e)) return FailedPreconditionError(msg::WaveEstimateUnusable());
  return (Logit(e.upper) - Logit(e.lower)) / (2 * kZ975);
}

Result<WaveTest> TestWaveChange(const SurveyEstimate& before, const SurveyEstimate& after, bool higher_is_worse) {
  ASSIGN_OR_RETURN(double se1, LogitStandardError(before));
  ASSIGN_OR_RETURN(double se2, LogitStandardError(after));
  return Test(after.p - before.p, Logit(after.p) - Logit(before.p), se1 * se1 + se2 * se2, higher_is_worse);
}

Result<WaveTest> TestPartAgainstWhole(const SurveyEstimate& part, const SurveyEstimate& whole, double share,
                                      bool higher_is_worse) {
  ASSIGN_OR_RETURN(double se_part, LogitStandardError(part));
  ASSIGN_OR_RETURN(double se_whole, LogitStandardError(whole));
  const double w = std::clamp(share, 0.0, 1.0);
  const double covariance = w * se_part * se_part * part.p * (1 - part.p) / (whole.p * (1 - whole.p));
  const double variance = se_part * se_part + se_whole * se_whole - 2 * covariance;
  return Test(part.p - whole.p, Logit(part.p) - Logit(whole.p), variance, higher_is_worse);
}

}  // namespace sz::signals
