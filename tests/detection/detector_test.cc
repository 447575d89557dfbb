// Option parsing (R's control-list names) and the handling of degenerate input.
#include "detection/detector.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace sz::detection {
namespace {

Series Weekly(int n, double value = 3) {
  Series series;
  series.observed.assign(n, value);
  for (int t = 0; t < n; ++t) series.observed[t] = value + (t * 7 % 5);
  return series;
}

TEST(DetectorTest, ParsesROptionNames) {
  Result<Detector> d = MakeDetector("farringtonFlexible", {{"b", "4"},
                                                           {"w", "2"},
                                                           {"noPeriods", "10"},
                                                           {"pastWeeksNotIncluded", "26"},
                                                           {"thresholdMethod", "muan"},
                                                           {"limit54", "3,2"},
                                                           {"powertrans", "1/2"},
                                                           {"populationOffset", "TRUE"},
                                                           {"reweight", "false"},
                                                           {"range", "300:310"}});
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  const FarringtonFlexibleControl& c = d->farrington_flexible;
  EXPECT_EQ(c.b, 4);
  EXPECT_EQ(c.w, 2);
  EXPECT_EQ(c.no_periods, 10);
  EXPECT_EQ(c.past_weeks_not_included, 26);
  EXPECT_EQ(c.threshold_method, ThresholdMethod::kMuan);
  EXPECT_EQ(c.limit54.cases, 3);
  EXPECT_EQ(c.limit54.period, 2);
  EXPECT_EQ(c.powertrans, PowerTransform::kHalf);
  EXPECT_TRUE(c.population_offset);
  EXPECT_FALSE(c.reweight);
  ASSERT_TRUE(c.range.has_value());
  EXPECT_EQ(c.range->first, 300);
  EXPECT_EQ(c.range->last, 310);
}

TEST(DetectorTest, DefaultsAreR) {
  Result<Detector> d = MakeDetector("farringtonFlexible", {});
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->farrington_flexible.b, 5);
  EXPECT_EQ(d->farrington_flexible.w, 3);
  EXPECT_DOUBLE_EQ(d->farrington_flexible.weights_threshold, 2.58);
  EXPECT_DOUBLE_EQ(d->farrington_flexible.alpha, 0.05);
  EXPECT_FALSE(d->farrington_flexible.past_weeks_not_included.has_value());
  Result<Detector> c3 = MakeDetector("earsC3", {});
  ASSERT_TRUE(c3.ok());
  EXPECT_EQ(c3->ears.method, EarsMethod::kC3);
  EXPECT_FALSE(c3->ears.alpha.has_value());  // 0.025 for C3, chosen in EarsC
}

