// surveillance::algo.farrington (fitFun algo.farrington.fitGLM.fast) re-implemented; see farrington.h.
#include "detection/farrington.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

#include "detection/glm.h"
#include "detection/internal/farrington_common.h"
#include "detection/internal/r_arith.h"
#include "detection/internal/reference_dates.h"
#include "detection/messages.h"
#include "rmath/distributions.h"

namespace sz::detection {
namespace {

using internal::kNA;
using internal::RMax;

struct Pass {
  GlmFit fit;
  bool has_trend = false;
  double phi = kNA;
};

DesignMatrix MakeDesign(const std::vector<double>& wtime, bool trend) {
  DesignMatrix x(static_cast<int>(wtime.size()), trend ? 2 : 1);
  for (int i = 0; i < x.rows(); ++i) {
    x(i, 0) = 1.0;
    if (trend) x(i, 1) = wtime[i];
  }
  return x;
}

// algo.farrington.fitGLM.fast.
Result<Pass> FitPass(const std::vector<double>& response, const std::vector<double>& wtime, bool trend, bool reweight) {
  Pass pass;
  DesignMatrix x = MakeDesign(wtime, trend);
  ASSIGN_OR_RETURN(pass.fit, FitLogLinearGlm(x, response));
  pass.has_trend = trend;
  if (!pass.fit.converged && trend) {  // "No convergence with timeTrend -- trying without."
    x = MakeDesign(wtime, false);
    pass.has_trend = false;
    ASSIGN_OR_RETURN(pass.fit, FitLogLinearGlm(x, response));
  }
  pass.phi = RMax(pass.fit.Dispersion(), 1.0);
  if (reweight) {
    const std::vector<double> s = internal::AnscombeResiduals(pass.fit, pass.phi);
    const std::vector<double> omega = internal::AnscombeWeights(s, 1.0);
    ASSIGN_OR_RETURN(pass.fit, FitLogLinearGlm(x, response, {}, omega));
    pass.phi = RMax(pass.fit.Dispersion(), 1.0);
  }
  return pass;
}

}  // namespace

Result<DetectionResult> Farrington(const Series& series, const FarringtonControl& control) {
  const int n = series.size();
  const int freq = series.frequency;
  if (control.b < 1 || control.w < 0) return InvalidArgumentError(msg::BAndW("farrington"));
  if (!(control.limit54.cases >= 0 && control.limit54.period > 0)) {
    return InvalidArgumentError(msg::Limit54OutOfBounds("farrington"));
  }
  const Range range = control.range.value_or(Range{freq * control.b - control.w, n});
  if (range.first < 1 || range.last > n || range.first > range.last) {
    return InvalidArgumentError(
        msg::FarringtonRangeOutside(range.first, range.last, n, control.b, control.w, freq * control.b - control.w));
  }
  const std::vector<double>& y = series.observed;
  DetectionResult result;
  result.method = "farrington";
  result.has_score = true;
  result.Reserve(range.size());
  std::vector<double> response, wtime;
  for (int k = range.first; k <= range.last; ++k) {
    response.clear();
    wtime.clear();
    if (series.dates.empty()) {
      for (int i = control.b; i >= 1; --i) {
        for (int t = k - freq * i - control.w; t <= k - freq * i + control.w; ++t) {
          if (t < 1 || std::isnan(y[t - 1])) continue;
          response.push_back(y[t - 1]);
          wtime.push_back(t);
        }
      }
    } else {  // refvalIdxByDate: dates not in the series are dropped (R warns)
      for (const Date& date : internal::FarringtonReferenceDates(series.dates[k - 1], control.b, control.w, freq)) {
        const std::optional<int> t = internal::PositionOf(series.dates, date);
        if (!t || std::isnan(y[*t - 1])) continue;
        response.push_back(y[*t - 1]);
        wtime.push_back(*t);
      }
    }
    if (response.empty()) {
      return InvalidArgumentError(msg::FarringtonNoReferenceValues(k, control.b, control.w, freq - control.w + 1));
    }
    ASSIGN_OR_RETURN(Pass pass, FitPass(response, wtime, control.trend, control.reweight));
    bool do_trend = control.trend;
    const std::vector<double> x_trend = {1.0, static_cast<double>(k)};
    if (pass.has_trend) {
      const double beta = pass.fit.coefficients[1];
      const double t_value = beta / std::sqrt(pass.fit.Dispersion() * pass.fit.UnscaledCoefficientVariance(1));
      const double p_value = 2 * rmath::PT(-std::fabs(t_value), pass.fit.df_residual);
      const double mu0_hat = std::max(std::exp(pass.fit.PredictLink(x_trend)), DBL_EPSILON);
      const double max_response = *std::max_element(response.begin(), response.end());
      if (!(control.b >= 3 && p_value < 0.05 && mu0_hat <= max_response)) {
        do_trend = false;
        ASSIGN_OR_RETURN(pass, FitPass(response, wtime, false, control.reweight));
      }
    } else {
      do_trend = false;
    }
    const std::vector<double> x_k = pass.has_trend ? x_trend : std::vector<double>{1.0};
    const double eta = pass.fit.PredictLink(x_k);
    const double mu0 = std::max(std::exp(eta), DBL_EPSILON);
    const double se_fit = std::sqrt(pass.phi * pass.fit.UnscaledLinkVariance(x_k)) * mu0;
    const double tau = pass.phi + se_fit * se_fit / mu0;
    const internal::PowerScale scale = internal::PowerTransformScale(mu0, tau, control.powertrans);
    const double z = rmath::QNorm(1 - control.alpha / 2);
    const double center = std::pow(mu0, scale.exponent);
    const double lower = std::pow(center - z * scale.sd, 1 / scale.exponent);
    const double upper_raw = std::pow(center + z * scale.sd, 1 / scale.exponent);
    const double upper = internal::UpperOfSorted(lower, upper_raw);
    const double median = std::pow(rmath::QNorm(0.5, center, scale.sd), 1 / scale.exponent);

    double recent = 0.0;
    for (int t = std::max(1, k - control.limit54.period + 1); t <= k; ++t) recent += y[t - 1];
    const int8_t enough = internal::RGreaterEqual(recent, control.limit54.cases);
    const double obs = y[k - 1];
    double x_ratio = kNA, upper_out = kNA;
    if (enough == 1) {
      x_ratio = (obs - mu0) / (upper - mu0);
      upper_out = upper;
    } else if (enough == 0) {
      x_ratio = 0.0;
      upper_out = 0.0;
    }
    result.time.push_back(k);
    result.observed.push_back(obs);
    result.expected.push_back(median);
    result.upperbound.push_back(upper_out);
    result.alarm.push_back(internal::RGreater(x_ratio, 1.0));
    result.score.push_back(x_ratio);
    result.phi.push_back(pass.phi);
    result.trend_coefficient.push_back(do_trend ? pass.fit.coefficients[1] : kNA);
  }
  return result;
}

}  // namespace sz::detection
