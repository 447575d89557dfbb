// The quantile and the upper tail of a Poisson or negative binomial count in one pass over its
// probability mass function: farringtonFlexible's nbPlugin threshold and p-value (Noufaily et al.
// 2013) without Boost's long-double incomplete beta and gamma functions. Internal to the detection
// module.
//
// Contract:
//   PoissonQuantileAndTail(p, lambda, x)           == {rmath::QPois(p, lambda), rmath::PPois(x, lambda, false)}
//   NegativeBinomialQuantileAndTail(p, size, prob, x)
//                                                  == {rmath::QNBinom(p, size, prob),
//                                                      rmath::PNBinom(x, size, prob, false)}
// for every argument: the quantile exactly, the upper tail P(X > floor(x + 1e-7)) to about 1e-13
// relative. Method: pmf(0) = e^{−λ} or prob^size, then pmf(k + 1) = pmf(k)·λ/(k + 1) or
// pmf(k)·(size + k)(1 − prob)/(k + 1), summed into F(k). The quantile is the smallest k with
// F(k) ≥ p·(1 − 8·DBL_EPSILON), R's fuzzed search (src/nmath/qDiscrete_search.h); the upper tail is
// 1 − F(x) where F(x) ≤ 1/2, else the sum of the pmf beyond x (no cancellation). Where this cannot
// be sure of R's answer it calls the rmath functions instead: F within a rounding margin of the
// fuzzed p at the quantile (about 1e-14·terms), a pmf below 1e-280 where it is needed, more than
// 4,000 terms, or arguments outside 0 < lambda, 0 < size < ∞, 0 < prob < 1 (R's edge cases).
// Thread safety: pure functions.
//
//   const CountTail tail = NegativeBinomialQuantileAndTail(0.95, mu / (phi - 1), 1 / phi, y - 1);
//   // tail.quantile: the upper bound; tail.upper: P(Y ≥ y)
//
// Checked by tests/detection/count_tails_test.cc against the rmath functions on random arguments.
#pragma once

namespace sz::detection::internal {

struct CountTail {
  double quantile;  // smallest k with P(X ≤ k) ≥ p (R's fuzz)
  double upper;     // P(X > floor(x + 1e-7)); 1 for x < 0
};

CountTail PoissonQuantileAndTail(double p, double lambda, double x);
CountTail NegativeBinomialQuantileAndTail(double p, double size, double prob, double x);

}  // namespace sz::detection::internal
