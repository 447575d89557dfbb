// The space-time scan against an exhaustive reference on small grids: every zone, window and stream
// subset summed afresh from the raw counts, scored with exact Poisson log-likelihoods (lgamma).
#include "signals/scan.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace sz::signals {
namespace {

double LogPoisson(double k, double mean) { return k * std::log(mean) - mean - std::lgamma(k + 1); }

struct Best {
  double score = 0;
  int zone = -1, window = 0;
  std::vector<int> streams;
};

// The slow, obviously correct search: the likelihood ratio of "the rate in the candidate is C/B times
// the baseline" against "it is the baseline", for rises only (C > B).
Best Exhaustive(const ScanInput& in, int max_window, int min_streams) {
  Best best;
  for (size_t zone = 0; zone < in.zones.size(); ++zone) {
    for (int w = 1; w <= std::min(max_window, in.weeks); ++w) {
      for (uint32_t subset = 1; subset < (1u << in.streams); ++subset) {
        std::vector<int> streams;
        for (int s = 0; s < in.streams; ++s)
          if (subset >> s & 1u) streams.push_back(s);
        if (static_cast<int>(streams.size()) < min_streams) continue;
        double c = 0, b = 0;
        for (int location : in.zones[zone])
          for (int s : streams)
            for (int t = in.weeks - w; t < in.weeks; ++t) {
              c += in.counts[(location * in.streams + s) * in.weeks + t];
              b += in.baselines[(location * in.streams + s) * in.weeks + t];
            }
        const double score = c > b && b > 0 ? (c > 0 ? LogPoisson(c, c) - LogPoisson(c, b) : 0) : 0;
        if (score > best.score + 1e-9) best = {score, static_cast<int>(zone), w, streams};
      }
    }
  }
  return best;
}

// A row of `locations` wijken, each with its two neighbours as a zone besides itself alone.
ScanInput Grid(int locations, int streams, int weeks, uint32_t seed, double mean) {
  ScanInput in{.locations = locations, .streams = streams, .weeks = weeks};
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> base(0.5 * mean, 1.5 * mean);
  for (int i = 0; i < locations * streams * weeks; ++i) {
    in.baselines.push_back(base(rng));
    std::poisson_distribution<int> draw(in.baselines.back());
    in.counts.push_back(draw(rng));
  }
  for (int l = 0; l < locations; ++l) {
    in.zones.push_back({l});
    std::vector<int> with_neighbours = {l};
    if (l > 0) with_neighbours.push_back(l - 1);
    if (l + 1 < locations) with_neighbours.push_back(l + 1);
    in.zones.push_back(with_neighbours);
  }
  return in;
}

TEST(ScanSpaceTime, TheBestClusterIsTheExhaustiveSearchsOnRandomGrids) {
  for (uint32_t seed = 1; seed <= 12; ++seed) {
    ScanInput in = Grid(6, 3, 8, seed, seed % 3 == 0 ? 0.4 : 3.0);
    const Best reference = Exhaustive(in, 5, 2);
    Result<std::vector<ScanCluster>> clusters =
        ScanSpaceTime(in, {.max_window = 5, .min_streams = 2, .replications = 9});
    ASSERT_TRUE(clusters.ok()) << clusters.status().ToString();
    if (reference.zone < 0) {
      EXPECT_TRUE(clusters->empty()) << seed;
      continue;
    }
    ASSERT_FALSE(clusters->empty()) << seed;
    const ScanCluster& top = clusters->front();
    EXPECT_NEAR(top.score, reference.score, 1e-9 * std::max(1.0, reference.score)) << seed;
    EXPECT_EQ(top.zone, reference.zone) << seed;
    EXPECT_EQ(top.window, reference.window) << seed;
    EXPECT_EQ(top.streams, reference.streams) << seed;
    for (size_t k = 1; k < clusters->size(); ++k) EXPECT_LE((*clusters)[k].score, top.score);
  }
}

TEST(ScanSpaceTime, AnInjectedRiseAtTwoDesksInTwoNeighbouringWijkenIsFoundAndSignificant) {
  ScanInput in = Grid(10, 3, 13, 7, 2.0);
  for (int location : {4, 5})
    for (int s : {0, 2})
      for (int t = 10; t < 13; ++t) in.counts[(location * 3 + s) * 13 + t] += 4;
  Result<std::vector<ScanCluster>> clusters = ScanSpaceTime(in, {.replications = 199});
  ASSERT_TRUE(clusters.ok());
  ASSERT_FALSE(clusters->empty());
  const ScanCluster& top = clusters->front();
  const std::vector<int>& zone = in.zones[static_cast<size_t>(top.zone)];
  EXPECT_TRUE(std::find(zone.begin(), zone.end(), 4) != zone.end() ||
              std::find(zone.begin(), zone.end(), 5) != zone.end());
  EXPECT_EQ(top.streams, (std::vector<int>{0, 2}));
  EXPECT_EQ(top.window, 3);
  EXPECT_DOUBLE_EQ(top.p_value, 1.0 / 200);
  // Clusters after the first share no wijk with it.
  for (size_t k = 1; k < clusters->size(); ++k)
    for (int l : in.zones[static_cast<size_t>((*clusters)[k].zone)])
      EXPECT_TRUE(std::find(zone.begin(), zone.end(), l) == zone.end());
}

TEST(ScanSpaceTime, DataDrawnFromTheBaselinesAreRarelySignificantAndRepeatExactly) {
  int significant = 0;
  for (uint32_t seed = 100; seed < 120; ++seed) {
    ScanInput in = Grid(8, 3, 13, seed, 2.0);
    Result<std::vector<ScanCluster>> a = ScanSpaceTime(in, {.replications = 99, .seed = seed});
    Result<std::vector<ScanCluster>> b = ScanSpaceTime(in, {.replications = 99, .seed = seed});
    ASSERT_TRUE(a.ok() && b.ok());
    ASSERT_EQ(a->size(), b->size());
    if (a->empty()) continue;
    EXPECT_EQ(a->front().p_value, b->front().p_value);
    significant += a->front().p_value <= 0.05 ? 1 : 0;
  }
  EXPECT_LE(significant, 3);  // about 1 of 20 expected under the null
}

TEST(GumbelUpperTail, MatchesTheDistributionItWasFittedTo) {
  // Maxima drawn from a Gumbel(μ = 5, β = 2) by inversion: the fitted tail is close to the true one.
  std::mt19937_64 rng(9);
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<double> maxima;
  for (int i = 0; i < 20'000; ++i) maxima.push_back(5 - 2 * std::log(-std::log(u(rng))));
  for (double x : {5.0, 8.0, 12.0, 20.0}) {
    const double truth = -std::expm1(-std::exp(-(x - 5) / 2));
    EXPECT_NEAR(GumbelUpperTail(maxima, x) / truth, 1.0, 0.1) << x;
  }
  EXPECT_TRUE(std::isnan(GumbelUpperTail({1.0}, 2)));
  EXPECT_TRUE(std::isnan(GumbelUpperTail({1.0, 1.0}, 2)));
}

TEST(ScanSpaceTime, TheGumbelPValueAgreesWithMonteCarloAndGoesBelowItsFloor) {
  ScanInput in = Grid(10, 3, 13, 7, 2.0);
  for (int location : {4, 5})
    for (int s : {0, 2})
      for (int t = 10; t < 13; ++t) in.counts[(location * 3 + s) * 13 + t] += 4;
  Result<std::vector<ScanCluster>> clusters = ScanSpaceTime(in, {.replications = 999});
  ASSERT_TRUE(clusters.ok());
  const ScanCluster& top = clusters->front();
  EXPECT_DOUBLE_EQ(top.p_value, 1.0 / 1000);
  EXPECT_LT(top.p_gumbel, 1.0 / 1000);  // the injected rise is far beyond every replication
  int compared = 0;
  for (size_t k = 1; k < clusters->size(); ++k) {
    const ScanCluster& c = (*clusters)[k];
    if (c.p_value < 0.02 || c.p_value > 0.8) continue;
    EXPECT_NEAR(c.p_gumbel / c.p_value, 1.0, 0.5) << c.score << " " << c.p_value << " " << c.p_gumbel;
    ++compared;
  }
  EXPECT_GE(compared, 1);
}

TEST(ScanSpaceTime, BadInputIsRefused) {
  ScanInput in = Grid(3, 2, 4, 1, 1.0);
  in.counts.pop_back();
  EXPECT_EQ(ScanSpaceTime(in, {}).status().code(), StatusCode::kInvalidArgument);
  in = Grid(3, 2, 4, 1, 1.0);
  in.zones.push_back({7});
  EXPECT_EQ(ScanSpaceTime(in, {}).status().code(), StatusCode::kInvalidArgument);
  in = Grid(3, 2, 4, 1, 1.0);
  EXPECT_EQ(ScanSpaceTime(in, {.min_streams = 3}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_DOUBLE_EQ(ScanScore(3, 5), 0);
  EXPECT_NEAR(ScanScore(10, 4), 10 * std::log(2.5) + 4 - 10, 1e-12);
}

}  // namespace
}  // namespace sz::signals
