// CUSUM for persistent shifts in counts (Rossi et al. 1999), as surveillance::algo.cusum.
//
// Contract (surveillance 1.20.3, spec §4 of r-reference-algorithms.md):
// - Reference mean m: the mean of y[1 .. first−1] (m = mean, R's default m = NULL), a fixed value,
//   or (m = glm) a Poisson GLM y ~ 1 + cos(2πt/f) + sin(2πt/f) fitted on 1 .. first−1 with
//   t = start_week + index − 1 and predicted at the range.
// - Standardisation `trans`: standard (y−m)/√m, rossi (y − 3m + 2√(ym))/(2√m), anscombe,
//   anscombe2nd, pearsonNegBin (with alpha), none.
// - S_0 = 0, S_t = max(0, S_{t−1} + x_t − k), alarm ⇔ S_t ≥ h; no reset (as 1.20.3). NA propagates
//   through S from a missing count onwards (R's max(0, NA) is NA).
// - upperbound is the count that would make S_t = h (formulas per trans; NA and negative → 0).
// - Outputs: expected = m, upperbound, alarm, score = S_t.
// - There is no default range in R: `range` must be given (kInvalidArgument otherwise); it must
//   start at 2 or later so that m has data.
// Thread safety: pure function.
//
//   CusumControl control{.range = Range{209, 260}, .trans = CusumTransform::kRossi};
//   ASSIGN_OR_RETURN(DetectionResult result, Cusum(series, control));
//
// Checked by tests/detection/golden_test.cc (cases "cusum*").
#pragma once

#include <optional>

#include "core/status.h"
#include "detection/series.h"

namespace sz::detection {

enum class CusumTransform { kStandard, kRossi, kAnscombe, kAnscombe2nd, kPearsonNegBin, kNone };
enum class CusumMean { kMean, kGlm, kValue };

struct CusumControl {
  std::optional<Range> range;
  double k = 1.04;
  double h = 2.26;
  CusumMean m = CusumMean::kMean;
  double m_value = 0.0;  // used when m == kValue
  CusumTransform trans = CusumTransform::kStandard;
  double alpha = 0.1;    // pearsonNegBin only
};

Result<DetectionResult> Cusum(const Series& series, const CusumControl& control);

}  // namespace sz::detection
