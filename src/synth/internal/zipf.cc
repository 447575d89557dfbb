#include "synth/internal/zipf.h"

#include <algorithm>
#include <cmath>

namespace sz::synth::internal {
namespace {
// Below this distance from 1 the exponent is treated as 1 (the logarithmic primitive).
constexpr double kUnitExponent = 1e-9;
}  // namespace

ZipfWithOffset::ZipfWithOffset(size_t n, double offset, double exponent)
    : n_(std::max<size_t>(n, 1)), offset_(offset), exponent_(exponent), shift_(offset - 0.5) {
  low_ = Primitive(0);
  span_ = Primitive(static_cast<double>(n_)) - low_;
}

double ZipfWithOffset::Primitive(double y) const {
  if (std::abs(exponent_ - 1) < kUnitExponent) return std::log(y + shift_);
  double power = 1 - exponent_;
  return std::pow(y + shift_, power) / power;
}

size_t ZipfWithOffset::Rank(double uniform) const {
  double target = low_ + uniform * span_;
  double y;
  if (std::abs(exponent_ - 1) < kUnitExponent) {
    y = std::exp(target) - shift_;
  } else {
    double power = 1 - exponent_;
    y = std::pow(target * power, 1 / power) - shift_;
  }
  if (!(y > 0)) return 0;  // also NaN
  size_t rank = static_cast<size_t>(y);
  return std::min(rank, n_ - 1);
}

double ZipfWithOffset::Probability(size_t rank) const {
  if (rank >= n_) return 0;
  double r = static_cast<double>(rank);
  return (Primitive(r + 1) - Primitive(r)) / span_;
}

}  // namespace sz::synth::internal
