// Householder QR with R's limited column pivoting (LINPACK dqrdc2 as modified for R) and the
// dqrsl operations glm.fit needs (Qᵀy, Qy, back substitution). Internal to the detection module.
//
// Matches: R src/appl/dqrdc2.f and dqrsl.f as called by C_Cdqrls (stats::lm.fit/glm.fit), with
// tol = 1e-11 in glm.fit. Checked by tests/detection/glm_test.cc (rank deficiency, pivot order).
//
// Storage is column-major, n rows × p columns, like Fortran. Indices are 0-based here.
#pragma once

#include <vector>

namespace sz::detection::internal {

struct HouseholderQr {
  int n = 0;
  int p = 0;
  int rank = 0;
  std::vector<double> qr;     // n × p: R in the upper triangle, Householder vectors below
  std::vector<double> qraux;  // p
  std::vector<int> pivot;     // p: original (0-based) column index of each factored column
  std::vector<double> work1, work2;  // dqrdc2's work array, kept to avoid reallocation

  // Factorises `x` (n × p, column-major) in place of a copy; `tol` as dqrdc2's tol.
  void Factor(const double* x, int rows, int cols, double tol);

  // y ← Qᵀy (dqrsl job 1000), y has n entries.
  void ApplyQt(double* y) const;
  // y ← Qy (dqrsl job 10000).
  void ApplyQ(double* y) const;
  // Solves R[0:rank,0:rank] b = qty[0:rank] (dqrsl job 100); b has rank entries.
  void SolveR(const double* qty, double* b) const;
  // u with Rᵀu = v for the leading rank×rank block: |u|² = vᵀ(RᵀR)⁻¹v (predict.lm's XRinv).
  void SolveRt(const double* v, double* u) const;
  // Leverages h_i = Σ_{j<rank} Q_ij² (R's C_influence), length n.
  std::vector<double> Leverages() const;
  // (RᵀR)⁻¹ of the leading rank×rank block (chol2inv), rank × rank column-major, pivoted order.
  std::vector<double> UnscaledCovariance() const;
};

}  // namespace sz::detection::internal
