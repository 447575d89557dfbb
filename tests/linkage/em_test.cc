// EM (em.h): recovers known m, u and lambda from comparison patterns simulated with them.
#include "linkage/em.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace sz::linkage {
namespace {

struct Simulation {
  FellegiSunterModel truth;
  PatternCounts counts;
  PatternCounts random_counts;
};

// The record-level fields only (the field-level ones stay null, as on the stored path).
FellegiSunterModel TrueModel() {
  FellegiSunterModel model = FellegiSunterModel::Initial();
  model.lambda = 0.08;
  const std::array<std::vector<double>, kRecordFieldCount> m = {std::vector<double>{0.55, 0.2, 0.12, 0.07, 0.04, 0.02},
                                                                {0.9, 0.07, 0.03},
                                                                {0.97, 0.03},
                                                                {0.6, 0.3, 0.1},
                                                                {0.95, 0.05}};
  const std::array<std::vector<double>, kRecordFieldCount> u = {
      std::vector<double>{0.001, 0.004, 0.02, 0.075, 0.2, 0.7},
      {0.02, 0.04, 0.94},
      {0.5, 0.5},
      {0.01, 0.09, 0.9},
      {0.0001, 0.9999}};
  for (int field = 0; field < kRecordFieldCount; ++field) {
    model.m[field] = m[field];
    model.u[field] = u[field];
  }
  return model;
}

int Draw(const std::vector<double>& probabilities, std::mt19937_64& rng) {
  double pick = std::uniform_real_distribution<double>(0, 1)(rng), cumulative = 0;
  for (size_t level = 0; level < probabilities.size(); ++level) {
    cumulative += probabilities[level];
    if (pick < cumulative) return static_cast<int>(level);
  }
  return static_cast<int>(probabilities.size()) - 1;
}

// Pairs drawn from the model; each field missing with probability 0.1 (independently of match status).
Simulation Simulate(int pairs, uint64_t seed) {
  Simulation simulation;
  simulation.truth = TrueModel();
  std::mt19937_64 rng(seed);
  std::bernoulli_distribution is_match(simulation.truth.lambda), missing(0.1);
  auto draw_pair = [&](bool match) {
    ComparisonVector gamma;  // field-level fields null
    for (int field = 0; field < kRecordFieldCount; ++field) {
      gamma.level[field] =
          missing(rng) ? kNullLevel
                       : static_cast<int8_t>(Draw(match ? simulation.truth.m[field] : simulation.truth.u[field], rng));
    }
    return PatternIndex(gamma);
  };
  for (int pair = 0; pair < pairs; ++pair) simulation.counts[draw_pair(is_match(rng))] += 1;
  for (int pair = 0; pair < pairs; ++pair) simulation.random_counts[draw_pair(false)] += 1;
  return simulation;
}

void ExpectNear(const FellegiSunterModel& fitted, const FellegiSunterModel& truth, double tolerance, bool check_u) {
  EXPECT_NEAR(fitted.lambda, truth.lambda, truth.lambda * 0.05);
  for (int field = 0; field < kRecordFieldCount; ++field) {
    for (int level = 0; level < kLevelCount[field]; ++level) {
      EXPECT_NEAR(fitted.m[field][level], truth.m[field][level], tolerance)
          << "m field " << field << " level " << level;
      if (check_u) {
        EXPECT_NEAR(fitted.u[field][level], truth.u[field][level], tolerance)
            << "u field " << field << " level " << level;
      }
    }
  }
}

TEST(EmTest, RecoversMUAndLambda) {
  Simulation simulation = Simulate(400000, 11);
  EmOptions options;
  options.estimate_u = true;
  Result<EmResult> fit = FitEm(simulation.counts, FellegiSunterModel::Initial(), options);
  ASSERT_TRUE(fit.ok()) << fit.status().ToString();
  EXPECT_TRUE(fit->converged);
  ExpectNear(fit->model, simulation.truth, 0.01, /*check_u=*/true);
}

TEST(EmTest, RecoversMAndLambdaWithUFromRandomPairs) {
  Simulation simulation = Simulate(400000, 12);
  Result<std::array<std::vector<double>, kFieldCount>> u = EstimateU(simulation.random_counts);
  ASSERT_TRUE(u.ok());
  for (int field = 0; field < kRecordFieldCount; ++field) {
    for (int level = 0; level < kLevelCount[field]; ++level) {
      EXPECT_NEAR((*u)[field][level], simulation.truth.u[field][level], 0.005);
    }
  }
  FellegiSunterModel start = FellegiSunterModel::Initial();
  start.u = *u;
  start.lambda = 0.3;
  for (int field = kRecordFieldCount; field < kFieldCount; ++field) start.u[field] = simulation.truth.u[field];
  Result<EmResult> fit = FitEm(simulation.counts, start, EmOptions{});
  ASSERT_TRUE(fit.ok()) << fit.status().ToString();
  ExpectNear(fit->model, simulation.truth, 0.01, /*check_u=*/false);
}

TEST(EmTest, LambdaIsOverTotalPairs) {
  // The same matches among ten times as many pairs (the rest left out by blocking as non-matches):
  // lambda is a tenth, m unchanged.
  Simulation simulation = Simulate(200000, 13);
  FellegiSunterModel start = FellegiSunterModel::Initial();
  start.u = simulation.truth.u;
  Result<EmResult> counted = FitEm(simulation.counts, start, EmOptions{});
  EmOptions wide;
  wide.total_pairs = 2000000;
  Result<EmResult> all = FitEm(simulation.counts, start, wide);
  ASSERT_TRUE(counted.ok() && all.ok());
  EXPECT_NEAR(counted->model.lambda, 0.08, 0.004);
  EXPECT_NEAR(all->model.lambda, counted->model.lambda / 10, 0.001);
}

TEST(EmTest, Errors) {
  PatternCounts negative = {{0, -1.0}};
  EXPECT_EQ(FitEm(negative, FellegiSunterModel::Initial()).status().code(), StatusCode::kInvalidArgument);
  PatternCounts empty;
  EXPECT_EQ(FitEm(empty, FellegiSunterModel::Initial()).status().code(), StatusCode::kFailedPrecondition);
  PatternCounts out_of_range = {{0xffffffffu, 1.0}};  // level 7 of a field with 6
  EXPECT_EQ(FitEm(out_of_range, FellegiSunterModel::Initial()).status().code(), StatusCode::kInvalidArgument);
  PatternCounts some;
  for (int level = kNullLevel; level < kLevelCount[0]; ++level) {
    ComparisonVector gamma;
    gamma.level[0] = static_cast<int8_t>(level);
    some[PatternIndex(gamma)] = 100.0;
  }
  EmOptions too_few;
  too_few.total_pairs = 10;
  EXPECT_EQ(FitEm(some, FellegiSunterModel::Initial(), too_few).status().code(), StatusCode::kInvalidArgument);
  EmOptions inconsistent;
  inconsistent.total_pairs = 1e6;
  inconsistent.estimate_u = true;
  EXPECT_EQ(FitEm(some, FellegiSunterModel::Initial(), inconsistent).status().code(), StatusCode::kInvalidArgument);
}

TEST(FellegiSunterTest, WeightsAndProbabilities) {
  FellegiSunterModel model = TrueModel();
  ComparisonVector gamma;
  gamma.level = ComparisonVector::Null();
  gamma.level[0] = gamma.level[1] = gamma.level[2] = gamma.level[3] = 0;
  double expected = std::log2(0.08 / 0.92) + std::log2(0.55 / 0.001) + std::log2(0.9 / 0.02) + std::log2(0.97 / 0.5) +
                    std::log2(0.6 / 0.01);
  EXPECT_NEAR(model.MatchWeight(gamma), expected, 1e-9);
  EXPECT_NEAR(ProbabilityFromWeight(0), 0.5, 1e-12);
  EXPECT_NEAR(ProbabilityFromWeight(3), 8.0 / 9.0, 1e-12);
  EXPECT_NEAR(ProbabilityFromWeight(-3), 1.0 / 9.0, 1e-12);
  EXPECT_GT(ProbabilityFromWeight(2000), 0.999);
  EXPECT_EQ(ProbabilityFromWeight(-2000), 0.0);
  EXPECT_NEAR(model.MatchProbability(gamma), ProbabilityFromWeight(expected), 1e-12);
  EXPECT_NEAR(PatternScorer(model).Weight(PatternIndex(gamma)), model.MatchWeight(gamma), 1e-12);
  // The best weight over the CLK levels: level 0 here (m/u highest).
  EXPECT_NEAR(PatternScorer(model).BestWeightOver(WithLevel(PatternIndex(gamma), 0, 5), 0), model.MatchWeight(gamma),
              1e-12);
}

}  // namespace
}  // namespace sz::linkage
