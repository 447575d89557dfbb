// Detection evaluation on the synthetic Twente (issue 6): every method over every weekly series of
// infectieziekten (gemeente × disease), scored against the outbreaks the generator injected.
//
//   ASSIGN_OR_RETURN(DetectEvalReport report, EvaluateDetection(DetectEvalRequest{.data_dir = "demo-out/desks"}));
//   for (const MethodScore& m : report.methods) m.counts.ProbabilityOfDetection();
//
// Input: DATA/infectieziekten/infectieziekten.csv (week;gemeente;ziekte;aantal, the contract's
// columns) and DATA/truth/outbreaks.csv (ziekte;gemeente;eerste_week;laatste_week;extra_gevallen),
// as `samenzicht generate` writes them. A series runs from the first to the last ISO week in the file;
// a week missing from the file is a missing count (NaN).
// Every method is evaluated on the same time points: the weeks from (52·b + w + 1) = 264 on, the
// first week farrington and farringtonFlexible can evaluate with their default b = 5, w = 3, so the
// scores are comparable. Metrics (detection/evaluation.h): probability of detection (share of
// outbreaks with an alarm inside them), false alarms per series-year outside outbreaks, and days from
// outbreak start to the first alarm.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "detection/detector.h"
#include "detection/evaluation.h"

namespace sz::pipeline {

struct MethodVariant {
  std::string label;                       // e.g. "farringtonFlexible (Noufaily)"
  std::string method;                      // detection::ParseMethod name
  detection::ControlOptions control;       // besides the range
};

// farrington, farringtonFlexible with R's defaults and with the Noufaily et al. (2013) settings,
// earsC1, earsC2, earsC3, cusum.
std::vector<MethodVariant> DefaultMethodVariants();

struct DetectEvalRequest {
  std::string data_dir;
  std::vector<MethodVariant> methods = DefaultMethodVariants();
  int threads = 0;
};

struct MethodScore {
  MethodVariant variant;
  detection::EvaluationCounts counts;
  int series_failed = 0;   // series the method could not evaluate (e.g. all-zero history)
  double seconds = 0;
};

struct DetectEvalReport {
  int series = 0;
  int weeks = 0;
  int evaluated_weeks = 0;
  int outbreaks_in_range = 0;
  std::vector<MethodScore> methods;
};

Result<DetectEvalReport> EvaluateDetection(const DetectEvalRequest& request);

}  // namespace sz::pipeline
