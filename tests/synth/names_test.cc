// The generator's frequency law for names (synth/internal/zipf.h): the O(1) Zipf sampler against a slow
// reference that sums the discrete law directly.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "synth/internal/rng.h"
#include "synth/internal/zipf.h"

namespace sz::synth::internal {
namespace {

// The reference: p(r) = (r + offset)^−exponent / Σ_k (k + offset)^−exponent, summed term by term.
std::vector<double> ReferenceLaw(size_t n, double offset, double exponent) {
  std::vector<double> p(n);
  double total = 0;
  for (size_t rank = 0; rank < n; ++rank) total += p[rank] = std::pow(static_cast<double>(rank) + offset, -exponent);
  for (double& value : p) value /= total;
  return p;
}

// Empirical rank frequencies of `draws` draws from `law`.
std::vector<double> Sample(const ZipfWithOffset& law, int draws, uint64_t seed) {
  Rng rng(seed);
  std::vector<double> frequency(law.size(), 0);
  for (int draw = 0; draw < draws; ++draw) frequency[law.Rank(rng.Uniform())] += 1;
  for (double& value : frequency) value /= draws;
  return frequency;
}

TEST(SynthZipfTest, SamplerMatchesTheDiscreteLawSummedDirectly) {
  struct Case {
    size_t n;
    double offset, exponent;
  };
  for (const Case& c :
       {Case{250090, 8, 0.85}, Case{80, 4, 1}, Case{80, 40, 1}, Case{5000, 5, 0.9}, Case{300, 6, 1.3}}) {
    SCOPED_TRACE(testing::Message() << "n " << c.n << " offset " << c.offset << " exponent " << c.exponent);
    ZipfWithOffset law(c.n, c.offset, c.exponent);
    std::vector<double> reference = ReferenceLaw(c.n, c.offset, c.exponent);
    double total = 0;
    for (size_t rank = 0; rank < c.n; ++rank) total += law.Probability(rank);
    EXPECT_NEAR(total, 1.0, 1e-9);
    // The realised law (midpoint rule) is within 1.5% of the discrete one at the top ranks…
    for (size_t rank = 0; rank < 20; ++rank)
      EXPECT_NEAR(law.Probability(rank), reference[rank], 0.015 * reference[rank]);
    // … and what the sampler draws is the realised law (four standard errors).
    const int draws = 2000000;
    std::vector<double> sampled = Sample(law, draws, 2026 + c.n);
    for (size_t rank = 0; rank < 20; ++rank) {
      double p = law.Probability(rank);
      EXPECT_NEAR(sampled[rank], p, 4 * std::sqrt(p * (1 - p) / draws) + 1e-6) << "rank " << rank;
      EXPECT_NEAR(sampled[rank], reference[rank], 4 * std::sqrt(p * (1 - p) / draws) + 0.015 * reference[rank]);
    }
  }
}

TEST(SynthZipfTest, RanksCoverTheRangeInOrder) {
  ZipfWithOffset law(1000, 8, 0.85);
  EXPECT_EQ(law.Rank(0.0), 0u);
  EXPECT_EQ(law.Rank(std::nextafter(1.0, 0.0)), 999u);
  size_t previous = 0;
  for (int step = 0; step < 10000; ++step) {
    size_t rank = law.Rank(step / 10000.0);
    EXPECT_GE(rank, previous);
    previous = rank;
  }
  EXPECT_EQ(law.Probability(1000), 0.0);
  ZipfWithOffset single(1, 3, 1);
  EXPECT_EQ(single.Rank(0.7), 0u);
  EXPECT_DOUBLE_EQ(single.Probability(0), 1.0);
}

}  // namespace
}  // namespace sz::synth::internal
