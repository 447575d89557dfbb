// SurveyReport: what `samenzicht survey` computes and writes — one CSV row per domain and term — from a survey
// frame (or a table of text cells), given the command's options. Kept in the survey module (no file I/O) so it can
// be tested directly; pipeline/survey.h reads the file or the store and writes the text.
//
//   ReportOptions options;
//   options.ids = "wijk";  options.strata = "gemeente";  options.weights = "gewicht";  options.nest = true;
//   options.ciprop = "mantelzorger";  options.ci_method = "beta";  options.by = "gemeente";
//   ASSIGN_OR_RETURN(SurveyReport report, MakeSurveyReport(options, table.header, table.rows, table.value_labels));
//   // R: svyby(~mantelzorger, ~gemeente, svydesign(ids = ~wijk, strata = ~gemeente, weights = ~gewicht,
//   //      nest = TRUE, data = d), svyciprop, method = "beta", na.rm = TRUE)
//
// Output: `csv` starts with its header line — the by-columns, term, estimate, se, ci_low, ci_high, n (and deff
// when asked) — so that R's read.csv, pandas and Excel read it as it is; numbers with 15 significant digits, NA
// where R gives NA (NaN). Domains in svyby's order (domains.h). `description` states the design, the weighting,
// the confidence level and the missing-value handling (for the file's provenance, pipeline/output_file.h).
// Errors: kInvalidArgument for bad options (none or two statistics, malformed VAR:P or NUM/DEN, unknown column);
// kDataError for bad data (missing design values, lonely PSU under "fail" naming the stratum).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "survey/calibration.h"
#include "survey/frame.h"

namespace sz::survey {

struct ReportOptions {
  std::string ids;  // "COL[+COL]", "1" or "" (= 1)
  std::string strata;
  std::string weights;
  std::string fpc;  // "COL[+COL]"
  bool nest = false;
  std::string lonely_psu = "fail";
  // Exactly one statistic:
  std::string mean;    // "VAR[+VAR]"
  std::string total;   // "VAR[+VAR]"
  std::string ratio;   // "NUM/DEN"
  std::string ciprop;  // "VAR"
  std::string ci_method = "logit";
  std::string quantile;  // "VAR:P"
  std::string by;        // "COL[+COL]"
  double level = 0.95;
  bool deff = false;
  // Weighting to population figures before estimation (calibration.h): R's postStratify(design,
  // ~vars, population) and rake(design, margins, populations).
  std::optional<PopulationTable> poststratify;
  std::vector<PopulationTable> rake;
};

struct SurveyReport {
  std::string csv;
  std::string description;
};

Result<SurveyReport> MakeSurveyReport(const ReportOptions& options, const SurveyFrame& frame);
Result<SurveyReport> MakeSurveyReport(const ReportOptions& options, const std::vector<std::string>& header,
                                      const std::vector<std::vector<std::string>>& rows,
                                      const std::map<std::string, std::map<std::string, std::string>>& value_labels);

}  // namespace sz::survey
