// The grouped IRLS step (internal/grouped_least_squares.h) against the reference: the same fit by
// the Householder QR of the equivalent dense design, on many random designs, including empty and
// single-row groups, all-zero counts, zero prior weights and a trend constant within groups, and
// farringtonFlexible end to end with both paths.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "detection/farrington_flexible.h"
#include "detection/glm.h"
#include "detection/internal/grouped_least_squares.h"

namespace sz::detection {
namespace {

using internal::ForceQrForGroupedDesigns;

// |a − b| ≤ tol·max(|a|, |b|, floor), NaN equal to NaN.
::testing::AssertionResult Close(double a, double b, double tol, double floor = 1.0) {
  if (std::isnan(a) && std::isnan(b)) return ::testing::AssertionSuccess();
  if (a == b) return ::testing::AssertionSuccess();
  const double scale = std::max({std::fabs(a), std::fabs(b), floor});
  if (std::fabs(a - b) <= tol * scale) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << a << " vs " << b << " (difference " << a - b << ")";
}

struct Case {
  GroupedDesign design;
  std::vector<double> y, offset, weights;
};

Case RandomCase(std::mt19937_64& rng) {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  Case c;
  const int rows = 3 + static_cast<int>(unit(rng) * 250);
  c.design.groups = 1 + static_cast<int>(unit(rng) * std::min(12, rows));
  c.design.trend = unit(rng) < 0.7;
  const bool integer_time = unit(rng) < 0.8;
  double t = 1 + std::floor(unit(rng) * 300);
  const double slope = c.design.trend ? (unit(rng) - 0.5) * 0.02 : 0.0;
  const double level = std::log(0.05 + 40 * unit(rng) * unit(rng));
  std::vector<double> effect(c.design.groups);
  for (double& e : effect) e = (unit(rng) - 0.5) * 2;
  const int zero_group = unit(rng) < 0.2 ? static_cast<int>(unit(rng) * c.design.groups) : -1;
  const bool blocks = unit(rng) < 0.5;  // groups in runs of weeks, as the season labels
  for (int i = 0; i < rows; ++i) {
    t += integer_time ? (unit(rng) < 0.9 ? 1 : 1 + std::floor(unit(rng) * 5)) : 0.1 + unit(rng) * 2;
    const int g = blocks ? (i * c.design.groups / rows + (unit(rng) < 0.1 ? 1 : 0)) % c.design.groups
                         : static_cast<int>(unit(rng) * c.design.groups);
    c.design.group.push_back(g);
    c.design.time.push_back(t);
    const double mean = std::exp(level + effect[g] + slope * (t - 150));
    std::poisson_distribution<int> poisson(std::min(mean, 1e6));
    c.y.push_back(g == zero_group ? 0 : poisson(rng));
  }
  if (unit(rng) < 0.3) {
    for (int i = 0; i < rows; ++i) c.offset.push_back(std::log(1000 + 500 * unit(rng)));
  }
  const double weight_kind = unit(rng);
  if (weight_kind < 0.3) {  // positive weights, as farringtonFlexible's ω
    for (int i = 0; i < rows; ++i)
      c.weights.push_back(unit(rng) < 0.1 ? 0.05 + unit(rng) * 0.3 : 0.9 + unit(rng) * 0.2);
  } else if (weight_kind < 0.5) {  // some zero weights: rows drop out, groups may become empty
    for (int i = 0; i < rows; ++i) c.weights.push_back(unit(rng) < 0.15 ? 0.0 : 0.5 + unit(rng));
  } else if (weight_kind < 0.6 && c.design.groups > 1) {  // one group without weight: aliased in R
    const int empty = static_cast<int>(unit(rng) * c.design.groups);
    for (int i = 0; i < rows; ++i) c.weights.push_back(c.design.group[i] == empty ? 0.0 : 1.0);
  }
  return c;
}

void ExpectSameFit(const Case& c, const std::string& label) {
  SCOPED_TRACE(label);
  GlmFit fast, reference;
  const GlmControl control;
  const Status fast_status = FitLogLinearGlmInto(c.design, c.y, c.offset, c.weights, control, fast);
  Status reference_status;
  {
    ForceQrForGroupedDesigns force;
    reference_status = FitLogLinearGlmInto(c.design, c.y, c.offset, c.weights, control, reference);
  }
  ASSERT_EQ(fast_status.code(), reference_status.code())
      << fast_status.ToString() << " / " << reference_status.ToString();
  if (!fast_status.ok()) return;
  EXPECT_FALSE(reference.solved_grouped);
  ASSERT_EQ(fast.rank, reference.rank);
  EXPECT_EQ(fast.df_residual, reference.df_residual);
  EXPECT_EQ(fast.converged, reference.converged);
  EXPECT_EQ(fast.iterations, reference.iterations);
  // Diverging fits (a group of zeros walks to −∞) agree less tightly in the far-off coefficient;
  // such fits take many iterations, and there the QR itself moves the coefficients by ~2e-7 when
  // only the order of the rows changes (case 432 of the sorted test).
  const double tol = fast.converged && fast.iterations <= 12 ? 1e-7 : 1e-6;
  for (int col = 0; col < fast.columns; ++col) {
    EXPECT_EQ(fast.IsAliased(col), reference.IsAliased(col)) << "column " << col;
    EXPECT_TRUE(Close(fast.coefficients[col], reference.coefficients[col], tol)) << "coefficient " << col;
    EXPECT_TRUE(Close(fast.UnscaledCoefficientVariance(col), reference.UnscaledCoefficientVariance(col), tol, 0.0))
        << "variance " << col;
  }
  EXPECT_TRUE(Close(fast.deviance, reference.deviance, tol));
  EXPECT_TRUE(Close(fast.Dispersion(), reference.Dispersion(), tol));
  for (int i = 0; i < fast.observations; ++i) {
    ASSERT_TRUE(Close(fast.fitted[i], reference.fitted[i], tol, 1e-3)) << "row " << i;
  }
  const std::vector<double> hat_fast = fast.Leverages(), hat_reference = reference.Leverages();
  ASSERT_EQ(hat_fast.size(), hat_reference.size());
  for (size_t i = 0; i < hat_fast.size(); ++i) {
    ASSERT_TRUE(Close(hat_fast[i], hat_reference[i], tol * 100)) << "hat " << i;
  }
  // A prediction row of each group, as farringtonFlexible's x_k.
  for (int g = 0; g < c.design.groups; ++g) {
    std::vector<double> row(c.design.cols(), 0.0);
    row[0] = 1.0;
    if (c.design.trend) row[1] = c.design.time.back() + 1;
    if (g > 0) row[(c.design.trend ? 2 : 1) + g - 1] = 1.0;
    EXPECT_TRUE(Close(fast.PredictLink(row), reference.PredictLink(row), tol)) << "group " << g;
    EXPECT_TRUE(Close(fast.UnscaledLinkVariance(row), reference.UnscaledLinkVariance(row), tol, 0.0)) << "group " << g;
  }
}

TEST(GroupedGlmTest, MatchesTheQrOnRandomDesigns) {
  std::mt19937_64 rng(6);
  int grouped = 0;
  for (int case_idx = 0; case_idx < 2000; ++case_idx) {
    const Case c = RandomCase(rng);
    ExpectSameFit(c, "case " + std::to_string(case_idx));
    GlmFit fit;
    if (FitLogLinearGlmInto(c.design, c.y, c.offset, c.weights, {}, fit).ok() && fit.solved_grouped) ++grouped;
    if (HasFatalFailure()) return;
  }
  EXPECT_GT(grouped, 1000);  // most random designs take the fast path
}

// Rows sorted by group (as farringtonFlexible's baselines are), where the IRLS accumulates the
// step's group sums while computing μ (GroupedLeastSquares::SolveFromSums).
Case SortedByGroup(const Case& c) {
  std::vector<int> order(c.y.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::stable_sort(order.begin(), order.end(), [&c](int a, int b) { return c.design.group[a] < c.design.group[b]; });
  Case sorted = c;
  for (size_t row = 0; row < order.size(); ++row) {
    const int from = order[row];
    sorted.design.group[row] = c.design.group[from];
    sorted.design.time[row] = c.design.time[from];
    sorted.y[row] = c.y[from];
    if (!c.offset.empty()) sorted.offset[row] = c.offset[from];
    if (!c.weights.empty()) sorted.weights[row] = c.weights[from];
  }
  return sorted;
}

TEST(GroupedGlmTest, MatchesTheQrOnRandomDesignsSortedByGroup) {
  std::mt19937_64 rng(7);
  int grouped = 0;
  for (int case_idx = 0; case_idx < 2000; ++case_idx) {
    const Case c = SortedByGroup(RandomCase(rng));
    ExpectSameFit(c, "case " + std::to_string(case_idx));
    GlmFit fit;
    if (FitLogLinearGlmInto(c.design, c.y, c.offset, c.weights, {}, fit).ok() && fit.solved_grouped) ++grouped;
    if (HasFatalFailure()) return;
  }
  EXPECT_GT(grouped, 1000);
}

// The step's per-thread design state moved with the times (farringtonFlexible's next week) gives
// the fit a fresh state gives, to the last bit.
TEST(GroupedGlmTest, DesignMovedByWholeWeeksFitsAsAFreshDesign) {
  std::mt19937_64 rng(11);
  int compared = 0;
  for (int case_idx = 0; case_idx < 300; ++case_idx) {
    Case c = SortedByGroup(RandomCase(rng));
    if (!c.design.trend || c.design.time.back() != std::floor(c.design.time.back())) continue;
    Case moved = c;
    for (double& t : moved.design.time) t += 1 + case_idx % 3;
    GlmFit after_move, fresh;
    (void)FitLogLinearGlmInto(c.design, c.y, c.offset, c.weights, {}, after_move);  // the state of c's design
    const Status moved_status = FitLogLinearGlmInto(moved.design, moved.y, moved.offset, moved.weights, {}, after_move);
    Case other = c;
    other.design.group.assign(c.design.group.size(), 0);  // another design in between
    (void)FitLogLinearGlmInto(other.design, other.y, other.offset, other.weights, {}, fresh);
    const Status fresh_status = FitLogLinearGlmInto(moved.design, moved.y, moved.offset, moved.weights, {}, fresh);
    ASSERT_EQ(moved_status.code(), fresh_status.code());
    if (!moved_status.ok()) continue;
    ASSERT_EQ(after_move.iterations, fresh.iterations) << "case " << case_idx;
    for (int col = 0; col < fresh.columns; ++col) {
      EXPECT_TRUE(after_move.coefficients[col] == fresh.coefficients[col] ||
                  (std::isnan(after_move.coefficients[col]) && std::isnan(fresh.coefficients[col])))
          << "case " << case_idx << " column " << col;
    }
    EXPECT_EQ(after_move.deviance, fresh.deviance) << "case " << case_idx;
    ++compared;
  }
  EXPECT_GT(compared, 50);
}

// The fused step's four lanes give the same bits in AVX2 and in SSE2 (on a processor without AVX2
// both fits take the SSE2 path).
TEST(GroupedGlmTest, Avx2AndSse2LanesGiveTheSameFit) {
  std::mt19937_64 rng(12);
  for (int case_idx = 0; case_idx < 500; ++case_idx) {
    const Case c = SortedByGroup(RandomCase(rng));
    GlmFit wide, narrow;
    const Status wide_status = FitLogLinearGlmInto(c.design, c.y, c.offset, c.weights, {}, wide);
    Status narrow_status;
    {
      internal::ForceSse2ForGroupedSteps force;
      narrow_status = FitLogLinearGlmInto(c.design, c.y, c.offset, c.weights, {}, narrow);
    }
    ASSERT_EQ(wide_status.code(), narrow_status.code());
    if (!wide_status.ok()) continue;
    ASSERT_EQ(wide.iterations, narrow.iterations) << "case " << case_idx;
    EXPECT_EQ(wide.deviance, narrow.deviance) << "case " << case_idx;
    for (int col = 0; col < wide.columns; ++col) {
      EXPECT_TRUE(wide.coefficients[col] == narrow.coefficients[col] ||
                  (std::isnan(wide.coefficients[col]) && std::isnan(narrow.coefficients[col])))
          << "case " << case_idx << " column " << col;
    }
    for (int i = 0; i < wide.observations; ++i) ASSERT_EQ(wide.fitted[i], narrow.fitted[i]) << "row " << i;
  }
}

TEST(GroupedGlmTest, EmptyGroupIsAliasedAsDqrdc2Does) {
  Case c;
  c.design.groups = 3;
  c.design.trend = true;
  for (int i = 0; i < 12; ++i) {
    c.design.group.push_back(i % 3);
    c.design.time.push_back(i + 1);
    c.y.push_back(2 + i % 4);
    c.weights.push_back(i % 3 == 1 ? 0.0 : 1.0);  // group 1 has no weight
  }
  GlmFit fit;
  ASSERT_TRUE(FitLogLinearGlmInto(c.design, c.y, c.offset, c.weights, {}, fit).ok());
  EXPECT_FALSE(fit.solved_grouped);
  EXPECT_EQ(fit.rank, 3);
  EXPECT_TRUE(fit.IsAliased(2));  // the indicator of group 1
  ExpectSameFit(c, "empty group");
}

TEST(GroupedGlmTest, TrendConstantWithinGroupsFallsBackToTheQr) {
  Case c;
  c.design.groups = 4;
  c.design.trend = true;
  for (int i = 0; i < 16; ++i) {
    c.design.group.push_back(i / 4);
    c.design.time.push_back(10.0 * (i / 4));  // the trend lies in the span of the indicators
    c.y.push_back(3 + (i * 7) % 5);
  }
  GlmFit fit;
  ASSERT_TRUE(FitLogLinearGlmInto(c.design, c.y, {}, {}, {}, fit).ok());
  EXPECT_FALSE(fit.solved_grouped);
  EXPECT_EQ(fit.rank, 4);
  EXPECT_TRUE(fit.IsAliased(4));  // dqrdc2 keeps the trend and drops the last indicator
  ExpectSameFit(c, "constant trend");
}

TEST(GroupedGlmTest, SingleRowGroupsAndZeroCountsUseTheFastPath) {
  Case c;
  c.design.groups = 3;
  c.design.trend = true;
  for (int i = 0; i < 30; ++i) {
    c.design.group.push_back(i == 29 ? 2 : i % 2);
    c.design.time.push_back(i + 1);
    c.y.push_back(i % 2 == 1 ? 0 : 1 + i % 3);  // group 1 only zeros
  }
  GlmFit fit;
  ASSERT_TRUE(FitLogLinearGlmInto(c.design, c.y, {}, {}, {}, fit).ok());
  EXPECT_TRUE(fit.solved_grouped);
  EXPECT_EQ(fit.Leverages().back(), 1.0);  // the only row of group 2
  ExpectSameFit(c, "single row, zeros");
}

TEST(GroupedGlmTest, RejectsGroupsOutOfRange) {
  GroupedDesign x;
  x.groups = 2;
  x.group = {0, 2};
  GlmFit fit;
  EXPECT_EQ(FitLogLinearGlmInto(x, {1, 2}, {}, {}, {}, fit).code(), StatusCode::kInvalidArgument);
}

// farringtonFlexible with the fast path against the QR everywhere, on series with zeros, gaps
// (NA) and outbreaks, with the Noufaily settings and R's default control.
TEST(GroupedGlmTest, FarringtonFlexibleGivesTheSameAlarmsAndBoundsAsWithTheQr) {
  std::mt19937_64 rng(2026);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  FarringtonFlexibleControl noufaily;
  noufaily.no_periods = 10;
  noufaily.past_weeks_not_included = 26;
  noufaily.p_threshold_trend = 1;
  noufaily.threshold_method = ThresholdMethod::kNbPlugin;
  FarringtonFlexibleControl default_control;
  FarringtonFlexibleControl muan = noufaily;
  muan.threshold_method = ThresholdMethod::kMuan;
  muan.no_periods = 4;
  long weeks = 0;
  for (int series_idx = 0; series_idx < 24; ++series_idx) {
    Series series;
    const double level = 0.05 * std::pow(400.0, unit(rng));
    const double trend = unit(rng) < 0.4 ? (unit(rng) - 0.5) * 0.004 : 0.0;
    for (int t = 1; t <= 400; ++t) {
      std::poisson_distribution<int> poisson(level * std::exp(0.6 * std::sin(t / 8.3) + trend * t));
      double count = poisson(rng);
      if (series_idx % 4 == 3 && unit(rng) < 0.05) count = NAN;
      if (series_idx % 6 == 5 && t > 100 && t < 160) count = 0;  // a long run of zeros
      series.observed.push_back(count);
    }
    for (const FarringtonFlexibleControl* control : {&noufaily, &default_control, &muan}) {
      SCOPED_TRACE("series " + std::to_string(series_idx));
      const Result<DetectionResult> fast = FarringtonFlexible(series, *control);
      Result<DetectionResult> reference = InvalidArgumentError("not run");
      {
        ForceQrForGroupedDesigns force;
        reference = FarringtonFlexible(series, *control);
      }
      ASSERT_EQ(fast.ok(), reference.ok());
      if (!fast.ok()) continue;
      ASSERT_EQ(fast->size(), reference->size());
      for (int row = 0; row < fast->size(); ++row) {
        EXPECT_EQ(fast->alarm[row], reference->alarm[row]) << "week " << fast->time[row];
        EXPECT_TRUE(Close(fast->upperbound[row], reference->upperbound[row], 1e-9)) << "week " << fast->time[row];
        EXPECT_TRUE(Close(fast->expected[row], reference->expected[row], 1e-9)) << "week " << fast->time[row];
        EXPECT_TRUE(Close(fast->score[row], reference->score[row], 1e-8)) << "week " << fast->time[row];
        EXPECT_TRUE(Close(fast->pvalue[row], reference->pvalue[row], 1e-8, 1e-300)) << "week " << fast->time[row];
        EXPECT_TRUE(Close(fast->phi[row], reference->phi[row], 1e-9)) << "week " << fast->time[row];
      }
      weeks += fast->size();
    }
  }
  EXPECT_GT(weeks, 5000);
}

}  // namespace
}  // namespace sz::detection
