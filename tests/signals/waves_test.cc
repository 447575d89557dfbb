// Design-based tests for survey waves (signals/waves.h) against the formulas written out by hand.
#include "signals/waves.h"

#include <gtest/gtest.h>

#include <cmath>

namespace sz::signals {
namespace {

double Logit(double p) { return std::log(p / (1 - p)); }
double Expit(double x) { return 1 / (1 + std::exp(-x)); }
double UpperNormal(double z) { return 0.5 * std::erfc(z / std::sqrt(2.0)); }

// An estimate with logit-scale standard error `se`, its interval as survey's kLogit with t = z.
SurveyEstimate WithSe(double p, double se) {
  return {p, Expit(Logit(p) - 1.959963984540054 * se), Expit(Logit(p) + 1.959963984540054 * se)};
}

TEST(WavesTest, TheStandardErrorComesBackFromTheInterval) {
  Result<double> se = LogitStandardError(WithSe(0.3, 0.08));
  ASSERT_TRUE(se.ok());
  EXPECT_NEAR(*se, 0.08, 1e-12);
  EXPECT_EQ(LogitStandardError({0, 0, 0.1}).status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(LogitStandardError({0.3, 0.4, 0.5}).status().code(), StatusCode::kFailedPrecondition);
}

TEST(WavesTest, AChangeBetweenWavesIsAWaldTestOnTheLogitScaleInTheWorseDirection) {
  const SurveyEstimate before = WithSe(0.20, 0.06), after = WithSe(0.26, 0.05);
  const double z = (Logit(0.26) - Logit(0.20)) / std::sqrt(0.06 * 0.06 + 0.05 * 0.05);
  Result<WaveTest> worse = TestWaveChange(before, after, /*higher_is_worse=*/true);
  ASSERT_TRUE(worse.ok());
  EXPECT_NEAR(worse->z, z, 1e-12);
  EXPECT_NEAR(worse->p_value, UpperNormal(z), 1e-12);
  EXPECT_NEAR(worse->difference, 0.06, 1e-12);
  Result<WaveTest> better = TestWaveChange(before, after, /*higher_is_worse=*/false);
  ASSERT_TRUE(better.ok());
  EXPECT_NEAR(better->p_value, 1 - UpperNormal(z), 1e-12);
}

TEST(WavesTest, APartAgainstItsWholeSubtractsTheirCovariance) {
  const SurveyEstimate part = WithSe(0.30, 0.10), whole = WithSe(0.25, 0.03);
  const double share = 0.2;
  const double covariance = share * 0.10 * 0.10 * 0.30 * 0.70 / (0.25 * 0.75);
  const double z = (Logit(0.30) - Logit(0.25)) / std::sqrt(0.01 + 0.0009 - 2 * covariance);
  Result<WaveTest> t = TestPartAgainstWhole(part, whole, share, true);
  ASSERT_TRUE(t.ok());
  EXPECT_NEAR(t->z, z, 1e-12);
  EXPECT_NEAR(t->p_value, UpperNormal(z), 1e-12);
  // A part of no weight is an independent sample.
  Result<WaveTest> independent = TestPartAgainstWhole(part, whole, 0, true);
  EXPECT_NEAR(independent->z, (Logit(0.30) - Logit(0.25)) / std::sqrt(0.01 + 0.0009), 1e-12);
}

}  // namespace
}  // namespace sz::signals
