// O(rows) weighted least squares for the grouped design; see grouped_least_squares.h.
#include "detection/internal/grouped_least_squares.h"

#include <cmath>

namespace sz::detection::internal {
namespace {

// Squared relative residual below which a column counts as possibly negligible for dqrdc2 (whose
// threshold is (1e-11)²): a margin of 1e10 against rounding in its norm downdates.
constexpr double kMinResidualFraction = 1e-12;

thread_local bool force_qr = false;

}  // namespace

bool GroupedLeastSquares::Solve(int groups, bool trend, int rows, const int* group, const double* time,
                                const double* weight, const double* z) {
  groups_ = groups;
  trend_ = trend;
  weight_sum_.assign(groups, 0.0);
  time_mean_.assign(groups, 0.0);
  response_mean_.assign(groups, 0.0);
  double* w_sum = weight_sum_.data();
  double* t_mean = time_mean_.data();
  double* z_mean = response_mean_.data();
  double weighted_time_squares = 0.0;
  for (int i = 0; i < rows; ++i) {
    const int g = group[i];
    const double w = weight[i];
    w_sum[g] += w;
    z_mean[g] += w * z[i];
    if (trend) {
      t_mean[g] += w * time[i];
      weighted_time_squares += w * time[i] * time[i];
    }
  }
  for (int g = 0; g < groups; ++g) {
    if (!(w_sum[g] > 0) || !std::isfinite(w_sum[g])) return false;
    z_mean[g] /= w_sum[g];
    t_mean[g] /= w_sum[g];
  }
  time_ss_ = 0.0;
  slope_ = 0.0;
  if (trend) {
    double cross = 0.0;
    for (int i = 0; i < rows; ++i) {
      const int g = group[i];
      const double d = time[i] - t_mean[g];
      const double wd = weight[i] * d;
      time_ss_ += wd * d;
      cross += wd * (z[i] - z_mean[g]);
    }
    if (!(time_ss_ >= kMinResidualFraction * weighted_time_squares) || !(time_ss_ > 0)) return false;
    slope_ = cross / time_ss_;
  }
  for (int g = 1; g < groups; ++g) {
    double inverse_fraction = 1.0 + w_sum[g] / w_sum[0];
    if (trend) {
      const double d = t_mean[g] - t_mean[0];
      inverse_fraction += w_sum[g] * d * d / time_ss_;
    }
    if (!(inverse_fraction * kMinResidualFraction <= 1.0)) return false;
  }
  return std::isfinite(slope_);
}

void GroupedLeastSquares::Coefficients(double* beta) const {
  const double a0 = response_mean_[0] - slope_ * time_mean_[0];
  int col = 0;
  beta[col++] = a0;
  if (trend_) beta[col++] = slope_;
  for (int g = 1; g < groups_; ++g) beta[col++] = (response_mean_[g] - slope_ * time_mean_[g]) - a0;
}

double GroupedLeastSquares::UnscaledVariance(const double* x_row) const {
  const int first_indicator = trend_ ? 2 : 1;
  double e0 = x_row[0];
  for (int g = 1; g < groups_; ++g) e0 -= x_row[first_indicator + g - 1];
  double sum = e0 * e0 / weight_sum_[0];
  double time_part = trend_ ? x_row[1] - e0 * time_mean_[0] : 0.0;
  for (int g = 1; g < groups_; ++g) {
    const double e = x_row[first_indicator + g - 1];
    if (e == 0.0) continue;
    sum += e * e / weight_sum_[g];
    time_part -= e * time_mean_[g];
  }
  if (trend_) sum += time_part * time_part / time_ss_;
  return sum;
}

ForceQrForGroupedDesigns::ForceQrForGroupedDesigns() : previous_(force_qr) { force_qr = true; }
ForceQrForGroupedDesigns::~ForceQrForGroupedDesigns() { force_qr = previous_; }
bool ForceQrForGroupedDesigns::Active() { return force_qr; }

}  // namespace sz::detection::internal
