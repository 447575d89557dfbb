#include "signals/episodes.h"

#include <gtest/gtest.h>

#include <cmath>

namespace sz::signals {
namespace {

PeriodTest At(int t, bool alarm, double observed = 10, double expected = 4, double threshold = 8, double p = 0.001) {
  return PeriodTest{
      .t = t, .observed = observed, .expected = expected, .threshold = threshold, .p_value = p, .alarm = alarm};
}

TEST(FindEpisodes, JoinsSignificantPeriodsAcrossOneQuietPeriod) {
  const std::vector<PeriodTest> periods = {At(10, true),  At(11, false), At(12, true),
                                           At(13, false), At(14, false), At(15, true, 20, 5, 9, 0.0001)};
  const std::vector<double> q = {0.01, 0.5, 0.02, 0.9, 0.9, 0.001};
  const std::vector<Episode> e = FindEpisodes(periods, q, 0.05);
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e[0].first_t, 10);
  EXPECT_EQ(e[0].last_t, 12);
  EXPECT_EQ(e[0].periods, 2);
  EXPECT_DOUBLE_EQ(e[0].observed, 20);
  EXPECT_DOUBLE_EQ(e[0].expected, 8);
  EXPECT_DOUBLE_EQ(e[0].threshold, 16);
  EXPECT_DOUBLE_EQ(e[0].q_value, 0.01);
  EXPECT_EQ(e[1].first_t, 15);
  EXPECT_DOUBLE_EQ(e[1].p_value, 0.0001);
}

TEST(FindEpisodes, NeedsBothTheAlarmAndTheFalseDiscoveryControl) {
  const std::vector<PeriodTest> periods = {At(1, true), At(2, false), At(3, true)};
  const std::vector<double> q = {0.2, 0.001, std::nan("")};
  EXPECT_TRUE(FindEpisodes(periods, q, 0.05).empty());
  EXPECT_EQ(FindEpisodes(periods, q, 0.25).size(), 1u);
}

TEST(SignalScore, GrowsWithEvidenceSizeReachAndNovelty) {
  const double base = SignalScore(0.01, 20, 5, 10'000, false);
  EXPECT_NEAR(base, 2 + 2 + 2, 1e-12);
  EXPECT_GT(SignalScore(0.001, 20, 5, 10'000, false), base);
  EXPECT_GT(SignalScore(0.01, 40, 5, 10'000, false), base);
  EXPECT_GT(SignalScore(0.01, 20, 5, 100'000, false), base);
  EXPECT_NEAR(SignalScore(0.01, 20, 5, 10'000, true), base + 1, 1e-12);
  EXPECT_TRUE(std::isfinite(SignalScore(0, 3, 0, 0, true)));
}

}  // namespace
}  // namespace sz::signals
