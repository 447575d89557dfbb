// Quantile functions as R's qnorm, qt and qbeta (Boost.Math), returning NaN where R returns NaN
// (df ≤ 0, shape ≤ 0 handled as R's limits) instead of throwing.
#pragma once

namespace sz::survey::internal {

double QNorm(double p);
// df = +inf gives QNorm.
double QT(double p, double df);
// R's qbeta limits: shape1 = 0 gives 0, shape2 = 0 gives 1.
double QBeta(double p, double shape1, double shape2);

}  // namespace sz::survey::internal
