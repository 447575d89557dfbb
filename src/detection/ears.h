// EARS C1, C2 and C3 (CDC's Early Aberration Reporting System) for short histories.
//
// Contract (surveillance::earsC, 1.20.3; spec §3 of r-reference-algorithms.md):
// - C1: baseline y[k−n_b .. k−1]; C2: y[k−n_b−2 .. k−3] (two-week guard band);
//   upperbound = mean + z·max(sd, minSigma), z = qnorm(1 − alpha), sd the sample SD (n − 1).
// - C3 as the package implements it: S_k = Σ_{u∈{k−2,k−1}} max(0, C2_u − 1) and
//   upperbound = max(0, y_k + max(sd_k, minSigma)·(z − S_k)); the current week's C2 does not enter.
// - alarm = observed > upperbound; NaN (R's NA) propagates: a missing count in the baseline gives
//   NA bound and alarm; with minSigma = 0 and a constant baseline C3 gives NA.
// - `expected` is the baseline mean at k (C2's baseline for C3) and `score` the statistic that is
//   compared with z: (y − mean)/max(sd, minSigma) for C1/C2 (alarm ⇔ score > z), S_k for C3
//   (alarm ⇔ S_k > z when sd_k > 0 and y_k > 0). R computes both internally but does not return
//   them.
// - Defaults: baseline 7, minSigma 0, alpha 0.001 (C1, C2) or 0.025 (C3), range from
//   baseline+1 (C1), baseline+3 (C2), baseline+5 (C3) to the end.
// - Errors (kInvalidArgument): baseline < 3, minSigma < 0, range outside 1..n, or a range that
//   starts before enough history ("needs k ≥ ...").
// Thread safety: pure function.
//
//   EarsControl control{.method = EarsMethod::kC2};
//   ASSIGN_OR_RETURN(DetectionResult result, EarsC(series, control));
//
// Checked by tests/detection/golden_test.cc against R (golden files, cases "ears*").
#pragma once

#include <optional>

#include "core/status.h"
#include "detection/series.h"

namespace sz::detection {

enum class EarsMethod { kC1, kC2, kC3 };

struct EarsControl {
  EarsMethod method = EarsMethod::kC1;
  int baseline = 7;
  double min_sigma = 0.0;
  std::optional<double> alpha;  // unset: 0.001 for C1/C2, 0.025 for C3
  std::optional<Range> range;
};

Result<DetectionResult> EarsC(const Series& series, const EarsControl& control);

}  // namespace sz::detection
