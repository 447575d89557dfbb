// FitLogLinearGlm against R 4.2.2's glm(): values printed by R (commands in the comments).
#include "detection/glm.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace sz::detection {
namespace {

void ExpectRel(double ours, double r, double tol = 1e-9) {
  EXPECT_NEAR(ours, r, tol * std::fabs(r)) << "ours " << ours << ", R " << r;
}

DesignMatrix InterceptAndTime(int n) {
  DesignMatrix x(n, 2);
  for (int i = 0; i < n; ++i) {
    x(i, 0) = 1;
    x(i, 1) = i + 1;
  }
  return x;
}

const std::vector<double> kY = {2, 3, 6, 7, 8, 9, 10, 12, 15};

// y <- c(2,3,6,7,8,9,10,12,15); x <- 1:9; m <- glm(y ~ x, family = quasipoisson)
TEST(GlmTest, QuasiPoissonMatchesR) {
  Result<GlmFit> fit = FitLogLinearGlm(InterceptAndTime(9), kY);
  ASSERT_TRUE(fit.ok());
  EXPECT_TRUE(fit->converged);
  EXPECT_EQ(fit->iterations, 4);               // m$iter
  EXPECT_EQ(fit->rank, 2);
  EXPECT_EQ(fit->df_residual, 7);
  ExpectRel(fit->coefficients[0], 0.98184503170316106);
  ExpectRel(fit->coefficients[1], 0.19483767838527774);
  ExpectRel(fit->deviance, 1.5102729633137799);
  ExpectRel(fit->Dispersion(), 0.20793777128451871);  // summary(m)$dispersion
  const std::vector<double> hat = fit->Leverages();   // hatvalues(m)[c(1,5,9)]
  ExpectRel(hat[0], 0.26010583380306662);
  ExpectRel(hat[4], 0.12434003660013106);
  ExpectRel(hat[8], 0.49888688924086033);
  ExpectRel(fit->UnscaledCoefficientVariance(0), 0.107933610399823576);  // summary(m)$cov.unscaled
  ExpectRel(fit->UnscaledCoefficientVariance(1), 0.0024182809579682057);
  // predict(m, data.frame(x = 10), se.fit = TRUE)
  const std::vector<double> row = {1, 10};
  ExpectRel(fit->PredictLink(row), 2.9302218155559387);
  ExpectRel(std::sqrt(fit->Dispersion() * fit->UnscaledLinkVariance(row)), 0.1000592723005822);
}

// Aliased columns: glm(y ~ x + z + x2 + I(x^2), family = poisson), z = 0, x2 = 2x.
TEST(GlmTest, RankDeficientDesignPivotsLikeDqrdc2) {
  DesignMatrix x(9, 5);
  for (int i = 0; i < 9; ++i) {
    x(i, 0) = 1;
    x(i, 1) = i + 1;
    x(i, 2) = 0;
    x(i, 3) = 2.0 * (i + 1);
    x(i, 4) = (i + 1.0) * (i + 1.0);
  }
  Result<GlmFit> fit = FitLogLinearGlm(x, kY);
  ASSERT_TRUE(fit.ok());
  EXPECT_EQ(fit->rank, 3);
  EXPECT_EQ(fit->qr.pivot, (std::vector<int>{0, 1, 4, 2, 3}));  // R: 1 2 5 3 4
  ExpectRel(fit->coefficients[0], 0.548626256686503555, 1e-8);
  ExpectRel(fit->coefficients[1], 0.389385027314981091, 1e-8);
  ExpectRel(fit->coefficients[4], -0.017577296275327916, 1e-8);
  EXPECT_TRUE(fit->IsAliased(2));
  EXPECT_TRUE(fit->IsAliased(3));
  EXPECT_TRUE(std::isnan(fit->UnscaledCoefficientVariance(3)));
}

// glm(y ~ x + offset(off), family = quasipoisson, weights = wt)
TEST(GlmTest, OffsetAndPriorWeights) {
  std::vector<double> offset;
  for (double pop : {10, 12, 11, 13, 15, 14, 16, 18, 20}) offset.push_back(std::log(pop));
  const std::vector<double> weights = {1, 2, 1, 0.5, 1, 1, 3, 1, 1};
  Result<GlmFit> fit = FitLogLinearGlm(InterceptAndTime(9), kY, offset, weights);
  ASSERT_TRUE(fit.ok());
  ExpectRel(fit->coefficients[0], -1.35753932713602277);
  ExpectRel(fit->coefficients[1], 0.12652044015103836);
  ExpectRel(fit->Dispersion(), 0.31550192969847668);
  EXPECT_EQ(fit->df_residual, 7);
}

TEST(GlmTest, ZeroPriorWeightDropsTheRowFromTheFit) {
  std::vector<double> weights(9, 1.0);
  weights[8] = 0;
  Result<GlmFit> fit = FitLogLinearGlm(InterceptAndTime(9), kY, {}, weights);
  ASSERT_TRUE(fit.ok());
  EXPECT_EQ(fit->df_residual, 6);
  EXPECT_EQ(fit->fitted_rows.size(), 8u);
  EXPECT_EQ(fit->working_weights[8], 0.0);
  std::vector<double> y8(kY.begin(), kY.end() - 1);
  Result<GlmFit> fit8 = FitLogLinearGlm(InterceptAndTime(8), y8);
  ASSERT_TRUE(fit8.ok());
  ExpectRel(fit->coefficients[1], fit8->coefficients[1], 1e-12);
}

// y4 <- c(rep(0,20),1); glm(y4 ~ x4, family = poisson): "algorithm did not converge".
TEST(GlmTest, DivergingTrendIsReportedAsNotConverged) {
  std::vector<double> y(21, 0.0);
  y[20] = 1;
  Result<GlmFit> fit = FitLogLinearGlm(InterceptAndTime(21), y);
  ASSERT_TRUE(fit.ok());
  EXPECT_FALSE(fit->converged);
  EXPECT_EQ(fit->iterations, 25);
  ExpectRel(fit->coefficients[0], -426.77867024938087, 1e-6);
  ExpectRel(fit->coefficients[1], 20.32279382139906, 1e-6);
}

// glm(rep(0,10) ~ 1, family = poisson): converges after 22 iterations at ≈ −24.3.
TEST(GlmTest, AllZeroResponseWalksToVerySmallMean) {
  DesignMatrix x(10, 1);
  for (int i = 0; i < 10; ++i) x(i, 0) = 1;
  Result<GlmFit> fit = FitLogLinearGlm(x, std::vector<double>(10, 0.0));
  ASSERT_TRUE(fit.ok());
  EXPECT_TRUE(fit->converged);
  EXPECT_EQ(fit->iterations, 22);
  ExpectRel(fit->coefficients[0], -24.302585092994033, 1e-9);
}

// The fast leverages (R⁻ᵀ solves) against the reference: R's Σ_j Q_ij² from the Householder vectors.
TEST(GlmTest, LeveragesAgreeWithExplicitQ) {
  DesignMatrix x(30, 4);
  std::vector<double> y(30);
  for (int i = 0; i < 30; ++i) {
    x(i, 0) = 1;
    x(i, 1) = i + 100;
    x(i, 2) = i % 3 == 0;
    x(i, 3) = i % 3 == 1;
    y[i] = (i * 7) % 11 + (i % 3 == 0 ? 5 : 0);
  }
  Result<GlmFit> fit = FitLogLinearGlm(x, y);
  ASSERT_TRUE(fit.ok());
  const std::vector<double> fast = fit->Leverages();
  const std::vector<double> reference = fit->qr.Leverages();
  ASSERT_EQ(fast.size(), reference.size());
  double total = 0;
  for (size_t i = 0; i < fast.size(); ++i) {
    EXPECT_NEAR(fast[i], reference[i], 1e-13) << i;
    total += fast[i];
  }
  EXPECT_NEAR(total, 4.0, 1e-12);  // trace of the hat matrix = rank
}

TEST(GlmTest, RejectsBadInput) {
  EXPECT_EQ(FitLogLinearGlm(InterceptAndTime(3), {1, -1, 2}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(FitLogLinearGlm(InterceptAndTime(3), {1, NAN, 2}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(FitLogLinearGlm(InterceptAndTime(3), {1, 2}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(FitLogLinearGlm(InterceptAndTime(3), {1, 2, 3}, {}, {1, -1, 1}).status().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace sz::detection
