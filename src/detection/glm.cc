// IRLS as stats::glm.fit (R 4.2.2) for the log link; see glm.h for the contract.
#include "detection/glm.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <limits>
#include <string>

#include "detection/messages.h"

namespace sz::detection {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// poisson()$linkinv / mu.eta for the log link: pmax(exp(eta), .Machine$double.eps).
inline double LinkInverse(double eta) { return std::max(std::exp(eta), DBL_EPSILON); }

// Σ poisson()$dev.resids(y, mu, wt) = Σ 2·wt·(y·log(y/μ) − (y − μ)), with y·log(y/μ) = 0 for y = 0.
// log(y/μ) is evaluated as log(y) − log(μ) with log(y) precomputed and log(μ) = η where μ = exp(η)
// (log(ε) where μ was clamped to ε): the same value up to rounding (~1e-16 relative), without a log
// per row and iteration. IRLS decisions compare relative deviance changes with 1e-8, so this does not
// change the iterations; the golden tests check agreement with R.
double Deviance(const std::vector<double>& y, const std::vector<double>& log_y, const std::vector<double>& mu,
                const std::vector<double>& eta, const std::vector<double>& weights) {
  static const double kLogEpsilon = std::log(DBL_EPSILON);
  double sum = 0.0;
  for (size_t i = 0; i < y.size(); ++i) {
    double r = mu[i] * weights[i];
    if (y[i] > 0) {
      const double log_mu = mu[i] > DBL_EPSILON ? eta[i] : kLogEpsilon;
      r = weights[i] * (y[i] * (log_y[i] - log_mu) - (y[i] - mu[i]));
    }
    sum += 2.0 * r;
  }
  return sum;
}

void LinearPredictor(const DesignMatrix& x, const std::vector<double>& beta, const std::vector<double>& offset,
                     std::vector<double>& eta) {
  const int n = x.rows();
  for (int i = 0; i < n; ++i) {
    double sum = 0.0;
    for (int j = 0; j < x.cols(); ++j) sum += x(i, j) * beta[j];
    eta[i] = sum + offset[i];
  }
}

bool ValidMu(const std::vector<double>& mu) {
  for (double m : mu) {
    if (!std::isfinite(m) || m <= 0) return false;
  }
  return true;
}

}  // namespace

double GlmFit::Dispersion() const {
  if (df_residual <= 0) return kNaN;
  double sum = 0.0;
  for (size_t i = 0; i < working_weights.size(); ++i) {
    if (working_weights[i] > 0) sum += working_weights[i] * working_residuals[i] * working_residuals[i];
  }
  return sum / df_residual;
}

std::vector<double> GlmFit::Leverages() const {
  const int rows = static_cast<int>(fitted_rows.size());
  std::vector<double> hat(rows);
  std::vector<double> v(rank), u(rank);
  for (int i = 0; i < rows; ++i) {
    for (int pos = 0; pos < rank; ++pos) v[pos] = weighted_design[static_cast<size_t>(qr.pivot[pos]) * rows + i];
    qr.SolveRt(v.data(), u.data());
    double sum = 0.0;
    for (int pos = 0; pos < rank; ++pos) sum += u[pos] * u[pos];
    hat[i] = sum >= 1.0 - 10 * DBL_EPSILON ? 1.0 : sum;
  }
  return hat;
}

bool GlmFit::IsAliased(int column) const { return std::isnan(coefficients[column]); }

double GlmFit::PredictLink(const std::vector<double>& x_row, double offset) const {
  double sum = 0.0;
  for (int pos = 0; pos < rank; ++pos) sum += x_row[qr.pivot[pos]] * coefficients[qr.pivot[pos]];
  return sum + offset;
}

double GlmFit::UnscaledLinkVariance(const std::vector<double>& x_row) const {
  double v[64], u[64];
  std::vector<double> v_big, u_big;
  double* vp = v;
  double* up = u;
  if (rank > 64) {
    v_big.resize(rank);
    u_big.resize(rank);
    vp = v_big.data();
    up = u_big.data();
  }
  for (int pos = 0; pos < rank; ++pos) vp[pos] = x_row[qr.pivot[pos]];
  qr.SolveRt(vp, up);
  double sum = 0.0;
  for (int pos = 0; pos < rank; ++pos) sum += up[pos] * up[pos];
  return sum;
}

