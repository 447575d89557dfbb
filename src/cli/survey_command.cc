// samenzicht survey: design-based estimates per domain, as R's survey package (survey/report.h, docs/survey.md).
//
//   samenzicht survey --data monitor.sav --ids wijk --strata gemeente --weights gewicht --nest
//       --ciprop mantelzorger --ci-method beta --by gemeente --out mantelzorg.csv
//
// Reads CSV (separator and encoding detected) or SPSS .sav (value labels become factor levels) with
// io::ReadTextTable, writes the CSV of survey::SurveyReportCsv. Exit codes: 1 usage, 2 bad data, 3 file errors.
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "cli/command_registry.h"
#include "io/text_table.h"
#include "survey/report.h"

namespace sz::cli {
namespace {

struct SurveyCommandOptions {
  std::string data;
  std::string out;
  survey::ReportOptions report;
  std::string poststratify;               // VAR[+VAR]
  std::string population;                 // its population table
  std::vector<std::string> rake_margins;  // one table per margin
};

// A population table as R's postStratify/rake take it: the variable columns and a count column named
// Freq (R's convention) or aantal (the bevolking source's).
Result<survey::PopulationTable> ReadPopulation(const std::string& path) {
  ASSIGN_OR_RETURN(io::TextTable table, io::ReadTextTable(path));
  int count = table.ColumnIndex("Freq");
  if (count < 0) count = table.ColumnIndex("aantal");
  if (count < 0) {
    return InvalidArgumentError(path + ": a population table needs a count column 'Freq' (or 'aantal') beside the "
                                "variable columns");
  }
  survey::PopulationTable population;
  for (size_t c = 0; c < table.header.size(); ++c) {
    if (static_cast<int>(c) != count) population.variables.push_back(table.header[c]);
  }
  for (size_t r = 0; r < table.rows.size(); ++r) {
    survey::PopulationTable::Cell cell;
    for (size_t c = 0; c < table.header.size(); ++c) {
      if (static_cast<int>(c) != count) cell.levels.push_back(table.rows[r][c]);
    }
    char* end = nullptr;
    const std::string& text = table.rows[r][count];
    cell.count = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size() || cell.count < 0) {
      return DataError(path + ": line " + std::to_string(table.line_numbers[r]) + ": count '" + text +
                       "' is not a non-negative number");
    }
    population.cells.push_back(std::move(cell));
  }
  return population;
}

Status RunSurveyCommand(SurveyCommandOptions options) {
  if (!options.poststratify.empty()) {
    if (options.population.empty()) return InvalidArgumentError("--poststratify needs --population FILE");
    ASSIGN_OR_RETURN(survey::PopulationTable population, ReadPopulation(options.population));
    std::vector<std::string> wanted;
    for (size_t start = 0;;) {
      size_t plus = options.poststratify.find('+', start);
      wanted.push_back(options.poststratify.substr(start, plus - start));
      if (plus == std::string::npos) break;
      start = plus + 1;
    }
    if (wanted != population.variables) {
      return InvalidArgumentError(options.population + ": its columns (besides Freq) must be exactly the --poststratify "
                                  "variables " + options.poststratify);
    }
    options.report.poststratify = std::move(population);
  } else if (!options.population.empty()) {
    return InvalidArgumentError("--population is used with --poststratify (for raking, give --rake FILE per margin)");
  }
  for (const std::string& margin : options.rake_margins) {
    ASSIGN_OR_RETURN(survey::PopulationTable population, ReadPopulation(margin));
    options.report.rake.push_back(std::move(population));
  }
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
  cmd->add_option("--poststratify", options->poststratify,
                  "Post-stratify the weights on VAR[+VAR] to --population (R: postStratify)");
  cmd->add_option("--population", options->population,
                  "Population table for --poststratify: the variable columns and Freq (or aantal)");
  cmd->add_option("--rake", options->rake_margins,
                  "Rake the weights to this margin table (variable columns + Freq); repeat per margin (R: rake)");
  cmd->add_option("--out", options->out, "Output CSV")->required();
  cmd->callback([options] { ExitWith(RunSurveyCommand(*options)); });
}
SZ_REGISTER_COMMAND(AddSurveyCommand);

}  // namespace
}  // namespace sz::cli
