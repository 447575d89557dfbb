// Poisson and negative binomial quantile and upper tail by summing the pmf; see count_tails.h.
#include "detection/internal/count_tails.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "rmath/distributions.h"

namespace sz::detection::internal {
namespace {

constexpr int kMaxTerms = 4000;
// Below this a pmf term may lose precision to subnormal numbers: the rmath path takes over.
constexpr double kMinPmf = 1e-280;
// The tail sum stops when a bound of what is left is below this fraction of the sum.
constexpr double kTailTruncation = 1e-17;

struct Sums {
  bool quantile_ok = false;
  double quantile = 0.0;
  bool upper_ok = false;
  double upper = 1.0;
};

// pmf(0) = exp(log_p0) and pmf(k + 1) = pmf(k)·ratio(k). `ratio_bound` bounds ratio(j) for all
// j ≥ k wherever ratio(k) is not itself such a bound (ratio(k) decreasing in k). `x` is the tail's
// point (already floor(x + 1e-7)), or negative for no tail (the upper tail is then 1).
template <class Ratio>
Sums SumPmf(double p, double log_p0, double x, Ratio ratio, double ratio_bound) {
  Sums out;
  const double target = p * (1 - 8 * DBL_EPSILON);  // R's fuzz for left continuity
  double pmf = std::exp(log_p0);
  if (!(pmf >= kMinPmf)) return out;
  // F(k) carries a relative error of a few ε per term and |log_p0|·ε from pmf(0); the margin is
  // about 20 times that bound.
  const double margin_base = 1e-14 * (10 + std::fabs(log_p0));
  const bool want_tail = x >= 0;
  if (!want_tail) out.upper_ok = true;
  bool have_quantile = false;
  bool have_x = !want_tail || x > kMaxTerms;
  double cdf = pmf, cdf_before = 0.0, cdf_x = 0.0, pmf_x = 0.0;
  int k = 0;
  for (;;) {
    if (!have_quantile && cdf >= target) {
      const double margin = margin_base + 1e-14 * k;
      out.quantile_ok = cdf - target > margin && (k == 0 || target - cdf_before > margin);
      out.quantile = k;
      have_quantile = true;
    }
    if (!have_x && k == x) {
      cdf_x = cdf;
      pmf_x = pmf;
      have_x = true;
      out.upper_ok = true;  // provisionally; see below
    }
    if ((have_quantile && have_x) || k >= kMaxTerms) break;
    pmf *= ratio(k);
    ++k;
    if (!(pmf >= kMinPmf)) break;  // only past the mode, so F is within 1e-280·terms of 1
    cdf_before = cdf;
    cdf += pmf;
  }
  if (!want_tail || !out.upper_ok) return out;
  if (cdf_x <= 0.5) {
    out.upper = 1.0 - cdf_x;
    return out;
  }
  // P(X > x) = Σ_{j > x} pmf(j), stopped when pmf(j)·r/(1 − r) (r a bound of the later ratios)
  // is negligible.
  out.upper_ok = false;
  double term = pmf_x, sum = 0.0;
  for (int j = static_cast<int>(x); j - x <= kMaxTerms; ++j) {
    term *= ratio(j);  // pmf(j + 1)
    if (!(term >= kMinPmf)) return out;
    sum += term;
    const double r = std::max(ratio(j + 1), ratio_bound);
    if (r < 1 && term * r <= kTailTruncation * sum * (1 - r)) {
      out.upper = sum;
      out.upper_ok = true;
      return out;
    }
  }
  return out;
}

// floor(x + 1e-7) as R's pnbinom/ppois, or −1 where the upper tail is 1 (x < 0).
double TailPoint(double x) { return x < 0 ? -1.0 : std::floor(x + 1e-7); }

}  // namespace

CountTail PoissonQuantileAndTail(double p, double lambda, double x) {
  if (!(p > 0 && p < 1) || !(lambda > 0) || !std::isfinite(lambda) || !std::isfinite(x)) {
    return {rmath::QPois(p, lambda), rmath::PPois(x, lambda, /*lower_tail=*/false)};
  }
  const Sums sums = SumPmf(
      p, -lambda, TailPoint(x), [lambda](int k) { return lambda / (k + 1); }, 0.0);
  return {sums.quantile_ok ? sums.quantile : rmath::QPois(p, lambda),
          sums.upper_ok ? sums.upper : rmath::PPois(x, lambda, /*lower_tail=*/false)};
}

CountTail NegativeBinomialQuantileAndTail(double p, double size, double prob, double x) {
  if (!(p > 0 && p < 1) || !(size > 0) || !std::isfinite(size) || !(prob > 0 && prob < 1) || !std::isfinite(x)) {
    return {rmath::QNBinom(p, size, prob), rmath::PNBinom(x, size, prob, /*lower_tail=*/false)};
  }
  const double failure = 1.0 - prob;  // exact for prob ≥ 1/2
  // (size + k)(1 − prob)/(k + 1) decreases in k for size ≥ 1 and rises towards 1 − prob below.
  const Sums sums = SumPmf(
      p, size * std::log(prob), TailPoint(x), [size, failure](int k) { return (size + k) * failure / (k + 1); },
      size < 1 ? failure : 0.0);
  return {sums.quantile_ok ? sums.quantile : rmath::QNBinom(p, size, prob),
          sums.upper_ok ? sums.upper : rmath::PNBinom(x, size, prob, /*lower_tail=*/false)};
}

}  // namespace sz::detection::internal
