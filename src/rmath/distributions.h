// Distribution and quantile functions with R's semantics (R's nmath, as the stats package calls
// it), shared by the survey intervals and the detection thresholds.
//
// Contract: each function behaves as the R function of the same name (stats, R 4.2.2) for the
// arguments the survey and detection methods use, including R's edge cases (sd = 0, size = 0, x < 0,
// p at 0 or 1, NaN propagation: a NaN argument gives NaN). Invalid parameters give NaN (R warns and
// returns NaN), never an exception.
// - QPois / QNBinom follow R's discrete quantile search (src/nmath/qDiscrete_search.h): the
//   smallest integer x with F(x) ≥ p·(1 − 8·DBL_EPSILON), found from a Cornish–Fisher start by
//   unit steps, with coarser steps above 4096.
// - QT with df = +Inf is QNorm. QBeta treats a zero or infinite shape as R's qbeta does (a point
//   mass: shape1 = 0 gives 0, shape2 = 0 gives 1; src/nmath/qbeta.c).
// - Continuous distributions come from Boost.Math; they agree with R's nmath to ~1e-15 relative.
//   A Boost evaluation failure in QT or QBeta gives NaN.
// Thread safety: pure functions.
//
//   double upper = QNBinom(0.95, mu / (phi - 1), 1 / phi);  // mean mu, variance phi·mu
//   double t = QT(0.975, df);                               // a 95% interval's multiplier
//
// Checked by tests/rmath/distributions_test.cc (values computed by R).
#pragma once

namespace sz::rmath {

double QNorm(double p, double mean = 0.0, double sd = 1.0);
double PNorm(double x, double mean = 0.0, double sd = 1.0, bool lower_tail = true);
double PT(double t, double df, bool lower_tail = true);
double QT(double p, double df);
double QBeta(double p, double shape1, double shape2);
// R's qgamma(p, shape, scale = scale): a zero shape is a point mass at 0. Exact Poisson intervals
// (R's poisson.test) are QGamma(α/2, x) and QGamma(1 − α/2, x + 1).
double QGamma(double p, double shape, double scale = 1.0);
double PPois(double x, double lambda, bool lower_tail = true);
double QPois(double p, double lambda);
double PNBinom(double x, double size, double prob, bool lower_tail = true);
double QNBinom(double p, double size, double prob);

}  // namespace sz::rmath
