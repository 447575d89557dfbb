// Scoring alarms against known outbreaks: probability of detection, false alarms per
// series-year and time to detection — the metrics `samenzicht detect-eval` prints per method.
//
// Contract:
// - Outbreaks are inclusive intervals of 1-based time points of one series (as DetectionResult
//   time). Only outbreaks that overlap the evaluated time points count.
// - An outbreak is detected if some evaluated time point inside it has alarm 1; its delay is
//   (first alarming time point − outbreak start) in time units, and in days ×7 (weekly) or
//   ×365.25/12 (monthly).
// - A false alarm is alarm 1 at an evaluated time point outside every outbreak. Series-years are
//   the evaluated time points outside outbreaks divided by the frequency.
// - NA alarms (kAlarmNA) count as no alarm.
// - Summaries add up over series with Merge; the rates are computed from the totals.
// Thread safety: pure functions, values.
//
//   EvaluationCounts counts;
//   for (size_t i = 0; i < results.size(); ++i) counts.Merge(EvaluateSeries(results[i], truth[i], 52));
//   double pod = counts.ProbabilityOfDetection();
//
// Checked by tests/detection/evaluation_test.cc.
#pragma once

#include <vector>

#include "detection/series.h"

namespace sz::detection {

struct OutbreakInterval {
  int first = 0;
  int last = 0;
};

struct EvaluationCounts {
  int outbreaks = 0;
  int detected = 0;
  int false_alarms = 0;
  double series_years = 0.0;
  std::vector<double> delay_days;  // one per detected outbreak

  void Merge(const EvaluationCounts& other);
  double ProbabilityOfDetection() const;    // NaN without outbreaks
  double FalseAlarmsPerSeriesYear() const;  // NaN without outbreak-free time
  double MeanDelayDays() const;             // NaN without detections
  double MedianDelayDays() const;
};

EvaluationCounts EvaluateSeries(const DetectionResult& result, const std::vector<OutbreakInterval>& outbreaks,
                                int frequency);

}  // namespace sz::detection
