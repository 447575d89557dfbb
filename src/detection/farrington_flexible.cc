// surveillance::farringtonFlexible (index-based epochs) re-implemented; see farrington_flexible.h.
#include "detection/farrington_flexible.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "detection/glm.h"
#include "detection/internal/count_tails.h"
#include "detection/internal/farrington_common.h"
#include "detection/internal/r_arith.h"
#include "detection/internal/reference_dates.h"
#include "detection/messages.h"
#include "rmath/distributions.h"

namespace sz::detection {
namespace {

using internal::kNA;
using internal::RMax;

// Labels of the `blocks` function: 0 = NA, otherwise 1..noPeriods. Index 1..n; R's assignments
// beyond n (which only lengthen the vector with NA counts) are ignored.
class Labels {
 public:
  void Reset(int n) { values_.assign(n + 1, 0); }
  // vectorOfFactors[a:b] <- value, with R's a:b (descending when b < a); index 0 is ignored.
  void Assign(int a, int b, int value) {
    const int step = a <= b ? 1 : -1;
    for (int idx = a;; idx += step) {
      if (idx >= 1 && idx < static_cast<int>(values_.size())) values_[idx] = value;
      if (idx == b) break;
    }
  }
  int operator[](int t) const { return values_[t]; }

 private:
  std::vector<int> values_;
};

struct Baseline {
  std::vector<double> response;
  std::vector<double> wtime;
  std::vector<double> offset;  // log(population) or 0
  std::vector<int> label;
  std::vector<int> levels;  // labels present, ascending; levels[0] is the reference level
  double max_response = 0.0;
  double predict_wtime = 0.0;  // wtime of the evaluated week
};

struct Pass {
  GlmFit fit;
  bool has_trend = false;
  double phi = kNA;
  double dispersion = kNA;  // fit.Dispersion() with the final working weights
};

int FloorDiv(int a, int b) { return static_cast<int>(std::floor(static_cast<double>(a) / b)); }

// `refs` holds the positions r_0 = k, r_1, …, r_b of the reference time points.
Status BuildBaseline(const Series& series, int k, const std::vector<int>& refs,
                     const FarringtonFlexibleControl& control, int past, Baseline& baseline) {
  const int n = series.size();
  const int w = control.w;
  const int p = control.no_periods;
  thread_local Labels labels, excluded;
  labels.Reset(n);
  labels.Assign(k - w, k, p);
  for (int i = 1; i <= control.b; ++i) {
    const int ref = refs[i];
    labels.Assign(ref - w, ref + w, p);
    if (p != 1) {
      const int later_ref = refs[i - 1];
      const int period = later_ref - 2 * w - 1 - ref;
      if (period < p - (2 * w + 1)) return InvalidArgumentError(msg::TooManyFactors());
      const int block_length = FloorDiv(period, p - 1);
      const int rest = period - block_length * (p - 1);
      thread_local std::vector<int> cumulative;
      cumulative.assign(p, 0);
      for (int j = 1; j <= p - 1; ++j) cumulative[j] = cumulative[j - 1] + block_length + (j <= rest ? 1 : 0);
      for (int j = 1; j <= p - 1; ++j) {
        labels.Assign(ref + w + 1 + cumulative[j - 1], ref + w + 1 + cumulative[j] - 1, j);
      }
    }
  }
  excluded.Reset(n);
  excluded.Assign(k - past, k, 1);
  baseline.levels.clear();
  // The baseline weeks by label, in time order within a label (a counting sort): the GLM's rows in
  // season-factor order, so that its IRLS runs over each level's rows contiguously (glm.h). The
  // row order changes no result beyond rounding.
  thread_local std::vector<int> kept, label_begin;
  label_begin.assign(p + 2, 0);
  // Only [r_b − w, k] can carry labels.
  const bool by_date = !series.dates.empty();
  const double step_days =
      by_date && n >= 2 ? static_cast<double>(series.dates[1].DayNumber() - series.dates[0].DayNumber()) : 1.0;
  int64_t first_labelled_day = 0;
  bool have_first = false;
  const int t_first = std::max(1, refs[control.b] - w), t_last = std::min(n, k);
  kept.resize(std::max(0, t_last - t_first + 1));
  int count = 0;
  for (int t = t_first; t <= t_last; ++t) {
    const bool labelled = labels[t] != 0 && excluded[t] == 0;
    if (by_date && labelled && !have_first) {  // wtime origin: the first baseline week before dropping NA counts
      first_labelled_day = series.dates[t - 1].DayNumber();
      have_first = true;
    }
    kept[count] = t;
    count += labelled && !std::isnan(series.observed[t - 1]);
  }
  kept.resize(count);
  if (kept.empty()) {
    return InvalidArgumentError(msg::NoBaselineCounts(k));
  }
  // The kept weeks come in runs of one label: counted and placed run by run.
  auto run_end = [&](int start) {
    int end = start + 1;
    while (end < count && labels[kept[end]] == labels[kept[start]]) ++end;
    return end;
  };
  for (int start = 0; start < count;) {
    const int end = run_end(start);
    label_begin[labels[kept[start]] + 1] += end - start;
    start = end;
  }
  for (int level = 1; level <= p; ++level) {
    if (label_begin[level + 1] > 0) baseline.levels.push_back(level);
    label_begin[level + 1] += label_begin[level];
  }
  baseline.response.resize(count);
  baseline.wtime.resize(count);
  baseline.offset.resize(count);
  baseline.label.resize(count);
  for (int start = 0; start < count;) {
    const int end = run_end(start);
    const int label = labels[kept[start]];
    const int first_row = label_begin[label] - start;
    label_begin[label] += end - start;
    for (int j = start; j < end; ++j) {
      const int t = kept[j], row = first_row + j;
      baseline.response[row] = series.observed[t - 1];
      baseline.wtime[row] = by_date ? (series.dates[t - 1].DayNumber() - first_labelled_day) / step_days : t;
      baseline.offset[row] = control.population_offset ? std::log(series.PopulationAt(t)) : 0.0;
      baseline.label[row] = label;
    }
    start = end;
  }
  if (p != 1 && baseline.levels.size() < 2) {
    return InvalidArgumentError(msg::SeasonFactorLevels(k));
  }
  if (baseline.levels.back() != p) {  // no count in the reference windows' label
    return InvalidArgumentError(msg::NoCountInReferenceWindows(k));
  }
  baseline.max_response = *std::max_element(baseline.response.begin(), baseline.response.end());
  if (by_date) {  // the prediction's origin is the first baseline week after dropping NA counts
    int first_kept = 0;
    for (int t = std::max(1, refs[control.b] - w); t <= std::min(n, k); ++t) {
      if (labels[t] != 0 && excluded[t] == 0 && !std::isnan(series.observed[t - 1])) {
        first_kept = t;
        break;
      }
    }
    baseline.predict_wtime = (series.dates[k - 1].DayNumber() - series.dates[first_kept - 1].DayNumber()) / step_days;
  } else {
    baseline.predict_wtime = k;
  }
  return Status::Ok();
}

// BuildBaseline's result for week k from week k − shift's, for index-based reference points with
// every window inside the series and no NA counts: the same labels over weeks moved by `shift`.
void ShiftBaseline(const Series& series, int shift, const FarringtonFlexibleControl& control, Baseline& baseline) {
  const int rows = static_cast<int>(baseline.response.size());
  double max_response = -HUGE_VAL;
  for (int row = 0; row < rows; ++row) {
    const int t = static_cast<int>(baseline.wtime[row]) + shift;
    baseline.wtime[row] = t;
    baseline.response[row] = series.observed[t - 1];
    max_response = std::max(max_response, baseline.response[row]);
    if (control.population_offset) baseline.offset[row] = std::log(series.PopulationAt(t));
  }
  baseline.max_response = max_response;
  baseline.predict_wtime += shift;
}

// Model row of (Intercept) [+ wtime] [+ seasgroups levels 2..].
void ModelRow(const Baseline& baseline, bool trend, bool factors, double wtime, int label, std::vector<double>& row) {
  row.clear();
  row.push_back(1.0);
  if (trend) row.push_back(wtime);
  if (factors) {
    for (size_t level = 1; level < baseline.levels.size(); ++level) {
      row.push_back(label == baseline.levels[level] ? 1.0 : 0.0);
    }
  }
}

// The model (Intercept) [+ wtime] [+ seasgroups] as a GroupedDesign: group = position of the
// week's label in baseline.levels (levels[0] is the reference level).
void MakeDesign(const Baseline& baseline, bool trend, bool factors, GroupedDesign& x) {
  const int rows = static_cast<int>(baseline.response.size());
  x.groups = factors ? static_cast<int>(baseline.levels.size()) : 1;
  x.trend = trend;
  x.group.resize(rows);
  x.time.assign(baseline.wtime.begin(), baseline.wtime.end());
  if (!factors) {
    std::fill(x.group.begin(), x.group.end(), 0);
    return;
  }
  thread_local std::vector<int> lookup;  // label → group
  lookup.assign(baseline.levels.back() + 1, 0);
  for (size_t level = 0; level < baseline.levels.size(); ++level)
    lookup[baseline.levels[level]] = static_cast<int>(level);
  for (int i = 0; i < rows; ++i) x.group[i] = lookup[baseline.label[i]];
}

std::vector<double>& MuPowerScratch() {
  thread_local std::vector<double> mu_power;
  return mu_power;
}

// μ^(−1/6) = exp(−η/6) of every row of a grouped fit without offset, factored as
// exp(−(β₀ + γ_g + β₁·t_min)/6)·exp(−β₁/6)^(t − t_min) for whole-number times (a few exp calls
// instead of one per row; within a few ulp of exp(−η/6)), into MuPowerScratch(). False where the
// fit or the times do not allow it (the caller then takes one exp per row).
bool MuPowerByFactors(const GlmFit& fit, const GroupedDesign& x, const FarringtonFlexibleControl& control) {
  const int rows = fit.observations;
  if (control.population_offset || !fit.solved_grouped || static_cast<int>(fit.fitted_rows.size()) != rows ||
      x.rows() != rows || rows == 0) {
    return false;
  }
  const bool trend = x.trend;
  double t_min = 0.0, t_max = 0.0;
  if (trend) {
    t_min = t_max = x.time[0];
    for (double t : x.time) {
      t_min = std::min(t_min, t);
      t_max = std::max(t_max, t);
    }
    if (!(t_max - t_min <= 1 << 16) || std::fabs(t_min) >= 0x1p52 || std::fabs(t_max) >= 0x1p52) return false;
  }
  constexpr double kMin = 1e-100, kMax = 1e100;  // products of two stay finite and normal
  const double slope = trend ? fit.coefficients[1] : 0.0;
  const int first_indicator = trend ? 2 : 1;
  thread_local std::vector<double> factor, power;
  factor.resize(x.groups);
  for (int g = 0; g < x.groups; ++g) {
    const double eta = fit.coefficients[0] + slope * t_min + (g > 0 ? fit.coefficients[first_indicator + g - 1] : 0.0);
    factor[g] = std::exp(eta * (-1.0 / 6));
    if (!(factor[g] >= kMin && factor[g] <= kMax)) return false;
  }
  const int max_step = static_cast<int>(t_max - t_min);
  power.resize(max_step + 1);
  power[0] = 1.0;
  for (int bit = 1; bit <= max_step; bit *= 2) {  // exp(−β₁·k/6) from exp(−β₁·2^b/6)
    const double step_power = std::exp(slope * bit * (-1.0 / 6));
    for (int k = bit; k < std::min(2 * bit, max_step + 1); ++k) power[k] = power[k - bit] * step_power;
  }
  if (!(power[max_step] >= kMin && power[max_step] <= kMax)) return false;
  std::vector<double>& mu_power = MuPowerScratch();
  mu_power.resize(rows);
  for (int i = 0; i < rows; ++i) {
    const double d = trend ? x.time[i] - t_min : 0.0;
    if (!(d >= 0 && d <= max_step)) return false;  // NaN times
    const int step = static_cast<int>(d);
    if (static_cast<double>(step) != d) return false;
    const double mu = fit.fitted[i];
    mu_power[i] = mu > DBL_EPSILON ? factor[x.group[i]] * power[step] : std::pow(mu, -1.0 / 6);
  }
  return true;
}

// algo.farrington.fitGLM.flexible into `pass`; false where R returns NULL (no convergence).
Result<bool> FitPass(const Baseline& baseline, bool trend, const FarringtonFlexibleControl& control, Pass& pass) {
  const bool factors = control.no_periods != 1;
  const GlmControl glm_control;
  thread_local GroupedDesign x;
  MakeDesign(baseline, trend, factors, x);
  static const std::vector<double> kNoOffset;  // the GLM's zero offset, without a pass to find it is zero
  const std::vector<double>& offset = control.population_offset ? baseline.offset : kNoOffset;
  RETURN_IF_ERROR(FitLogLinearGlmInto(x, baseline.response, offset, {}, glm_control, pass.fit));
  pass.has_trend = trend;
  if (!pass.fit.converged) {
    if (trend) {
      MakeDesign(baseline, false, factors, x);
      pass.has_trend = false;
      RETURN_IF_ERROR(FitLogLinearGlmInto(x, baseline.response, offset, {}, glm_control, pass.fit));
    }
    if (!pass.fit.converged) return false;
  }
  pass.dispersion = pass.fit.Dispersion();
  pass.phi = RMax(pass.dispersion, 1.0);
  if (control.reweight) {
    const std::vector<double> s = MuPowerByFactors(pass.fit, x, control)
                                      ? internal::AnscombeResiduals(pass.fit, pass.phi, MuPowerScratch())
                                      : internal::AnscombeResiduals(pass.fit, pass.phi);
    const std::vector<double> omega = internal::AnscombeWeights(s, control.weights_threshold);
    RETURN_IF_ERROR(FitLogLinearGlmInto(x, baseline.response, offset, omega, glm_control, pass.fit));
    pass.phi = RMax(pass.fit.Dispersion(), 1.0);
    pass.fit.working_weights = omega;  // the package's `model$weights <- omega`
    pass.dispersion = pass.fit.Dispersion();
  }
  return true;
}

struct Threshold {
  double upper = kNA;
  double pvalue = kNA;
  double score = kNA;
};

Threshold DeltaThreshold(double mu0, double se_mu0, double phi, PowerTransform transform, double alpha, double y) {
  const double tau = phi + se_mu0 * se_mu0 / mu0;
  const internal::PowerScale scale = internal::PowerTransformScale(mu0, tau, transform);
  const double z = rmath::QNorm(1 - alpha);
  const double center = std::pow(mu0, scale.exponent);
  const double lower = std::pow(center - z * scale.sd, 1 / scale.exponent);
  const double upper = std::pow(center + z * scale.sd, 1 / scale.exponent);
  Threshold threshold;
  threshold.upper = internal::UpperOfSorted(lower, upper);
  threshold.pvalue = rmath::PNorm(std::pow(y, scale.exponent), center, scale.sd, /*lower_tail=*/false);
  threshold.score = std::isnan(threshold.upper) ? kNA : (y - mu0) / (threshold.upper - mu0);
  return threshold;
}

Threshold NoufailyThreshold(double eta0, double se_eta0, double phi, ThresholdMethod method, double alpha, double y) {
  const double m =
      method == ThresholdMethod::kNbPlugin ? std::exp(eta0) : std::exp(rmath::QNorm(1 - alpha, eta0, se_eta0));
  Threshold threshold;
  if (std::isnan(phi) || std::isnan(m) || m == HUGE_VAL) return threshold;
  // qnbinom/qpois(1 − α) and pnbinom/ppois(y − 1, lower.tail = FALSE) in one pass over the pmf,
  // R's values (internal/count_tails.h). φ ≥ 1 here (φ = max(dispersion, 1)).
  const internal::CountTail tail =
      phi > 1 ? internal::NegativeBinomialQuantileAndTail(1 - alpha, m / (phi - 1), 1 / phi, y - 1)
              : internal::PoissonQuantileAndTail(1 - alpha, m, y - 1);
  threshold.upper = tail.quantile;
  threshold.pvalue = tail.upper;
  threshold.score = std::isnan(threshold.upper) ? kNA : (y - eta0) / (threshold.upper - eta0);
  return threshold;
}

// r_0 = k, r_1, …, r_b: by index (k − freq·i) or, with dates, the positions of the reference dates.
Status ReferencePositions(const Series& series, int k, const FarringtonFlexibleControl& control,
                          std::vector<int>& refs) {
  refs.resize(control.b + 1);
  if (series.dates.empty()) {
    for (int i = 0; i <= control.b; ++i) refs[i] = k - series.frequency * i;
    return Status::Ok();
  }
  const std::vector<Date> dates = internal::FlexibleReferenceDates(series.dates[k - 1], control.b, series.frequency);
  for (int i = 0; i <= control.b; ++i) {
    const std::optional<int> position = internal::PositionOf(series.dates, dates[i]);
    if (!position) {
      return InvalidArgumentError(msg::ReferenceDateMissing(k, series.dates[k - 1].ToIso(), dates[i].ToIso(), i));
    }
    refs[i] = *position;
  }
  if (refs[control.b] - control.w < 0) {
    return InvalidArgumentError(msg::TooLittleHistoryBeforeWindow(k));
  }
  return Status::Ok();
}

Status CheckControl(const Series& series, const FarringtonFlexibleControl& control) {
  if (control.b < 1 || control.w < 0) return InvalidArgumentError(msg::BAndW("farringtonFlexible"));
  if (control.no_periods < 1) return InvalidArgumentError(msg::NoPeriodsAtLeastOne());
  if (!(control.limit54.cases >= 0 && control.limit54.period > 0)) {
    return InvalidArgumentError(msg::Limit54OutOfBounds("farringtonFlexible"));
  }
  if (control.past_weeks_not_included && *control.past_weeks_not_included < 0) {
    return InvalidArgumentError(msg::PastWeeksNegative());
  }
  if (!(control.alpha > 0 && control.alpha < 1)) return InvalidArgumentError(msg::AlphaOutOfRange());
  if (control.population_offset && !series.population.empty()) {
    for (double pop : series.population) {
      if (!(pop > 0)) return InvalidArgumentError(msg::PopulationOffsetNeedsPositive());
    }
  }
  return Status::Ok();
}

}  // namespace

Result<DetectionResult> FarringtonFlexible(const Series& series, const FarringtonFlexibleControl& control) {
  RETURN_IF_ERROR(CheckControl(series, control));
  const int n = series.size();
  const int freq = series.frequency;
  const int past = control.past_weeks_not_included.value_or(control.w);
  const int default_first = freq * control.b + control.w + 1;
  // The oldest window r_b − w must not be negative (R: index 0 is ignored, negative is an error).
  const int first_possible = std::max({freq * control.b + control.w, past, 1});
  if (!control.range && n < default_first) {
    return InvalidArgumentError(msg::DefaultRangeNeedsMoreHistory(control.b, control.w, freq, default_first, n));
  }
  const Range range = control.range.value_or(Range{default_first, n});
  if (range.first < 1 || range.last > n || range.first > range.last) {
    return InvalidArgumentError(msg::RangeOutsideSeries("farringtonFlexible", range.first, range.last, n));
  }
  if (series.dates.empty() && range.first < first_possible) {
    return InvalidArgumentError(msg::FlexibleTooLittleHistory(range.first, control.b, control.w, freq, first_possible));
  }
  const bool factors = control.no_periods != 1;
  const bool use_link = control.threshold_method != ThresholdMethod::kDelta;
  const std::vector<double>& y = series.observed;

  DetectionResult result;
  result.method = "farringtonFlexible";
  result.has_score = true;
  result.has_pvalue = true;
  result.Reserve(range.size());
  std::vector<double> x_k;
  thread_local Baseline baseline;
  std::vector<int> refs;
  thread_local Pass pass_storage;
  const bool shiftable =
      series.dates.empty() && std::none_of(y.begin(), y.end(), [](double v) { return std::isnan(v); });
  int template_week = 0;  // the week `baseline` holds, where it can be moved on; else 0
  for (int k = range.first; k <= range.last; ++k) {
    const double obs = y[k - 1];
    result.time.push_back(k);
    result.observed.push_back(obs);
    RETURN_IF_ERROR(ReferencePositions(series, k, control, refs));
    // Index-based reference points make week k's baseline week k−1's moved by one week, unless a
    // window is cut at the series' start or NA counts drop rows: then it is built afresh.
    const bool whole_windows = shiftable && refs[control.b] - control.w >= 1;
    if (whole_windows && template_week > 0) {
      ShiftBaseline(series, k - template_week, control, baseline);
      template_week = k;
    } else {
      RETURN_IF_ERROR(BuildBaseline(series, k, refs, control, past, baseline));
      template_week = whole_windows ? k : 0;
    }
    const double offset_k = control.population_offset ? std::log(series.PopulationAt(k)) : 0.0;
    ASSIGN_OR_RETURN(bool fitted, FitPass(baseline, control.trend, control, pass_storage));
    Pass* pass = fitted ? &pass_storage : nullptr;
    bool do_trend = false;
    if (pass && pass->has_trend) {
      ModelRow(baseline, true, factors, baseline.predict_wtime, control.no_periods, x_k);
      const double fit_response = std::max(std::exp(pass->fit.PredictLink(x_k, offset_k)), DBL_EPSILON);
      const double dispersion = pass->dispersion;
      const double t_value =
          pass->fit.coefficients[1] / std::sqrt(dispersion * pass->fit.UnscaledCoefficientVariance(1));
      // With a threshold of 1 or more (the Noufaily settings) p < threshold holds for every |t| that
      // is not tiny, since p = 2·pt(−|t|) ≤ 1 and pt(−|t|) < 1/2 well away from t = 0.
      const bool significant =
          control.p_threshold_trend >= 1 && std::fabs(t_value) >= 1e-3
              ? true
              : 2 * rmath::PT(-std::fabs(t_value), pass->fit.df_residual) < control.p_threshold_trend;
      do_trend = control.b >= 3 && significant && fit_response <= baseline.max_response;
      if (!do_trend) {
        ASSIGN_OR_RETURN(fitted, FitPass(baseline, false, control, pass_storage));
        pass = fitted ? &pass_storage : nullptr;
      }
    }
    if (!pass) {  // R: "The model could not converge with nor without time trend"; expected stays 0
      result.expected.push_back(0.0);
      result.upperbound.push_back(kNA);
      result.alarm.push_back(kAlarmNA);
      result.score.push_back(kNA);
      result.pvalue.push_back(kNA);
      result.phi.push_back(kNA);
      result.trend_coefficient.push_back(kNA);
      continue;
    }
    ModelRow(baseline, pass->has_trend, factors, baseline.predict_wtime, control.no_periods, x_k);
    const double eta = pass->fit.PredictLink(x_k, offset_k);
    const double se_eta = std::sqrt(pass->dispersion * pass->fit.UnscaledLinkVariance(x_k));
    Threshold threshold;
    double expected_value;
    if (use_link) {
      threshold = NoufailyThreshold(eta, se_eta, pass->phi, control.threshold_method, control.alpha, obs);
      expected_value = std::exp(eta);
    } else {
      const double mu0 = std::max(std::exp(eta), DBL_EPSILON);
      const double se_mu0 = se_eta * mu0;
      threshold = DeltaThreshold(mu0, se_mu0, pass->phi, control.powertrans, control.alpha, obs);
      expected_value = mu0;
    }
    double recent = 0.0;
    for (int t = std::max(1, k - control.limit54.period + 1); t <= k; ++t) recent += y[t - 1];
    const int8_t enough = internal::RGreaterEqual(recent, control.limit54.cases);
    const double x_masked = enough == 1 ? threshold.score : kNA;
    int8_t alarm = 0;
    if (!std::isnan(x_masked) && x_masked > 1) alarm = obs != 0 ? 1 : 0;
    result.alarm.push_back(alarm);
    result.upperbound.push_back(enough == 1 ? threshold.upper : kNA);
    result.expected.push_back(!std::isnan(threshold.upper) && enough == 1 ? expected_value : kNA);
    result.score.push_back(threshold.score);
    result.pvalue.push_back(threshold.pvalue);
    result.phi.push_back(pass->phi);
    result.trend_coefficient.push_back(do_trend ? pass->fit.coefficients[1] : kNA);
  }
  return result;
}

}  // namespace sz::detection
