// Testing one count series for a rise in its latest periods: the method chosen per series from its
// frequency, length and sparsity (or named per indicator in the catalogue), run as R's surveillance
// package runs it (detection/detector.h), with a p-value per evaluated period so that every test of a
// signal run can enter one false-discovery control (fdr.h). docs/signals.md gives the rules.
//
// Contract:
// - Evaluated: the last `window` periods of the series (all of them when it is shorter).
// - Automatic choice (MethodChoice::kAuto), with t₀ the first evaluated period:
//     weekly with at least 3 years before t₀ (52·b + w + 1 ≤ t₀, b = 3..5 as history allows, w = 3):
//       farringtonFlexible with the Noufaily et al. (2013) settings (noPeriods 10,
//       pastWeeksNotIncluded 26, pThresholdTrend 1, thresholdMethod nbPlugin);
//     monthly with at least 3 years (12·b + w + 1 ≤ t₀, w = 2): farringtonFlexible with noPeriods 4,
//       pastWeeksNotIncluded 2, pThresholdTrend 1, nbPlugin;
//     otherwise, with at least 10 periods before t₀: EARS C2 (baseline 7, guard band 2) with
//       minSigma 1, so that a near-constant baseline does not make every small rise a signal.
//   A named method (not kAuto) is used whatever the history (an error when it cannot run).
// - Sparsity: a series with fewer than 5 non-zero counts before t₀ is not tested: its p-values
//   would carry no information.
// - p-values per evaluated period: farringtonFlexible's own (R's pvalue: the negative-binomial upper
//   tail); EARS C1/C2 1 − Φ(score), C3 1 − Φ(S_k); CUSUM the Poisson upper tail P(Y ≥ y | expected) of
//   the period itself. NaN when the method gives no bound for the period (R's NA); such a period is
//   not a test.
// - alarm: the method's own alarm (NA counts as no alarm); threshold: its upperbound.
// Errors: a series that is not tested (too sparse, or a history too short for any method) gets
// kFailedPrecondition with a Dutch reason; a method's own error (kInvalidArgument) passes through.
// Thread safety: pure functions.
//
//   ASSIGN_OR_RETURN(SeriesTests tests, TestLatestPeriods(series, MethodChoice::kAuto, 4));
//   for (const PeriodTest& p : tests.periods) if (p.alarm) ...
//
// Checked by tests/signals/series_tests_test.cc.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "detection/detector.h"
#include "detection/series.h"

namespace sz::signals {

enum class MethodChoice { kAuto, kFarringtonFlexible, kEarsC1, kEarsC2, kEarsC3, kCusum };

struct PeriodTest {
  int t = 0;  // 1-based time point in the series
  double observed = 0;
  double expected = 0;
  double threshold = 0;  // the method's upperbound
  double p_value = 0;    // NaN: not a test
  bool alarm = false;
};

struct SeriesTests {
  std::string method;  // the label shown to users, e.g. "farringtonFlexible (Noufaily)", "earsC2"
  std::vector<PeriodTest> periods;
};

// The detector and label for `series` whose periods from `first` (1-based) on are evaluated.
Result<detection::Detector> ChooseDetector(const detection::Series& series, MethodChoice choice, int first,
                                           std::string* label);

Result<SeriesTests> TestLatestPeriods(const detection::Series& series, MethodChoice choice, int window);

// TestLatestPeriods over many series on `threads` threads (0: hardware concurrency); results in input
// order, deterministic whatever the thread count.
std::vector<Result<SeriesTests>> TestAllSeries(const std::vector<detection::Series>& series,
                                               const std::vector<MethodChoice>& choices, int window, int threads = 0);

}  // namespace sz::signals
