#include "detection/evaluation.h"

#include <gtest/gtest.h>

#include <cmath>

namespace sz::detection {
namespace {

DetectionResult Alarms(int first_t, const std::vector<int8_t>& alarms) {
  DetectionResult result;
  for (size_t i = 0; i < alarms.size(); ++i) {
    result.time.push_back(first_t + static_cast<int>(i));
    result.alarm.push_back(alarms[i]);
  }
  return result;
}

TEST(EvaluationTest, CountsDetectionsDelaysAndFalseAlarms) {
  // t = 101..110; outbreak 103..105 detected at 104 (delay 1 week); false alarms at 101 and 108;
  // NA at 109 is no alarm; outbreak 200..203 lies outside the evaluated range and does not count.
  const DetectionResult result = Alarms(101, {1, 0, 0, 1, 1, 0, 0, 1, kAlarmNA, 0});
  const EvaluationCounts counts = EvaluateSeries(result, {{103, 105}, {200, 203}}, 52);
  EXPECT_EQ(counts.outbreaks, 1);
  EXPECT_EQ(counts.detected, 1);
  EXPECT_EQ(counts.false_alarms, 2);
  EXPECT_DOUBLE_EQ(counts.series_years, 7.0 / 52);
  ASSERT_EQ(counts.delay_days.size(), 1u);
  EXPECT_DOUBLE_EQ(counts.delay_days[0], 7.0);
  EXPECT_DOUBLE_EQ(counts.FalseAlarmsPerSeriesYear(), 2 / (7.0 / 52));
}

TEST(EvaluationTest, MergesOverSeries) {
  EvaluationCounts total;
  total.Merge(EvaluateSeries(Alarms(1, {0, 1, 0, 0}), {{2, 3}}, 52));  // detected, delay 0
  total.Merge(EvaluateSeries(Alarms(1, {0, 0, 0, 0}), {{1, 2}}, 52));  // missed
  total.Merge(EvaluateSeries(Alarms(1, {0, 0, 1, 0}), {{1, 3}}, 12));  // detected after 2 months
  EXPECT_EQ(total.outbreaks, 3);
  EXPECT_EQ(total.detected, 2);
  EXPECT_DOUBLE_EQ(total.ProbabilityOfDetection(), 2.0 / 3);
  EXPECT_DOUBLE_EQ(total.MeanDelayDays(), (0 + 2 * 365.25 / 12) / 2);
  EXPECT_DOUBLE_EQ(total.MedianDelayDays(), (0 + 2 * 365.25 / 12) / 2);
  EXPECT_TRUE(std::isnan(EvaluationCounts().ProbabilityOfDetection()));
}

}  // namespace
}  // namespace sz::detection
