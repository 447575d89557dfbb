// Regression tests for issue 6: R behaviours that are easy to "fix" by accident. Each reproduces
// a documented package quirk (spec r-reference-algorithms.md §1.4, §1.7, §1.8) on golden data.
#include <gtest/gtest.h>

#include <cmath>

#include "detection/detector.h"
#include "golden_reader.h"

namespace sz::detection {
namespace {

Result<DetectionResult> RunCase(const std::string& series_name, const std::string& method,
                                const std::string& options) {
  const Series series = testing::ReadGoldenSeries(series_name, 52);
  Result<Detector> detector = MakeDetector(method, testing::ParseOptionString(options));
  if (!detector.ok()) return detector.status();
  return Detect(*detector, series);
}

// §1.8/§1.7: in an all-zero baseline with one trailing case neither the trend nor the no-trend
// model converges; R then gives NA everywhere except `expected`, which keeps its initial 0.
TEST(Issue6RegressionTest, NonConvergedWeeksKeepExpectedZeroAndNAElsewhere) {
  Result<DetectionResult> result =
      RunCase("gen_zeros", "farringtonFlexible",
              "b=5;w=3;noPeriods=10;weightsThreshold=2.58;pastWeeksNotIncluded=26;pThresholdTrend=1;"
              "populationOffset=false;alpha=0.05;thresholdMethod=nbPlugin;range=417:520");
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  int non_converged = 0;
  for (int row = 0; row < result->size(); ++row) {
    if (result->alarm[row] != kAlarmNA) continue;
    ++non_converged;
    EXPECT_EQ(result->expected[row], 0.0);
    EXPECT_TRUE(std::isnan(result->upperbound[row]));
    EXPECT_TRUE(std::isnan(result->score[row]));
    EXPECT_TRUE(std::isnan(result->pvalue[row]));
  }
  EXPECT_EQ(non_converged, 40);  // as in R (golden flexible_noufaily_nb_gen_zeros)
}

// §1.4: the weight-overwriting quirk. With reweighting the prediction's standard error uses
// D* = Σ ω((y − μ)/μ)²/(n − q), not the floored φ; with a floored φ the muan bound (which depends
// on se(η₀)) would differ from R's. The golden values pin R's.
TEST(Issue6RegressionTest, MuanBoundUsesTheOverwrittenWorkingWeights) {
  Result<DetectionResult> result =
      RunCase("campy", "farringtonFlexible",
              "b=5;w=3;noPeriods=10;weightsThreshold=2.58;pastWeeksNotIncluded=26;pThresholdTrend=1;"
              "populationOffset=false;alpha=0.05;thresholdMethod=muan;range=419:522");
  ASSERT_TRUE(result.ok());
  const testing::CsvTable golden =
      testing::ReadCsv(testing::GoldenDir() + "/outputs/flexible_noufaily_muan_campy.csv");
  const std::vector<double> upper = testing::Column(golden, "upperbound");
  ASSERT_EQ(upper.size(), static_cast<size_t>(result->size()));
  for (int row = 0; row < result->size(); ++row) {
    if (std::isnan(upper[row])) {
      EXPECT_TRUE(std::isnan(result->upperbound[row]));
    } else {
      EXPECT_NEAR(result->upperbound[row], upper[row], 1e-6 * upper[row]);
    }
  }
}

// §2: algo.farrington's bound is 0 (not NA) when there are too few cases, and its alpha is
// two-sided; farringtonFlexible's is NA and one-sided.
TEST(Issue6RegressionTest, FarringtonUpperboundIsZeroWithoutEnoughCases) {
  Result<DetectionResult> original = RunCase("gen_sparse", "farrington", "range=264:520");
  Result<DetectionResult> flexible = RunCase("gen_sparse", "farringtonFlexible", "range=264:520");
  ASSERT_TRUE(original.ok());
  ASSERT_TRUE(flexible.ok());
  int zero_bounds = 0;
  for (int row = 0; row < original->size(); ++row) {
    if (original->upperbound[row] == 0.0) {
      ++zero_bounds;
      EXPECT_TRUE(std::isnan(flexible->upperbound[row])) << "t = " << original->time[row];
    }
  }
  EXPECT_GT(zero_bounds, 100);
}

}  // namespace
}  // namespace sz::detection
