#include "signals/series_tests.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

#include "rmath/distributions.h"
#include "signals/messages.h"

namespace sz::signals {
namespace {

constexpr int kMinHistoryYears = 3;
constexpr int kMaxHistoryYears = 5;
constexpr int kEarsBaseline = 7;
constexpr int kEarsGuard = 2;
constexpr int kMinNonZero = 5;

detection::Detector Flexible(int frequency, int first) {
  detection::Detector detector;
  detector.method = detection::Method::kFarringtonFlexible;
  detection::FarringtonFlexibleControl& c = detector.farrington_flexible;
  const bool weekly = frequency == 52;
  c.w = weekly ? 3 : 2;
  c.b = std::min(kMaxHistoryYears, (first - c.w - 1) / frequency);
  c.no_periods = weekly ? 10 : 4;
  c.past_weeks_not_included = weekly ? 26 : 2;
  c.p_threshold_trend = 1;
  c.threshold_method = detection::ThresholdMethod::kNbPlugin;
  return detector;
}

bool FlexibleFits(int frequency, int first) {
  const int w = frequency == 52 ? 3 : 2;
  return frequency * kMinHistoryYears + w + 1 <= first;
}

detection::Detector Ears(detection::EarsMethod method) {
  detection::Detector detector;
  detector.method = method == detection::EarsMethod::kC1   ? detection::Method::kEarsC1
                    : method == detection::EarsMethod::kC2 ? detection::Method::kEarsC2
                                                           : detection::Method::kEarsC3;
  detector.ears.method = method;
  detector.ears.baseline = kEarsBaseline;
  detector.ears.min_sigma = 1.0;
  return detector;
}

void SetRange(detection::Detector& detector, detection::Range range) {
  detector.farrington_flexible.range = range;
  detector.farrington.range = range;
  detector.ears.range = range;
  detector.cusum.range = range;
}

double PValue(detection::Method method, const detection::DetectionResult& r, int i) {
  switch (method) {
    case detection::Method::kFarringtonFlexible:
    case detection::Method::kFarrington: return r.has_pvalue ? r.pvalue[i] : std::nan("");
    case detection::Method::kEarsC1:
    case detection::Method::kEarsC2: {
      // The normal of the method itself, but never below the Poisson upper tail at the baseline mean:
      // on sparse series (a wijk × category with 0.6 a week) the normal with its floored sigma makes 4
      // reports p ≈ 3e-4 where the counts themselves give 0.003, and thousands of such tests flooded
      // the list on short histories. On large counts the normal (with the baseline's own spread) is the
      // more cautious of the two and stays.
      if (!r.has_score || std::isnan(r.score[i])) return std::nan("");
      const double normal = rmath::PNorm(r.score[i], 0, 1, false);
      const double y = r.observed[i], m = r.expected[i];
      if (std::isnan(y) || std::isnan(m) || m <= 0) return normal;
      return std::max(normal, y <= 0 ? 1.0 : rmath::PPois(y - 1, m, false));
    }
    case detection::Method::kEarsC3:
      return r.has_score && !std::isnan(r.score[i]) ? rmath::PNorm(r.score[i], 0, 1, false) : std::nan("");
    case detection::Method::kCusum: {
      const double y = r.observed[i], m = r.expected[i];
      if (std::isnan(y) || std::isnan(m) || m <= 0) return std::nan("");
      return y <= 0 ? 1.0 : rmath::PPois(y - 1, m, false);
    }
  }
  return std::nan("");
}

}  // namespace

Result<detection::Detector> ChooseDetector(const detection::Series& series, MethodChoice choice, int first,
                                           std::string* label) {
  detection::Detector detector;
  switch (choice) {
    case MethodChoice::kAuto:
      if (FlexibleFits(series.frequency, first)) {
        detector = Flexible(series.frequency, first);
        *label = series.frequency == 52 ? "farringtonFlexible (Noufaily)" : "farringtonFlexible (maanden)";
      } else if (first > kEarsBaseline + kEarsGuard + 1) {
        detector = Ears(detection::EarsMethod::kC2);
        *label = "earsC2";
      } else {
        return FailedPreconditionError(msg::HistoryTooShort(first - 1));
      }
      break;
    case MethodChoice::kFarringtonFlexible:
      detector = Flexible(series.frequency, first);
      if (detector.farrington_flexible.b < 1) return FailedPreconditionError(msg::HistoryTooShort(first - 1));
      *label = series.frequency == 52 ? "farringtonFlexible (Noufaily)" : "farringtonFlexible (maanden)";
      break;
    case MethodChoice::kEarsC1:
      detector = Ears(detection::EarsMethod::kC1);
      *label = "earsC1";
      break;
    case MethodChoice::kEarsC2:
      detector = Ears(detection::EarsMethod::kC2);
      *label = "earsC2";
      break;
    case MethodChoice::kEarsC3:
      detector = Ears(detection::EarsMethod::kC3);
      *label = "earsC3";
      break;
    case MethodChoice::kCusum:
      detector.method = detection::Method::kCusum;
      *label = "cusum";
      break;
  }
  SetRange(detector, detection::Range{first, series.size()});
  return detector;
}

Result<SeriesTests> TestLatestPeriods(const detection::Series& series, MethodChoice choice, int window) {
  const int n = series.size();
  if (n == 0 || window < 1) return FailedPreconditionError(msg::HistoryTooShort(0));
  const int first = std::max(1, n - window + 1);
  int non_zero = 0;
  for (int t = 1; t < first; ++t)
    if (!std::isnan(series.observed[t - 1]) && series.observed[t - 1] > 0) ++non_zero;
  if (non_zero < kMinNonZero) return FailedPreconditionError(msg::TooSparse(non_zero));
  SeriesTests out;
  ASSIGN_OR_RETURN(detection::Detector detector, ChooseDetector(series, choice, first, &out.method));
  ASSIGN_OR_RETURN(detection::DetectionResult r, detection::Detect(detector, series));
  out.periods.reserve(r.size());
  for (int i = 0; i < r.size(); ++i) {
    PeriodTest p;
    p.t = r.time[i];
    p.observed = r.observed[i];
    p.expected = r.expected[i];
    p.threshold = r.upperbound[i];
    p.alarm = r.alarm[i] == 1;
    p.p_value = std::isnan(p.observed) || std::isnan(p.threshold) ? std::nan("") : PValue(detector.method, r, i);
    out.periods.push_back(p);
  }
  return out;
}

std::vector<Result<SeriesTests>> TestAllSeries(const std::vector<detection::Series>& series,
                                               const std::vector<MethodChoice>& choices, int window, int threads) {
  std::vector<Result<SeriesTests>> results(series.size(), FailedPreconditionError(""));
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < series.size(); i = next++) {
      const MethodChoice choice = i < choices.size() ? choices[i] : MethodChoice::kAuto;
      results[i] = TestLatestPeriods(series[i], choice, window);
    }
  };
  unsigned count = threads > 0 ? static_cast<unsigned>(threads) : std::max(1u, std::thread::hardware_concurrency());
  count = static_cast<unsigned>(std::min<size_t>(count, std::max<size_t>(series.size(), 1)));
  if (count <= 1) {
    worker();
  } else {
    std::vector<std::thread> pool;
    for (unsigned i = 0; i < count; ++i) pool.emplace_back(worker);
    for (std::thread& thread : pool) thread.join();
  }
  return results;
}

}  // namespace sz::signals
