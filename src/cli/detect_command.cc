// samenzicht detect --method farringtonFlexible|farrington|earsC1|earsC2|earsC3|cusum --input SERIES.csv
//                   --frequency 52|12 [--range FIRST:LAST] [R control options] --out OUT.csv
//
// Aberration detection on one count series, as R's surveillance package computes it (issue 6;
// docs/detection.md). The input has one row per time point with a column `observed` (optionally
// `population`, `year`, `week`, and `date` for date-based reference weeks); control options carry the names of R's control lists and default
// to R's defaults. The output has one row per evaluated time point: t, observed, expected,
// upperbound, alarm (0/1) and score/pvalue where the method defines them, NA where R gives NA.
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cli/command_registry.h"
#include "detection/detector.h"
#include "detection/series_table.h"
#include "io/csv_writer.h"
#include "io/text_table.h"

namespace sz::cli {
namespace {

// The control options, in R's names; unset ones keep R's defaults.
inline constexpr const char* kControlOptions[] = {
    "range", "b", "w", "alpha", "reweight", "trend", "noPeriods", "pastWeeksNotIncluded", "weightsThreshold",
    "pThresholdTrend", "thresholdMethod", "populationOffset", "limit54", "powertrans", "baseline", "minSigma",
    "k", "h", "m", "trans"};

struct DetectCommandOptions {
  std::string method;
  std::string input;
  int frequency = 52;
  std::string out;
  std::vector<std::pair<std::string, std::string>> control;  // only the options given
};

// Runs the whole command without a subprocess: read, detect, write.
Status RunDetectCommand(const DetectCommandOptions& options) {
  if (options.frequency != 52 && options.frequency != 12) {
    return InvalidArgumentError("--frequency must be 52 (weekly) or 12 (monthly)");
  }
  ASSIGN_OR_RETURN(detection::Detector detector, detection::MakeDetector(options.method, options.control));
  ASSIGN_OR_RETURN(io::TextTable table, io::ReadTextTable(options.input));
  Result<detection::Series> series =
      detection::SeriesFromTable(table.header, table.rows, options.frequency, table.line_numbers);
  if (!series.ok()) return series.status().WithContext(options.input);
  ASSIGN_OR_RETURN(detection::DetectionResult result, detection::Detect(detector, *series));
  ASSIGN_OR_RETURN(std::unique_ptr<io::CsvWriter> writer, io::CsvWriter::Create(options.out, io::WriteDialect::Plain()));
  RETURN_IF_ERROR(writer->WriteRow(detection::ResultHeader(result)));
  for (const std::vector<std::string>& row : detection::ResultRows(result)) RETURN_IF_ERROR(writer->WriteRow(row));
  RETURN_IF_ERROR(writer->Close());
  int alarms = 0;
  for (int8_t alarm : result.alarm) alarms += alarm == 1;
  if (!series->dates.empty()) std::cerr << "reference weeks by date (column date; R's epochAsDate = TRUE)\n";
  std::cerr << options.method << ": " << result.size() << " time points evaluated (" << result.time.front() << ":"
            << result.time.back() << " of " << series->size() << "), " << alarms << " alarms → " << options.out
            << "\n";
  return Status::Ok();
}

void AddDetectCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("detect", "Signaleer afwijkingen in een telreeks, als R's surveillance-pakket (farringtonFlexible, earsC, cusum)");
  auto options = std::make_shared<DetectCommandOptions>();
  auto given = std::make_shared<std::vector<std::pair<std::string, std::optional<std::string>>>>();
  cmd->add_option("--method", options->method, "farringtonFlexible, farrington, earsC1, earsC2, earsC3 or cusum")
      ->required();
  cmd->add_option("--input", options->input, "Series CSV: one row per time point, column observed "
                                             "(optional population, year, week)")
      ->required();
  cmd->add_option("--frequency", options->frequency, "52 (weekly) or 12 (monthly)")->required();
  cmd->add_option("--out", options->out, "Output CSV")->required();
  given->reserve(std::size(kControlOptions));
  for (const char* name : kControlOptions) given->emplace_back(name, std::nullopt);
  for (auto& [name, value] : *given) {
    cmd->add_option("--" + name, value,
                    name == "range" ? "Time points FIRST:LAST, 1-based like R's control$range"
                                    : "R control option " + name + " (default as in R)");
  }
  cmd->callback([options, given] {
    options->control.clear();
    for (const auto& [name, value] : *given) {
      if (value) options->control.emplace_back(name, *value);
    }
    ExitWith(RunDetectCommand(*options));
  });
}
SZ_REGISTER_COMMAND(AddDetectCommand);

}  // namespace
}  // namespace sz::cli
