// Dice coefficients: every implementation against a bit-by-bit reference (STYLE.md: a slow, obviously
// correct reference in test code).
#include "privacy/dice.h"

#include <gtest/gtest.h>

#include <random>

namespace sz::privacy {
namespace {

double ReferenceDice(const Clk& a, const Clk& b) {
  int shared = 0, total = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    shared += a.Test(i) && b.Test(i);
    total += a.Test(i) + b.Test(i);
  }
  return total == 0 ? 0.0 : 2.0 * shared / total;
}

Clk RandomClk(std::mt19937_64& rng, double density) {
  Clk clk(1024);
  std::bernoulli_distribution bit(density);
  for (size_t i = 0; i < 1024; ++i) {
    if (bit(rng)) clk.Set(i);
  }
  return clk;
}

TEST(DiceTest, SimpleCases) {
  Clk empty(1024), one(1024), two(1024);
  one.Set(3);
  two.Set(3);
  two.Set(900);
  EXPECT_EQ(DiceCoefficient(empty, empty), 0.0);
  EXPECT_EQ(DiceCoefficient(one, one), 1.0);
  EXPECT_DOUBLE_EQ(DiceCoefficient(one, two), 2.0 / 3.0);
  EXPECT_EQ(DiceCoefficient(one, Clk(512)), 0.0);
}

TEST(DiceTest, EveryImplementationMatchesTheReference) {
  std::mt19937_64 rng(4);
  const size_t count = 257;  // odd: exercises the tail of the two-at-a-time loop
  Clk query = RandomClk(rng, 0.3);
  std::vector<Clk> clks;
  std::vector<uint64_t> words;
  std::vector<uint32_t> popcounts;
  for (size_t i = 0; i < count; ++i) {
    clks.push_back(RandomClk(rng, i % 7 == 0 ? 0.0 : 0.05 + 0.002 * i));
    words.insert(words.end(), clks.back().words().begin(), clks.back().words().end());
    popcounts.push_back(Popcount1024(clks.back().words().data()));
  }
  const uint32_t query_popcount = Popcount1024(query.words().data());
  std::string_view best = Dice1024Implementation();
  for (std::string_view name : {"portable", "popcnt", "avx512-vpopcntdq"}) {
    if (!SelectDice1024Implementation(name)) continue;
    SCOPED_TRACE(name);
    std::vector<float> scores(count);
    Dice1024Batch(query.words().data(), query_popcount, words.data(), popcounts.data(), count, scores.data());
    for (size_t i = 0; i < count; ++i) {
      double reference = ReferenceDice(query, clks[i]);
      EXPECT_NEAR(scores[i], reference, 1e-6);
      EXPECT_NEAR(DiceCoefficient(query, clks[i]), reference, 1e-12);
      EXPECT_NEAR(Dice1024(query.words().data(), clks[i].words().data()), reference, 1e-12);
    }
  }
  ASSERT_TRUE(SelectDice1024Implementation(best));
}

}  // namespace
}  // namespace sz::privacy
