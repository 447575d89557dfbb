// The input and output of every detection method: a count series and the per-time-point result.
//
// Contract:
// - A Series holds counts in time order (one entry per week or month), NaN for a missing count
//   (R's NA). `population` is empty (all 1) or has one entry per time point. `dates` is empty
//   (index-based reference weeks) or has one increasing date per time point (date-based).
// - Time points are 1-based indices, as R's control$range. A Range is inclusive.
// - A DetectionResult has one row per evaluated time point, in range order. NaN stands for R's
//   NA in expected/upperbound/score/pvalue; alarm is 1, 0 or kAlarmNA.
// Thread safety: plain values.
//
// Used by ears.h, farrington.h, farrington_flexible.h, cusum.h, detector.h and batch.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace sz::detection {

struct Series {
  std::vector<double> observed;    // counts; NaN = missing
  std::vector<double> population;  // empty = 1 everywhere (R's default population)
  int frequency = 52;              // 52 (weekly) or 12 (monthly)
  int start_week = 1;              // week (or month) number of the first time point: disProg start[2]
  // Empty: reference time points by index (R's epochAsDate = FALSE). Otherwise one increasing date
  // per time point (R's epoch with epochAsDate = TRUE): farringtonFlexible and farrington then look
  // for the same calendar week (or month) b years back.
  std::vector<Date> dates;

  int size() const { return static_cast<int>(observed.size()); }
  double PopulationAt(int t) const { return population.empty() ? 1.0 : population[t - 1]; }
};

// Time points first..last (1-based, inclusive), as R's control$range = first:last.
struct Range {
  int first = 0;
  int last = 0;
  int size() const { return last - first + 1; }
};

inline constexpr int8_t kAlarmNA = -1;

struct DetectionResult {
  std::string method;               // e.g. "farringtonFlexible"
  std::vector<int> time;            // evaluated time points, 1-based
  std::vector<double> observed;
  std::vector<double> expected;
  std::vector<double> upperbound;
  std::vector<int8_t> alarm;        // 1, 0 or kAlarmNA
  std::vector<double> score;        // only if has_score
  std::vector<double> pvalue;       // only if has_pvalue
  bool has_score = false;
  bool has_pvalue = false;
  // Farrington diagnostics (empty for other methods): the dispersion φ used in the threshold and
  // the fitted trend coefficient (NaN when no trend was kept).
  std::vector<double> phi;
  std::vector<double> trend_coefficient;

  int size() const { return static_cast<int>(time.size()); }
  void Reserve(int rows);
};

}  // namespace sz::detection
