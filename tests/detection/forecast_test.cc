// ForecastWeekly against R: glm(y ~ t + sin(2πt/w) + cos(2πt/w), quasipoisson) on the last 156 weeks,
// predict(type = "link", se.fit = TRUE) for the next weeks (script in the comment below).
#include "detection/forecast.h"

#include <gtest/gtest.h>

#include <cmath>

namespace sz::detection {
namespace {

// R 4.2.2:
//   n <- 160; t0 <- 1:n; y <- round(20 + 5*sin(2*pi*t0/52) + 0.05*t0 + 3*cos(t0*1.7))
//   h <- tail(seq_len(n), 156); d <- data.frame(y = y[h], t = seq_along(h)); w <- 365.25/7
//   f <- glm(y ~ t + sin(2*pi*t/w) + cos(2*pi*t/w), family = quasipoisson, data = d)
//   p <- predict(f, data.frame(t = 157:159), type = "link", se.fit = TRUE); exp(p$fit)
//   phi = summary(f)$dispersion = 0.2057 < 1: qpois(0.025, exp(fit - 1.96 se)), qpois(0.975, exp(fit + 1.96 se))
TEST(ForecastTest, MatchesRsQuasiPoissonFitAndItsInterval) {
  const std::vector<double> y = {
      20, 18, 23, 25, 21, 21, 26, 26, 22, 24, 28, 26, 23, 26, 28, 24, 23, 27, 27, 22, 23, 26, 23, 19, 22, 24, 20,
      18, 21, 21, 16, 17, 21, 19, 14, 17, 20, 16, 14, 18, 20, 15, 16, 21, 20, 16, 19, 23, 21, 18, 23, 25, 22, 22,
      27, 27, 23, 25, 30, 27, 24, 28, 31, 27, 26, 30, 30, 26, 26, 30, 28, 24, 27, 29, 25, 22, 26, 26, 21, 21, 25,
      23, 18, 20, 24, 20, 17, 21, 22, 18, 17, 22, 21, 17, 19, 24, 21, 19, 23, 25, 22, 21, 27, 27, 23, 25, 30, 28,
      25, 29, 32, 29, 27, 32, 33, 29, 29, 34, 32, 28, 30, 33, 29, 27, 30, 31, 26, 26, 30, 28, 23, 25, 28, 24, 21,
      24, 26, 21, 20, 24, 24, 20, 21, 25, 23, 20, 23, 26, 23, 22, 27, 27, 23, 25, 30, 29, 25, 29, 33, 30};
  ASSERT_EQ(y.size(), 160u);
  auto weeks = ForecastWeekly(y, {.horizon = 3});
  ASSERT_TRUE(weeks.ok()) << weeks.status().ToString();
  ASSERT_EQ(weeks->size(), 3u);
  const double expected[] = {31.562575449692741, 32.281262375711336, 32.952540857449542};
  const double lower[] = {20, 21, 21}, upper[] = {44, 45, 46};
  for (int w = 0; w < 3; ++w) {
    EXPECT_EQ((*weeks)[w].ahead, w + 1);
    EXPECT_NEAR((*weeks)[w].expected, expected[w], 1e-9 * expected[w]);
    EXPECT_EQ((*weeks)[w].lower, lower[w]);
    EXPECT_EQ((*weeks)[w].upper, upper[w]);
  }
}

TEST(ForecastTest, MissingWeeksAreLeftOutAndShortSeriesRefused) {
  std::vector<double> flat(60, 10.0);
  flat[5] = std::nan("");
  auto weeks = ForecastWeekly(flat, {.horizon = 2});
  ASSERT_TRUE(weeks.ok()) << weeks.status().ToString();
  EXPECT_NEAR((*weeks)[0].expected, 10.0, 1e-6);  // a flat series forecasts its level
  EXPECT_LE((*weeks)[0].lower, 10);
  EXPECT_GE((*weeks)[0].upper, 10);
  EXPECT_EQ(ForecastWeekly(std::vector<double>(7, 3.0), {}).status().code(), StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace sz::detection
