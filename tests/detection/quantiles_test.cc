// R-compatible quantiles: values printed by R 4.2.2 (the R call is in each comment).
#include "detection/quantiles.h"

#include <gtest/gtest.h>

#include <cmath>

namespace sz::detection {
namespace {

TEST(QuantilesTest, NegativeBinomialQuantileMatchesR) {
  // qnbinom(0.95, size = c(0.5, 3.7, 120), prob = c(0.3, 0.8, 0.95))
  EXPECT_EQ(QNBinom(0.95, 0.5, 0.3), 5);
  EXPECT_EQ(QNBinom(0.95, 3.7, 0.8), 3);
  EXPECT_EQ(QNBinom(0.95, 120, 0.95), 11);
  EXPECT_EQ(QNBinom(0.95, 1e-3 / 0.5, 1 / 1.5), 0);
  EXPECT_EQ(QNBinom(0.95, 40000, 0.5), 40466);  // above 4096: coarse search
  EXPECT_EQ(QNBinom(0.95, 0, 0.5), 0);
  EXPECT_TRUE(std::isinf(QNBinom(1, 2, 0.5)));
  EXPECT_TRUE(std::isnan(QNBinom(0.5, 2, 0)));
}

TEST(QuantilesTest, PoissonQuantileMatchesR) {
  // qpois(c(0.95, 0.5, 0.999), c(0.2, 3.5, 5000)); qpois(0.95, 90000); qpois(0.95, 1e-10)
  EXPECT_EQ(QPois(0.95, 0.2), 1);
  EXPECT_EQ(QPois(0.5, 3.5), 3);
  EXPECT_EQ(QPois(0.999, 5000), 5220);
  EXPECT_EQ(QPois(0.95, 90000), 90494);
  EXPECT_EQ(QPois(0.95, 1e-10), 0);
  EXPECT_EQ(QPois(0.3, 0), 0);
}

TEST(QuantilesTest, FuzzKeepsLeftContinuityAtAnExactCdfValue) {
  // pp <- ppois(3, 2); qpois(pp, 2) and qpois(pp * (1 + 1e-15), 2) are both 3 (fuzz 1 − 8·eps).
  const double pp = PPois(3, 2);
  EXPECT_EQ(QPois(pp, 2), 3);
  EXPECT_EQ(QPois(pp * (1 + 1e-15), 2), 3);
}

TEST(QuantilesTest, DistributionFunctionsMatchR) {
  EXPECT_NEAR(PNBinom(4, 2.5, 0.4, false), 0.32585932384998451, 1e-14);  // pnbinom(4, 2.5, 0.4, lower = F)
  EXPECT_NEAR(PPois(6, 3.2, false), 0.044619100955301035, 1e-15);        // ppois(6, 3.2, lower = F)
  EXPECT_NEAR(PT(-2.1, 7), 0.036935598106461298, 1e-15);                 // pt(-2.1, 7)
  EXPECT_NEAR(QT(0.975, 12), 2.1788128296672284, 1e-13);                 // qt(0.975, 12)
  EXPECT_NEAR(QNorm(0.999), 3.0902323061678132, 1e-14);                  // qnorm(0.999)
  EXPECT_EQ(PNBinom(-1, 2, 0.5, false), 1.0);                            // P(Y ≥ 0)
  EXPECT_EQ(PPois(-1, 2, false), 1.0);
  EXPECT_EQ(QNorm(0.5, 3, 0), 3.0);  // sd = 0 gives the mean
  EXPECT_EQ(PNorm(2, 3, 0), 0.0);
  EXPECT_TRUE(std::isnan(QNorm(NAN)));
}

}  // namespace
}  // namespace sz::detection
