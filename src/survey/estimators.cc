#include "survey/estimators.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "rmath/distributions.h"
#include "survey/internal/mean_total.h"
#include "survey/internal/model_matrix.h"
#include "survey/internal/variance.h"
#include "survey/messages.h"

namespace sz::survey {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

long CountNonZeroWeights(const Design& design, const std::vector<int>& rows) {
  long count = 0;
  for (int row : rows) count += design.weights()[row] != 0;
  return count;
}

// svyvar diagonal: n/(n−1)·Σ w (x − x̄)² / Σ w, per column.
std::vector<double> WeightedVariances(const Design& design, const internal::ModelMatrix& mm) {
  const int p = mm.p();
  const auto& w = design.weights();
  const long n = CountNonZeroWeights(design, mm.rows);
  double wsum = 0;
  std::vector<double> mean(p, 0.0), var(p, 0.0);
  for (size_t k = 0; k < mm.rows.size(); ++k) {
    wsum += w[mm.rows[k]];
    for (int col = 0; col < p; ++col) mean[col] += w[mm.rows[k]] * mm.x[k * p + col];
  }
  for (int col = 0; col < p; ++col) mean[col] /= wsum;
  for (size_t k = 0; k < mm.rows.size(); ++k) {
    for (int col = 0; col < p; ++col) {
      const double d = mm.x[k * p + col] - mean[col];
      var[col] += w[mm.rows[k]] * d * d;
    }
  }
  for (int col = 0; col < p; ++col) var[col] = var[col] / wsum * n / (n - 1.0);
  return var;
}

using Kind = internal::MeanOrTotalKind;

}  // namespace

namespace internal {

Result<std::vector<Estimate>> MeanOrTotalOf(Kind kind, const Design& design, ModelMatrix mm,
                                            const EstimateOptions& options) {
  const int p = mm.p();
  const auto& w = design.weights();
  double wsum = 0;
  std::vector<double> sums(p, 0.0);
  for (size_t k = 0; k < mm.rows.size(); ++k) {
    const double weight = w[mm.rows[k]];
    wsum += weight;
    for (int col = 0; col < p; ++col) sums[col] += weight * mm.x[k * p + col];
  }
  std::vector<double> srs;
  if (options.deff) srs = WeightedVariances(design, mm);
  // The influence values overwrite the matrix (it is ours).
  std::vector<double>& z = mm.x;
  std::vector<double> estimate(p);
  if (kind == Kind::kMean) {
    for (int col = 0; col < p; ++col) estimate[col] = sums[col] / wsum;
    for (size_t k = 0; k < mm.rows.size(); ++k) {
      const double scaled = w[mm.rows[k]] / wsum;
      for (int col = 0; col < p; ++col) z[k * p + col] = (z[k * p + col] - estimate[col]) * scaled;
    }
  } else {
    estimate = sums;
    for (size_t k = 0; k < mm.rows.size(); ++k) {
      for (int col = 0; col < p; ++col) z[k * p + col] *= w[mm.rows[k]];
    }
  }
  ASSIGN_OR_RETURN(std::vector<double> v, internal::LinearisationVariance(design, mm.rows, z, p));
  const long n = CountNonZeroWeights(design, mm.rows);
  const double df = internal::DegreesOfFreedom(design, mm.rows);
  const double zcrit = rmath::QNorm(1 - (1 - options.level) / 2);
  std::vector<Estimate> result(p);
  for (int col = 0; col < p; ++col) {
    Estimate& e = result[col];
    e.term = mm.terms[col];
    e.estimate = estimate[col];
    e.se = std::sqrt(v[col * p + col]);
    e.ci_low = e.estimate - zcrit * e.se;
    e.ci_high = e.estimate + zcrit * e.se;
    e.n = n;
    e.df = df;
    e.deff = kNaN;
    if (options.deff) {
      const double fpc_srs = (wsum - n) / (wsum * n);
      if (kind == Kind::kMean) {
        e.deff = wsum < n ? kNaN : v[col * p + col] / (srs[col] * fpc_srs);
      } else {
        e.deff = v[col * p + col] / (srs[col] * wsum * wsum * fpc_srs);
      }
    }
  }
  return result;
}

}  // namespace internal

namespace {

Result<std::vector<Estimate>> MeanOrTotal(Kind kind, const Design& design, const SurveyFrame& frame,
                                          const std::vector<std::string>& variables, const Domain& domain,
                                          const EstimateOptions& options) {
  ASSIGN_OR_RETURN(internal::ModelMatrix mm, internal::BuildModelMatrix(frame, variables, domain.rows, false,
                                                                        kind == Kind::kMean ? "--mean" : "--total"));
  return internal::MeanOrTotalOf(kind, design, std::move(mm), options);
}

// qrule_math of survey 4.1-1 on (x, w) of positive weight.
double QuantileMath(std::vector<std::pair<double, double>>& sorted_xw, double total_weight, double p) {
  const size_t n = sorted_xw.size();
  if (n == 0 || std::isnan(p)) return kNaN;
  double cum = 0;
  size_t pos = 0;  // 1-based position of the last cumw <= p·W; R's last() gives 1 when there is none
  double cum_at_pos = sorted_xw[0].second;
  const double target = p * total_weight;
  for (size_t k = 0; k < n; ++k) {
    cum += sorted_xw[k].second;
    if (cum <= target) {
      pos = k + 1;
      cum_at_pos = cum;
    }
  }
  if (pos == 0) pos = 1;
  const size_t next = pos == n ? pos : pos + 1;
  const double wlow = p - cum_at_pos / total_weight;
  return wlow == 0 ? sorted_xw[pos - 1].first : sorted_xw[next - 1].first;
}

}  // namespace

