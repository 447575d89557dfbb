// internal/count_tails.h against the reference: R's discrete quantile search and upper tails as
// rmath computes them (Boost's incomplete beta and gamma functions in long double), on many random
// arguments of farringtonFlexible's nbPlugin threshold, their edges, and R's edge cases.
#include "detection/internal/count_tails.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

#include "rmath/distributions.h"

namespace sz::detection::internal {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Boost's incomplete beta itself is off by up to ~2e-12 relative for sizes near 1e8 with prob near 1
// (see KnownValuesFromR), hence 1e-10 here.
::testing::AssertionResult SameTail(double ours, double reference, double tolerance = 1e-10) {
  if (std::isnan(ours) && std::isnan(reference)) return ::testing::AssertionSuccess();
  if (ours == reference) return ::testing::AssertionSuccess();
  if (std::fabs(ours - reference) <= tolerance * std::fabs(reference)) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << ours << " vs " << reference << " (relative difference "
                                       << (ours - reference) / reference << ")";
}

// The arguments of one week's threshold: a mean m, a dispersion φ, an α and an observed count.
struct Arguments {
  double p, m, phi, x;
};

Arguments RandomArguments(std::mt19937_64& rng) {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  Arguments a;
  const double u = unit(rng);
  a.p = u < 0.6 ? 0.95 : (u < 0.7 ? 0.99 : (u < 0.75 ? 0.999 : 0.5 + 0.499 * unit(rng)));
  a.m = std::pow(10.0, -4 + 7 * unit(rng));            // 1e-4 .. 1000
  a.phi = 1 + std::pow(10.0, -12 + 13.3 * unit(rng));  // 1 + 1e-12 .. 1 + 20
  const double sd = std::sqrt(a.m * a.phi);
  const double spread = unit(rng) < 0.9 ? 4 : 40;
  a.x = std::floor(a.m + (unit(rng) - 0.4) * spread * sd + 0.5);
  if (unit(rng) < 0.1) a.x += unit(rng) - 0.5;  // not a whole number
  return a;
}

TEST(CountTailsTest, NegativeBinomialMatchesRmathOnRandomArguments) {
  std::mt19937_64 rng(14);
  for (int trial = 0; trial < 20000; ++trial) {
    const Arguments a = RandomArguments(rng);
    const double size = a.m / (a.phi - 1), prob = 1 / a.phi;
    const CountTail tail = NegativeBinomialQuantileAndTail(a.p, size, prob, a.x);
    ASSERT_EQ(tail.quantile, rmath::QNBinom(a.p, size, prob))
        << "p " << a.p << " size " << size << " prob " << prob << " trial " << trial;
    ASSERT_TRUE(SameTail(tail.upper, rmath::PNBinom(a.x, size, prob, false)))
        << "x " << a.x << " size " << size << " prob " << prob << " trial " << trial;
  }
}

TEST(CountTailsTest, PoissonMatchesRmathOnRandomArguments) {
  std::mt19937_64 rng(6);
  for (int trial = 0; trial < 20000; ++trial) {
    const Arguments a = RandomArguments(rng);
    const CountTail tail = PoissonQuantileAndTail(a.p, a.m, a.x);
    ASSERT_EQ(tail.quantile, rmath::QPois(a.p, a.m)) << "p " << a.p << " lambda " << a.m << " trial " << trial;
    ASSERT_TRUE(SameTail(tail.upper, rmath::PPois(a.x, a.m, false)))
        << "x " << a.x << " lambda " << a.m << " trial " << trial;
  }
}

// Upper tails computed by R 4.2.2 (pnbinom/ppois, lower.tail = FALSE; R's values agree with a
// 40-digit sum of the pmf to 2e-16).
TEST(CountTailsTest, KnownValuesFromR) {
  // pnbinom(16, 182653087.16656122, 0.99999989599116013, lower.tail = FALSE); rmath gives
  // 0.707775814146282.
  EXPECT_TRUE(SameTail(NegativeBinomialQuantileAndTail(0.95, 182653087.16656122, 0.99999989599116013, 16).upper,
                       0.70777581414508295, 1e-14));
  // qnbinom(0.95, 3.5, 0.4) = 12, pnbinom(10, 3.5, 0.4, lower.tail = FALSE)
  const CountTail nb = NegativeBinomialQuantileAndTail(0.95, 3.5, 0.4, 10);
  EXPECT_EQ(nb.quantile, 12);
  EXPECT_TRUE(SameTail(nb.upper, 0.087511616760241787, 1e-14));
  // pnbinom(200, 0.3, 0.05, lower.tail = FALSE): a tail summed beyond x
  EXPECT_TRUE(SameTail(NegativeBinomialQuantileAndTail(0.95, 0.3, 0.05, 200).upper, 2.0852065144210568e-06, 1e-13));
  // qpois(0.95, 12.25) = 18, ppois(20, 12.25, lower.tail = FALSE)
  const CountTail pois = PoissonQuantileAndTail(0.95, 12.25, 20);
  EXPECT_EQ(pois.quantile, 18);
  EXPECT_TRUE(SameTail(pois.upper, 0.014227719325003512, 1e-14));
}

// Quantiles where F reaches the fuzzed p within rounding: the p of a random distribution set to
// F(k) itself, and to its neighbours by a few ulp, must still give R's search result.
TEST(CountTailsTest, QuantileAtTheBoundaryOfTheFuzzedProbability) {
  std::mt19937_64 rng(2026);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (int trial = 0; trial < 2000; ++trial) {
    const double m = 0.5 + 60 * unit(rng), phi = 1 + 4 * unit(rng);
    const double size = m / (phi - 1), prob = 1 / phi;
    const double k = std::floor(m + 2 * std::sqrt(m * phi) * unit(rng));
    const double f = rmath::PNBinom(k, size, prob);
    for (const double p :
         {f, f * (1 - 8 * DBL_EPSILON), std::nextafter(f, 0.0), std::nextafter(f, 1.0), f / (1 - 8 * DBL_EPSILON)}) {
      if (!(p > 0 && p < 1)) continue;
      EXPECT_EQ(NegativeBinomialQuantileAndTail(p, size, prob, k).quantile, rmath::QNBinom(p, size, prob))
          << "p " << p << " size " << size << " prob " << prob;
      const double fp = rmath::PPois(k, m);
      EXPECT_EQ(PoissonQuantileAndTail(fp, m, k).quantile, rmath::QPois(fp, m)) << "p " << fp << " lambda " << m;
    }
  }
}

// Far tails (pmf below the subnormal guard), long sums and R's edge cases go to the rmath path
// and come back unchanged.
TEST(CountTailsTest, EdgesAndFallbacksAsRmath) {
  const double cases[][4] = {
      // p, size, prob, x
      {0.95, 2.0, 0.5, 5000},     {0.95, 2.0, 0.5, 1e6},    {0.95, 1e5, 0.001, 10},       {0.95, 5000, 0.5, 3},
      {0.95, 1e-300, 0.5, 3},     {0.95, 0.0, 0.5, 3},      {0.95, 3.0, 1.0, 3},          {0.95, 3.0, 0.0, 3},
      {0.0, 3.0, 0.5, 3},         {1.0, 3.0, 0.5, 3},       {0.95, 3.0, 0.5, -1},         {0.95, 3.0, 0.5, -1e-8},
      {0.95, 3.0, 0.5, kNaN},     {kNaN, 3.0, 0.5, 3},      {0.95, kNaN, 0.5, 3},         {0.95, 3.0, kNaN, 3},
      {0.95, 3.0, 0.5, INFINITY}, {0.95, INFINITY, 0.5, 3}, {0.95, 3.0, 0.5, 0.99999999}, {0.95, 0.3, 0.05, 200},
  };
  for (const auto& c : cases) {
    const CountTail nb = NegativeBinomialQuantileAndTail(c[0], c[1], c[2], c[3]);
    const double q = rmath::QNBinom(c[0], c[1], c[2]);
    EXPECT_TRUE(nb.quantile == q || (std::isnan(nb.quantile) && std::isnan(q)))
        << nb.quantile << " vs " << q << " for " << c[0] << " " << c[1] << " " << c[2];
    EXPECT_TRUE(SameTail(nb.upper, rmath::PNBinom(c[3], c[1], c[2], false)))
        << "x " << c[3] << " size " << c[1] << " prob " << c[2];
    const CountTail pois = PoissonQuantileAndTail(c[0], c[1], c[3]);
    const double qp = rmath::QPois(c[0], c[1]);
    EXPECT_TRUE(pois.quantile == qp || (std::isnan(pois.quantile) && std::isnan(qp)))
        << pois.quantile << " vs " << qp << " for " << c[0] << " " << c[1];
    EXPECT_TRUE(SameTail(pois.upper, rmath::PPois(c[3], c[1], false))) << "x " << c[3] << " lambda " << c[1];
  }
}

}  // namespace
}  // namespace sz::detection::internal
