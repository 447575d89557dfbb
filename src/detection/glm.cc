// IRLS as stats::glm.fit (R 4.2.2) for the log link; see glm.h for the contract.
#include "detection/glm.h"

#if defined(__SSE2__)
#include <emmintrin.h>  // _mm_max_pd
#endif

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>
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

// log(y), log(y + 0.1), linkinv of it and the row's starting deviance term without its weight,
// y·(log y − log μ) − (y − μ) (μ for y = 0, as in Deviance()), from a table for whole counts (the
// same values, computed once).
struct StartingValues {
  double log_y, eta, mu, deviance;
};
double StartingDeviance(double y, const StartingValues& v) {
  static const double kLogEpsilon = std::log(DBL_EPSILON);
  const double log_mu = v.mu > DBL_EPSILON ? v.eta : kLogEpsilon;
  return y * (v.log_y - log_mu) - (y - v.mu);
}
constexpr int kStartingTableSize = 4096;
const std::vector<StartingValues>& StartingValuesTable() {
  constexpr int kTableSize = kStartingTableSize;
  static const std::vector<StartingValues> table = [] {
    std::vector<StartingValues> values(kTableSize);
    for (int count = 0; count < kTableSize; ++count) {
      const double v = count;
      values[count].log_y = v > 0 ? std::log(v) : 0.0;
      values[count].eta = std::log(v + 0.1);
      values[count].mu = LinkInverse(values[count].eta);
      values[count].deviance = StartingDeviance(v, values[count]);
    }
    return values;
  }();
  return table;
}
const StartingValues& StartingValuesOf(double y) {
  static const StartingValues* const table = StartingValuesTable().data();
  if (y >= 0 && y < kStartingTableSize && y == static_cast<int>(y)) return table[static_cast<int>(y)];
  thread_local StartingValues other;
  other.log_y = y > 0 ? std::log(y) : 0.0;
  other.eta = std::log(y + 0.1);
  other.mu = LinkInverse(other.eta);
  other.deviance = StartingDeviance(y, other);
  return other;
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

// Checks the inputs and fills fit's observations, columns, y, prior_weights and fitted_rows; the
// offset (zeros if empty) into `offset`.
Status PrepareFit(int n, int p, const std::vector<double>& y, const std::vector<double>& offset_in,
                  const std::vector<double>& weights_in, GlmFit& fit, std::vector<double>& offset) {
  if (static_cast<int>(y.size()) != n) return InvalidArgumentError(msg::GlmResponseLength());
  if (!offset_in.empty() && static_cast<int>(offset_in.size()) != n) {
    return InvalidArgumentError(msg::GlmOffsetLength());
  }
  if (!weights_in.empty() && static_cast<int>(weights_in.size()) != n) {
    return InvalidArgumentError(msg::GlmWeightsLength());
  }
  if (n == 0 || p == 0) return InvalidArgumentError(msg::GlmEmptyDesign());
  bool all_valid = true;  // one branch-free pass each
  for (double v : y) all_valid &= v >= 0;
  if (!all_valid) return InvalidArgumentError(msg::GlmPoissonNegative());
  for (double w : weights_in) all_valid &= w >= 0;
  if (!all_valid) return InvalidArgumentError(msg::GlmNegativeWeights());
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
  fit.observations = n;
  fit.columns = p;
  fit.y.assign(y.begin(), y.end());
  fit.fitted_rows.resize(n);
  int fitted = 0;
  for (int i = 0; i < n; ++i) {
    fit.fitted_rows[fitted] = i;
    fitted += fit.prior_weights[i] > 0;
  }
  fit.fitted_rows.resize(fitted);
  if (fit.fitted_rows.empty()) return DataError(msg::GlmNoPositiveWeight());
  return Status::Ok();
}

// One IRLS step by the Householder QR of √W·X (glm.fit's C_Cdqrls), for any dense design.
class QrStep {
 public:
  QrStep(const DesignMatrix& x, double tol) : x_(x), tol_(tol) {}

  // β from the working weights and responses at the current η and μ; always succeeds.
  bool Solve(GlmFit& fit, const std::vector<double>& y, const std::vector<double>& offset,
             const std::vector<double>& eta, const std::vector<double>& mu, std::vector<double>& beta) {
    const int n_good = static_cast<int>(fit.fitted_rows.size());
    const int p = x_.cols();
    w_.resize(n_good);
    zw_.resize(n_good);
    xw_.resize(static_cast<size_t>(n_good) * p);
    b_.resize(p);
    for (int g = 0; g < n_good; ++g) {
      const int i = fit.fitted_rows[g];
      const double mu_eta = mu[i];  // mu.eta(eta) = pmax(exp(eta), eps) = linkinv(eta) for the log link
      const double z = (eta[i] - offset[i]) + (y[i] - mu[i]) / mu_eta;
      w_[g] = std::sqrt((fit.prior_weights[i] * mu_eta * mu_eta) / mu[i]);
      zw_[g] = z * w_[g];
      for (int j = 0; j < p; ++j) xw_[static_cast<size_t>(j) * n_good + g] = x_(i, j) * w_[g];
    }
    fit.qr.Factor(xw_.data(), n_good, p, tol_);
    fit.qr.ApplyQt(zw_.data());
    std::fill(b_.begin(), b_.end(), 0.0);
    fit.qr.SolveR(zw_.data(), b_.data());
    for (int pos = 0; pos < p; ++pos) beta[fit.qr.pivot[pos]] = pos < fit.qr.rank ? b_[pos] : 0.0;
    return true;
  }

  // η = Xβ + offset and μ = linkinv(η).
  void Means(const std::vector<double>& beta, const std::vector<double>& offset, std::vector<double>& eta,
             std::vector<double>& mu) const {
    LinearPredictor(x_, beta, offset, eta);
    for (size_t i = 0; i < eta.size(); ++i) mu[i] = LinkInverse(eta[i]);
  }

  double Deviance(const std::vector<double>& y, const std::vector<double>& log_y, const std::vector<double>& mu,
                  const std::vector<double>& eta, const std::vector<double>& weights) const {
    return sz::detection::Deviance(y, log_y, mu, eta, weights);
  }
  bool ValidMeans(const std::vector<double>& mu) const { return ValidMu(mu); }
  void SetResponse(const std::vector<double>&, const std::vector<double>&, const std::vector<double>&) {}

  // Rank, aliased coefficients (NaN), working weights and √W·X of the last step.
  void Finish(GlmFit& fit) const {
    fit.solved_grouped = false;
    fit.rank = fit.qr.rank;
    for (int pos = fit.rank; pos < fit.columns; ++pos) fit.coefficients[fit.qr.pivot[pos]] = kNaN;
    fit.working_weights.assign(fit.observations, 0.0);
    for (size_t g = 0; g < fit.fitted_rows.size(); ++g) fit.working_weights[fit.fitted_rows[g]] = w_[g] * w_[g];
    fit.weighted_design.assign(xw_.begin(), xw_.end());  // the input of the last QR
  }

 private:
  const DesignMatrix& x_;
  double tol_;
  // Per-thread scratch space: the detection methods fit thousands of small GLMs per series.
  static thread_local std::vector<double> w_, xw_, zw_, b_;
};
thread_local std::vector<double> QrStep::w_, QrStep::xw_, QrStep::zw_, QrStep::b_;

// What the grouped IRLS step derives from the design alone, kept per thread and recomputed only
// when the design changes: farringtonFlexible fits two models (and their reweighted refits) to the
// same design in a row.
struct GroupedDesignState {
  static constexpr double kMaxFactoredSpan = 1 << 16;

  // The design this state describes.
  int groups = -1;
  bool trend = false;
  std::vector<int> group;
  std::vector<double> time;  // empty without trend
  bool groups_in_range = false;
  // exp(η) as exp(β₀ + γ_g + β₁·t_min)·exp(β₁·(t − t_min)) when the times are whole numbers:
  // steps[i] = t_i − t_min, at most max_step (see GroupedStep::Factors).
  bool factored = false;
  double t_min = 0.0, t_max = 0.0;
  int max_step = 0;
  std::vector<int> steps;
  // Rows sorted by group: group g's rows are group_begin[g] .. group_begin[g + 1], with centred
  // times t − centers[g] (the group's mean time).
  bool sorted = false;
  std::vector<int> group_begin;
  std::vector<double> centers, centred_time;

  void Update(const GroupedDesign& x) {
    const size_t n = x.group.size();
    if (x.groups == groups && x.trend == trend && group.size() == n &&
        std::memcmp(group.data(), x.group.data(), n * sizeof(int)) == 0) {
      if (!trend || std::memcmp(time.data(), x.time.data(), n * sizeof(double)) == 0) return;
      if (MoveTimes(x.time)) return;
    }
    groups = x.groups;
    trend = x.trend;
    group.assign(x.group.begin(), x.group.end());
    time.clear();
    if (trend) time.assign(x.time.begin(), x.time.end());
    groups_in_range = true;
    for (int g : group) groups_in_range &= g >= 0 && g < groups;
    if (!groups_in_range) return;
    steps.assign(n, 0);
    t_min = 0.0;
    max_step = 0;
    factored = true;
    t_max = 0.0;
    if (trend && n > 0) {
      t_max = time[0];
      t_min = time[0];
      for (double t : time) {
        t_min = std::min(t_min, t);
        t_max = std::max(t_max, t);
      }
      factored = std::isfinite(t_min) && std::isfinite(t_max) && t_max - t_min <= kMaxFactoredSpan;
      for (size_t i = 0; i < n && factored; ++i) {
        const double d = time[i] - t_min;  // exact for whole numbers below 2^53
        steps[i] = static_cast<int>(d);
        factored = static_cast<double>(steps[i]) == d && std::fabs(time[i]) < 0x1p52;
      }
      if (factored) max_step = static_cast<int>(t_max - t_min);
    }
    sorted = std::is_sorted(group.begin(), group.end());
    centers.assign(groups, 0.0);
    centred_time.assign(n, 0.0);
    if (!sorted) return;
    // group_begin[g] = the first row of a group ≥ g (n past the last), from the group boundaries.
    group_begin.assign(groups + 1, static_cast<int>(n));
    int next_group = 0;
    for (size_t i = 0; i < n; ++i) {
      while (next_group <= group[i]) group_begin[next_group++] = static_cast<int>(i);
    }
    if (!trend) return;
    // The centre of a group is the time of its middle row (rows sorted by time within a group keep
    // the centred sums from cancelling): for whole-number times it moves exactly with the times.
    for (int g = 0; g < groups; ++g) {
      const int begin = group_begin[g], end = group_begin[g + 1];
      centers[g] = end > begin ? time[begin + (end - begin) / 2] : 0.0;
      for (int i = begin; i < end; ++i) centred_time[i] = time[i] - centers[g];
    }
  }

  // The same state for times moved by one whole number (farringtonFlexible's next week): only t_min
  // and the centres move, exactly as a fresh Update would compute them. False (and no change) if
  // the times are not this state's moved by a whole number.
  bool MoveTimes(const std::vector<double>& moved) {
    if (!groups_in_range || !factored || time.empty()) return false;
    const double shift = moved[0] - time[0];
    if (!(std::fabs(shift) <= kMaxFactoredSpan) || shift != std::floor(shift)) return false;
    if (!(std::fabs(t_min + shift) < 0x1p52 && std::fabs(t_max + shift) < 0x1p52)) return false;
    bool same_shift = true;
    for (size_t i = 0; i < time.size(); ++i) same_shift &= moved[i] - time[i] == shift;
    if (!same_shift) return false;
    time.assign(moved.begin(), moved.end());
    t_min += shift;
    t_max += shift;
    if (sorted) {
      for (double& center : centers) center += shift;
    }
    return true;
  }
};

// One IRLS step by eliminating the group indicators (internal/grouped_least_squares.h); refuses
// (Solve returns false) where the QR could pivot. Working weights are prior·μ (glm.fit's
// prior·mu.eta²/variance, the same for the log link up to rounding).
class GroupedStep {
 public:
  // `offset_given`: whether the caller passed an offset (else it is all zero); `unit_weights`:
  // whether every prior weight is 1 (the caller passed none).
  GroupedStep(const GroupedDesign& x, const GroupedDesignState& design, const std::vector<double>& offset,
              bool offset_given, bool unit_weights, GlmFit& fit)
      : x_(x), d_(design), unit_weights_(unit_weights) {
    const int n = x.rows();
    if (static_cast<int>(fit.fitted_rows.size()) == n) {
      fit.grouped_group.assign(x.group.begin(), x.group.end());
      if (x.trend) {
        fit.grouped_time.assign(x.time.begin(), x.time.end());
      } else {
        fit.grouped_time.assign(n, 0.0);
      }
    } else {
      fit.grouped_group.clear();
      fit.grouped_time.clear();
      for (int i : fit.fitted_rows) {
        fit.grouped_group.push_back(x.group[i]);
        fit.grouped_time.push_back(x.trend ? x.time[i] : 0.0);
      }
    }
    bool any_offset = false;
    if (offset_given) {
      for (int i = 0; i < n; ++i) any_offset |= offset[i] != 0.0;
    }
    has_offset_ = any_offset;
    offset_factors_in_range_ = true;
    if (has_offset_ && d_.factored) {
      offset_factor_.resize(n);
      for (int i = 0; i < n; ++i) {
        offset_factor_[i] = std::exp(offset[i]);
        offset_factors_in_range_ = offset_factors_in_range_ && InRange(offset_factor_[i]);
      }
    }
    // Rows sorted by group and all fitted (farringtonFlexible's baselines): Means also computes the
    // next step's working weights and per-group sums, group by group over contiguous rows, and
    // Solve needs no pass over the rows (GroupedLeastSquares::SolveFromSums).
    fused_ = static_cast<int>(fit.fitted_rows.size()) == n && d_.sorted;
    first_solve_ = true;
    if (fused_) {
      sums_.resize(x.groups);
      for (std::vector<double>& buffer : step_weights_) buffer.resize(n);
    }
  }

  // The response, log(y) and prior weights the deviance is computed from (Irls' own arrays).
  void SetResponse(const std::vector<double>& y, const std::vector<double>& log_y, const std::vector<double>& weights) {
    y_ = &y;
    log_y_ = &log_y;
    weights_ = &weights;
  }

  bool Solve(GlmFit& fit, const std::vector<double>& y, const std::vector<double>& offset,
             const std::vector<double>& eta, const std::vector<double>& mu, std::vector<double>& beta) {
    if (fused_) {
      if (first_solve_) {  // later steps get their sums from Means
        StartingSums(y, offset, eta, mu);
        first_solve_ = false;
      }
      solved_ = latest_;
      if (!fit.grouped.SolveFromSums(x_.groups, x_.trend, sums_.data(), d_.centers.data())) return false;
      fit.grouped.Coefficients(beta.data());
      return true;
    }
    const int n_good = static_cast<int>(fit.fitted_rows.size());
    fit.grouped_weight.resize(n_good);
    z_.resize(n_good);
    double* w = fit.grouped_weight.data();
    double* z = z_.data();
    const double* prior = fit.prior_weights.data();
    if (n_good == x_.rows()) {  // every row fitted: a plain loop the compiler vectorises
      for (int i = 0; i < n_good; ++i) {
        w[i] = prior[i] * mu[i];
        z[i] = (eta[i] - offset[i]) + (y[i] - mu[i]) / mu[i];
      }
    } else {
      for (int g = 0; g < n_good; ++g) {
        const int i = fit.fitted_rows[g];
        w[g] = prior[i] * mu[i];
        z[g] = (eta[i] - offset[i]) + (y[i] - mu[i]) / mu[i];
      }
    }
    if (!groups_set_) {
      fit.grouped.SetGroups(x_.groups, x_.trend, n_good, fit.grouped_group.data());
      groups_set_ = true;
    }
    if (!fit.grouped.Solve(fit.grouped_time.data(), w, z)) return false;
    fit.grouped.Coefficients(beta.data());
    return true;
  }

  // η as the dense LinearPredictor's sum without its zero terms (bit-identical for finite β), μ
  // factored where possible (equal to max(exp(η), ε) up to a few ulp), and in the same pass the
  // deviance and μ's validity for Deviance() and ValidMeans().
  void Means(const std::vector<double>& beta, const std::vector<double>& offset, std::vector<double>& eta,
             std::vector<double>& mu) {
    const int first_indicator = x_.trend ? 2 : 1;
    const double intercept = beta[0];
    const double slope = x_.trend ? beta[1] : 0.0;
    level_.resize(x_.groups);
    level_[0] = 0.0;
    for (int g = 1; g < x_.groups; ++g) level_[g] = beta[first_indicator + g - 1];
    const bool factored = d_.factored && Factors(intercept, slope);
    if (fused_) {
      if (!factored) {
        x_.trend ? FusedLoop<false, true, true, false>(intercept, slope, offset, eta, mu)
                 : FusedLoop<false, false, true, false>(intercept, slope, offset, eta, mu);
      } else if (x_.trend) {
        FactoredFusedLoop<true>(intercept, slope, offset, eta, mu);
      } else {
        FactoredFusedLoop<false>(intercept, slope, offset, eta, mu);
      }
    } else if (factored) {
      MeansLoop<true>(intercept, slope, offset, eta, mu);
    } else {
      MeansLoop<false>(intercept, slope, offset, eta, mu);
    }
  }

  double Deviance(const std::vector<double>&, const std::vector<double>&, const std::vector<double>&,
                  const std::vector<double>&, const std::vector<double>&) const {
    return deviance_;
  }
  bool ValidMeans(const std::vector<double>&) const { return valid_; }

  void Finish(GlmFit& fit) const {
    if (fused_) fit.grouped_weight.assign(step_weights_[solved_].begin(), step_weights_[solved_].end());
    fit.solved_grouped = true;
    fit.rank = fit.columns;
    if (static_cast<int>(fit.fitted_rows.size()) == fit.observations) {
      fit.working_weights.assign(fit.grouped_weight.begin(), fit.grouped_weight.end());
    } else {
      fit.working_weights.assign(fit.observations, 0.0);
      for (size_t g = 0; g < fit.fitted_rows.size(); ++g)
        fit.working_weights[fit.fitted_rows[g]] = fit.grouped_weight[g];
    }
    fit.qr = {};
    fit.weighted_design.clear();
  }

 private:
  // Factors within this range keep every product of four of them finite and normal.
  static constexpr double kFactorMin = 1e-75, kFactorMax = 1e75;

  static bool InRange(double v) { return v >= kFactorMin && v <= kFactorMax; }

  // factor_[g] = exp(β₀ + γ_g + β₁·t_min) and time_factor_[k] = exp(β₁·k); false if a factor is
  // out of range.
  bool Factors(double intercept, double slope) {
    factor_.resize(x_.groups);
    const double base = intercept + slope * d_.t_min;
    for (int g = 0; g < x_.groups; ++g) {
      factor_[g] = std::exp(g == 0 ? base : base + level_[g]);
      if (!InRange(factor_[g])) return false;
    }
    if (!offset_factors_in_range_) return false;
    // time_factor_[k] = exp(β₁·k) as the product of exp(β₁·2^b) over the bits b of k (at most nine
    // exp calls for a span of five years; within a few ulp of exp(β₁·k)). The table is monotone,
    // so its last entry bounds every product.
    const int max_step = d_.max_step;
    time_factor_.resize(max_step + 1);
    time_factor_[0] = 1.0;
    for (int bit = 1; bit <= max_step; bit *= 2) {
      const double power = std::exp(slope * bit);
      const int end = std::min(2 * bit, max_step + 1);
      double* table = time_factor_.data();
      int k = bit;
      if (bit >= 2) {  // pairs that do not overlap the entries they are computed from
        for (; k + 1 < end; k += 2) Store(table + k, Load<Lanes2>(table + k - bit) * power);
      }
      for (; k < end; ++k) table[k] = table[k - bit] * power;
    }
    return InRange(time_factor_[max_step]);
  }

  template <bool kFactored>
  void MeansLoop(double intercept, double slope, const std::vector<double>& offset, std::vector<double>& eta,
                 std::vector<double>& mu) {
    if (x_.trend) {
      MeansLoop<kFactored, true>(intercept, slope, offset, eta, mu);
    } else {
      MeansLoop<kFactored, false>(intercept, slope, offset, eta, mu);
    }
  }

  template <bool kFactored, bool kTrend>
  void MeansLoop(double intercept, double slope, const std::vector<double>& offset, std::vector<double>& eta,
                 std::vector<double>& mu) {
    static const double kLogEpsilon = std::log(DBL_EPSILON);
    const int n = x_.rows();
    const int* group = x_.group.data();
    const double* time = x_.time.data();
    const int* steps = d_.steps.data();
    const double* time_factor = time_factor_.data();
    const double* offset_factor = has_offset_ ? offset_factor_.data() : nullptr;
    const double* factor = factor_.data();
    const double* level = level_.data();  // level[0] = 0
    const double* off = offset.data();
    const double* y = y_->data();
    const double* log_y = log_y_->data();
    const double* weights = weights_->data();
    double* eta_out = eta.data();
    double* mu_out = mu.data();
    bool valid = true;
    // Row i of Deviance() above; for y = 0 the general expression is w·μ exactly, as there.
    auto row = [&](int i) {
      const double e = ((kTrend ? intercept + time[i] * slope : intercept) + level[group[i]]) + off[i];
      eta_out[i] = e;
      double m;
      if constexpr (kFactored) {
        m = factor[group[i]] * time_factor[steps[i]];
        if (offset_factor != nullptr) m *= offset_factor[i];
        m = std::max(m, DBL_EPSILON);
      } else {
        m = LinkInverse(e);
      }
      mu_out[i] = m;
      valid &= std::isfinite(m) & (m > 0);
      const double log_mu = m > DBL_EPSILON ? e : kLogEpsilon;
      return weights[i] * (y[i] * (log_y[i] - log_mu) - (y[i] - m));
    };
    // Two partial sums: the deviance only feeds the relative convergence test (1e-8), and one chain
    // of additions would bound the loop's speed.
    double deviance_even = 0.0, deviance_odd = 0.0;
    int i = 0;
    for (; i + 1 < n; i += 2) {
      deviance_even += 2.0 * row(i);
      deviance_odd += 2.0 * row(i + 1);
    }
    if (i < n) deviance_even += 2.0 * row(i);
    deviance_ = deviance_even + deviance_odd;
    valid_ = valid;
  }

  // One row's contribution to the next step: working weight w = prior·μ and w·z with the working
  // response z = (η − offset) + (y − μ)/μ, written as w·(η − offset) + prior·(y − μ) (no division).
  struct RowSums {
    double weight = 0.0, weighted_response = 0.0, weighted_time = 0.0, weighted_time_squares = 0.0,
           weighted_time_response = 0.0;
    template <bool kTrend>
    void Add(double w, double wz, double centred_time) {
      weight += w;
      weighted_response += wz;
      if constexpr (kTrend) {
        const double wt = w * centred_time;
        weighted_time += wt;
        weighted_time_squares += wt * centred_time;
        weighted_time_response += wz * centred_time;
      }
    }
    internal::GroupedLeastSquares::GroupSums Sums() const {
      return {weight, weighted_response, weighted_time, weighted_time_squares, weighted_time_response};
    }
  };

  // The first step's weights and sums from the starting η and μ.
  void StartingSums(const std::vector<double>& y, const std::vector<double>& offset, const std::vector<double>& eta,
                    const std::vector<double>& mu) {
    x_.trend ? StartingSums<true>(y, offset, eta, mu) : StartingSums<false>(y, offset, eta, mu);
    latest_ = 0;
  }
  // Two rows at a time (two lanes, the same on every processor), then the group's last odd row.
  template <bool kTrend>
  void StartingSums(const std::vector<double>& y_in, const std::vector<double>& offset,
                    const std::vector<double>& eta_in, const std::vector<double>& mu_in) {
    const double* prior = weights_->data();
    const double* tc = d_.centred_time.data();
    const double *y = y_in.data(), *off = offset.data(), *eta = eta_in.data(), *mu = mu_in.data();
    double* w_out = step_weights_[0].data();
    for (int g = 0; g < x_.groups; ++g) {
      RowSums sums;
      int i = d_.group_begin[g];
      const int end = d_.group_begin[g + 1];
      Lanes2 w_sum{}, wz_sum{}, wt_sum{}, wtt_sum{}, wtz_sum{};
      for (; i + 1 < end; i += 2) {
        const Lanes2 pv = Load<Lanes2>(prior + i), m = Load<Lanes2>(mu + i);
        const Lanes2 w = pv * m;
        const Lanes2 wz = w * (Load<Lanes2>(eta + i) - Load<Lanes2>(off + i)) + pv * (Load<Lanes2>(y + i) - m);
        Store(w_out + i, w);
        w_sum += w;
        wz_sum += wz;
        if constexpr (kTrend) {
          const Lanes2 t = Load<Lanes2>(tc + i);
          const Lanes2 wt = w * t;
          wt_sum += wt;
          wtt_sum += wt * t;
          wtz_sum += wz * t;
        }
      }
      sums.weight = w_sum[0] + w_sum[1];
      sums.weighted_response = wz_sum[0] + wz_sum[1];
      sums.weighted_time = wt_sum[0] + wt_sum[1];
      sums.weighted_time_squares = wtt_sum[0] + wtt_sum[1];
      sums.weighted_time_response = wtz_sum[0] + wtz_sum[1];
      for (; i < end; ++i) {
        const double w = prior[i] * mu[i];
        const double wz = w * (eta[i] - off[i]) + prior[i] * (y[i] - mu[i]);
        w_out[i] = w;
        sums.Add<kTrend>(w, wz, kTrend ? tc[i] : 0.0);
      }
      sums_[g] = sums.Sums();
    }
  }

  // The factored fused loop handles four rows of a group at a time as four lanes (AVX2 where the
  // processor has it, else two pairs of SSE2 lanes), with the scalar loop's operations lane by lane
  // and the lanes summed in one fixed order, so the results do not depend on the instruction set.
  // The 32-byte lanes live in always-inlined code only, so no such vector crosses a call (GCC's
  // -Wpsabi note about their ABI without AVX does not apply; src/detection/CMakeLists.txt).
  using Lanes2 = double __attribute__((vector_size(16)));
  using Lanes4 = double __attribute__((vector_size(32)));
  template <class V>
  [[gnu::always_inline]] static inline V Load(const double* p) {
    V v;
    std::memcpy(&v, p, sizeof v);
    return v;
  }
  template <class V>
  [[gnu::always_inline]] static inline void Store(double* p, V v) {
    std::memcpy(p, &v, sizeof v);
  }
  // max(b, floor) lane by lane as std::max(b, floor): NaN in b stays NaN.
  [[gnu::always_inline]] static inline Lanes2 Max(Lanes2 floor, Lanes2 b) {
#if defined(__SSE2__)
    return _mm_max_pd(floor, b);
#else
    return b < floor ? floor : b;
#endif
  }
  [[gnu::always_inline]] static inline Lanes4 Max(Lanes4 floor, Lanes4 b) { return b < floor ? floor : b; }
  template <class V>
  [[gnu::always_inline]] static inline V Gather(const double* table, const int* index) {
    if constexpr (sizeof(V) == 32) {
      return V{table[index[0]], table[index[1]], table[index[2]], table[index[3]]};
    } else {
      return V{table[index[0]], table[index[1]]};
    }
  }
  static bool HaveAvx2() {
#if defined(__x86_64__) && defined(__GNUC__)
    static const bool have = __builtin_cpu_supports("avx2");
    return have;
#else
    return false;
#endif
  }

  template <bool kTrend, bool kOffset, bool kUnitWeights>
  void DispatchFactoredFusedLoop(double intercept, double slope, const std::vector<double>& offset,
                                 std::vector<double>& eta, std::vector<double>& mu) {
#if defined(__x86_64__) && defined(__GNUC__)
    if (HaveAvx2() && !internal::ForceSse2ForGroupedSteps::Active()) {
      return FusedLoopAvx2<kTrend, kOffset, kUnitWeights>(intercept, slope, offset, eta, mu);
    }
#endif
    FusedLoopBody<Lanes2, true, kTrend, kOffset, kUnitWeights>(intercept, slope, offset, eta, mu);
  }
#if defined(__x86_64__) && defined(__GNUC__)
  template <bool kTrend, bool kOffset, bool kUnitWeights>
  __attribute__((target("avx2"))) void FusedLoopAvx2(double intercept, double slope, const std::vector<double>& offset,
                                                     std::vector<double>& eta, std::vector<double>& mu) {
    FusedLoopBody<Lanes4, true, kTrend, kOffset, kUnitWeights>(intercept, slope, offset, eta, mu);
  }
#endif
  template <bool kTrend>
  void FactoredFusedLoop(double intercept, double slope, const std::vector<double>& offset, std::vector<double>& eta,
                         std::vector<double>& mu) {
    if (has_offset_) {
      unit_weights_ ? DispatchFactoredFusedLoop<kTrend, true, true>(intercept, slope, offset, eta, mu)
                    : DispatchFactoredFusedLoop<kTrend, true, false>(intercept, slope, offset, eta, mu);
    } else {
      unit_weights_ ? DispatchFactoredFusedLoop<kTrend, false, true>(intercept, slope, offset, eta, mu)
                    : DispatchFactoredFusedLoop<kTrend, false, false>(intercept, slope, offset, eta, mu);
    }
  }
  template <bool kFactored, bool kTrend, bool kOffset, bool kUnitWeights>
  void FusedLoop(double intercept, double slope, const std::vector<double>& offset, std::vector<double>& eta,
                 std::vector<double>& mu) {
    FusedLoopBody<Lanes2, kFactored, kTrend, kOffset, kUnitWeights>(intercept, slope, offset, eta, mu);
  }

  // MeansLoop's η, μ, deviance and validity, and the next step's weights and sums, over the rows
  // of one group at a time (four rows at a time where μ is factored, in lanes of type V). Without
  // an offset (kOffset false, all zero) and with unit prior weights (kUnitWeights) the terms that
  // add 0 or multiply by 1 are left out: the same values. log μ is max(η, log ε), the log of
  // max(exp(η), ε).
  template <class V, bool kFactored, bool kTrend, bool kOffset, bool kUnitWeights>
  [[gnu::always_inline]] inline void FusedLoopBody(double intercept, double slope, const std::vector<double>& offset,
                                                   std::vector<double>& eta, std::vector<double>& mu) {
    static const double kLogEpsilon = std::log(DBL_EPSILON);
    const double* time = x_.time.data();
    const double* tc = d_.centred_time.data();
    const int* steps = d_.steps.data();
    const double* time_factor = time_factor_.data();
    const double* offset_factor = has_offset_ ? offset_factor_.data() : nullptr;
    const double* off = offset.data();
    const double* y = y_->data();
    const double* log_y = log_y_->data();
    const double* prior = weights_->data();
    double* eta_out = eta.data();
    double* mu_out = mu.data();
    const int target = 1 - solved_;
    double* w_out = step_weights_[target].data();
    bool valid = true;
    double deviance = 0.0;
    constexpr int kLanes = sizeof(V) / sizeof(double);
    constexpr int kParts = 4 / kLanes;  // vectors per four rows
    for (int g = 0; g < x_.groups; ++g) {
      const double level = level_[g];
      const double factor = kFactored ? factor_[g] : 0.0;
      RowSums sums;
      double group_deviance = 0.0;
      int i = d_.group_begin[g];
      const int end = d_.group_begin[g + 1];
      if constexpr (kFactored) {
        // μ = max(m, ε) ≥ ε unless m is NaN, so "finite and positive" is m ≤ DBL_MAX.
        V w_sum[kParts] = {}, wz_sum[kParts] = {}, wt_sum[kParts] = {}, wtt_sum[kParts] = {}, wtz_sum[kParts] = {},
          deviance_sum[kParts] = {};
        auto finite = V{} == V{};  // all lanes true
        const V epsilon = V{} + DBL_EPSILON, log_epsilon = V{} + kLogEpsilon;
        for (; i + 3 < end; i += 4) {
          for (int part = 0; part < kParts; ++part) {
            const int r = i + part * kLanes;
            const V linear = (kTrend ? intercept + Load<V>(time + r) * slope : V{} + intercept) + level;
            const V e = kOffset ? linear + Load<V>(off + r) : linear;
            V m = kTrend ? factor * Gather<V>(time_factor, steps + r) : V{} + factor;
            if constexpr (kOffset) m *= Load<V>(offset_factor + r);
            m = Max(epsilon, m);
            Store(eta_out + r, e);
            Store(mu_out + r, m);
            finite &= m <= DBL_MAX;
            const V log_mu = Max(log_epsilon, e);
            const V yv = Load<V>(y + r);
            const V dev = yv * (Load<V>(log_y + r) - log_mu) - (yv - m);
            V w, wz;
            if constexpr (kUnitWeights) {
              deviance_sum[part] += dev;
              w = m;
              wz = w * (kOffset ? e - Load<V>(off + r) : e) + (yv - m);
            } else {
              const V pv = Load<V>(prior + r);
              deviance_sum[part] += pv * dev;
              w = pv * m;
              wz = w * (kOffset ? e - Load<V>(off + r) : e) + pv * (yv - m);
            }
            Store(w_out + r, w);
            w_sum[part] += w;
            wz_sum[part] += wz;
            if constexpr (kTrend) {
              const V t = Load<V>(tc + r);
              const V wt = w * t;
              wt_sum[part] += wt;
              wtt_sum[part] += wt * t;
              wtz_sum[part] += wz * t;
            }
          }
        }
        for (int lane = 0; lane < kLanes; ++lane) valid &= finite[lane] != 0;
        // The four lanes as ((l0 + l1) + (l2 + l3)), for either lane type.
        auto total = [](const V* parts) {
          if constexpr (kParts == 1) {
            return (parts[0][0] + parts[0][1]) + (parts[0][2] + parts[0][3]);
          } else {
            return (parts[0][0] + parts[0][1]) + (parts[1][0] + parts[1][1]);
          }
        };
        sums.weight = total(w_sum);
        sums.weighted_response = total(wz_sum);
        sums.weighted_time = total(wt_sum);
        sums.weighted_time_squares = total(wtt_sum);
        sums.weighted_time_response = total(wtz_sum);
        group_deviance = total(deviance_sum);
      }
      // The remaining rows one at a time, with the same operations.
      for (; i < end; ++i) {
        const double linear = (kTrend ? intercept + time[i] * slope : intercept) + level;
        const double e = kOffset ? linear + off[i] : linear;
        double m;
        if constexpr (kFactored) {
          m = kTrend ? factor * time_factor[steps[i]] : factor;
          if constexpr (kOffset) m *= offset_factor[i];
          m = std::max(m, DBL_EPSILON);
        } else {
          m = LinkInverse(e);
        }
        eta_out[i] = e;
        mu_out[i] = m;
        valid &= std::isfinite(m) & (m > 0);
        const double log_mu = std::max(e, kLogEpsilon);
        const double pr = kUnitWeights ? 1.0 : prior[i];
        const double dev = y[i] * (log_y[i] - log_mu) - (y[i] - m);
        group_deviance += kUnitWeights ? dev : pr * dev;
        const double w = kUnitWeights ? m : pr * m;
        const double wz = w * (kOffset ? e - off[i] : e) + (kUnitWeights ? y[i] - m : pr * (y[i] - m));
        w_out[i] = w;
        sums.Add<kTrend>(w, wz, kTrend ? tc[i] : 0.0);
      }
      deviance += group_deviance;
      sums_[g] = sums.Sums();
    }
    deviance_ = 2.0 * deviance;
    valid_ = valid;
    latest_ = target;
  }

  const GroupedDesign& x_;
  const GroupedDesignState& d_;
  const bool unit_weights_;  // every prior weight is 1
  const std::vector<double>* y_ = nullptr;
  const std::vector<double>* log_y_ = nullptr;
  const std::vector<double>* weights_ = nullptr;
  double deviance_ = 0.0;
  bool valid_ = true;
  bool groups_set_ = false;
  bool offset_factors_in_range_ = true;
  bool has_offset_ = false;
  bool fused_ = false;
  bool first_solve_ = true;
  int solved_ = 0;  // step_weights_ buffer of the last Solve's input
  int latest_ = 0;  // step_weights_ buffer of the current η and μ
  // Per-thread scratch space, reused across fits.
  static thread_local std::vector<internal::GroupedLeastSquares::GroupSums> sums_;
  static thread_local std::vector<double> step_weights_[2];
  static thread_local std::vector<double> offset_factor_, level_, factor_, time_factor_, z_;
};
thread_local std::vector<double> GroupedStep::step_weights_[2];
thread_local std::vector<internal::GroupedLeastSquares::GroupSums> GroupedStep::sums_;
thread_local std::vector<double> GroupedStep::offset_factor_, GroupedStep::level_, GroupedStep::factor_,
    GroupedStep::time_factor_, GroupedStep::z_;

// (y − μ)/μ row by row (mu.eta(η) = μ for the log link): the divisions are the cost, so the loop
// is also compiled for AVX2 and chosen at run time; the values are the same either way.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target_clones("avx2", "default")))
#endif
void WorkingResiduals(const double* y, const double* mu, int n, double* residuals) {
  for (int i = 0; i < n; ++i) residuals[i] = (y[i] - mu[i]) / mu[i];
}

// glm.fit's IRLS loop with the step solved by `step`. Sets `refused` (and returns Ok) when the
// step refuses to solve; the fit is then incomplete.
template <class Step>
Status Irls(Step& step, const std::vector<double>& y, const std::vector<double>& offset, const GlmControl& control,
            GlmFit& fit, bool& refused) {
  refused = false;
  const int n = fit.observations;
  const int p = fit.columns;
  const int n_good = static_cast<int>(fit.fitted_rows.size());
  const std::vector<double>& weights = fit.prior_weights;
  thread_local std::vector<double> eta, mu, log_y, start, coef_old;
  eta.resize(n);
  mu.resize(n);
  // log(y) and the starting values depend on y only; the methods fit several models to the same
  // baseline in a row, so they are kept for the next call with the same y.
  // So is each row's deviance term at the start, without its weight (Deviance() below).
  thread_local std::vector<double> cached_y, eta_start, mu_start, deviance_start;
  if (cached_y.size() != y.size() || std::memcmp(cached_y.data(), y.data(), y.size() * sizeof(double)) != 0) {
    cached_y.assign(y.begin(), y.end());
    log_y.resize(n);
    eta_start.resize(n);
    mu_start.resize(n);
    deviance_start.resize(n);
    const StartingValues* table = StartingValuesTable().data();
    for (int i = 0; i < n; ++i) {
      const double v = y[i];
      const StartingValues& start_values = v >= 0 && v < kStartingTableSize && v == static_cast<int>(v)
                                               ? table[static_cast<int>(v)]
                                               : StartingValuesOf(v);
      log_y[i] = start_values.log_y;
      eta_start[i] = start_values.eta;  // poisson()$initialize: mustart <- y + 0.1
      mu_start[i] = start_values.mu;
      deviance_start[i] = start_values.deviance;
    }
  }
  eta.assign(eta_start.begin(), eta_start.end());
  mu.assign(mu_start.begin(), mu_start.end());
  step.SetResponse(y, log_y, weights);
  // Deviance(y, log_y, mu, eta, weights) from the kept terms, in two partial sums (it only feeds
  // the relative convergence test).
  double dev_even = 0.0, dev_odd = 0.0;
  int row = 0;
  for (; row + 1 < n; row += 2) {
    dev_even += weights[row] * deviance_start[row];
    dev_odd += weights[row + 1] * deviance_start[row + 1];
  }
  if (row < n) dev_even += weights[row] * deviance_start[row];
  double dev_old = 2.0 * (dev_even + dev_odd);
  double dev_final = dev_old;
  start.assign(p, 0.0);
  coef_old.clear();
  bool converged = false;
  int iter = 0;
  for (iter = 1; iter <= control.max_iterations; ++iter) {
    if (!step.Solve(fit, y, offset, eta, mu, start)) {
      refused = true;
      return Status::Ok();
    }
    step.Means(start, offset, eta, mu);
    double dev = step.Deviance(y, log_y, mu, eta, weights);
    if (!std::isfinite(dev)) {
      if (coef_old.empty()) {
        return DataError(msg::GlmNonFiniteDeviance());
      }
      for (int ii = 1; !std::isfinite(dev); ++ii) {
        if (ii > control.max_iterations) return DataError(msg::GlmCannotCorrectStep(1));
        for (int j = 0; j < p; ++j) start[j] = (start[j] + coef_old[j]) / 2;
        step.Means(start, offset, eta, mu);
        dev = step.Deviance(y, log_y, mu, eta, weights);
      }
    }
    if (!step.ValidMeans(mu)) {
      if (coef_old.empty()) return DataError(msg::GlmInvalidMean());
      for (int ii = 1; !step.ValidMeans(mu); ++ii) {
        if (ii > control.max_iterations) return DataError(msg::GlmCannotCorrectStep(2));
        for (int j = 0; j < p; ++j) start[j] = (start[j] + coef_old[j]) / 2;
        step.Means(start, offset, eta, mu);
      }
      dev = step.Deviance(y, log_y, mu, eta, weights);
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
  fit.coefficients.assign(start.begin(), start.end());
  step.Finish(fit);
  fit.fitted.assign(mu.begin(), mu.end());
  fit.linear_predictor.assign(eta.begin(), eta.end());
  fit.deviance = dev_final;
  fit.working_residuals.resize(n);
  WorkingResiduals(y.data(), mu.data(), n, fit.working_residuals.data());
  fit.df_residual = n_good - fit.rank;
  return Status::Ok();
}

double QrTolerance(const GlmControl& control) { return std::min(1e-7, control.epsilon / 1000); }

}  // namespace

void GroupedDesign::ToDense(DesignMatrix& x) const {
  const int n = rows();
  x.Reset(n, cols());
  const int first_indicator = trend ? 2 : 1;
  for (int i = 0; i < n; ++i) {
    x(i, 0) = 1.0;
    if (trend) x(i, 1) = time[i];
    if (group[i] > 0) x(i, first_indicator + group[i] - 1) = 1.0;
  }
}

double GlmFit::Dispersion() const {
  if (df_residual <= 0) return kNaN;
  // Two partial sums without branches.
  const size_t n = working_weights.size();
  const double* w = working_weights.data();
  const double* r = working_residuals.data();
  double sum_even = 0.0, sum_odd = 0.0;
  size_t i = 0;
  for (; i + 1 < n; i += 2) {
    sum_even += w[i] > 0 ? w[i] * r[i] * r[i] : 0.0;
    sum_odd += w[i + 1] > 0 ? w[i + 1] * r[i + 1] * r[i + 1] : 0.0;
  }
  if (i < n) sum_even += w[i] > 0 ? w[i] * r[i] * r[i] : 0.0;
  return (sum_even + sum_odd) / df_residual;
}

std::vector<double> GlmFit::Leverages() const {
  const int rows = static_cast<int>(fitted_rows.size());
  std::vector<double> hat(rows);
  if (solved_grouped) {  // grouped.Leverage() with the divisions taken out of the loop
    thread_local std::vector<double> inverse_weight, mean;
    const int groups = grouped.groups();
    inverse_weight.resize(groups);
    mean.resize(groups);
    for (int g = 0; g < groups; ++g) {
      inverse_weight[g] = 1.0 / grouped.weight_sum(g);
      mean[g] = grouped.time_mean(g);
    }
    const double inverse_ss = grouped.trend() ? 1.0 / grouped.time_ss() : 0.0;
    for (int i = 0; i < rows; ++i) {
      const int g = grouped_group[i];
      const double d = grouped_time[i] - mean[g];
      const double h = grouped_weight[i] * (inverse_weight[g] + d * d * inverse_ss);
      hat[i] = h >= 1.0 - 10 * DBL_EPSILON ? 1.0 : h;
    }
    return hat;
  }
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
  if (solved_grouped) {  // full rank, columns in order
    for (int col = 0; col < rank; ++col) sum += x_row[col] * coefficients[col];
    return sum + offset;
  }
  for (int pos = 0; pos < rank; ++pos) sum += x_row[qr.pivot[pos]] * coefficients[qr.pivot[pos]];
  return sum + offset;
}

double GlmFit::UnscaledLinkVariance(const std::vector<double>& x_row) const {
  if (solved_grouped) return grouped.UnscaledVariance(x_row.data());
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
  if (solved_grouped) {
    if (column < 0 || column >= columns) return kNaN;
    std::vector<double> unit(columns, 0.0);
    unit[column] = 1.0;
    return grouped.UnscaledVariance(unit.data());
  }
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
  thread_local std::vector<double> offset;
  RETURN_IF_ERROR(PrepareFit(x.rows(), x.cols(), y, offset_in, weights_in, fit, offset));
  QrStep step(x, QrTolerance(control));
  bool refused = false;
  return Irls(step, y, offset, control, fit, refused);
}

Status FitLogLinearGlmInto(const GroupedDesign& x, const std::vector<double>& y, const std::vector<double>& offset_in,
                           const std::vector<double>& weights_in, const GlmControl& control, GlmFit& fit) {
  if (x.groups < 1 || (x.trend && x.time.size() != x.group.size())) {
    return InvalidArgumentError(msg::GlmBadGroupedDesign());
  }
  thread_local GroupedDesignState design;
  design.Update(x);
  if (!design.groups_in_range) return InvalidArgumentError(msg::GlmBadGroupedDesign());
  if (!internal::ForceQrForGroupedDesigns::Active()) {
    thread_local std::vector<double> offset;
    RETURN_IF_ERROR(PrepareFit(x.rows(), x.cols(), y, offset_in, weights_in, fit, offset));
    GroupedStep step(x, design, offset, !offset_in.empty(), weights_in.empty(), fit);
    bool refused = false;
    RETURN_IF_ERROR(Irls(step, y, offset, control, fit, refused));
    if (!refused) return Status::Ok();
  }
  // The QR path decides rank and pivoting, as R.
  thread_local DesignMatrix dense;
  x.ToDense(dense);
  return FitLogLinearGlmInto(dense, y, offset_in, weights_in, control, fit);
}

}  // namespace sz::detection
