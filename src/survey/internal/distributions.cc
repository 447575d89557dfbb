#include "survey/internal/distributions.h"

#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>

namespace sz::survey::internal {
namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

double QNorm(double p) {
  if (!(p > 0 && p < 1)) return p == 0 ? -INFINITY : (p == 1 ? INFINITY : kNaN);
  return boost::math::quantile(boost::math::normal_distribution<double>(), p);
}

double QT(double p, double df) {
  if (std::isinf(df)) return QNorm(p);
  if (!(df > 0) || !(p > 0 && p < 1)) return kNaN;
  try {
    return boost::math::quantile(boost::math::students_t_distribution<double>(df), p);
  } catch (...) {
    return kNaN;
  }
}

double QBeta(double p, double shape1, double shape2) {
  if (std::isnan(shape1) || std::isnan(shape2) || shape1 < 0 || shape2 < 0) return kNaN;
  if (shape1 == 0) return 0.0;
  if (shape2 == 0) return 1.0;
  try {
    return boost::math::quantile(boost::math::beta_distribution<double>(shape1, shape2), p);
  } catch (...) {
    return kNaN;
  }
}

}  // namespace sz::survey::internal
