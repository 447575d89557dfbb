// R's NA-propagating arithmetic helpers (pmax, max, comparisons to a logical with NA), used so
// that the methods return NA exactly where R does. NaN plays R's NA/NaN. Internal.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>

namespace sz::detection::internal {

inline constexpr double kNA = std::numeric_limits<double>::quiet_NaN();

// pmax(a, b) / max(a, b): NA if either is NA.
inline double RPmax(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return kNA;
  return a > b ? a : b;
}

// a > b as an R logical: 1, 0 or -1 (NA).
inline int8_t RGreater(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return -1;
  return a > b ? 1 : 0;
}

// a >= b as an R logical.
inline int8_t RGreaterEqual(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return -1;
  return a >= b ? 1 : 0;
}

}  // namespace sz::detection::internal
