// samenzicht survey: design-based estimates per domain, as R's survey package (survey/report.h, docs/survey.md).
//
//   samenzicht survey --data monitor.sav --ids wijk --strata gemeente --weights gewicht --nest
//       --ciprop mantelzorger --ci-method beta --by gemeente --out mantelzorg.csv
//
// Reads CSV (separator and encoding detected) or SPSS .sav (value labels become factor levels) with
// io::ReadTextTable, writes the CSV of survey::SurveyReportCsv. Exit codes: 1 usage, 2 bad data, 3 file errors.
#include <fstream>
#include <memory>
#include <string>

#include "cli/command_registry.h"
#include "io/text_table.h"
#include "survey/report.h"

namespace sz::cli {
namespace {

struct SurveyCommandOptions {
  std::string data;
  std::string out;
  survey::ReportOptions report;
};

Status RunSurveyCommand(const SurveyCommandOptions& options) {
  ASSIGN_OR_RETURN(io::TextTable table, io::ReadTextTable(options.data));
  auto csv = survey::SurveyReportCsv(options.report, table.header, table.rows, table.value_labels);
  if (!csv.ok()) return csv.status().WithContext(options.data);
  std::ofstream out(options.out, std::ios::binary | std::ios::trunc);
  if (!out) return IoError("cannot write " + options.out);
  out << *csv;
  out.close();
  if (!out) return IoError("writing " + options.out + " failed");
  return Status::Ok();
}

void AddSurveyCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "survey", "Schattingen uit steekproefonderzoek met standaardfouten en intervallen, als R's survey-pakket");
  auto options = std::make_shared<SurveyCommandOptions>();
  auto& r = options->report;
  cmd->add_option("--data", options->data, "Input CSV or SPSS .sav file")->required();
  cmd->add_option("--ids", r.ids, "Cluster (PSU) column(s) per stage, COL or COL+COL; 1 = no clusters (default)");
  cmd->add_option("--strata", r.strata, "Stratum column");
  cmd->add_option("--weights", r.weights, "Sampling weight column (default: from --fpc, else 1)");
  cmd->add_option("--fpc", r.fpc, "Finite population correction column(s) per stage: N (>1) or fraction (<=1)");
  cmd->add_flag("--nest", r.nest, "Cluster ids are numbered within strata (R: nest = TRUE)");
  cmd->add_option("--lonely-psu", r.lonely_psu,
                  "Single-PSU strata: fail (default), remove, certainty, adjust, average");
  cmd->add_option("--mean", r.mean, "Mean(s)/proportions of VAR[+VAR] (R: svymean)");
  cmd->add_option("--total", r.total, "Total(s) of VAR[+VAR] (R: svytotal)");
  cmd->add_option("--ratio", r.ratio, "Ratio of totals NUM/DEN (R: svyratio)");
  cmd->add_option("--ciprop", r.ciprop, "Proportion of a 0/1 VAR with an interval (R: svyciprop)");
  cmd->add_option("--ci-method", r.ci_method,
                  "Interval for --ciprop: logit (default), beta, likelihood, xlogit, mean, asin");
  cmd->add_option("--quantile", r.quantile, "Quantile VAR:P, e.g. bmi:0.5 (R: svyquantile)");
  cmd->add_option("--by", r.by, "Domain column(s) COL[+COL] (R: svyby)");
  cmd->add_option("--level", r.level, "Confidence level (default 0.95)");
  cmd->add_flag("--deff", r.deff, "Add the design effect column (R: deff = TRUE)");
  cmd->add_option("--out", options->out, "Output CSV")->required();
  cmd->callback([options] { ExitWith(RunSurveyCommand(*options)); });
}
SZ_REGISTER_COMMAND(AddSurveyCommand);

}  // namespace
}  // namespace sz::cli
