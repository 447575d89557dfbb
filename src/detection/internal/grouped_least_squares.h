// Weighted least squares for the design (Intercept) [+ time] [+ a 0/1 indicator per group
// 1..G−1] in O(rows): the design of farringtonFlexible's season factor. Internal to the detection
// module; FitLogLinearGlmInto(const GroupedDesign&, …) (glm.h) solves each IRLS step with it.
//
// Method: the indicators are disjoint, so with a_g = β₀ + γ_g (γ_0 = 0) the model is z = a_g + β₁·t.
// Eliminating the a_g (the Schur complement of the indicator block is the scalar S below) gives
//   β₁ = Σ w (t − t̄_g)(z − z̄_g) / S,  S = Σ w (t − t̄_g)²,  a_g = z̄_g − β₁·t̄_g,
// with t̄_g, z̄_g the weighted means within group g (two passes, no normal-equation cancellation).
// The same block structure gives (XᵀWX)⁻¹ in closed form:
//   xᵀ(XᵀWX)⁻¹x = Σ_g e_g²/W_g + (x_t − Σ_g e_g·t̄_g)²/S,  e_0 = x_0 − Σ_{g≥1} x_g, e_g = x_g,
// so leverages are h_i = w_i·(1/W_g + (t_i − t̄_g)²/S) and var(β₁) = 1/S.
//
// Rank: R's dqrdc2 (tol 1e-11) moves a column to the end when its residual against the columns
// before it is below 1e-11 of its norm. Solve() returns false, and the caller uses the Householder
// QR instead, unless every column's residual against *all* other columns (a lower bound of the
// residual dqrdc2 tests) is at least 1e-6 of its norm: every group has weight, and
//   trend:       S ≥ 1e-12·Σ w t²,
//   indicator g: 1 / (1 + W_g/W_0 [+ W_g (t̄_g − t̄_0)²/S]) ≥ 1e-12.
// When it returns true, the QR would keep all columns in order and solve the same system.
//
// Checked by tests/detection/grouped_glm_test.cc against the QR on random designs.
#pragma once

#include <vector>

namespace sz::detection::internal {

class GroupedLeastSquares {
 public:
  // Solves min Σ weight·(z − Xβ)² over `rows` rows with group[i] ∈ [0, groups) and time[i] (read
  // only if trend). False if the QR could pivot (see above); then the state is unspecified.
  bool Solve(int groups, bool trend, int rows, const int* group, const double* time, const double* weight,
             const double* z);
  // The same in two parts, for many solves with the same design (IRLS): SetGroups once, then
  // Solve(time, weight, z) per step with arrays of the rows given to SetGroups.
  void SetGroups(int groups, bool trend, int rows, const int* group);
  bool Solve(const double* time, const double* weight, const double* z);

  // The same from per-group sums, for callers that accumulate them while computing the weights
  // (rows need not be sorted; SetGroups is not needed). With t' = t − center[g] (any fixed per-group
  // center; the group's mean time avoids cancellation), sums[g] holds Σw, Σwz, Σwt', Σwt'², Σwzt'
  // over the rows of group g (the last three are read only if trend). Equal to Solve(time, weight,
  // z) up to rounding, with the same rank checks.
  struct GroupSums {
    double weight = 0.0, weighted_response = 0.0, weighted_time = 0.0, weighted_time_squares = 0.0,
           weighted_time_response = 0.0;
  };
  bool SolveFromSums(int groups, bool trend, const GroupSums* sums, const double* center);

  int groups() const { return groups_; }
  bool trend() const { return trend_; }
  int cols() const { return groups_ + (trend_ ? 1 : 0); }
  // β in the design's column order: β₀, [β₁], γ_1..γ_{G−1}; `beta` has cols() entries.
  void Coefficients(double* beta) const;
  // xᵀ(XᵀWX)⁻¹x for a row in the design's column order.
  double UnscaledVariance(const double* x_row) const;
  // W_g, t̄_g (0 without trend) and S (0 without trend) of the last solve.
  double weight_sum(int group) const { return weight_sum_[group]; }
  double time_mean(int group) const { return time_mean_[group]; }
  double time_ss() const { return time_ss_; }
  // The hat value of a row of group `group` at `time` with working weight `weight`.
  double Leverage(int group, double time, double weight) const {
    double h = 1.0 / weight_sum_[group];
    if (trend_) {
      const double d = time - time_mean_[group];
      h += d * d / time_ss_;
    }
    return weight * h;
  }

 private:
  int groups_ = 0;
  bool trend_ = false;
  std::vector<double> weight_sum_;     // W_g
  std::vector<double> time_mean_;      // t̄_g
  std::vector<double> response_mean_;  // z̄_g
  double time_ss_ = 0.0;               // S
  double slope_ = 0.0;                 // β₁
  std::vector<int> order_;             // rows sorted by group (stable)
  std::vector<int> group_begin_;       // group g's rows are order_[group_begin_[g] .. group_begin_[g+1])
  std::vector<int> position_;          // SetGroups' scratch
};

// Test seam: while one of these lives on a thread, FitLogLinearGlmInto(const GroupedDesign&, …)
// on that thread uses the Householder QR path (the reference), so tests can compare the two.
class ForceQrForGroupedDesigns {
 public:
  ForceQrForGroupedDesigns();
  ~ForceQrForGroupedDesigns();
  ForceQrForGroupedDesigns(const ForceQrForGroupedDesigns&) = delete;
  ForceQrForGroupedDesigns& operator=(const ForceQrForGroupedDesigns&) = delete;
  static bool Active();

 private:
  bool previous_;
};

// Test seam: while one of these lives on a thread, the grouped IRLS step on that thread computes
// its four lanes as two pairs of SSE2 lanes even where the processor has AVX2, so tests can check
// that both give the same bits.
class ForceSse2ForGroupedSteps {
 public:
  ForceSse2ForGroupedSteps();
  ~ForceSse2ForGroupedSteps();
  ForceSse2ForGroupedSteps(const ForceSse2ForGroupedSteps&) = delete;
  ForceSse2ForGroupedSteps& operator=(const ForceSse2ForGroupedSteps&) = delete;
  static bool Active();

 private:
  bool previous_;
};

}  // namespace sz::detection::internal