double GlmFit::UnscaledCoefficientVariance(int column) const {
  for (int pos = 0; pos < rank; ++pos) {
    if (qr.pivot[pos] == column) {
      const std::vector<double> cov = qr.UnscaledCovariance();
      return cov[static_cast<size_t>(pos) * rank + pos];
    }
  }
  return kNaN;
}

Result<GlmFit> FitLogLinearGlm(const DesignMatrix& x, const std::vector<double>& y, const std::vector<double>& offset,
                               const std::vector<double>& weights, const GlmControl& control) {
  GlmFit fit;
  RETURN_IF_ERROR(FitLogLinearGlmInto(x, y, offset, weights, control, fit));
  return fit;
}

Status FitLogLinearGlmInto(const DesignMatrix& x, const std::vector<double>& y, const std::vector<double>& offset_in,
                           const std::vector<double>& weights_in, const GlmControl& control, GlmFit& fit) {
  const int n = x.rows();
  const int p = x.cols();
  if (static_cast<int>(y.size()) != n) return InvalidArgumentError(msg::GlmResponseLength());
  if (!offset_in.empty() && static_cast<int>(offset_in.size()) != n) {
    return InvalidArgumentError(msg::GlmOffsetLength());
  }
  if (!weights_in.empty() && static_cast<int>(weights_in.size()) != n) {
    return InvalidArgumentError(msg::GlmWeightsLength());
  }
  if (n == 0 || p == 0) return InvalidArgumentError(msg::GlmEmptyDesign());
  for (double v : y) {
    if (!(v >= 0)) return InvalidArgumentError(msg::GlmPoissonNegative());
  }
  for (double w : weights_in) {
    if (!(w >= 0)) return InvalidArgumentError(msg::GlmNegativeWeights());
  }
  // Per-thread scratch space: the detection methods fit thousands of small GLMs per series.
  thread_local std::vector<double> offset, eta, mu, log_y, start, coef_old, w, xw, zw, b;
  if (offset_in.empty()) {
    offset.assign(n, 0.0);
  } else {
    offset.assign(offset_in.begin(), offset_in.end());
  }
  if (weights_in.empty()) {
    fit.prior_weights.assign(n, 1.0);
  } else {
    fit.prior_weights.assign(weights_in.begin(), weights_in.end());
  }
  const std::vector<double>& weights = fit.prior_weights;

  fit.observations = n;
  fit.columns = p;
  fit.y.assign(y.begin(), y.end());
  fit.fitted_rows.clear();
  for (int i = 0; i < n; ++i) {
    if (weights[i] > 0) fit.fitted_rows.push_back(i);
  }
  const int n_good = static_cast<int>(fit.fitted_rows.size());
  if (n_good == 0) return DataError(msg::GlmNoPositiveWeight());

  eta.resize(n);
  mu.resize(n);
  // log(y) and the starting values depend on y only; the methods fit several models to the same
  // baseline in a row, so they are kept for the next call with the same y.
  thread_local std::vector<double> cached_y, eta_start, mu_start;
  if (cached_y.size() != y.size() || !std::equal(y.begin(), y.end(), cached_y.begin())) {
    cached_y.assign(y.begin(), y.end());
    log_y.resize(n);
    eta_start.resize(n);
    mu_start.resize(n);
    for (int i = 0; i < n; ++i) {
      log_y[i] = y[i] > 0 ? std::log(y[i]) : 0.0;
      eta_start[i] = std::log(y[i] + 0.1);  // poisson()$initialize: mustart <- y + 0.1
      mu_start[i] = LinkInverse(eta_start[i]);
    }
  }
  eta.assign(eta_start.begin(), eta_start.end());
  mu.assign(mu_start.begin(), mu_start.end());
  double dev_old = Deviance(y, log_y, mu, eta, weights);
  double dev_final = dev_old;
  start.assign(p, 0.0);
  coef_old.clear();
  w.resize(n_good);
  xw.resize(static_cast<size_t>(n_good) * p);
  zw.resize(n_good);
  b.resize(p);
  bool converged = false;
  int iter = 0;
  for (iter = 1; iter <= control.max_iterations; ++iter) {
    for (int g = 0; g < n_good; ++g) {
      const int i = fit.fitted_rows[g];
      const double mu_eta = mu[i];  // mu.eta(eta) = pmax(exp(eta), eps) = linkinv(eta) for the log link
      const double z = (eta[i] - offset[i]) + (y[i] - mu[i]) / mu_eta;
      w[g] = std::sqrt((weights[i] * mu_eta * mu_eta) / mu[i]);
      zw[g] = z * w[g];
      for (int j = 0; j < p; ++j) xw[static_cast<size_t>(j) * n_good + g] = x(i, j) * w[g];
    }
    fit.qr.Factor(xw.data(), n_good, p, std::min(1e-7, control.epsilon / 1000));
    fit.qr.ApplyQt(zw.data());
    std::fill(b.begin(), b.end(), 0.0);
    fit.qr.SolveR(zw.data(), b.data());
    for (int pos = 0; pos < p; ++pos) start[fit.qr.pivot[pos]] = pos < fit.qr.rank ? b[pos] : 0.0;
    LinearPredictor(x, start, offset, eta);
    for (int i = 0; i < n; ++i) mu[i] = LinkInverse(eta[i]);
    double dev = Deviance(y, log_y, mu, eta, weights);
    if (!std::isfinite(dev)) {
      if (coef_old.empty()) {
        return DataError(msg::GlmNonFiniteDeviance());
      }
      for (int ii = 1; !std::isfinite(dev); ++ii) {
        if (ii > control.max_iterations) return DataError(msg::GlmCannotCorrectStep(1));
        for (int j = 0; j < p; ++j) start[j] = (start[j] + coef_old[j]) / 2;
        LinearPredictor(x, start, offset, eta);
        for (int i = 0; i < n; ++i) mu[i] = LinkInverse(eta[i]);
        dev = Deviance(y, log_y, mu, eta, weights);
      }
    }
    if (!ValidMu(mu)) {
      if (coef_old.empty()) return DataError(msg::GlmInvalidMean());
      for (int ii = 1; !ValidMu(mu); ++ii) {
        if (ii > control.max_iterations) return DataError(msg::GlmCannotCorrectStep(2));
        for (int j = 0; j < p; ++j) start[j] = (start[j] + coef_old[j]) / 2;
        LinearPredictor(x, start, offset, eta);
        for (int i = 0; i < n; ++i) mu[i] = LinkInverse(eta[i]);
      }
      dev = Deviance(y, log_y, mu, eta, weights);
    }
    dev_final = dev;
    if (std::fabs(dev - dev_old) / (std::fabs(dev) + 0.1) < control.epsilon) {
      converged = true;
      break;
    }
    dev_old = dev;
    coef_old = start;
  }
  fit.iterations = std::min(iter, control.max_iterations);
  fit.converged = converged;
  fit.rank = fit.qr.rank;
  fit.coefficients.assign(start.begin(), start.end());
  for (int pos = fit.rank; pos < p; ++pos) fit.coefficients[fit.qr.pivot[pos]] = kNaN;
  fit.fitted.assign(mu.begin(), mu.end());
  fit.linear_predictor.assign(eta.begin(), eta.end());
  fit.deviance = dev_final;
  fit.working_residuals.resize(n);
  for (int i = 0; i < n; ++i) fit.working_residuals[i] = (y[i] - mu[i]) / mu[i];  // mu.eta(eta) = mu
  fit.working_weights.assign(n, 0.0);
  for (int g = 0; g < n_good; ++g) fit.working_weights[fit.fitted_rows[g]] = w[g] * w[g];
  fit.df_residual = n_good - fit.rank;
  fit.weighted_design.assign(xw.begin(), xw.end());  // the input of the last QR
  return Status::Ok();
}

}  // namespace sz::detection
