// GLM fitting for the detection methods: Poisson and quasi-Poisson regression with a log link,
// fitted by iteratively reweighted least squares exactly as R's stats::glm.fit does it.
//
// Contract:
// - FitLogLinearGlm(design, y, offset, prior_weights) runs glm.fit's IRLS: start μ = y + 0.1,
//   at most `max_iterations` (25) iterations, each a weighted least-squares step solved by a
//   Householder QR with R's limited column pivoting (dqrdc2, tol 1e-11), step halving when the
//   deviance or μ becomes invalid, convergence when |dev − dev_old|/(|dev| + 0.1) < 1e-8.
// - Non-convergence is not an error: the fit is returned with converged = false (R warns).
// - Aliased (linearly dependent) columns get a NaN coefficient, as R's NA.
// - The QR, working weights, leverages and (XᵀWX)⁻¹ are those of the last iteration's input
//   (computed from μ before the final update), as in R; fitted values use the final μ.
// - Errors: kInvalidArgument for mismatched sizes, negative or missing responses or negative
//   weights; kDataError when no valid set of coefficients can be found (R's "inner loop" stops).
// - GroupedDesign (intercept, optional trend, disjoint 0/1 group indicators: farringtonFlexible's
//   season factor) is fitted with the same IRLS, each step solved in O(rows) by eliminating the
//   indicators (internal/grouped_least_squares.h) instead of the QR. Where the QR could pivot a
//   column (a group without weight, a trend constant within groups, near-collinearity) the whole
//   fit is redone by the QR path on the equivalent dense design, so aliasing is exactly R's. The
//   two paths agree to rounding (tests/detection/grouped_glm_test.cc). With the rows sorted by
//   group and every prior weight positive, each step is one pass over the rows (the pass that
//   computes μ also sums what the next solve needs), four rows at a time in AVX2 or SSE2 lanes
//   with the same bits either way; fitting designs whose times move by a whole number from one
//   call to the next (farringtonFlexible's weeks) reuses the per-thread design state.
// - Thread safety: safe to call from many threads (scratch space is per thread); GlmFit is a value.
//
//   DesignMatrix x(n, 2);  // intercept + time
//   for (int t = 0; t < n; ++t) { x(t, 0) = 1; x(t, 1) = t + 1; }
//   ASSIGN_OR_RETURN(GlmFit fit, FitLogLinearGlm(x, y));
//   double eta = fit.PredictLink(row), var = fit.Dispersion() * fit.UnscaledLinkVariance(row);
//
// Matches: stats::glm.fit (R 4.2.2) with family poisson()/quasipoisson(link = "log"),
// summary.glm's dispersion and covariance, predict.lm's se.fit, lm.influence's hat values.
// Checked by tests/detection/glm_test.cc against values computed by R.
#pragma once

#include <vector>

#include "core/status.h"
#include "detection/internal/grouped_least_squares.h"
#include "detection/internal/householder_qr.h"

namespace sz::detection {

// A dense column-major model matrix.
class DesignMatrix {
 public:
  DesignMatrix() = default;
  DesignMatrix(int rows, int cols) : rows_(rows), cols_(cols), values_(static_cast<size_t>(rows) * cols, 0.0) {}
  // Reshapes to rows × cols, all zero, reusing the storage.
  void Reset(int rows, int cols) {
    rows_ = rows;
    cols_ = cols;
    values_.assign(static_cast<size_t>(rows) * cols, 0.0);
  }
  int rows() const { return rows_; }
  int cols() const { return cols_; }
  double& operator()(int row, int col) { return values_[static_cast<size_t>(col) * rows_ + row]; }
  double operator()(int row, int col) const { return values_[static_cast<size_t>(col) * rows_ + row]; }
  const double* data() const { return values_.data(); }

 private:
  int rows_ = 0;
  int cols_ = 0;
  std::vector<double> values_;
};

// The model matrix (Intercept) [+ time] [+ one 0/1 indicator for each group 1..groups−1], given by
// each row's group (0 is the reference level) and time: R's model.matrix(~ 1 [+ wtime] [+ factor]).
struct GroupedDesign {
  int groups = 1;
  bool trend = false;
  std::vector<int> group;    // per row, in [0, groups)
  std::vector<double> time;  // per row; used only with trend

