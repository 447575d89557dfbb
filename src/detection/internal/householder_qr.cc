// dqrdc2 / dqrsl re-implemented from the algorithm description (see householder_qr.h).
#include "detection/internal/householder_qr.h"

#include <algorithm>
#include <cmath>

namespace sz::detection::internal {
namespace {

// dnrm2. The plain sum of squares is used when it can neither overflow nor underflow (it agrees
// with BLAS to an ulp); otherwise the reference-BLAS scaled sum of squares.
double Dot(int count, const double* x, const double* y);

double Norm2(int count, const double* x) {
  const double sum = Dot(count, x, x);
  if (sum > 1e-280 && sum < 1e280) return std::sqrt(sum);
  if (sum == 0.0) {
    bool all_zero = true;
    for (int i = 0; i < count && all_zero; ++i) all_zero = x[i] == 0.0;
    if (all_zero) return 0.0;
  }
  double scale = 0.0;
  double ssq = 1.0;
  for (int i = 0; i < count; ++i) {
    if (x[i] != 0.0) {
      const double absxi = std::fabs(x[i]);
      if (scale < absxi) {
        const double ratio = scale / absxi;
        ssq = 1.0 + ssq * ratio * ratio;
        scale = absxi;
      } else {
        const double ratio = absxi / scale;
        ssq += ratio * ratio;
      }
    }
  }
  return scale * std::sqrt(ssq);
}

// ddot with four partial sums (as optimised BLAS do; the order differs from reference BLAS only
// in rounding), so the loop is not bound by the latency of one addition chain.
double Dot(int count, const double* x, const double* y) {
  double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
  int i = 0;
  for (; i + 4 <= count; i += 4) {
    s0 += x[i] * y[i];
    s1 += x[i + 1] * y[i + 1];
    s2 += x[i + 2] * y[i + 2];
    s3 += x[i + 3] * y[i + 3];
  }
  for (; i < count; ++i) s0 += x[i] * y[i];
  return (s0 + s1) + (s2 + s3);
}

void Axpy(int count, double a, const double* x, double* y) {
  for (int i = 0; i < count; ++i) y[i] += a * x[i];
}

}  // namespace

void HouseholderQr::Factor(const double* x_in, int rows, int cols, double tol) {
  n = rows;
  p = cols;
  qr.assign(x_in, x_in + static_cast<size_t>(n) * p);
  qraux.assign(p, 0.0);
  pivot.resize(p);
  for (int j = 0; j < p; ++j) pivot[j] = j;
  work1.resize(p);
  work2.resize(p);
  auto col = [&](int j) { return qr.data() + static_cast<size_t>(j) * n; };
  if (n > 0) {
    for (int j = 0; j < p; ++j) {
      qraux[j] = Norm2(n, col(j));
      work1[j] = qraux[j];
      work2[j] = qraux[j] == 0.0 ? 1.0 : qraux[j];
    }
  }
  const int lup = std::min(n, p);
  int k = p + 1;  // Fortran's k (1-based count bookkeeping)
  for (int l = 0; l < lup; ++l) {
    // Move negligible columns to the right end (limited pivoting); l+1 is the Fortran index.
    while (!(l + 1 >= k || qraux[l] >= work2[l] * tol)) {
      for (int i = 0; i < n; ++i) {
        const double t = qr[static_cast<size_t>(l) * n + i];
        for (int j = l + 1; j < p; ++j) qr[static_cast<size_t>(j - 1) * n + i] = qr[static_cast<size_t>(j) * n + i];
        qr[static_cast<size_t>(p - 1) * n + i] = t;
      }
      const int saved_pivot = pivot[l];
      const double saved_qraux = qraux[l], saved_work1 = work1[l], saved_work2 = work2[l];
      for (int j = l + 1; j < p; ++j) {
        pivot[j - 1] = pivot[j];
        qraux[j - 1] = qraux[j];
        work1[j - 1] = work1[j];
        work2[j - 1] = work2[j];
      }
      pivot[p - 1] = saved_pivot;
      qraux[p - 1] = saved_qraux;
      work1[p - 1] = saved_work1;
      work2[p - 1] = saved_work2;
      --k;
    }
    if (l + 1 == n) continue;
    double* xl = col(l) + l;
    const int len = n - l;
    double nrmxl = Norm2(len, xl);
    if (nrmxl == 0.0) continue;
    if (xl[0] != 0.0) nrmxl = std::copysign(nrmxl, xl[0]);
    const double scale = 1.0 / nrmxl;
    for (int i = 0; i < len; ++i) xl[i] *= scale;
    xl[0] = 1.0 + xl[0];
    for (int j = l + 1; j < p; ++j) {
      double* xj = col(j) + l;
      const double t = -Dot(len, xl, xj) / xl[0];
      Axpy(len, t, xl, xj);
      if (qraux[j] != 0.0) {
        const double ratio = std::fabs(xj[0]) / qraux[j];
        const double tt = std::max(1.0 - ratio * ratio, 0.0);
        if (std::fabs(tt) >= 1e-6) {
          qraux[j] = qraux[j] * std::sqrt(tt);
        } else {
          qraux[j] = Norm2(len - 1, xj + 1);
          work1[j] = qraux[j];
        }
      }
    }
    qraux[l] = xl[0];
    xl[0] = -nrmxl;
  }
  rank = std::min(k - 1, n);
}

void HouseholderQr::ApplyQt(double* y) const {
  const int ju = std::min(rank, n - 1);
  for (int j = 0; j < ju; ++j) {
    if (qraux[j] == 0.0) continue;
    const double* xj = qr.data() + static_cast<size_t>(j) * n + j;
    const int len = n - j;
    // The Householder vector is (qraux[j], x[j+1..n-1, j]).
    const double dot = qraux[j] * y[j] + Dot(len - 1, xj + 1, y + j + 1);
    const double t = -dot / qraux[j];
    y[j] += t * qraux[j];
    for (int i = 1; i < len; ++i) y[j + i] += t * xj[i];
  }
}

void HouseholderQr::ApplyQ(double* y) const {
  const int ju = std::min(rank, n - 1);
  for (int j = ju - 1; j >= 0; --j) {
    if (qraux[j] == 0.0) continue;
    const double* xj = qr.data() + static_cast<size_t>(j) * n + j;
    const int len = n - j;
    const double dot = qraux[j] * y[j] + Dot(len - 1, xj + 1, y + j + 1);
    const double t = -dot / qraux[j];
    y[j] += t * qraux[j];
    for (int i = 1; i < len; ++i) y[j + i] += t * xj[i];
  }
}

void HouseholderQr::SolveR(const double* qty, double* b) const {
  for (int j = 0; j < rank; ++j) b[j] = qty[j];
  for (int j = rank - 1; j >= 0; --j) {
    const double* rj = qr.data() + static_cast<size_t>(j) * n;
    b[j] /= rj[j];
    if (j != 0) Axpy(j, -b[j], rj, b);
  }
}

void HouseholderQr::SolveRt(const double* v, double* u) const {
  for (int j = 0; j < rank; ++j) {
    const double* rj = qr.data() + static_cast<size_t>(j) * n;
    double sum = v[j];
    for (int i = 0; i < j; ++i) sum -= rj[i] * u[i];
    u[j] = sum / rj[j];
  }
}

std::vector<double> HouseholderQr::Leverages() const {
  std::vector<double> hat(n, 0.0);
  std::vector<double> column(n);
  for (int j = 0; j < rank; ++j) {
    std::fill(column.begin(), column.end(), 0.0);
    column[j] = 1.0;
    ApplyQ(column.data());
    for (int i = 0; i < n; ++i) hat[i] += column[i] * column[i];
  }
  const double tol = 10 * 2.220446049250313e-16;
  for (double& h : hat) {
    if (h >= 1.0 - tol) h = 1.0;
  }
  return hat;
}

std::vector<double> HouseholderQr::UnscaledCovariance() const {
  const int r = rank;
  // R⁻¹ (upper triangular) by back substitution, column by column.
  std::vector<double> rinv(static_cast<size_t>(r) * r, 0.0);
  auto rr = [&](int i, int j) { return qr[static_cast<size_t>(j) * n + i]; };
  for (int j = 0; j < r; ++j) {
    rinv[static_cast<size_t>(j) * r + j] = 1.0 / rr(j, j);
    for (int i = j - 1; i >= 0; --i) {
      double sum = 0.0;
      for (int m = i + 1; m <= j; ++m) sum += rr(i, m) * rinv[static_cast<size_t>(j) * r + m];
      rinv[static_cast<size_t>(j) * r + i] = -sum / rr(i, i);
    }
  }
  std::vector<double> cov(static_cast<size_t>(r) * r, 0.0);
  for (int i = 0; i < r; ++i) {
    for (int j = 0; j < r; ++j) {
      double sum = 0.0;
      for (int m = std::max(i, j); m < r; ++m) {
        sum += rinv[static_cast<size_t>(m) * r + i] * rinv[static_cast<size_t>(m) * r + j];
      }
      cov[static_cast<size_t>(j) * r + i] = sum;
    }
  }
  return cov;
}

}  // namespace sz::detection::internal
