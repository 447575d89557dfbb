#include "indicators/targets.h"

#include <gtest/gtest.h>

namespace sz::indicators {
namespace {

const std::vector<YearValue> kSeries = {{2016, 15.2}, {2017, 13.5}, {2018, 14.9}, {2019, 14.7}, {2020, 14.5},
                                        {2021, 14.7}, {2022, 15.7}, {2023, 15.8}, {2024, 16.3}};

TEST(TargetsTest, TheTrendAndItsPredictionIntervalMatchR) {
  // R: f <- lm(y ~ x); predict(f, data.frame(x = 2030), interval = "prediction")
  //    fit 17.183333333333337, lwr 14.705756073281735, upr 19.660910593384941; slope 0.215
  auto trend = ProjectTarget(kSeries, Target{.value = 20}, Direction::kLowerIsBetter);
  ASSERT_TRUE(trend.ok()) << trend.status().ToString();
  EXPECT_NEAR(*trend->slope, 0.215, 1e-12);
  EXPECT_NEAR(*trend->projected, 17.183333333333337, 1e-9);
  EXPECT_NEAR(*trend->lower, 14.705756073281735, 1e-9);
  EXPECT_NEAR(*trend->upper, 19.660910593384941, 1e-9);
  EXPECT_EQ(trend->first_year, 2016);
  EXPECT_EQ(trend->last_value, 16.3);
  EXPECT_EQ(trend->status, "op_koers");  // the whole interval lies under 20
}

TEST(TargetsTest, StatusByDirectionAndTooFewYears) {
  EXPECT_EQ(ProjectTarget(kSeries, Target{.value = 14}, Direction::kLowerIsBetter)->status, "niet_op_koers");
  EXPECT_EQ(ProjectTarget(kSeries, Target{.value = 17}, Direction::kLowerIsBetter)->status, "onzeker");
  EXPECT_EQ(ProjectTarget(kSeries, Target{.value = 14}, Direction::kHigherIsBetter)->status, "op_koers");
  EXPECT_EQ(ProjectTarget(kSeries, Target{.value = 25}, Direction::kHigherIsBetter)->status, "niet_op_koers");
  auto short_series = ProjectTarget({{2023, 1}, {2024, 2}}, Target{.value = 3}, Direction::kLowerIsBetter);
  ASSERT_TRUE(short_series.ok());
  EXPECT_EQ(short_series->status, "onzeker");
  EXPECT_FALSE(short_series->projected.has_value());
  EXPECT_EQ(ProjectTarget({}, Target{}, Direction::kLowerIsBetter).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace sz::indicators
