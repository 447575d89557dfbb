// A Zipf law with offset over the ranks 0 … n−1: p(r) ∝ (r + offset)^−exponent (Mandelbrot's
// generalisation of Zipf's law, also called Zipf–Mandelbrot). The generator draws names with it: a head of
// common names held by a few percent (given names) or under one percent (surnames) and a long tail.
//
// Sampling is O(1): the continuous density (y + s)^−exponent on [0, n) with s = offset − ½ is sampled by
// inverting its CDF, and the rank is floor(y). Rank r then gets the integral of the density over [r, r + 1),
// the midpoint rule for (r + offset)^−exponent, so the realised law equals the discrete one up to a relative
// error of about exponent·(exponent + 1) / (24·(r + offset)²) (0.1% for offset 8 at rank 0). For exponent 1:
//   y = s·((n + s)/s)^u − s.
// tests/synth/names_test.cc checks sampled frequencies against the discrete law summed directly.
//
//   ZipfWithOffset law(235090, 8.0, 0.85);
//   size_t rank = law.Rank(rng.Uniform());
//
// Immutable after construction; safe to share between threads.
#pragma once

#include <cstddef>

namespace sz::synth::internal {

class ZipfWithOffset {
 public:
  // n ≥ 1 ranks; offset > ½; exponent > 0.
  ZipfWithOffset(size_t n, double offset, double exponent);

  // The rank for a uniform number in [0, 1): in [0, n), non-decreasing in `uniform`.
  size_t Rank(double uniform) const;
  // The probability that Rank(U) returns `rank` for U uniform on [0, 1) (0 outside [0, n)).
  double Probability(size_t rank) const;

  size_t size() const { return n_; }
  double offset() const { return offset_; }
  double exponent() const { return exponent_; }

 private:
  double Primitive(double y) const;  // an antiderivative of (y + s)^−exponent

  size_t n_;
  double offset_;
  double exponent_;
  double shift_;  // s = offset − ½
  double low_;    // Primitive(0)
  double span_;   // Primitive(n) − Primitive(0)
};

}  // namespace sz::synth::internal
