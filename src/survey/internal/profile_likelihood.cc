#include "survey/internal/profile_likelihood.h"

#include <algorithm>
#include <boost/math/distributions/fisher_f.hpp>
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <limits>
#include <numeric>

#include "rmath/distributions.h"
#include "survey/messages.h"

namespace sz::survey::internal {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double BinomialDeviance(const std::vector<double>& y, const std::vector<double>& w, double mu) {
  double dev = 0;
  for (size_t k = 0; k < y.size(); ++k) {
    const double a = y[k] > 0 ? y[k] * std::log(y[k] / mu) : 0.0;
    const double b = y[k] < 1 ? (1 - y[k]) * std::log((1 - y[k]) / (1 - mu)) : 0.0;
    dev += 2 * w[k] * (a + b);
  }
  return dev;
}

// approx(x, y, xout) with rule = 1 and ties = mean, for one point.
double Approx(std::vector<std::pair<double, double>> points, double xout) {
  std::stable_sort(points.begin(), points.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::pair<double, double>> unique;
  for (size_t k = 0; k < points.size();) {
    size_t end = k;
    double sum = 0;
    while (end < points.size() && points[end].first == points[k].first) sum += points[end++].second;
    unique.emplace_back(points[k].first, sum / (end - k));
    k = end;
  }
  if (unique.empty() || std::isnan(xout) || xout < unique.front().first || xout > unique.back().first) return kNaN;
  auto it = std::lower_bound(unique.begin(), unique.end(), xout,
                             [](const auto& point, double value) { return point.first < value; });
  if (it->first == xout) return it->second;
  const auto& right = *it;
  const auto& left = *(it - 1);
  return left.second + (right.second - left.second) * (xout - left.first) / (right.first - left.first);
}

}  // namespace

void FmmSpline(const std::vector<double>& x, const std::vector<double>& y, std::vector<double>& out_x,
               std::vector<double>& out_y) {
  const int n = static_cast<int>(x.size());
  std::vector<double> b(n, 0.0), c(n, 0.0), d(n, 0.0);
  if (n >= 3) {
    // Forsythe, Malcolm & Moler (1977): tridiagonal system for the second derivatives, end conditions from
    // third divided differences.
    const int last = n - 1;
    d[0] = x[1] - x[0];
    c[1] = (y[1] - y[0]) / d[0];
    for (int i = 1; i < last; ++i) {
      d[i] = x[i + 1] - x[i];
      b[i] = 2 * (d[i - 1] + d[i]);
      c[i + 1] = (y[i + 1] - y[i]) / d[i];
      c[i] = c[i + 1] - c[i];
    }
    b[0] = -d[0];
    b[last] = -d[n - 2];
    c[0] = c[last] = 0;
    if (n > 3) {
      c[0] = c[2] / (x[3] - x[1]) - c[1] / (x[2] - x[0]);
      c[last] = c[n - 2] / (x[last] - x[n - 3]) - c[n - 3] / (x[n - 2] - x[n - 4]);
      c[0] = c[0] * d[0] * d[0] / (x[3] - x[0]);
      c[last] = -c[last] * d[n - 2] * d[n - 2] / (x[last] - x[n - 4]);
    }
    for (int i = 1; i <= last; ++i) {
      const double t = d[i - 1] / b[i - 1];
      b[i] -= t * d[i - 1];
      c[i] -= t * c[i - 1];
    }
    c[last] /= b[last];
    for (int i = n - 2; i >= 0; --i) c[i] = (c[i] - d[i] * c[i + 1]) / b[i];
    b[last] = (y[last] - y[n - 2]) / d[n - 2] + d[n - 2] * (c[n - 2] + 2 * c[last]);
    for (int i = 0; i < last; ++i) {
      b[i] = (y[i + 1] - y[i]) / d[i] - d[i] * (c[i + 1] + 2 * c[i]);
      d[i] = (c[i + 1] - c[i]) / d[i];
      c[i] = 3 * c[i];
    }
    c[last] = 3 * c[last];
    d[last] = d[n - 2];
  } else if (n == 2) {
    b[0] = b[1] = (y[1] - y[0]) / (x[1] - x[0]);
  }
  const int num_out = 3 * n;
  out_x.resize(num_out);
  out_y.resize(num_out);
  for (int k = 0; k < num_out; ++k) {
    // seq.int(xmin, xmax, length.out = n): from + (0:(n−1))·by, with the last point exactly xmax.
    const double by = (x[n - 1] - x[0]) / (num_out - 1);
    const double u = k == num_out - 1 ? x[n - 1] : x[0] + k * by;
    int i = 0;
    if (u >= x[0]) {
      i = static_cast<int>(std::upper_bound(x.begin(), x.end(), u) - x.begin()) - 1;
      i = std::min(i, n - 1);
    }
    const double dx = u - x[i];
    out_x[k] = u;
    out_y[k] = y[i] + dx * (b[i] + dx * (c[i] + dx * d[i]));
  }
}

Result<std::vector<double>> ProfileLikelihoodInterval(const ProfileInput& in) {
  const size_t rows = in.y.size();
  const double p = in.p_hat;
  if (rows < 2 || !(p > 0 && p < 1) || !(in.se > 0)) return std::vector<double>{kNaN, kNaN};
  if (!(in.df > 0)) return DataError(msg::LikelihoodDfNotPositive());
  // svyglm: prior weights rescaled to mean 1 over the rows.
  const double mean_weight = std::accumulate(in.weights.begin(), in.weights.end(), 0.0) / rows;
  std::vector<double> wt(rows);
  for (size_t k = 0; k < rows; ++k) wt[k] = in.weights[k] / mean_weight;
  // The intercept-only fit as stats::glm.fit runs it (binomial start μ_i = (w_i y_i + 0.5)/(w_i + 1), IRLS until
  // |dev − dev_old|/(|dev| + 0.1) < 1e-8). Its unscaled covariance uses the working weights of the last
  // iteration's input, which differ from the final fit by up to ~1e-4: that enters the design effect λ.
  std::vector<double> mu(rows), eta(rows);
  for (size_t k = 0; k < rows; ++k) {
    mu[k] = (wt[k] * in.y[k] + 0.5) / (wt[k] + 1);
    eta[k] = std::log(mu[k] / (1 - mu[k]));
  }
  auto deviance_at = [&](const std::vector<double>& m) {
    double dev = 0;
    for (size_t k = 0; k < rows; ++k) {
      const double a = in.y[k] > 0 ? in.y[k] * std::log(in.y[k] / m[k]) : 0.0;
      const double b = in.y[k] < 1 ? (1 - in.y[k]) * std::log((1 - in.y[k]) / (1 - m[k])) : 0.0;
      dev += 2 * wt[k] * (a + b);
    }
    return dev;
  };
  double dev_old = deviance_at(mu), beta0 = 0, last_working_weight = 0;
  for (int iteration = 0; iteration < 25; ++iteration) {
    double sum_w = 0, sum_wz = 0;
    for (size_t k = 0; k < rows; ++k) {
      const double var = mu[k] * (1 - mu[k]);
      sum_w += wt[k] * var;
      sum_wz += wt[k] * var * (eta[k] + (in.y[k] - mu[k]) / var);
    }
    beta0 = sum_wz / sum_w;
    last_working_weight = sum_w;
    const double mu_new = 1 / (1 + std::exp(-beta0));
    std::fill(mu.begin(), mu.end(), mu_new);
    std::fill(eta.begin(), eta.end(), beta0);
    const double dev = deviance_at(mu);
    if (std::fabs(dev - dev_old) / (std::fabs(dev) + 0.1) < 1e-8) break;
    dev_old = dev;
  }
  const double mu_fit = 1 / (1 + std::exp(-beta0));
  const double std_err = in.se / (mu_fit * (1 - mu_fit));  // svy.varcoef
  const double naive_var = 1 / last_working_weight;        // summary.glm's cov.unscaled
  const double lambda = std_err * std_err / naive_var;     // design effect of the coefficient
  // Dispersion: svyvar of the Pearson residuals on the design.
  double wsum = 0, rbar = 0;
  long nonzero = 0;
  std::vector<double> pearson(rows);
  for (size_t k = 0; k < rows; ++k) {
    pearson[k] = (in.y[k] - mu_fit) / std::sqrt(mu_fit * (1 - mu_fit));  // residuals.svyglm: no prior weights
    wsum += in.weights[k];
    rbar += in.weights[k] * pearson[k];
    nonzero += in.weights[k] != 0;
  }
  rbar /= wsum;
  double dispersion = 0;
  for (size_t k = 0; k < rows; ++k) dispersion += in.weights[k] * (pearson[k] - rbar) * (pearson[k] - rbar);
  dispersion = dispersion / wsum * nonzero / (nonzero - 1.0);

  const double alpha_level = 1 - in.level;
  const double t = rmath::QT(alpha_level / 2, in.df);
  const boost::math::normal normal;
  const double alpha = boost::math::cdf(normal, t * std::sqrt(lambda)) / 2;
  const double zmax = std::sqrt(
      boost::math::quantile(boost::math::complement(boost::math::fisher_f_distribution<double>(1, rows - 1.0), alpha)));
  const double del = zmax / 5;
  const double deviance0 = BinomialDeviance(in.y, wt, mu_fit);
  std::vector<std::pair<double, double>> profile = {{0.0, beta0}};  // (z, β)
  for (int sign : {-1, 1}) {
    double z = 0;
    for (int step = 1; step < 10 && std::fabs(z) < zmax; ++step) {
      const double b = beta0 + sign * step * del * std_err;
      const double mu = 1 / (1 + std::exp(-b));
      double zz = (BinomialDeviance(in.y, wt, mu) - deviance0) / dispersion;
      if (zz < -0.001) return DataError(msg::ProfileFoundBetterFit());
      zz = std::max(zz, 0.0);
      z = sign * std::sqrt(zz);
      profile.emplace_back(z, b);
    }
  }
  std::stable_sort(profile.begin(), profile.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  // spline(x = β, y = z) (spline() orders by β), then approx(z, β) at the cutoffs.
  std::vector<std::pair<double, double>> by_beta;
  for (const auto& [z, b] : profile) by_beta.emplace_back(b, z);
  std::stable_sort(by_beta.begin(), by_beta.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<double> xs, ys;
  for (const auto& [b, z] : by_beta) {
    if (!xs.empty() && xs.back() == b) continue;
    xs.push_back(b);
    ys.push_back(z);
  }
  std::vector<double> sx, sy;
  FmmSpline(xs, ys, sx, sy);
  std::vector<std::pair<double, double>> inverse;
  for (size_t k = 0; k < sx.size(); ++k) inverse.emplace_back(sy[k], sx[k]);
  const double unscaled = 2 * alpha;
  const double cut_low = boost::math::quantile(normal, unscaled);
  const double cut_high = boost::math::quantile(boost::math::complement(normal, unscaled));
  auto expit = [](double v) { return std::isnan(v) ? kNaN : 1 / (1 + std::exp(-v)); };
  return std::vector<double>{expit(Approx(inverse, cut_low)), expit(Approx(inverse, cut_high))};
}

}  // namespace sz::survey::internal
