// Detection evaluation on the synthetic Twente (issue 6): every method over every weekly series of
// infectieziekten (gemeente × disease), scored against the outbreaks the generator injected.
//
//   ASSIGN_OR_RETURN(DetectEvalReport report, EvaluateDetection(workspace, {.truth_dir = "demo-out/desks"}));
//   for (const MethodScore& m : report.methods) m.counts.ProbabilityOfDetection();
//
// Counts: the infectieziekten rows in the workspace's store, or, with `data_dir`, the file
// DATA/infectieziekten/infectieziekten.csv as `samenzicht generate` writes it, validated as ingest
// validates it (into a store in memory; a rejected row fails the evaluation, naming it). Either way
// the series are pipeline/series.h's: one per gemeente × ziekte, from the first to the last ISO week
// present; a week without a row is a missing count (NaN). Truth: TRUTH/truth/outbreaks.csv
// (ziekte;gemeente;eerste_week;laatste_week), TRUTH = `truth_dir`, else `data_dir`.
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
#include "pipeline/workspace.h"

namespace sz::pipeline {

struct MethodVariant {
  std::string label;                  // e.g. "farringtonFlexible (Noufaily)"
  std::string method;                 // detection::ParseMethod name
  detection::ControlOptions control;  // besides the range
};

// farrington, farringtonFlexible with R's defaults and with the Noufaily et al. (2013) settings,
// earsC1, earsC2, earsC3, cusum.
std::vector<MethodVariant> DefaultMethodVariants();

struct DetectEvalRequest {
  std::string data_dir;   // a `samenzicht generate` folder to read the counts from; "" for the store
  std::string truth_dir;  // the folder with truth/outbreaks.csv; "" for data_dir
  std::vector<MethodVariant> methods = DefaultMethodVariants();
  int threads = 0;
};

struct MethodScore {
  MethodVariant variant;
  detection::EvaluationCounts counts;
  int series_failed = 0;  // series the method could not evaluate (e.g. all-zero history)
  double seconds = 0;
};

struct DetectEvalReport {
  int series = 0;
  int weeks = 0;
  int evaluated_weeks = 0;
  int outbreaks_in_range = 0;
  std::vector<MethodScore> methods;
};

Result<DetectEvalReport> EvaluateDetection(Workspace& workspace, const DetectEvalRequest& request);

// The scores as JSON: per method label, outbreaks, detected, probability_of_detection,
// false_alarms_per_series_year, median/mean_days_to_detection (null when undefined), series_failed, seconds.
Status WriteDetectEvalJson(const DetectEvalReport& report, const std::string& path);

}  // namespace sz::pipeline
