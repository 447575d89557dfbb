// Every golden case written by scripts/golden/detection.R: Samenzicht's detection methods against
// R's surveillance 1.20.3 on the package's data sets and on generated series. expected,
// upperbound, score, pvalue (and φ, trend) agree to relative 1e-6, alarms exactly, NA exactly
// where R gives NA.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "detection/detector.h"
#include "golden_reader.h"

namespace sz::detection {
namespace {

using testing::Column;
using testing::GoldenCase;

// True if a and b agree as R values: both NA, equal infinities, or relative difference ≤ tol.
bool SameValue(double a, double b, double tol, double* rel_diff) {
  *rel_diff = 0.0;
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  if (std::isinf(a) || std::isinf(b)) return a == b;
  const double scale = std::max(std::fabs(a), std::fabs(b));
  if (scale == 0) return true;
  *rel_diff = std::fabs(a - b) / scale;
  return *rel_diff <= tol || std::fabs(a - b) <= 1e-13;
}

class GoldenTest : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(GoldenTest, MatchesR) {
  const GoldenCase& golden = GetParam();
  const Series series = testing::ReadGoldenSeries(golden.series, golden.frequency);
  ASSERT_FALSE(series.observed.empty()) << "missing series " << golden.series;
  Result<Detector> detector = MakeDetector(golden.method, testing::ParseOptionString(golden.options));
  ASSERT_TRUE(detector.ok()) << detector.status().ToString();
  Result<DetectionResult> result = Detect(*detector, series);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  const testing::CsvTable expected = testing::ReadCsv(testing::GoldenDir() + "/outputs/" + golden.name + ".csv");
  ASSERT_EQ(result->size(), static_cast<int>(expected.rows.size()));

  const std::vector<double> t = Column(expected, "t");
  for (int row = 0; row < result->size(); ++row) ASSERT_EQ(result->time[row], static_cast<int>(t[row]));
  const std::vector<double> alarms = Column(expected, "alarm");
  for (int row = 0; row < result->size(); ++row) {
    const int want = std::isnan(alarms[row]) ? kAlarmNA : static_cast<int>(alarms[row]);
    EXPECT_EQ(result->alarm[row], want) << golden.name << " alarm at t = " << result->time[row];
  }
  struct Compared {
    const char* name;
    const std::vector<double>* ours;
  };
  const Compared columns[] = {{"observed", &result->observed},     {"expected", &result->expected},
                              {"upperbound", &result->upperbound}, {"score", &result->score},
                              {"pvalue", &result->pvalue},         {"phi", &result->phi},
                              {"trend", &result->trend_coefficient}};
  for (const Compared& column : columns) {
    const std::vector<double> want = Column(expected, column.name);
    if (want.empty()) continue;
    ASSERT_EQ(column.ours->size(), want.size()) << column.name;
    double worst = 0.0;
    for (size_t row = 0; row < want.size(); ++row) {
      double rel = 0.0;
      EXPECT_TRUE(SameValue((*column.ours)[row], want[row], 1e-6, &rel))
          << golden.name << " " << column.name << " at t = " << result->time[row] << ": ours "
          << (*column.ours)[row] << ", R " << want[row];
      worst = std::max(worst, rel);
    }
    char text[32];
    std::snprintf(text, sizeof text, "%.3g", worst);
    RecordProperty(std::string("max_rel_diff_") + column.name, text);
  }
}

std::string CaseName(const ::testing::TestParamInfo<GoldenCase>& info) { return info.param.name; }

INSTANTIATE_TEST_SUITE_P(R, GoldenTest, ::testing::ValuesIn(testing::ReadGoldenCases()), CaseName);

TEST(GoldenFilesTest, AllMethodsAndRequiredSettingsAreCovered) {
  const std::vector<GoldenCase> cases = testing::ReadGoldenCases();
  ASSERT_GE(cases.size(), 50u);
  for (const char* method : {"farringtonFlexible", "farrington", "earsC1", "earsC2", "earsC3", "cusum"}) {
    EXPECT_TRUE(std::any_of(cases.begin(), cases.end(), [&](const GoldenCase& c) { return c.method == method; }))
        << method;
  }
  EXPECT_TRUE(std::any_of(cases.begin(), cases.end(), [](const GoldenCase& c) {
    return !testing::ReadGoldenSeries(c.series, c.frequency).dates.empty();
  })) << "no date-based (epochAsDate) case";
  for (const char* setting : {"thresholdMethod=nbPlugin", "thresholdMethod=muan", "noPeriods=10",
                              "pastWeeksNotIncluded=26", "populationOffset=true", "trans=rossi", "m=glm"}) {
    EXPECT_TRUE(std::any_of(cases.begin(), cases.end(),
                            [&](const GoldenCase& c) { return c.options.find(setting) != std::string::npos; }))
        << setting;
  }
}

}  // namespace
}  // namespace sz::detection
