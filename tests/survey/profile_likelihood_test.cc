// The pieces of svyciprop(method = "likelihood") that the golden cases exercise only through the interval.
#include "survey/internal/profile_likelihood.h"

#include <gtest/gtest.h>

#include <cmath>

namespace sz::survey::internal {
namespace {

// R: s <- spline(x, y) for the profile of apistrat's sch_wide_yes (values printed with digits = 17).
TEST(SurveyProfileLikelihood, FmmSplineMatchesR) {
  std::vector<double> x = {1.081982, 1.163511, 1.245039, 1.326568, 1.408097, 1.489625, 1.571154,
                           1.652682, 1.734211, 1.815739, 1.897268, 1.978796, 2.060325};
  std::vector<double> y = {-2.7424992, -2.2665208, -1.7979767, -1.3369804, -0.8836172, -0.4379459, 0,
                           0.4302103,  0.8526971,  1.2674924,  1.6746468,  2.0742276,  2.4663172};
  std::vector<double> sx, sy;
  FmmSpline(x, y, sx, sy);
  ASSERT_EQ(sx.size(), 39u);
  EXPECT_NEAR(sy[1], -2.5913962810549318, 1e-14);
  EXPECT_NEAR(sy[2], -2.4410254123479058, 1e-14);
  EXPECT_NEAR(sy[19], -2.6621237521617935e-06, 1e-14);
  EXPECT_NEAR(sy[37], 2.3433055872532256, 1e-14);
  EXPECT_NEAR(sx[1], 1.1077278684210525, 1e-15);
  EXPECT_DOUBLE_EQ(sx[38], 2.060325);
}

TEST(SurveyProfileLikelihood, DegenerateProportionGivesNA) {
  ProfileInput input;
  input.y = {1, 1, 1};
  input.weights = {1, 2, 3};
  input.p_hat = 1;
  input.se = 0;
  input.df = 2;
  auto ci = ProfileLikelihoodInterval(input);
  ASSERT_TRUE(ci.ok());
  EXPECT_TRUE(std::isnan((*ci)[0]) && std::isnan((*ci)[1]));
}

}  // namespace
}  // namespace sz::survey::internal
