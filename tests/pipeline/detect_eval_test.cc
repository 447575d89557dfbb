#include "pipeline/detect_eval.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>

#include "core/period.h"
#include "pipeline/ingest.h"
#include "support/workspace.h"

namespace sz::pipeline {
namespace {

namespace fs = std::filesystem;

// Two series of 420 weeks of Poisson(6) counts; series A gets +40 cases in weeks 330–332 (the
// outbreak in the truth file), series B none; one outbreak before the evaluated range is ignored.
class DetectEvalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/detect-eval-" + std::to_string(getpid());
    fs::remove_all(dir_);
    fs::create_directories(dir_ + "/infectieziekten");
    fs::create_directories(dir_ + "/truth");
    std::ofstream counts(dir_ + "/infectieziekten/infectieziekten.csv");
    counts << "week;gemeente;ziekte;aantal\n";
    std::mt19937_64 rng(5);
    std::poisson_distribution<int> poisson(6.0);
    IsoWeek week{2016, 1};
    for (int t = 1; t <= 420; ++t, week = week.Next()) {
      if (t == 330) outbreak_first_ = week.ToString();
      if (t == 332) outbreak_last_ = week.ToString();
      int a = poisson(rng) + ((t >= 330 && t <= 332) ? 40 : 0);
      int b = poisson(rng);
      counts << week.ToString() << ";GM0153;kinkhoest;" << a << "\n";
      if (t != 200) counts << week.ToString() << ";GM0164;kinkhoest;" << b << "\n";  // one missing week
    }
    counts.close();
    std::ofstream truth(dir_ + "/truth/outbreaks.csv");
    truth << "ziekte;gemeente;eerste_week;laatste_week;extra_gevallen\n"
          << "kinkhoest;GM0153;" << outbreak_first_ << ";" << outbreak_last_ << ";120\n"
          << "kinkhoest;GM0164;2016-W10;2016-W11;5\n";
  }
  std::string dir_, outbreak_first_, outbreak_last_;
};

TEST_F(DetectEvalTest, FindsTheInjectedOutbreakWithFewFalseAlarms) {
  DetectEvalRequest request;
  request.data_dir = dir_;
  request.methods = {{"farringtonFlexible", "farringtonFlexible", {}}, {"earsC1", "earsC1", {}}};
  Workspace workspace = testing::TestWorkspace();
  auto report = EvaluateDetection(workspace, request);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->series, 2);
  EXPECT_EQ(report->weeks, 420);
  EXPECT_EQ(report->evaluated_weeks, 420 - 264 + 1);
  EXPECT_EQ(report->outbreaks_in_range, 1);
  ASSERT_EQ(report->methods.size(), 2u);
  for (const auto& method : report->methods) {
    SCOPED_TRACE(method.variant.label);
    EXPECT_EQ(method.series_failed, 0);
    EXPECT_EQ(method.counts.outbreaks, 1);
    EXPECT_EQ(method.counts.detected, 1);
    EXPECT_DOUBLE_EQ(method.counts.ProbabilityOfDetection(), 1.0);
    EXPECT_EQ(method.counts.MedianDelayDays(), 0.0);  // alarm in the first outbreak week
    // About 52·alpha false alarms a year are expected from the threshold alone (alpha = 0.05 for
    // farringtonFlexible, 0.001 for earsC1, whose 7-week SD makes it less calibrated on Poisson counts).
    double alpha = method.variant.method == "earsC1" ? 0.001 : 0.05;
    EXPECT_LT(method.counts.FalseAlarmsPerSeriesYear(), 2 * 52 * alpha + 2) << method.counts.false_alarms;
    // Series-years: evaluated weeks outside outbreaks over both series.
    EXPECT_NEAR(method.counts.series_years, (2.0 * 157 - 3) / 52.0, 1e-9);
  }
}

TEST_F(DetectEvalTest, TooShortDataIsExplained) {
  std::ofstream counts(dir_ + "/infectieziekten/infectieziekten.csv");
  counts << "week;gemeente;ziekte;aantal\n2024-W01;GM0153;kinkhoest;1\n2024-W02;GM0153;kinkhoest;2\n";
  counts.close();
  DetectEvalRequest request;
  request.data_dir = dir_;
  Workspace workspace = testing::TestWorkspace();
  auto report = EvaluateDetection(workspace, request);
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.status().message().find("minstens"), std::string::npos) << report.status().message();
}

TEST_F(DetectEvalTest, TheStoreGivesWhatTheFileGives) {
  // detect-eval --db: the same counts ingested into a store score exactly as the file does.
  DetectEvalRequest from_file;
  from_file.data_dir = dir_;
  from_file.methods = {{"earsC2", "earsC2", {}}, {"cusum", "cusum", {}}};
  Workspace files = testing::TestWorkspace();
  auto expected = EvaluateDetection(files, from_file);
  ASSERT_TRUE(expected.ok()) << expected.status().ToString();

  Workspace stored = testing::TestWorkspace();
  auto ingested =
      Ingest(stored, {.source = "infectieziekten", .files = {dir_ + "/infectieziekten/infectieziekten.csv"}});
  ASSERT_TRUE(ingested.ok()) << ingested.status().ToString();
  DetectEvalRequest from_store = from_file;
  from_store.data_dir.clear();
  from_store.truth_dir = dir_;
  auto report = EvaluateDetection(stored, from_store);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->series, expected->series);
  EXPECT_EQ(report->weeks, expected->weeks);
  ASSERT_EQ(report->methods.size(), expected->methods.size());
  for (size_t m = 0; m < report->methods.size(); ++m) {
    EXPECT_EQ(report->methods[m].counts.detected, expected->methods[m].counts.detected);
    EXPECT_EQ(report->methods[m].counts.false_alarms, expected->methods[m].counts.false_alarms);
    EXPECT_EQ(report->methods[m].counts.series_years, expected->methods[m].counts.series_years);
  }
}

TEST_F(DetectEvalTest, ARejectedRowInTheFileIsNamed) {
  std::ofstream(dir_ + "/infectieziekten/infectieziekten.csv", std::ios::app) << "2016-W05;GM0153;kinkhoest;-3\n";
  DetectEvalRequest request;
  request.data_dir = dir_;
  Workspace workspace = testing::TestWorkspace();
  auto report = EvaluateDetection(workspace, request);
  ASSERT_EQ(report.status().code(), StatusCode::kDataError);
  EXPECT_NE(report.status().message().find("infectieziekten.csv"), std::string::npos) << report.status().message();
}

}  // namespace
}  // namespace sz::pipeline