TEST(DetectorTest, RejectsUnknownMethodOptionAndValue) {
  EXPECT_EQ(MakeDetector("glrnb", {}).status().code(), StatusCode::kInvalidArgument);
  Result<Detector> wrong_option = MakeDetector("earsC1", {{"noPeriods", "10"}});
  EXPECT_EQ(wrong_option.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(wrong_option.status().message().find("hoort niet bij earsC1"), std::string::npos);
  EXPECT_EQ(MakeDetector("farrington", {{"b", "five"}}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(MakeDetector("farrington", {{"range", "10"}}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(MakeDetector("farrington", {{"limit54", "5"}}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(MakeDetector("cusum", {{"trans", "log"}}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(MakeDetector("farringtonFlexible", {{"alpha", "1.5"}}).status().code(), StatusCode::kInvalidArgument);
}

TEST(DetectorTest, OptionNumbersAsCoreNumbersReadsThem) {
  struct Case {
    const char* name;
    const char* value;
    bool ok;
  };
  const Case cases[] = {
      {"b", "4", true},         {"b", "+4", true},           {"b", " 4 ", true},
      {"b", "4.0", false},      {"b", "99999999999", false}, {"b", "4x", false},
      {"alpha", "0.01", true},  {"alpha", "0,01", true},     {"alpha", "1e-2", true},
      {"alpha", "nan", false},  {"alpha", "0x1p-7", false},  {"weightsThreshold", "inf", false},
      {"limit54", "3,2", true}, {"limit54", "3.5,2", true},  {"limit54", "3,2.5", false},
      {"range", "1:10", true},  {"range", "1.0:10", false},
  };
  for (const Case& c : cases) {
    Result<Detector> d = MakeDetector("farringtonFlexible", {{c.name, c.value}});
    EXPECT_EQ(d.ok(), c.ok) << c.name << "=" << c.value << ": " << d.status().ToString();
    if (!c.ok) {
      EXPECT_EQ(d.status().code(), StatusCode::kInvalidArgument) << c.name << "=" << c.value;
    }
  }
  Result<Detector> comma = MakeDetector("farringtonFlexible", {{"alpha", "0,01"}});
  ASSERT_TRUE(comma.ok());
  EXPECT_DOUBLE_EQ(comma->farrington_flexible.alpha, 0.01);
}

TEST(DegenerateInputTest, TooLittleHistorySaysHowManyWeeksAreNeeded) {
  Result<Detector> d = MakeDetector("farringtonFlexible", {});
  ASSERT_TRUE(d.ok());
  Result<DetectionResult> result = Detect(*d, Weekly(200));
  ASSERT_EQ(result.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(result.status().message().find("minstens 264 tijdstippen nodig"), std::string::npos)
      << result.status().message();

  Result<Detector> early = MakeDetector("farringtonFlexible", {{"range", "250:260"}});
  ASSERT_TRUE(early.ok());
  result = Detect(*early, Weekly(300));
  ASSERT_EQ(result.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(result.status().message().find("het eerste evalueerbare tijdstip 263"), std::string::npos)
      << result.status().message();

  Result<Detector> ears = MakeDetector("earsC3", {{"range", "5:20"}});
  ASSERT_TRUE(ears.ok());
  result = Detect(*ears, Weekly(30));
  ASSERT_EQ(result.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(result.status().message().find("moet op 12 of later beginnen"), std::string::npos)
      << result.status().message();

  Result<Detector> cusum = MakeDetector("cusum", {});
  ASSERT_TRUE(cusum.ok());
  EXPECT_EQ(Detect(*cusum, Weekly(30)).status().code(), StatusCode::kInvalidArgument);
}

TEST(DegenerateInputTest, AllZeroBaselineGivesNoAlarmAndNABound) {
  Series series;
  series.observed.assign(300, 0.0);
  Result<Detector> d = MakeDetector("farringtonFlexible", {});
  ASSERT_TRUE(d.ok());
  Result<DetectionResult> result = Detect(*d, series);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  ASSERT_EQ(result->size(), 300 - 264 + 1);
  for (int row = 0; row < result->size(); ++row) {
    EXPECT_EQ(result->alarm[row], 0);
    EXPECT_TRUE(std::isnan(result->upperbound[row]));  // fewer than 5 cases in 4 weeks
  }
}

TEST(DegenerateInputTest, MissingWeeksPropagateAsNA) {
  Series series = Weekly(40);
  series.observed[20] = NAN;
  Result<Detector> d = MakeDetector("earsC1", {});
  ASSERT_TRUE(d.ok());
  Result<DetectionResult> result = Detect(*d, series);
  ASSERT_TRUE(result.ok());
  // t = 21 is missing: its own alarm is NA, and the 7 weeks whose baseline contains it have NA bounds.
  for (int row = 0; row < result->size(); ++row) {
    const int t = result->time[row];
    const bool in_baseline = t > 21 && t <= 28;
    EXPECT_EQ(std::isnan(result->upperbound[row]), in_baseline) << t;
    if (t == 21 || in_baseline) {
      EXPECT_EQ(result->alarm[row], kAlarmNA) << t;
    }
  }
}

// The EARS score is the statistic compared with z = qnorm(1 − alpha): it ranks alarms consistently.
TEST(EarsScoreTest, AlarmIffScoreAboveZ) {
  Series series = Weekly(120);
  for (int t : {40, 41, 77, 100}) series.observed[t - 1] += 12;
  for (const char* method : {"earsC1", "earsC2", "earsC3"}) {
    Result<Detector> d = MakeDetector(method, {{"minSigma", "0.5"}});
    ASSERT_TRUE(d.ok());
    Result<DetectionResult> result = Detect(*d, series);
    ASSERT_TRUE(result.ok());
    ASSERT_TRUE(result->has_score);
    const double z = std::string(method) == "earsC3" ? 1.959963984540054 : 3.090232306167813;
    int alarms = 0;
    for (int row = 0; row < result->size(); ++row) {
      EXPECT_EQ(result->alarm[row] == 1, result->score[row] > z) << method << " t = " << result->time[row];
      alarms += result->alarm[row] == 1;
    }
    EXPECT_GT(alarms, 0) << method;
  }
}

TEST(DegenerateInputTest, RejectsNegativeCountsAndOddFrequency) {
  Series series = Weekly(300);
  series.observed[5] = -1;
  Result<Detector> d = MakeDetector("earsC1", {});
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(Detect(*d, series).status().code(), StatusCode::kInvalidArgument);
  series = Weekly(300);
  series.frequency = 7;
  EXPECT_EQ(Detect(*d, series).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace sz::detection
