// A seeded pseudo-random generator with its own distributions, so that the same seed gives the same
// bytes on every platform and standard library (std::*_distribution is implementation-defined).
//
// xoshiro256** (Blackman & Vigna 2018, https://prng.di.unimi.it/) seeded through splitmix64. Streams
// for independent parts of the model are derived with Rng::Derive(seed, a, b, c), so a chunk of
// households gets the same numbers whatever order chunks are processed in.
//
//   Rng rng = Rng::Derive(seed, kStreamChunk, gemeente_idx, chunk_idx);
//   if (rng.Bernoulli(0.08)) ...;
//   int k = rng.Poisson(3.2);
//
// Not thread-safe; one Rng per thread/stream.
#pragma once

#include <cmath>
#include <cstdint>
#include <vector>

namespace sz::synth::internal {

inline uint64_t SplitMix64(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// A stable 64-bit hash of a few integers (for deterministic per-object choices).
inline uint64_t MixHash(uint64_t a, uint64_t b = 0, uint64_t c = 0, uint64_t d = 0) {
  uint64_t state = a * 0xD1342543DE82EF95ULL + 0x2545F4914F6CDD1DULL;
  uint64_t h = SplitMix64(state);
  state ^= b + h;
  h ^= SplitMix64(state);
  state ^= c + (h << 1);
  h ^= SplitMix64(state);
  state ^= d + (h >> 1);
  return h ^ SplitMix64(state);
}

class Rng {
 public:
  explicit Rng(uint64_t seed) {
    uint64_t state = seed;
    for (uint64_t& word : s_) word = SplitMix64(state);
  }
  // An independent stream for (seed, a, b, c).
  static Rng Derive(uint64_t seed, uint64_t a, uint64_t b = 0, uint64_t c = 0) { return Rng(MixHash(seed, a, b, c)); }

  uint64_t Next() {
    const uint64_t result = Rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return result;
  }
  // Uniform in [0, 1) with 53 random bits.
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  double Uniform(double low, double high) { return low + (high - low) * Uniform(); }
  // Uniform integer in [0, n) (n > 0), without modulo bias worth mentioning for n << 2^64.
  uint64_t Below(uint64_t n) { return static_cast<uint64_t>((static_cast<unsigned __int128>(Next()) * n) >> 64); }
  int IntBetween(int low, int high) { return low + static_cast<int>(Below(static_cast<uint64_t>(high - low + 1))); }
  bool Bernoulli(double p) { return Uniform() < p; }
  double Normal() {
    // Box–Muller; one value per call keeps the stream simple.
    double u1 = Uniform();
    double u2 = Uniform();
    if (u1 < 1e-300) u1 = 1e-300;
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }
  double Exponential(double mean) { return -mean * std::log(1.0 - Uniform()); }
  double LogNormal(double median, double sigma) { return median * std::exp(sigma * Normal()); }
  // Poisson: Knuth's product method for small means, a rounded normal approximation for large ones.
  int Poisson(double mean) {
    if (mean <= 0) return 0;
    if (mean < 40) {
      double limit = std::exp(-mean);
      double product = Uniform();
      int count = 0;
      while (product > limit) {
        ++count;
        product *= Uniform();
      }
      return count;
    }
    double value = std::floor(mean + std::sqrt(mean) * Normal() + 0.5);
    return value < 0 ? 0 : static_cast<int>(value);
  }
  // Gamma(shape, scale=1): Marsaglia & Tsang (2000).
  double Gamma(double shape) {
    if (shape < 1.0) return Gamma(shape + 1.0) * std::pow(Uniform() + 1e-300, 1.0 / shape);
    double d = shape - 1.0 / 3.0;
    double c = 1.0 / std::sqrt(9.0 * d);
    while (true) {
      double x = Normal();
      double v = 1.0 + c * x;
      if (v <= 0) continue;
      v = v * v * v;
      double u = Uniform();
      if (u < 1.0 - 0.0331 * x * x * x * x) return d * v;
      if (std::log(u + 1e-300) < 0.5 * x * x + d * (1.0 - v + std::log(v))) return d * v;
    }
  }
  // Negative binomial as a gamma–Poisson mixture with the given mean and dispersion k (variance mean + mean²/k).
  int NegativeBinomial(double mean, double dispersion) {
    if (mean <= 0) return 0;
    if (dispersion <= 0) return Poisson(mean);
    return Poisson(mean * Gamma(dispersion) / dispersion);
  }
  // Index drawn with probability proportional to weights[i] (all ≥ 0, not all 0).
  size_t Pick(const std::vector<double>& weights) {
    double total = 0;
    for (double w : weights) total += w;
    double target = Uniform() * total;
    for (size_t i = 0; i < weights.size(); ++i) {
      target -= weights[i];
      if (target < 0) return i;
    }
    for (size_t i = weights.size(); i > 0; --i) {
      if (weights[i - 1] > 0) return i - 1;
    }
    return 0;
  }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

// Cumulative weights for repeated weighted draws (binary search).
class WeightedIndex {
 public:
  WeightedIndex() = default;
  explicit WeightedIndex(const std::vector<double>& weights) {
    cumulative_.reserve(weights.size());
    double total = 0;
    for (double w : weights) {
      total += w > 0 ? w : 0;
      cumulative_.push_back(total);
    }
  }
  bool empty() const { return cumulative_.empty() || cumulative_.back() <= 0; }
  double total() const { return cumulative_.empty() ? 0 : cumulative_.back(); }
  size_t Draw(Rng& rng) const {
    double target = rng.Uniform() * cumulative_.back();
    size_t low = 0, high = cumulative_.size() - 1;
    while (low < high) {
      size_t mid = (low + high) / 2;
      if (cumulative_[mid] > target) high = mid; else low = mid + 1;
    }
    return low;
  }

 private:
  std::vector<double> cumulative_;
};

}  // namespace sz::synth::internal