Domain WholeSample(const Design& design) { return Domain{design.design_order()}; }

Domain DomainOf(const Design& design, const std::vector<char>& member) {
  Domain domain;
  for (int row : design.design_order()) {
    if (member[row]) domain.rows.push_back(row);
  }
  return domain;
}

Result<std::vector<Estimate>> SvyMean(const Design& design, const SurveyFrame& frame,
                                      const std::vector<std::string>& variables, const Domain& domain,
                                      const EstimateOptions& options) {
  return MeanOrTotal(Kind::kMean, design, frame, variables, domain, options);
}

Result<std::vector<Estimate>> SvyTotal(const Design& design, const SurveyFrame& frame,
                                       const std::vector<std::string>& variables, const Domain& domain,
                                       const EstimateOptions& options) {
  return MeanOrTotal(Kind::kTotal, design, frame, variables, domain, options);
}

Result<Estimate> SvyRatio(const Design& design, const SurveyFrame& frame, const std::string& numerator,
                          const std::string& denominator, const Domain& domain, const EstimateOptions& options) {
  ASSIGN_OR_RETURN(internal::ModelMatrix mm,
                   internal::BuildModelMatrix(frame, {numerator, denominator}, domain.rows, true, "--ratio"));
  const auto& w = design.weights();
  double ty = 0, tx = 0, wsum = 0;
  for (size_t k = 0; k < mm.rows.size(); ++k) {
    ty += w[mm.rows[k]] * mm.x[2 * k];
    tx += w[mm.rows[k]] * mm.x[2 * k + 1];
    wsum += w[mm.rows[k]];
  }
  const double ratio = ty / tx;
  std::vector<double> r(mm.rows.size()), z(mm.rows.size());
  for (size_t k = 0; k < mm.rows.size(); ++k) {
    r[k] = (mm.x[2 * k] - ratio * mm.x[2 * k + 1]) / tx;
    z[k] = r[k] * w[mm.rows[k]];
  }
  ASSIGN_OR_RETURN(std::vector<double> v, internal::LinearisationVariance(design, mm.rows, z, 1));
  Estimate e;
  e.term = numerator + "/" + denominator;
  e.estimate = ratio;
  e.se = std::sqrt(v[0]);
  const double zcrit = rmath::QNorm(1 - (1 - options.level) / 2);
  e.ci_low = ratio - zcrit * e.se;
  e.ci_high = ratio + zcrit * e.se;
  e.n = CountNonZeroWeights(design, mm.rows);
  e.df = internal::DegreesOfFreedom(design, mm.rows);
  e.deff = kNaN;
  if (options.deff) {
    internal::ModelMatrix rm;
    rm.terms = {"r"};
    rm.rows = mm.rows;
    rm.x = r;
    const double srs = WeightedVariances(design, rm)[0];
    const double n = e.n;
    e.deff = v[0] / (srs * wsum * wsum * (wsum - n) / (wsum * n));
  }
  return e;
}

Result<Estimate> SvyQuantile(const Design& design, const SurveyFrame& frame, const std::string& variable, double p,
                             const Domain& domain, const EstimateOptions& options) {
  if (!(p >= 0 && p <= 1)) return InvalidArgumentError(msg::QuantileOutOfRange(p));
  ASSIGN_OR_RETURN(internal::ModelMatrix mm,
                   internal::BuildModelMatrix(frame, {variable}, domain.rows, true, "--quantile"));
  const auto& w = design.weights();
  std::vector<std::pair<double, double>> xw;
  xw.reserve(mm.rows.size());
  double wsum = 0;
  for (size_t k = 0; k < mm.rows.size(); ++k) {
    if (w[mm.rows[k]] == 0) continue;
    xw.emplace_back(mm.x[k], w[mm.rows[k]]);
    wsum += w[mm.rows[k]];
  }
  std::stable_sort(xw.begin(), xw.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  Estimate e;
  e.term = variable;
  e.estimate = QuantileMath(xw, wsum, p);
  e.n = static_cast<long>(xw.size());
  e.df = internal::DegreesOfFreedom(design, mm.rows);
  e.deff = kNaN;
  // Woodruff: interval for P(X <= q̂) by svymean, mapped back through the quantile rule.
  std::vector<double> z(mm.rows.size());
  double share = 0;
  for (size_t k = 0; k < mm.rows.size(); ++k) share += w[mm.rows[k]] * (mm.x[k] <= e.estimate);
  share /= wsum;
  for (size_t k = 0; k < mm.rows.size(); ++k) z[k] = w[mm.rows[k]] * ((mm.x[k] <= e.estimate) - share) / wsum;
  ASSIGN_OR_RETURN(std::vector<double> v, internal::LinearisationVariance(design, mm.rows, z, 1));
  const double crit = rmath::QT(1 - (1 - options.level) / 2, e.df);
  const double low = share - crit * std::sqrt(v[0]);
  const double high = share + crit * std::sqrt(v[0]);
  e.ci_low = (std::isnan(low) || low < 0) ? kNaN : QuantileMath(xw, wsum, low);
  e.ci_high = (std::isnan(high) || high > 1) ? kNaN : QuantileMath(xw, wsum, high);
  e.se = (e.ci_high - e.ci_low) / (2 * crit);
  return e;
}

}  // namespace sz::survey
