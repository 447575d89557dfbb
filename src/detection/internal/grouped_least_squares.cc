// O(rows) weighted least squares for the grouped design; see grouped_least_squares.h.
#include "detection/internal/grouped_least_squares.h"

#include <algorithm>
#include <cmath>

namespace sz::detection::internal {
namespace {

// Squared relative residual below which a column counts as possibly negligible for dqrdc2 (whose
// threshold is (1e-11)²): a margin of 1e10 against rounding in its norm downdates.
constexpr double kMinResidualFraction = 1e-12;

thread_local bool force_qr = false;
thread_local bool force_sse2 = false;

}  // namespace

void GroupedLeastSquares::SetGroups(int groups, bool trend, int rows, const int* group) {
  groups_ = groups;
  trend_ = trend;
  // Counting sort: the rows of each group in row order, so the sums below run over one group at
  // a time in registers.
  group_begin_.assign(groups + 1, 0);
  for (int i = 0; i < rows; ++i) ++group_begin_[group[i] + 1];
  for (int g = 0; g < groups; ++g) group_begin_[g + 1] += group_begin_[g];
  order_.resize(rows);
  position_.assign(group_begin_.begin(), group_begin_.end() - 1);
  for (int i = 0; i < rows; ++i) order_[position_[group[i]]++] = i;
}

bool GroupedLeastSquares::Solve(int groups, bool trend, int rows, const int* group, const double* time,
                                const double* weight, const double* z) {
  SetGroups(groups, trend, rows, group);
  return Solve(time, weight, z);
}

bool GroupedLeastSquares::Solve(const double* time, const double* weight, const double* z) {
  const int groups = groups_;
  const bool trend = trend_;
  weight_sum_.resize(groups);
  time_mean_.resize(groups);
  response_mean_.resize(groups);
  double* w_sum = weight_sum_.data();
  double* t_mean = time_mean_.data();
  double* z_mean = response_mean_.data();
  const int* order = order_.data();
  double weighted_time_squares = 0.0;
  for (int g = 0; g < groups; ++g) {
    // Two partial sums each: no single chain of dependent additions.
    double w0 = 0.0, w1 = 0.0, wz0 = 0.0, wz1 = 0.0, wt0 = 0.0, wt1 = 0.0, wtt0 = 0.0, wtt1 = 0.0;
    const int begin = group_begin_[g], end = group_begin_[g + 1];
    int k = begin;
    if (trend) {
      for (; k + 1 < end; k += 2) {
        const int i0 = order[k], i1 = order[k + 1];
        const double a0 = weight[i0], a1 = weight[i1];
        const double at0 = a0 * time[i0], at1 = a1 * time[i1];
        w0 += a0;
        w1 += a1;
        wz0 += a0 * z[i0];
        wz1 += a1 * z[i1];
        wt0 += at0;
        wt1 += at1;
        wtt0 += at0 * time[i0];
        wtt1 += at1 * time[i1];
      }
      if (k < end) {
        const int i0 = order[k];
        const double at0 = weight[i0] * time[i0];
        w0 += weight[i0];
        wz0 += weight[i0] * z[i0];
        wt0 += at0;
        wtt0 += at0 * time[i0];
      }
    } else {
      for (; k + 1 < end; k += 2) {
        const int i0 = order[k], i1 = order[k + 1];
        w0 += weight[i0];
        w1 += weight[i1];
        wz0 += weight[i0] * z[i0];
        wz1 += weight[i1] * z[i1];
      }
      if (k < end) {
        w0 += weight[order[k]];
        wz0 += weight[order[k]] * z[order[k]];
      }
    }
    const double w_total = w0 + w1;
    if (!(w_total > 0) || !std::isfinite(w_total)) return false;
    w_sum[g] = w_total;
    z_mean[g] = (wz0 + wz1) / w_total;
    t_mean[g] = (wt0 + wt1) / w_total;
    weighted_time_squares += wtt0 + wtt1;
  }
  time_ss_ = 0.0;
  slope_ = 0.0;
  if (trend) {
    double ss0 = 0.0, ss1 = 0.0, cross0 = 0.0, cross1 = 0.0;
    for (int g = 0; g < groups; ++g) {
      const double tg = t_mean[g], zg = z_mean[g];
      const int begin = group_begin_[g], end = group_begin_[g + 1];
      int k = begin;
      for (; k + 1 < end; k += 2) {
        const int i0 = order[k], i1 = order[k + 1];
        const double d0 = time[i0] - tg, d1 = time[i1] - tg;
        const double wd0 = weight[i0] * d0, wd1 = weight[i1] * d1;
        ss0 += wd0 * d0;
        ss1 += wd1 * d1;
        cross0 += wd0 * (z[i0] - zg);
        cross1 += wd1 * (z[i1] - zg);
      }
      if (k < end) {
        const int i0 = order[k];
        const double d0 = time[i0] - tg;
        const double wd0 = weight[i0] * d0;
        ss0 += wd0 * d0;
        cross0 += wd0 * (z[i0] - zg);
      }
    }
    time_ss_ = ss0 + ss1;
    const double cross = cross0 + cross1;
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

bool GroupedLeastSquares::SolveFromSums(int groups, bool trend, const GroupSums* sums, const double* center) {
  groups_ = groups;
  trend_ = trend;
  weight_sum_.resize(groups);
  time_mean_.resize(groups);
  response_mean_.resize(groups);
  double weighted_time_squares = 0.0, time_ss = 0.0, cross = 0.0;
  for (int g = 0; g < groups; ++g) {
    const GroupSums& sum = sums[g];
    const double w_total = sum.weight;
    if (!(w_total > 0) || !std::isfinite(w_total)) return false;
    const double inverse_weight = 1.0 / w_total;
    weight_sum_[g] = w_total;
    response_mean_[g] = sum.weighted_response * inverse_weight;
    if (!trend) continue;
    // Σ w (t − t̄_g)² and Σ w (t − t̄_g)(z − z̄_g) from the centred sums: t̄_g = center + δ.
    const double shift = sum.weighted_time * inverse_weight;
    time_mean_[g] = center[g] + shift;
    time_ss += sum.weighted_time_squares - shift * sum.weighted_time;
    cross += sum.weighted_time_response - shift * sum.weighted_response;
    // Σ w t² = Σ w t'² + 2c Σ w t' + c² Σ w, for the rank check against the raw column.
    weighted_time_squares += sum.weighted_time_squares + center[g] * (2 * sum.weighted_time + center[g] * w_total);
  }
  time_ss_ = 0.0;
  slope_ = 0.0;
  if (trend) {
    time_ss_ = time_ss;
    if (!(time_ss_ >= kMinResidualFraction * weighted_time_squares) || !(time_ss_ > 0)) return false;
    slope_ = cross / time_ss_;
  } else {
    std::fill(time_mean_.begin(), time_mean_.end(), 0.0);
  }
  // Solve()'s indicator check with the divisions taken out of the loop.
  const double inverse_w0 = 1.0 / weight_sum_[0];
  const double inverse_ss = trend ? 1.0 / time_ss_ : 0.0;
  for (int g = 1; g < groups; ++g) {
    const double d = trend ? time_mean_[g] - time_mean_[0] : 0.0;
    const double inverse_fraction = 1.0 + weight_sum_[g] * (inverse_w0 + d * d * inverse_ss);
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

ForceSse2ForGroupedSteps::ForceSse2ForGroupedSteps() : previous_(force_sse2) { force_sse2 = true; }
ForceSse2ForGroupedSteps::~ForceSse2ForGroupedSteps() { force_sse2 = previous_; }
bool ForceSse2ForGroupedSteps::Active() { return force_sse2; }

}  // namespace sz::detection::internal
