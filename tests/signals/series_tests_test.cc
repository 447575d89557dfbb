#include "signals/series_tests.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "rmath/distributions.h"

namespace sz::signals {
namespace {

detection::Series Weekly(int weeks, double mean, uint32_t seed, int spike_weeks = 0, double spike = 0) {
  std::mt19937 rng(seed);
  detection::Series s;
  s.frequency = 52;
  for (int t = 1; t <= weeks; ++t) {
    double m = mean * (1 + 0.3 * std::sin(2 * M_PI * t / 52.0));
    if (t > weeks - spike_weeks) m += spike;
    std::poisson_distribution<int> draw(m);
    s.observed.push_back(draw(rng));
  }
  return s;
}

TEST(TestLatestPeriods, LongWeeklySeriesUseNoufailysFarringtonAndFindARise) {
  const detection::Series s = Weekly(4 * 52 + 10, 6, 1, 2, 25);
  Result<SeriesTests> r = TestLatestPeriods(s, MethodChoice::kAuto, 4);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->method, "farringtonFlexible (Noufaily)");
  ASSERT_EQ(r->periods.size(), 4u);
  EXPECT_EQ(r->periods.front().t, s.size() - 3);
  EXPECT_EQ(r->periods.back().t, s.size());
  for (int i = 2; i < 4; ++i) {
    EXPECT_TRUE(r->periods[i].alarm) << i;
    EXPECT_LT(r->periods[i].p_value, 0.001) << i;
    EXPECT_GT(r->periods[i].observed, r->periods[i].threshold);
  }
}

TEST(TestLatestPeriods, TheSameAsTheDetectorOnTheSameRange) {
  const detection::Series s = Weekly(4 * 52 + 10, 6, 2);
  std::string label;
  Result<detection::Detector> d = ChooseDetector(s, MethodChoice::kAuto, s.size() - 3, &label);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->farrington_flexible.b, 4);  // (215 − 3 − 1) / 52 full years before the first evaluated week
  EXPECT_EQ(d->farrington_flexible.no_periods, 10);
  Result<detection::DetectionResult> direct = detection::Detect(*d, s);
  Result<SeriesTests> r = TestLatestPeriods(s, MethodChoice::kAuto, 4);
  ASSERT_TRUE(direct.ok() && r.ok());
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(r->periods[i].alarm, direct->alarm[i] == 1);
    EXPECT_DOUBLE_EQ(r->periods[i].threshold, direct->upperbound[i]);
    EXPECT_DOUBLE_EQ(r->periods[i].p_value, direct->pvalue[i]);
  }
}

TEST(TestLatestPeriods, ShortHistoriesUseEarsC2) {
  const detection::Series s = Weekly(30, 8, 3, 1, 30);
  Result<SeriesTests> r = TestLatestPeriods(s, MethodChoice::kAuto, 4);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->method, "earsC2");
  for (const PeriodTest& p : r->periods) {
    ASSERT_FALSE(std::isnan(p.p_value));
    // The normal p of the method's score, or the Poisson tail at the baseline mean when that is larger.
    const double poisson = p.observed <= 0 ? 1.0 : rmath::PPois(p.observed - 1, p.expected, false);
    EXPECT_GE(p.p_value, poisson) << p.t;
  }
  EXPECT_TRUE(r->periods.back().alarm);
  EXPECT_LT(r->periods.back().p_value, 1e-4);  // about 8 a week, then about 38
}

TEST(TestLatestPeriods, EarsOnASparseSeriesGetsThePoissonTailWhenTheNormalIsBolder) {
  // 0 or 1 a week for 30 weeks, then 4: EARS C2 alarms (its sigma floored at 1: score ≈ 3.6), and its
  // normal p (≈ 2e-4) would pass a false-discovery control over thousands of tests; 4 against a
  // baseline mean of about 0.4 is P(Y ≥ 4) ≈ 8e-4 as a count.
  detection::Series s;
  s.frequency = 52;
  for (int t = 1; t <= 30; ++t) s.observed.push_back(t % 3 == 0 ? 1 : 0);
  s.observed.push_back(4);
  Result<SeriesTests> r = TestLatestPeriods(s, MethodChoice::kEarsC2, 1);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const PeriodTest& p = r->periods.back();
  EXPECT_TRUE(p.alarm);
  EXPECT_GT(p.expected, 0);
  const double normal = rmath::PNorm((p.observed - p.expected) / 1.0, 0, 1, false);
  const double poisson = rmath::PPois(p.observed - 1, p.expected, false);
  EXPECT_GT(poisson, normal);
  EXPECT_DOUBLE_EQ(p.p_value, poisson);
}

TEST(TestLatestPeriods, MonthlySeriesWithThreeYearsUseFarringtonOnMonths) {
  detection::Series s = Weekly(48, 20, 4);
  s.frequency = 12;
  Result<SeriesTests> r = TestLatestPeriods(s, MethodChoice::kAuto, 2);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->method, "farringtonFlexible (maanden)");
}

TEST(TestLatestPeriods, SparseOrShortSeriesAreNotTested) {
  detection::Series sparse;
  sparse.observed.assign(300, 0);
  sparse.observed[10] = sparse.observed[100] = 1;
  Result<SeriesTests> r = TestLatestPeriods(sparse, MethodChoice::kAuto, 4);
  EXPECT_EQ(r.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(r.status().message().find("te weinig meldingen"), std::string::npos);
  const detection::Series short_series = Weekly(12, 9, 5);
  r = TestLatestPeriods(short_series, MethodChoice::kAuto, 4);
  EXPECT_EQ(r.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(r.status().message().find("voorgeschiedenis"), std::string::npos);
}

TEST(TestLatestPeriods, ANamedMethodIsUsedAndCusumGetsAPoissonPValue) {
  const detection::Series s = Weekly(4 * 52, 6, 6, 3, 12);
  Result<SeriesTests> r = TestLatestPeriods(s, MethodChoice::kCusum, 4);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->method, "cusum");
  for (const PeriodTest& p : r->periods) EXPECT_NEAR(p.p_value, rmath::PPois(p.observed - 1, p.expected, false), 1e-12);
}

TEST(TestAllSeries, SameResultsOnAnyNumberOfThreads) {
  std::vector<detection::Series> all;
  for (uint32_t i = 0; i < 9; ++i) all.push_back(Weekly(i % 2 ? 40 : 4 * 52 + 5, 5 + i, 10 + i, 1, 10));
  const auto one = TestAllSeries(all, {}, 4, 1), two = TestAllSeries(all, {}, 4, 2);
  ASSERT_EQ(one.size(), all.size());
  for (size_t i = 0; i < all.size(); ++i) {
    ASSERT_EQ(one[i].ok(), two[i].ok());
    if (!one[i].ok()) continue;
    for (size_t k = 0; k < one[i]->periods.size(); ++k)
      EXPECT_EQ(one[i]->periods[k].p_value, two[i]->periods[k].p_value);
  }
}

}  // namespace
}  // namespace sz::signals
