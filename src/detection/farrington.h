// The original Farrington algorithm (Farrington et al. 1996) as surveillance::algo.farrington.
//
// Contract (surveillance 1.20.3, spec §2 of r-reference-algorithms.md), per evaluated week k:
// - Baseline: for i = b..1 the weeks k − freq·i − w .. k − freq·i + w, dropping indices < 1
//   (R warns); with Series::dates (epochAsDate = TRUE) instead the 2w+1 dates around "i years
//   back", moved to k's weekday (or day of month), dropping dates not in the series (R warns).
//   Missing counts in the baseline are dropped too (R would stop: documented deviation).
//   Covariate wtime = the 1-based index, also for dated series (as R).
// - Quasi-Poisson GLM log μ = β₀ [+ β₁·wtime] by IRLS (glm.h); if the trend fit does not converge
//   the trend is dropped. φ = max(1, Pearson/(n − q)). If reweight: Anscombe residuals with the
//   fixed threshold 1, weights ω, refit, φ again.
// - Trend kept iff b ≥ 3, the t-test p-value of β₁ < 0.05 and the prediction does not exceed the
//   baseline maximum; otherwise a fresh no-trend pass.
// - Threshold: 2/3-power (or 1/2, none) normal approximation with z = qnorm(1 − alpha/2)
//   (two-sided), se(μ₀) from the floored φ.
// - Outputs: expected = μ₀ (R's control$pd[,2]); upperbound = U if ≥ limit54 cases in the last
//   limit54 weeks, else 0 (not NA); alarm = (y − μ₀)/(U − μ₀) > 1; score = that ratio (0 when
//   too few cases), as R's X.
// - Defaults: b 5, w 3, reweight, alpha 0.05, trend, limit54 (5, 4), powertrans 2/3,
//   range (freq·b − w):n.
// - Errors (kInvalidArgument): range outside 1..n, limit54 out of bounds, b < 1, w < 0; a week
//   whose baseline is empty (too little history) names the first week that can be evaluated.
// Thread safety: pure function.
//
//   FarringtonControl control;  // R's defaults
//   control.range = Range{261, 312};
//   ASSIGN_OR_RETURN(DetectionResult result, Farrington(series, control));
//
// Checked by tests/detection/golden_test.cc (cases "farrington_*").
#pragma once

#include <optional>

#include "core/status.h"
#include "detection/series.h"

namespace sz::detection {

// The skewness transformation of the normal-approximation threshold (control$powertrans).
enum class PowerTransform { kTwoThirds, kHalf, kNone };

struct Limit54 {
  double cases = 5;
  int period = 4;
};

struct FarringtonControl {
  std::optional<Range> range;  // default (freq·b − w):n
  int b = 5;
  int w = 3;
  bool reweight = true;
  double alpha = 0.05;
  bool trend = true;
  Limit54 limit54;
  PowerTransform powertrans = PowerTransform::kTwoThirds;
};

Result<DetectionResult> Farrington(const Series& series, const FarringtonControl& control);

}  // namespace sz::detection
