// Distribution and quantile functions with R's semantics, for the detection thresholds.
//
// Contract: each function behaves as the R function of the same name (stats, R 4.2.2) for the
// arguments the detection methods use, including R's edge cases (sd = 0, size = 0, x < 0, p at 0
// or 1, NaN propagation: a NaN argument gives NaN). Invalid parameters give NaN (R warns and
// returns NaN), never an exception.
// - QPois / QNBinom follow R's discrete quantile search (src/nmath/qDiscrete_search.h): the
//   smallest integer x with F(x) ≥ p·(1 − 8·DBL_EPSILON), found from a Cornish–Fisher start by
//   unit steps, with coarser steps above 4096.
// - Continuous distributions come from Boost.Math; they agree with R's nmath to ~1e-15 relative.
// Thread safety: pure functions.
//
//   double upper = QNBinom(0.95, mu / (phi - 1), 1 / phi);  // mean mu, variance phi·mu
//
// Checked by tests/detection/quantiles_test.cc (values computed by R).
#pragma once

namespace sz::detection {

double QNorm(double p, double mean = 0.0, double sd = 1.0);
double PNorm(double x, double mean = 0.0, double sd = 1.0, bool lower_tail = true);
double PT(double t, double df, bool lower_tail = true);
double QT(double p, double df);
double PPois(double x, double lambda, bool lower_tail = true);
double QPois(double p, double lambda);
double PNBinom(double x, double size, double prob, bool lower_tail = true);
double QNBinom(double p, double size, double prob);

}  // namespace sz::detection
