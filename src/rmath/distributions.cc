// R-compatible distribution functions; see distributions.h.
#include "rmath/distributions.h"

#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <boost/math/special_functions/beta.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <cfloat>
#include <cmath>
#include <limits>

namespace sz::rmath {
namespace {

namespace bm = boost::math;
using Policy = bm::policies::policy<
    bm::policies::domain_error<bm::policies::ignore_error>, bm::policies::overflow_error<bm::policies::ignore_error>,
    bm::policies::evaluation_error<bm::policies::ignore_error>, bm::policies::pole_error<bm::policies::ignore_error>>;
// Student t in double precision (no long double promotion): only used for PT (detection's trend test
// p-value; its golden tests were computed on this path).
using FastPolicy =
    bm::policies::policy<bm::policies::domain_error<bm::policies::ignore_error>,
                         bm::policies::overflow_error<bm::policies::ignore_error>,
                         bm::policies::evaluation_error<bm::policies::ignore_error>,
                         bm::policies::pole_error<bm::policies::ignore_error>, bm::policies::promote_double<false>>;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// R's q_DISCRETE_BODY (qDiscrete_search.h), lower tail, not log: `cdf(y)` is P(Y ≤ y).
template <typename Cdf>
double DiscreteQuantile(double p, double mu, double sigma, double gamma, Cdf cdf) {
  double z = QNorm(p);
  double y = std::nearbyint(mu + sigma * (z + gamma * (z * z - 1) / 6));
  if (y < 0) y = 0.0;
  z = cdf(y);
  p *= 1 - 8 * DBL_EPSILON;  // fuzz to ensure left continuity
  auto search = [&](double y_start, double incr) {
    double yy = y_start;
    if (z >= p) {  // search to the left
      for (;;) {
        double new_z = -1.0;
        if (yy > 0) {
          new_z = cdf(yy - incr);
        } else if (yy < 0) {
          yy = 0;
        }
        if (yy == 0 || std::isnan(new_z) || new_z < p) return yy;
        yy = std::fmax(0.0, yy - incr);
        z = new_z;
      }
    }
    for (;;) {  // search to the right
      yy += incr;
      z = cdf(yy);
      if (std::isnan(z) || z >= p) return yy;
    }
  };
  if (y < 4096) return search(y, 1);
  double incr = std::floor(y / 64);
  double old_incr;
  do {
    old_incr = incr;
    y = search(y, incr);
    incr = std::fmax(1, std::floor(incr / 8));
  } while (old_incr > 1 && incr > y * 1e-15);
  return y;
}

}  // namespace

double QNorm(double p, double mean, double sd) {
  if (std::isnan(p) || std::isnan(mean) || std::isnan(sd)) return p + mean + sd;
  if (p < 0 || p > 1) return kNaN;
  if (p == 0) return -kInf;
  if (p == 1) return kInf;
  if (sd < 0) return kNaN;
  if (sd == 0) return mean;
  return mean + sd * bm::quantile(bm::normal_distribution<double, Policy>(0.0, 1.0), p);
}

double PNorm(double x, double mean, double sd, bool lower_tail) {
  if (std::isnan(x) || std::isnan(mean) || std::isnan(sd)) return x + mean + sd;
  if (!std::isfinite(x) && mean == x) return kNaN;
  if (sd < 0) return kNaN;
  if (sd == 0) return (x < mean) == lower_tail ? (lower_tail ? 0.0 : 1.0) : (lower_tail ? 1.0 : 0.0);
  const double z = (x - mean) / sd;
  if (!std::isfinite(z)) return (z < 0) == lower_tail ? 0.0 : 1.0;
  const bm::normal_distribution<double, Policy> standard(0.0, 1.0);
  return lower_tail ? bm::cdf(standard, z) : bm::cdf(bm::complement(standard, z));
}

double PT(double t, double df, bool lower_tail) {
  if (std::isnan(t) || std::isnan(df)) return t + df;
  if (df <= 0) return kNaN;
  if (!std::isfinite(t)) return (t < 0) == lower_tail ? 0.0 : 1.0;
  if (!std::isfinite(df)) return PNorm(t, 0, 1, lower_tail);
  const bm::students_t_distribution<double, FastPolicy> dist(df);
  return lower_tail ? bm::cdf(dist, t) : bm::cdf(bm::complement(dist, t));
}

double QT(double p, double df) {
  if (std::isnan(p) || std::isnan(df)) return p + df;
  if (p < 0 || p > 1 || df <= 0) return kNaN;
  if (p == 0) return -kInf;
  if (p == 1) return kInf;
  if (!std::isfinite(df)) return QNorm(p);
  // Boost's default policy, not Policy: the two differ in the last bits, and survey's intervals have
  // always been computed on this one. A failure to converge is NaN.
  try {
    return bm::quantile(bm::students_t_distribution<double>(df), p);
  } catch (...) {
    return kNaN;
  }
}

double QBeta(double p, double shape1, double shape2) {
  if (std::isnan(p) || std::isnan(shape1) || std::isnan(shape2)) return p + shape1 + shape2;
  if (shape1 < 0 || shape2 < 0) return kNaN;
  if (p == 0) return 0.0;
  if (p == 1) return 1.0;
  if (p < 0 || p > 1) return kNaN;
  // A zero or infinite shape is a point mass, as in R's qbeta_raw.
  if (shape1 == 0 || shape2 == 0 || std::isinf(shape1) || std::isinf(shape2)) {
    if (shape1 == 0 && shape2 == 0) return p < 0.5 ? 0.0 : (p > 0.5 ? 1.0 : 0.5);  // mass 1/2 at 0 and 1
    if (shape1 == 0 || shape1 / shape2 == 0) return 0.0;
    if (shape2 == 0 || shape2 / shape1 == 0) return 1.0;
    return 0.5;  // both infinite
  }
  // Boost's default policy, as for QT; a failure to converge is NaN.
  try {
    return bm::quantile(bm::beta_distribution<double>(shape1, shape2), p);
  } catch (...) {
    return kNaN;
  }
}

double QGamma(double p, double shape, double scale) {
  if (std::isnan(p) || std::isnan(shape) || std::isnan(scale)) return p + shape + scale;
  if (shape < 0 || scale <= 0 || p < 0 || p > 1) return kNaN;
  if (shape == 0) return 0.0;  // R: all mass at 0
  if (p == 0) return 0.0;
  if (p == 1) return std::numeric_limits<double>::infinity();
  try {
    return scale * bm::gamma_p_inv(shape, p, Policy());
  } catch (...) {
    return kNaN;
  }
}

double PPois(double x, double lambda, bool lower_tail) {
  if (std::isnan(x) || std::isnan(lambda)) return x + lambda;
  if (lambda < 0) return kNaN;
  if (x < 0) return lower_tail ? 0.0 : 1.0;
  if (lambda == 0 || !std::isfinite(x)) return lower_tail ? 1.0 : 0.0;
  x = std::floor(x + 1e-7);
  return lower_tail ? bm::gamma_q(x + 1, lambda, Policy()) : bm::gamma_p(x + 1, lambda, Policy());
}

double QPois(double p, double lambda) {
  if (std::isnan(p) || std::isnan(lambda)) return p + lambda;
  if (!std::isfinite(lambda) || lambda < 0) return kNaN;
  if (p < 0 || p > 1) return kNaN;
  if (lambda == 0) return 0;
  if (p == 0) return 0;
  if (p == 1) return kInf;
  const double sigma = std::sqrt(lambda);
  return DiscreteQuantile(p, lambda, sigma, 1.0 / sigma, [lambda](double y) { return PPois(y, lambda); });
}

double PNBinom(double x, double size, double prob, bool lower_tail) {
  if (std::isnan(x) || std::isnan(size) || std::isnan(prob)) return x + size + prob;
  if (!std::isfinite(size) || !std::isfinite(prob)) return kNaN;
  if (size < 0 || prob <= 0 || prob > 1) return kNaN;
  if (size == 0) return (x >= 0) == lower_tail ? 1.0 : 0.0;
  if (x < 0) return lower_tail ? 0.0 : 1.0;
  if (!std::isfinite(x)) return lower_tail ? 1.0 : 0.0;
  x = std::floor(x + 1e-7);
  // pbeta(prob, size, x + 1): prob = 1 is the point mass at 0.
  if (prob == 1) return lower_tail ? 1.0 : 0.0;
  return lower_tail ? bm::ibeta(size, x + 1, prob, Policy()) : bm::ibetac(size, x + 1, prob, Policy());
}

double QNBinom(double p, double size, double prob) {
  if (std::isnan(p) || std::isnan(size) || std::isnan(prob)) return p + size + prob;
  if (prob == 0 && size == 0) return 0;
  if (prob <= 0 || prob > 1 || size < 0) return kNaN;
  if (prob == 1 || size == 0) return 0;
  if (p < 0 || p > 1) return kNaN;
  if (p == 0) return 0;
  if (p == 1) return kInf;
  const double q = 1.0 / prob;
  const double pp = (1.0 - prob) * q;
  const double mu = size * pp;
  const double sigma = std::sqrt(size * pp * q);
  const double gamma = (q + pp) / sigma;
  return DiscreteQuantile(p, mu, sigma, gamma, [size, prob](double y) { return PNBinom(y, size, prob); });
}

}  // namespace sz::rmath
