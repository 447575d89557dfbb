// Pieces shared by algo.farrington and farringtonFlexible: Anscombe residuals, outbreak
// down-weighting and the power-transformed normal threshold. Internal.
//
// Matches surveillance 1.20.3: anscombe.residuals, algo.farrington.assign.weights,
// algo.farrington.threshold(.farrington). Checked through the golden tests.
#pragma once

#include <vector>

#include "detection/farrington.h"
#include "detection/glm.h"

namespace sz::detection::internal {

// s_t = 1.5·(y^{2/3} μ^{−1/6} − μ^{1/2}) / sqrt(φ(1 − h_t)) for every row of a fit whose prior
// weights are all positive.
std::vector<double> AnscombeResiduals(const GlmFit& fit, double phi);
// The same with μ^(−1/6) of every row given (`mu_power`, fit.observations entries), for callers
// that can compute it more cheaply than one exp per row.
std::vector<double> AnscombeResiduals(const GlmFit& fit, double phi, const std::vector<double>& mu_power);

// γ = n / (Σ_{s>c} s^{−2} + #{s ≤ c}); ω = γ s^{−2} where s > c, else γ.
std::vector<double> AnscombeWeights(const std::vector<double>& s, double threshold);

// The skewness-corrected normal approximation: σ on the transformed scale and the exponent.
struct PowerScale {
  double sd;
  double exponent;
};
PowerScale PowerTransformScale(double mu0, double tau, PowerTransform transform);

// sort(c(lower, upper), na.last = FALSE)[2]: the larger bound, NaN entries first.
double UpperOfSorted(double lower, double upper);

// R's max(a, b) for two doubles: NaN if either is NaN.
double RMax(double a, double b);

}  // namespace sz::detection::internal
