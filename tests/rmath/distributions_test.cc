// R-compatible distribution and quantile functions: values printed by R 4.2.2 (the R call is in each
// comment).
#include "rmath/distributions.h"

#include <gtest/gtest.h>

#include <cmath>

namespace sz::rmath {
namespace {

TEST(DistributionsTest, NegativeBinomialQuantileMatchesR) {
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

TEST(DistributionsTest, GammaQuantileMatchesR) {
  // R 4.2.2: qgamma(...); poisson.test(10)$conf.int = qgamma(0.025, 10), qgamma(0.975, 11)
  EXPECT_NEAR(QGamma(0.025, 10), 4.795388696132433459, 1e-13);
  EXPECT_NEAR(QGamma(0.975, 11), 18.390356042017778293, 1e-13);
  EXPECT_NEAR(QGamma(0.025, 1), 0.025317807984289876, 1e-15);
  EXPECT_NEAR(QGamma(0.975, 1), 3.688879454113935363, 1e-13);  // poisson.test(0) upper bound
  EXPECT_NEAR(QGamma(0.975, 0.5, 0.5), 1.255971546828721142, 1e-13);
  EXPECT_EQ(QGamma(0.5, 0), 0.0);
  EXPECT_TRUE(std::isnan(QGamma(0.5, -1)));
  EXPECT_TRUE(std::isnan(QGamma(1.5, 2)));
}

TEST(DistributionsTest, PoissonQuantileMatchesR) {
  // qpois(c(0.95, 0.5, 0.999), c(0.2, 3.5, 5000)); qpois(0.95, 90000); qpois(0.95, 1e-10)
  EXPECT_EQ(QPois(0.95, 0.2), 1);
  EXPECT_EQ(QPois(0.5, 3.5), 3);
  EXPECT_EQ(QPois(0.999, 5000), 5220);
  EXPECT_EQ(QPois(0.95, 90000), 90494);
  EXPECT_EQ(QPois(0.95, 1e-10), 0);
  EXPECT_EQ(QPois(0.3, 0), 0);
}

TEST(DistributionsTest, FuzzKeepsLeftContinuityAtAnExactCdfValue) {
  // pp <- ppois(3, 2); qpois(pp, 2) and qpois(pp * (1 + 1e-15), 2) are both 3 (fuzz 1 − 8·eps).
  const double pp = PPois(3, 2);
  EXPECT_EQ(QPois(pp, 2), 3);
  EXPECT_EQ(QPois(pp * (1 + 1e-15), 2), 3);
}

TEST(DistributionsTest, DistributionFunctionsMatchR) {
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

TEST(DistributionsTest, TQuantileAtTheLimitsMatchesR) {
  // qt(c(0, 1), 5); qt(0.975, Inf) == qnorm(0.975); qt(0.3, -Inf) and qt(0.5, 0) are NaN
  EXPECT_EQ(QT(0, 5), -INFINITY);
  EXPECT_EQ(QT(1, 5), INFINITY);
  EXPECT_EQ(QT(0.975, INFINITY), QNorm(0.975));
  EXPECT_NEAR(QT(0.975, INFINITY), 1.9599639845400536, 1e-15);
  EXPECT_TRUE(std::isnan(QT(0.3, -INFINITY)));
  EXPECT_TRUE(std::isnan(QT(0.5, 0)));
  EXPECT_TRUE(std::isnan(QT(NAN, 5)));
}

TEST(DistributionsTest, BetaQuantileMatchesR) {
  // qbeta(0.025, 42.551, 208.749); qbeta(0.975, 43.551, 207.749): svyciprop's beta interval
  EXPECT_NEAR(QBeta(0.025, 42.551, 208.749), 0.12562639252090457, 1e-15);
  EXPECT_NEAR(QBeta(0.975, 43.551, 207.749), 0.22238156400951248, 1e-15);
  EXPECT_NEAR(QBeta(0.025, 12.3, 40.7), 0.12979273410853701, 1e-15);  // qbeta(0.025, 12.3, 40.7)
  EXPECT_NEAR(QBeta(0.975, 3.5, 1.25), 0.98374197380779516, 1e-15);   // qbeta(0.975, 3.5, 1.25)
  EXPECT_NEAR(QBeta(0.05, 0.2, 3), 7.7979495673500694e-08, 1e-21);    // qbeta(0.05, 0.2, 3)
}

TEST(DistributionsTest, BetaQuantileAtTheLimitsMatchesR) {
  struct Case {
    double p, shape1, shape2, expected;
  };
  const Case cases[] = {
      {0.025, 0, 3, 0},      {0.975, 0, 3, 0},                       // qbeta(p, 0, b) = 0: point mass at 0
      {0.025, 2, 0, 1},      {0.5, 2, 0, 1},                         // qbeta(p, a, 0) = 1: point mass at 1
      {0.3, 0, 0, 0},        {0.5, 0, 0, 0.5},      {0.7, 0, 0, 1},  // qbeta(p, 0, 0): mass 1/2 at 0 and at 1
      {0.3, INFINITY, 2, 1}, {0.3, 2, INFINITY, 0}, {0.3, INFINITY, INFINITY, 0.5},
      {0, 2, 0, 0},          {1, 0, 2, 1},  // p = 0 and p = 1 come first
      {0, 2.5, 4, 0},        {1, 2.5, 4, 1},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(QBeta(c.p, c.shape1, c.shape2), c.expected)
        << "qbeta(" << c.p << ", " << c.shape1 << ", " << c.shape2 << ")";
  }
  // NaN: negative shapes, p outside [0, 1], any NaN argument.
  EXPECT_TRUE(std::isnan(QBeta(0.5, -1, 2)));
  EXPECT_TRUE(std::isnan(QBeta(0.5, 2, -1)));
  EXPECT_TRUE(std::isnan(QBeta(1.5, 0, 2)));
  EXPECT_TRUE(std::isnan(QBeta(-0.1, 2, 3)));
  EXPECT_TRUE(std::isnan(QBeta(NAN, 0, 2)));
  EXPECT_TRUE(std::isnan(QBeta(0.5, NAN, 2)));
}

}  // namespace
}  // namespace sz::rmath
