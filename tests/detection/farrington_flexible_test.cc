// farringtonFlexible's baseline moved on from week to week (index-based reference points, no NA
// counts) against the baseline built afresh every week: the same results to the last bit. A NA
// count after the evaluated range makes FarringtonFlexible build every baseline afresh without
// changing any of them.
#include "detection/farrington_flexible.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

namespace sz::detection {
namespace {

Series RandomSeries(std::mt19937_64& rng, int weeks, bool population) {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const double level = 0.2 * std::pow(300.0, unit(rng));
  const double trend = unit(rng) < 0.5 ? (unit(rng) - 0.5) * 0.004 : 0.0;
  Series series;
  for (int t = 1; t <= weeks; ++t) {
    std::poisson_distribution<int> poisson(level * std::exp(0.7 * std::sin(t / 8.3) + trend * t));
    series.observed.push_back(poisson(rng));
    if (population) series.population.push_back(10000 + 50 * t + 1000 * unit(rng));
  }
  return series;
}

void ExpectIdentical(const DetectionResult& a, const DetectionResult& b) {
  ASSERT_EQ(a.size(), b.size());
  auto same = [](double x, double y) { return (std::isnan(x) && std::isnan(y)) || x == y; };
  for (int row = 0; row < a.size(); ++row) {
    SCOPED_TRACE("week " + std::to_string(a.time[row]));
    EXPECT_EQ(a.alarm[row], b.alarm[row]);
    EXPECT_TRUE(same(a.upperbound[row], b.upperbound[row])) << a.upperbound[row] << " " << b.upperbound[row];
    EXPECT_TRUE(same(a.expected[row], b.expected[row])) << a.expected[row] << " " << b.expected[row];
    EXPECT_TRUE(same(a.score[row], b.score[row])) << a.score[row] << " " << b.score[row];
    EXPECT_TRUE(same(a.pvalue[row], b.pvalue[row])) << a.pvalue[row] << " " << b.pvalue[row];
    EXPECT_TRUE(same(a.phi[row], b.phi[row])) << a.phi[row] << " " << b.phi[row];
    EXPECT_TRUE(same(a.trend_coefficient[row], b.trend_coefficient[row]));
  }
}

TEST(FarringtonFlexibleTest, MovedBaselinesGiveTheSameResultsAsBuiltOnes) {
  std::mt19937_64 rng(14);
  FarringtonFlexibleControl noufaily;
  noufaily.no_periods = 10;
  noufaily.past_weeks_not_included = 26;
  noufaily.p_threshold_trend = 1;
  noufaily.threshold_method = ThresholdMethod::kNbPlugin;
  FarringtonFlexibleControl default_control;
  for (int series_idx = 0; series_idx < 12; ++series_idx) {
    const bool population = series_idx % 3 == 2;
    const Series series = RandomSeries(rng, 400, population);
    Series built = series;  // the same weeks and one NA count after them
    built.observed.push_back(NAN);
    if (population) built.population.push_back(20000);
    for (FarringtonFlexibleControl control : {noufaily, default_control}) {
      control.population_offset = population;
      // From the first week with enough history (its oldest window starts at index 0, so the
      // first weeks are built afresh in both) to the end.
      const int first = series.frequency * control.b + control.w;
      control.range = Range{first, 400};
      SCOPED_TRACE("series " + std::to_string(series_idx) + ", noPeriods " + std::to_string(control.no_periods));
      const Result<DetectionResult> moved = FarringtonFlexible(series, control);
      const Result<DetectionResult> fresh = FarringtonFlexible(built, control);
      ASSERT_TRUE(moved.ok()) << moved.status().ToString();
      ASSERT_TRUE(fresh.ok()) << fresh.status().ToString();
      ExpectIdentical(*moved, *fresh);
    }
  }
}

}  // namespace
}  // namespace sz::detection
