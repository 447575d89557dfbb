// Survey: the stage behind `samenzicht survey` — design-based estimates per domain, as R's survey
// package (survey/report.h, docs/survey.md), on a file or on a wave of the health monitor in the store.
//
//   SurveyRequest request;
//   request.wave = 2024;                       // from the store's gezondheidsmonitor; or request.data = "monitor.sav"
//   request.report.ids = "psu"; request.report.strata = "stratum"; request.report.weights = "gewicht";
//   request.report.ciprop = "mantelzorger"; request.report.by = "gemeente";
//   request.out = "mantelzorg.csv";
//   ASSIGN_OR_RETURN(SurveyResult result, RunSurvey(workspace, request));
//
// The output CSV starts with its header line (survey/report.h); the design, weighting and
// missing-value handling go to the sidecar OUT.json (pipeline/output_file.h). Population tables for
// post-stratification and raking: the variable columns and a count column Freq (R's convention) or
// aantal (the bevolking source's).
// Errors: kInvalidArgument for bad options (neither or both of a file and a wave, a population table
// without --poststratify, …); kNotFound when the store has no such wave; the file readers' and the
// estimators' errors otherwise.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "pipeline/workspace.h"
#include "store/store.h"
#include "survey/frame.h"
#include "survey/report.h"

namespace sz::pipeline {

struct SurveyRequest {
  std::string data;         // a CSV or .sav file, or:
  std::optional<int> wave;  // the year of a stored gezondheidsmonitor wave
  survey::ReportOptions report;
  std::string poststratify;               // VAR[+VAR]
  std::string population;                 // its population table
  std::vector<std::string> rake_margins;  // one table per margin
  std::string out;
};

struct SurveyResult {
  std::string input;  // the file, or "opslag: gezondheidsmonitor JJJJ"
  size_t respondents = 0;
  size_t rows_written = 0;
};

Result<SurveyResult> RunSurvey(Workspace& workspace, const SurveyRequest& request);

// A stored gezondheidsmonitor wave as a survey frame: every contract column, numbers numeric (missing
// as NaN), text columns categorical with their levels in byte order (as R's factor()).
// kNotFound when the store holds no respondents of that year.
Result<survey::SurveyFrame> SurveyFrameFromStore(store::Store& store, int wave);

}  // namespace sz::pipeline
