#include "detection/internal/farrington_common.h"

#include <cfloat>
#include <cmath>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "detection/internal/r_arith.h"

namespace sz::detection::internal {

namespace {

// y^(2/3) for whole counts from a table (the same std::pow values, computed once), else std::pow.
constexpr int kTwoThirdsTableSize = 4096;
const double* TwoThirdsTable() {
  static const std::vector<double> table = [] {
    std::vector<double> values(kTwoThirdsTableSize);
    for (int i = 0; i < kTwoThirdsTableSize; ++i) values[i] = std::pow(static_cast<double>(i), 2.0 / 3);
    return values;
  }();
  return table.data();
}
inline double TwoThirdsPower(const double* table, double y) {
  if (y >= 0 && y < kTwoThirdsTableSize && y == static_cast<int>(y)) return table[static_cast<int>(y)];
  return std::pow(y, 2.0 / 3);
}

}  // namespace

std::vector<double> AnscombeResiduals(const GlmFit& fit, double phi) {
  thread_local std::vector<double> mu_power;
  mu_power.resize(fit.observations);
  for (int i = 0; i < fit.observations; ++i) {
    const double mu = fit.fitted[i];
    // μ^(−1/6) as exp(−η/6) where μ = exp(η) (not clamped): equal up to an ulp, a third of the cost.
    mu_power[i] = mu > DBL_EPSILON ? std::exp(fit.linear_predictor[i] * (-1.0 / 6)) : std::pow(mu, -1.0 / 6);
  }
  return AnscombeResiduals(fit, phi, mu_power);
}

std::vector<double> AnscombeResiduals(const GlmFit& fit, double phi, const std::vector<double>& mu_power) {
  const std::vector<double> hat = fit.Leverages();
  const int n = fit.observations;
  std::vector<double> s(n);
  // a = 1.5·(y^(2/3)·μ^(−1/6) − μ^(1/2)) with μ^(1/2) = μ·(μ^(−1/6))³ (within a few ulp, no square
  // root), then the square root and the division, which have no errno to set here (1 − h ≥ 0) and
  // so run two rows at a time with the same values.
  const double* two_thirds = TwoThirdsTable();
  for (int i = 0; i < n; ++i) {
    const double power = mu_power[i];
    s[i] = 1.5 * (TwoThirdsPower(two_thirds, fit.y[i]) * power - fit.fitted[i] * (power * power * power));
  }
  int i = 0;
#if defined(__SSE2__)
  const __m128d phi2 = _mm_set1_pd(phi), one = _mm_set1_pd(1.0);
  for (; i + 1 < n; i += 2) {
    const __m128d scale = _mm_sqrt_pd(_mm_mul_pd(phi2, _mm_sub_pd(one, _mm_loadu_pd(hat.data() + i))));
    _mm_storeu_pd(s.data() + i, _mm_div_pd(_mm_loadu_pd(s.data() + i), scale));
  }
#endif
  for (; i < n; ++i) s[i] = s[i] / std::sqrt(phi * (1 - hat[i]));
  return s;
}

std::vector<double> AnscombeWeights(const std::vector<double>& s, double threshold) {
  double denominator = 0.0;
  for (double v : s) denominator += v > threshold ? std::pow(v, -2.0) : 1.0;
  const double gamma = static_cast<double>(s.size()) / denominator;
  std::vector<double> omega(s.size());
  for (size_t i = 0; i < s.size(); ++i) omega[i] = s[i] > threshold ? gamma * std::pow(s[i], -2.0) : gamma;
  return omega;
}

PowerScale PowerTransformScale(double mu0, double tau, PowerTransform transform) {
  switch (transform) {
    case PowerTransform::kNone: return {std::sqrt(mu0 * tau), 1.0};
    case PowerTransform::kHalf: return {std::sqrt(1.0 / 4 * tau), 0.5};
    case PowerTransform::kTwoThirds: break;
  }
  return {std::sqrt(4.0 / 9 * std::pow(mu0, 1.0 / 3) * tau), 2.0 / 3};
}

double UpperOfSorted(double lower, double upper) {
  if (std::isnan(upper)) return lower;  // NaN first, then lower (or NaN)
  if (std::isnan(lower)) return upper;
  return lower > upper ? lower : upper;
}

double RMax(double a, double b) { return RPmax(a, b); }

}  // namespace sz::detection::internal
