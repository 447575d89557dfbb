// The improved Farrington algorithm (Noufaily et al. 2013) as surveillance::farringtonFlexible.
//
// Contract (surveillance 1.20.3, spec §1 of r-reference-algorithms.md), per evaluated week k:
// - Reference time points r_0 = k, r_1..r_b: by index r_i = k − freq·i (series without dates,
//   R's epochAsDate = FALSE), or by date (Series::dates, epochAsDate = TRUE): the date of k moved
//   i years back (29 Feb → 1 Mar) and, for weekly data, to the nearest date with k's weekday;
//   then wtime counts weeks from the first baseline week. A reference date missing from the
//   series is an error, as in R.
// - Season labels: the current window [k−w, k] and the windows [r_i − w, r_i + w] get label
//   noPeriods; with noPeriods > 1 each gap between windows is split into noPeriods − 1 blocks
//   labelled 1.. in time order. Weeks k − pastWeeksNotIncluded .. k are removed; missing counts
//   are dropped. The baseline keeps every labelled week.
// - Quasi-Poisson GLM log μ = β₀ [+ β₁·t] [+ season factor] [+ log population] by IRLS (glm.h).
//   A pass: fit; if it does not converge, drop the trend; if that does not converge either the
//   week gets NA (R warns). φ₀ = max(1, dispersion); if reweight: Anscombe residuals with
//   threshold weightsThreshold, weights ω, refit, φ = max(1, dispersion); then the package's
//   quirk: the working weights are replaced by ω, so the covariance uses D* (not floored).
// - Trend kept iff b ≥ 3, p(β₁) < pThresholdTrend and μ̂_k ≤ max(baseline); else a fresh pass
//   without trend.
// - Threshold: delta (power-transformed normal, one-sided z = qnorm(1 − alpha)), nbPlugin
//   (negative binomial quantile with mean exp(η₀), variance φ·mean; Poisson when φ = 1) or muan
//   (the same with mean exp(η₀ + z·se(η₀))).
// - Outputs as R: upperbound = U if ≥ limit54 cases in the last limit54 weeks, else NA;
//   expected = μ₀ (delta) or exp(η₀) when U exists and there are enough cases, else NA;
//   alarm = enough cases ∧ score > 1 ∧ y ≠ 0; score and pvalue as the package returns them
//   (score = (y − η₀)/(U − η₀) for nbPlugin/muan: η₀ on the log scale, a package quirk).
//   A week whose fit fails gets alarm/upperbound/score/pvalue NA and expected 0 (as R).
// - Defaults: b 5, w 3, reweight, weightsThreshold 2.58, alpha 0.05, trend, pThresholdTrend
//   0.05, limit54 (5, 4), powertrans 2/3, noPeriods 1, pastWeeksNotIncluded = w, delta,
//   no population offset, range (freq·b + w + 1):n.
// - Errors: kInvalidArgument for a bad control, a range outside 1..n, or a week with too little
//   history (the message says from which week on the series can be evaluated); "Number of
//   factors too big" as R.
// Thread safety: pure function.
//
//   FarringtonFlexibleControl noufaily;
//   noufaily.no_periods = 10; noufaily.past_weeks_not_included = 26; noufaily.p_threshold_trend = 1;
//   noufaily.threshold_method = ThresholdMethod::kNbPlugin;
//   ASSIGN_OR_RETURN(DetectionResult result, FarringtonFlexible(series, noufaily));
//
// Checked by tests/detection/golden_test.cc (cases "flexible_*").
#pragma once

#include <optional>

#include "core/status.h"
#include "detection/farrington.h"
#include "detection/series.h"

namespace sz::detection {

enum class ThresholdMethod { kDelta, kNbPlugin, kMuan };

struct FarringtonFlexibleControl {
  std::optional<Range> range;  // default (freq·b + w + 1):n
  int b = 5;
  int w = 3;
  bool reweight = true;
  double weights_threshold = 2.58;
  double alpha = 0.05;
  bool trend = true;
  double p_threshold_trend = 0.05;
  Limit54 limit54;
  PowerTransform powertrans = PowerTransform::kTwoThirds;
  bool population_offset = false;
  int no_periods = 1;
  std::optional<int> past_weeks_not_included;  // default w
  ThresholdMethod threshold_method = ThresholdMethod::kDelta;
};

Result<DetectionResult> FarringtonFlexible(const Series& series, const FarringtonFlexibleControl& control);

}  // namespace sz::detection