  int rows() const { return static_cast<int>(group.size()); }
  int cols() const { return groups + (trend ? 1 : 0); }
  // The equivalent dense design, columns in the order above.
  void ToDense(DesignMatrix& x) const;
};

struct GlmControl {
  double epsilon = 1e-8;    // glm.control()$epsilon
  int max_iterations = 25;  // glm.control()$maxit
};

struct GlmFit {
  int observations = 0;  // rows of the design
  int columns = 0;
  int rank = 0;
  int df_residual = 0;  // rows with non-zero prior weight − rank
  int iterations = 0;
  bool converged = false;
  double deviance = 0.0;
  std::vector<double> coefficients;       // original column order; NaN where aliased
  std::vector<double> fitted;             // μ, final
  std::vector<double> linear_predictor;   // η, final (includes the offset)
  std::vector<double> working_residuals;  // (y − μ)/μ
  std::vector<double> working_weights;    // prior·μ of the last iteration's input; 0 where prior weight is 0
  std::vector<double> prior_weights;
  std::vector<double> y;
  std::vector<int> fitted_rows;  // rows in the QR (prior weight > 0), in order
  // Which solver produced the fit: the QR (qr and weighted_design are filled) or, for a
  // GroupedDesign of full rank, the grouped elimination (grouped and grouped_* are filled).
  bool solved_grouped = false;
  internal::HouseholderQr qr;             // of √W·X over fitted_rows
  std::vector<double> weighted_design;    // √W·X of the last iteration (fitted_rows × columns, column-major)
  internal::GroupedLeastSquares grouped;  // the last iteration's step
  std::vector<int> grouped_group;         // group of each fitted row
  std::vector<double> grouped_time;       // time of each fitted row
  std::vector<double> grouped_weight;     // working weight of each fitted row, last iteration's input

  // summary.glm's estimated dispersion: Σ working_weights·working_residuals² / df_residual over
  // rows with working weight > 0; NaN if df_residual is 0. (Overwrite working_weights to
  // reproduce packages that do so.)
  double Dispersion() const;
  // xᵀβ over non-aliased columns (plus offset), as predict.lm.
  double PredictLink(const std::vector<double>& x_row, double offset = 0.0) const;
  // xᵀ(RᵀR)⁻¹x over non-aliased columns; times the dispersion it is se(η)².
  double UnscaledLinkVariance(const std::vector<double>& x_row) const;
  // [(RᵀR)⁻¹]_jj for original column j, NaN if aliased.
  double UnscaledCoefficientVariance(int column) const;
  // Hat values of the rows in fitted_rows (lm.influence), length = fitted_rows.size(). Computed
  // as h_i = |R⁻ᵀ x̃_i|² from the rows x̃_i of √W·X (equal to R's Σ_j Q_ij² up to rounding, and
  // O(p²) per row instead of forming Q), or for a grouped fit as w_i·(1/W_g + (t_i − t̄_g)²/S);
  // hat values within 10·ε of 1 become 1, as in R.
  std::vector<double> Leverages() const;
  bool IsAliased(int column) const;
};

// Fits log μ = Xβ + offset by IRLS. `offset` and `prior_weights` may be empty (zeros / ones).
Result<GlmFit> FitLogLinearGlm(const DesignMatrix& x, const std::vector<double>& y,
                               const std::vector<double>& offset = {}, const std::vector<double>& prior_weights = {},
                               const GlmControl& control = {});

// The same, reusing `fit`'s storage (for callers that fit many models in a loop).
Status FitLogLinearGlmInto(const DesignMatrix& x, const std::vector<double>& y, const std::vector<double>& offset,
                           const std::vector<double>& prior_weights, const GlmControl& control, GlmFit& fit);

// The same for a GroupedDesign: O(rows) per IRLS step where the design has full rank, else the
// QR on x.ToDense() (see the contract above). Results as FitLogLinearGlmInto(x.ToDense(), …) up to
// rounding; aliased columns, rank and pivot exactly as there.
Status FitLogLinearGlmInto(const GroupedDesign& x, const std::vector<double>& y, const std::vector<double>& offset,
                           const std::vector<double>& prior_weights, const GlmControl& control, GlmFit& fit);

}  // namespace sz::detection
