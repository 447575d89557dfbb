// DetectBatch gives the same results as one-by-one Detect, in input order, for any thread count.
#include "detection/batch.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace sz::detection {
namespace {

std::vector<Series> MakeSeries(int count, int weeks) {
  std::mt19937_64 rng(6);
  std::vector<Series> all;
  for (int s = 0; s < count; ++s) {
    Series series;
    const double level = 0.5 + s % 7;
    for (int t = 1; t <= weeks; ++t) {
      std::poisson_distribution<int> dist(level * std::exp(0.5 * std::sin(2 * M_PI * t / 52)));
      series.observed.push_back(dist(rng));
    }
    all.push_back(series);
  }
  return all;
}

bool SameDouble(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

void ExpectIdentical(const DetectionResult& a, const DetectionResult& b) {
  ASSERT_EQ(a.size(), b.size());
  for (int row = 0; row < a.size(); ++row) {
    EXPECT_EQ(a.time[row], b.time[row]);
    EXPECT_EQ(a.alarm[row], b.alarm[row]);
    EXPECT_TRUE(SameDouble(a.upperbound[row], b.upperbound[row]));
    EXPECT_TRUE(SameDouble(a.expected[row], b.expected[row]));
    EXPECT_TRUE(SameDouble(a.score[row], b.score[row]));
  }
}

TEST(BatchTest, SameAsSequentialInInputOrderForAnyThreadCount) {
  std::vector<Series> series = MakeSeries(12, 320);
  series[5].observed.resize(100);  // too short: an error for this series only
  Result<Detector> detector = MakeDetector("farringtonFlexible", {});
  ASSERT_TRUE(detector.ok());
  for (int threads : {1, 2, 5, 0}) {
    const std::vector<Result<DetectionResult>> results = DetectBatch(*detector, series, {.threads = threads});
    ASSERT_EQ(results.size(), series.size());
    for (size_t i = 0; i < series.size(); ++i) {
      const Result<DetectionResult> one = Detect(*detector, series[i]);
      ASSERT_EQ(results[i].ok(), one.ok()) << i;
      if (one.ok()) {
        ExpectIdentical(*results[i], *one);
      } else {
        EXPECT_EQ(results[i].status().code(), StatusCode::kInvalidArgument);
      }
    }
  }
}

TEST(BatchTest, EmptyInput) {
  Result<Detector> detector = MakeDetector("earsC1", {});
  ASSERT_TRUE(detector.ok());
  EXPECT_TRUE(DetectBatch(*detector, {}).empty());
}

}  // namespace
}  // namespace sz::detection
