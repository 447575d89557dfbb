// Detect: the stage behind `samenzicht detect` — aberration detection on one count series as R's
// surveillance package computes it (detection/detector.h, docs/detection.md). The series is read
// from a file (CSV or .sav; detection/series_table.h says which columns it may have), the result
// written as CSV starting with its header line (t, observed, expected, upperbound, alarm, and score
// or pvalue where the method has them; NA where R gives NA), with its provenance in OUT.json.
//
//   ASSIGN_OR_RETURN(DetectReport report, DetectFile({.method = "earsC1", .input = "reeks.csv",
//                                                     .frequency = 52, .out = "signalen.csv"}));
//
// Errors: kInvalidArgument for a bad method, option or frequency; kDataError for a bad series
// (naming the file and line); kIoError when the output cannot be written.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/status.h"

namespace sz::pipeline {

struct DetectRequest {
  std::string method;
  std::string input;
  int frequency = 52;  // 52 (weekly) or 12 (monthly)
  std::string out;
  std::vector<std::pair<std::string, std::string>> control;  // R's control options that were given
};

struct DetectReport {
  int evaluated = 0;        // time points evaluated
  int first = 0, last = 0;  // their range (1-based t)
  int series_length = 0;
  int alarms = 0;
  bool date_based = false;  // reference weeks by date (a date column; R's epochAsDate = TRUE)
};

Result<DetectReport> DetectFile(const DetectRequest& request);

}  // namespace sz::pipeline
