// surveillance::algo.cusum re-implemented; see cusum.h.
#include "detection/cusum.h"

#include <cmath>
#include <numbers>
#include <string>

#include "detection/glm.h"
#include "detection/internal/r_arith.h"
#include "detection/messages.h"

namespace sz::detection {

using internal::kNA;
using internal::RPmax;

Result<DetectionResult> Cusum(const Series& series, const CusumControl& control) {
  const int n = series.size();
  if (!control.range) {
    return InvalidArgumentError(msg::CusumRangeRequired());
  }
  const Range range = *control.range;
  if (range.first < 2 || range.last > n || range.first > range.last) {
    return InvalidArgumentError(msg::CusumRangeOutside(range.first, range.last, n));
  }
  const std::vector<double>& y = series.observed;
  const int count = range.size();
  std::vector<double> m(count);
  if (control.m == CusumMean::kValue) {
    std::fill(m.begin(), m.end(), control.m_value);
  } else if (control.m == CusumMean::kMean) {
    long double sum = 0.0L;
    const int training = range.first - 1;
    for (int t = 1; t <= training; ++t) sum += y[t - 1];
    long double mean = sum / training;
    if (std::isfinite(static_cast<double>(mean))) {
      long double correction = 0.0L;
      for (int t = 1; t <= training; ++t) correction += y[t - 1] - mean;
      mean += correction / training;
    }
    std::fill(m.begin(), m.end(), static_cast<double>(mean));
  } else {
    const int training = range.first - 1;
    const double omega = 2 * std::numbers::pi / series.frequency;
    DesignMatrix x(training, 3);
    std::vector<double> response(training);
    for (int idx = 1; idx <= training; ++idx) {
      const double t = series.start_week + idx - 1;
      x(idx - 1, 0) = 1;
      x(idx - 1, 1) = std::cos(omega * t);
      x(idx - 1, 2) = std::sin(omega * t);
      response[idx - 1] = y[idx - 1];
      if (std::isnan(response[idx - 1])) {
        return InvalidArgumentError(msg::CusumGlmNeedsCompleteCounts(idx));
      }
    }
    ASSIGN_OR_RETURN(GlmFit fit, FitLogLinearGlm(x, response));
    for (int i = 0; i < count; ++i) {
      const double t = series.start_week + range.first + i - 1;
      const double eta = fit.PredictLink({1.0, std::cos(omega * t), std::sin(omega * t)});
      m[i] = std::max(std::exp(eta), 2.220446049250313e-16);
    }
  }

  DetectionResult result;
  result.method = "cusum";
  result.has_score = true;
  result.Reserve(count);
  const double k = control.k;
  const double h = control.h;
  double s_prev = 0.0;
  for (int i = 0; i < count; ++i) {
    const int t = range.first + i;
    const double obs = y[t - 1];
    const double mi = m[i];
    double x = kNA;
    switch (control.trans) {
      case CusumTransform::kRossi: x = (obs - 3 * mi + 2 * std::sqrt(obs * mi)) / (2 * std::sqrt(mi)); break;
      case CusumTransform::kStandard: x = (obs - mi) / std::sqrt(mi); break;
      case CusumTransform::kAnscombe:
        x = 1.5 * (std::pow(obs, 2.0 / 3) - std::pow(mi, 2.0 / 3)) / std::pow(mi, 1.0 / 6);
        break;
      case CusumTransform::kAnscombe2nd:
        x = (std::pow(obs, 2.0 / 3) - (std::pow(mi, 2.0 / 3) - std::pow(mi, -1.0 / 3) / 9)) /
            (2.0 / 3 * std::pow(mi, 1.0 / 6));
        break;
      case CusumTransform::kPearsonNegBin: x = (obs - mi) / std::sqrt(mi + control.alpha * mi * mi); break;
      case CusumTransform::kNone: x = obs; break;
    }
    const double s = RPmax(0.0, s_prev + (x - k));
    double upper = kNA;
    const double ctm1 = s_prev;
    switch (control.trans) {
      case CusumTransform::kRossi:
        upper = 2 * h * std::sqrt(mi) + 2 * k * std::sqrt(mi) - 2 * ctm1 * std::sqrt(mi) + 5 * mi -
                2 * std::sqrt(4 * mi * mi + 2 * std::pow(mi, 1.5) * h + 2 * std::pow(mi, 1.5) * k -
                              2 * std::pow(mi, 1.5) * ctm1);
        break;
      case CusumTransform::kStandard: upper = std::ceil(std::sqrt(mi) * (h + k - ctm1) + mi); break;
      case CusumTransform::kAnscombe: {
        const double base = (2.0 / 3) * std::pow(mi, 1.0 / 6) * (h + k - ctm1) + std::pow(mi, 2.0 / 3);
        upper = std::isnan(base) ? kNA : (base < 0 ? 0.0 : std::pow(base, 1.5));
        break;
      }
      case CusumTransform::kAnscombe2nd: {
        const double base =
            (2.0 / 3) * std::pow(mi, 1.0 / 6) * (h + k - ctm1) + (std::pow(mi, 2.0 / 3) - std::pow(mi, 1.0 / 3) / 9);
        upper = std::isnan(base) ? kNA : (base < 0 ? 0.0 : std::pow(base, 1.5));
        break;
      }
      case CusumTransform::kPearsonNegBin: upper = std::sqrt(mi + control.alpha * mi * mi) * (h + k - ctm1) + mi; break;
      case CusumTransform::kNone: upper = h - s; break;
    }
    if (std::isnan(upper) || upper < 0) upper = 0.0;
    result.time.push_back(t);
    result.observed.push_back(obs);
    result.expected.push_back(mi);
    result.upperbound.push_back(upper);
    result.alarm.push_back(internal::RGreaterEqual(s, h));
    result.score.push_back(s);
    s_prev = s;
  }
  return result;
}

}  // namespace sz::detection
