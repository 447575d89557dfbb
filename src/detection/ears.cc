// surveillance::earsC re-implemented; see ears.h.
#include "detection/ears.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "detection/internal/r_arith.h"
#include "detection/messages.h"
#include "rmath/distributions.h"

namespace sz::detection {
namespace {

using internal::RPmax;

struct MeanSd {
  double mean;
  double sd;
};

// mean() and sd() of y[first..last] (1-based); NaN if any value is missing.
MeanSd BaselineStats(const std::vector<double>& y, int first, int last) {
  const int count = last - first + 1;
  // R's mean(): long double sum, then a second pass to refine it.
  long double sum = 0.0L;
  for (int t = first; t <= last; ++t) sum += y[t - 1];
  long double mean_ld = sum / count;
  if (std::isfinite(static_cast<double>(mean_ld))) {
    long double correction = 0.0L;
    for (int t = first; t <= last; ++t) correction += y[t - 1] - mean_ld;
    mean_ld += correction / count;
  }
  const double mean = static_cast<double>(mean_ld);
  double ss = 0.0;
  for (int t = first; t <= last; ++t) ss += (y[t - 1] - mean) * (y[t - 1] - mean);
  return {mean, std::sqrt(ss / (count - 1))};
}

}  // namespace

Result<DetectionResult> EarsC(const Series& series, const EarsControl& control) {
  const int n = series.size();
  const int nb = control.baseline;
  if (control.min_sigma < 0) return InvalidArgumentError(msg::EarsNegativeMinSigma());
  if (nb < 3) return InvalidArgumentError(msg::EarsBaselineTooSmall());
  const char* name = control.method == EarsMethod::kC1 ? "C1" : control.method == EarsMethod::kC2 ? "C2" : "C3";
  const int max_lag = control.method == EarsMethod::kC1 ? nb : control.method == EarsMethod::kC2 ? nb + 2 : nb + 4;
  const double alpha = control.alpha.value_or(control.method == EarsMethod::kC3 ? 0.025 : 0.001);
  Range range = control.range.value_or(Range{max_lag + 1, n});
  if (range.first < 1 || range.last > n || range.first > range.last) {
    return InvalidArgumentError(msg::RangeOutsideSeries("earsC" + std::string(name), range.first, range.last, n));
  }
  if (range.first - max_lag < 1) {
    return InvalidArgumentError(msg::EarsTooLittleHistory("earsC" + std::string(name), nb, max_lag, range.first));
  }
  const double z = rmath::QNorm(1 - alpha);
  const double min_sigma = control.min_sigma;
  const std::vector<double>& y = series.observed;

  DetectionResult result;
  result.method = std::string("earsC") + name;
  result.has_score = true;
  result.Reserve(range.size());
  for (int k = range.first; k <= range.last; ++k) {
    double expected, upper, score;
    if (control.method == EarsMethod::kC1 || control.method == EarsMethod::kC2) {
      const int lag = control.method == EarsMethod::kC1 ? 0 : 2;
      const MeanSd stats = BaselineStats(y, k - nb - lag, k - 1 - lag);
      expected = stats.mean;
      upper = stats.mean + z * RPmax(stats.sd, min_sigma);
      score = (y[k - 1] - stats.mean) / RPmax(stats.sd, min_sigma);
    } else {
      double lag_terms = 0.0;
      for (int u = k - 2; u <= k - 1; ++u) {
        const MeanSd stats = BaselineStats(y, u - nb - 2, u - 3);
        const double c2 = (y[u - 1] - stats.mean) / RPmax(stats.sd, min_sigma);
        lag_terms += RPmax(0.0, c2 - 1);
      }
      const MeanSd current = BaselineStats(y, k - nb - 2, k - 3);
      expected = current.mean;
      upper = RPmax(0.0, y[k - 1] + RPmax(current.sd, min_sigma) * (z - lag_terms));
      score = lag_terms;
    }
    result.time.push_back(k);
    result.observed.push_back(y[k - 1]);
    result.expected.push_back(expected);
    result.upperbound.push_back(upper);
    result.alarm.push_back(internal::RGreater(y[k - 1], upper));
    result.score.push_back(score);
  }
  return result;
}

}  // namespace sz::detection
