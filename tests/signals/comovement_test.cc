// Co-movement across wijken (signals/comovement.h): Spearman's rho against its textbook form, the
// Monte-Carlo permutation p against the exact permutation distribution on a small case, and the test
// on data that move together and on data that do not.
#include "signals/comovement.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

namespace sz::signals {
namespace {

TEST(SpearmanTest, MatchesTheTextbookFormulaWithoutTiesAndAverageRanksWithTies) {
  std::mt19937_64 rng(3);
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<double> x(25), y(25);
  for (size_t i = 0; i < x.size(); ++i) {
    x[i] = u(rng);
    y[i] = x[i] + u(rng);
  }
  // 1 − 6 Σ d² / (n (n² − 1)) with d the difference of ranks (no ties).
  auto rank = [](const std::vector<double>& v, size_t i) {
    return 1.0 + static_cast<double>(std::count_if(v.begin(), v.end(), [&](double w) { return w < v[i]; }));
  };
  double d2 = 0;
  for (size_t i = 0; i < x.size(); ++i) d2 += std::pow(rank(x, i) - rank(y, i), 2);
  const double n = static_cast<double>(x.size());
  EXPECT_NEAR(SpearmanRho(x, y), 1 - 6 * d2 / (n * (n * n - 1)), 1e-12);
  // R: cor(c(1, 2, 2, 3), c(1, 3, 2, 4), method = "spearman") = 0.9486833
  EXPECT_NEAR(SpearmanRho({1, 2, 2, 3}, {1, 3, 2, 4}), 0.9486833, 1e-7);
  EXPECT_TRUE(std::isnan(SpearmanRho({1, 1, 1}, {1, 2, 3})));
}

TEST(CoMovementTest, MonteCarloPAgreesWithTheExactPermutationDistribution) {
  // Eight wijken with expectation 1: z = O − 1.
  const std::vector<double> a = {0, 1, 3, 2, 5, 1, 0, 4}, b = {1, 0, 2, 2, 4, 0, 1, 6};
  const std::vector<double> e(8, 1.0);
  const double rho = SpearmanRho(a, b);
  std::vector<int> order = {0, 1, 2, 3, 4, 5, 6, 7};
  int at_least = 0, total = 0;
  do {
    std::vector<double> permuted(8);
    for (int i = 0; i < 8; ++i) permuted[i] = b[order[i]];
    at_least += SpearmanRho(a, permuted) >= rho - 1e-12 ? 1 : 0;
    ++total;
  } while (std::next_permutation(order.begin(), order.end()));
  const double exact = static_cast<double>(at_least) / total;
  Result<CoMovement> m = TestCoMovement(a, e, b, e, {.replications = 19999});
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m->wijken, 8);
  EXPECT_NEAR(m->rho, rho, 1e-12);
  EXPECT_NEAR(m->p_value, exact, 0.01) << "exact " << exact;
  EXPECT_LT(exact, 0.05);
}

TEST(CoMovementTest, DesksThatRiseInTheSameWijkenAreFoundAndIndependentOnesAreNot) {
  std::mt19937_64 rng(11);
  std::vector<double> oa, ea, ob, eb, oc;
  for (int w = 0; w < 60; ++w) {
    const double factor = std::exp(std::normal_distribution<double>(0, 0.6)(rng));  // shared by a and b
    std::poisson_distribution<int> a(5 * factor), b(3 * factor), c(3);
    oa.push_back(a(rng));
    ob.push_back(b(rng));
    oc.push_back(c(rng));
    ea.push_back(5);
    eb.push_back(3);
  }
  Result<CoMovement> together = TestCoMovement(oa, ea, ob, eb, {});
  ASSERT_TRUE(together.ok());
  EXPECT_GT(together->rho, 0.3);
  EXPECT_DOUBLE_EQ(together->p_value, 1.0 / 1000);
  EXPECT_LT(together->p_normal, 0.001);
  Result<CoMovement> apart = TestCoMovement(oa, ea, oc, eb, {});
  ASSERT_TRUE(apart.ok());
  EXPECT_GT(apart->p_value, 0.05);
  EXPECT_EQ(TestCoMovement({1, 2}, {1, 1}, {1, 2}, {1, 1}, {}).status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(TestCoMovement({1, 2}, {1}, {1, 2}, {1, 1}, {}).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace sz::signals
