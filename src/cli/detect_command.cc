// samenzicht detect --method farringtonFlexible|farrington|earsC1|earsC2|earsC3|cusum --input SERIES.csv
//                   --frequency 52|12 [--range FIRST:LAST] [R control options] --out OUT.csv
//
// Aberration detection on one count series, as R's surveillance package computes it
// (pipeline/detect.h, docs/detection.md). Control options carry the names of R's control lists and
// default to R's defaults.
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cli/command.h"
#include "pipeline/detect.h"

namespace sz::cli {
namespace {

// The control options, in R's names; unset ones keep R's defaults.
inline constexpr const char* kControlOptions[] = {"range",
                                                  "b",
                                                  "w",
                                                  "alpha",
                                                  "reweight",
                                                  "trend",
                                                  "noPeriods",
                                                  "pastWeeksNotIncluded",
                                                  "weightsThreshold",
                                                  "pThresholdTrend",
                                                  "thresholdMethod",
                                                  "populationOffset",
                                                  "limit54",
                                                  "powertrans",
                                                  "baseline",
                                                  "minSigma",
                                                  "k",
                                                  "h",
                                                  "m",
                                                  "trans"};

struct DetectCommandOptions {
  pipeline::WorkspaceOptions workspace;  // only --config-dir, which detect does not need
  pipeline::DetectRequest request;
  std::vector<std::pair<std::string, std::optional<std::string>>> given;
};

Status RunDetectCommand(DetectCommandOptions& options) {
  options.request.control.clear();
  for (const auto& [name, value] : options.given) {
    if (value) options.request.control.emplace_back(name, *value);
  }
  ASSIGN_OR_RETURN(pipeline::DetectReport report, pipeline::DetectFile(options.request));
  if (report.date_based) std::cerr << "referentieweken op datum (kolom date; R's epochAsDate = TRUE)\n";
  std::cerr << options.request.method << ": " << report.evaluated << " tijdstippen geëvalueerd (" << report.first << ":"
            << report.last << " van " << report.series_length << "), " << report.alarms << " alarmen → "
            << options.request.out << "\n";
  return Status::Ok();
}

void AddDetectCommand(Commands& commands) {
  auto options = std::make_shared<DetectCommandOptions>();
  Command cmd = commands.Add(
      "detect",
      "Signaleer afwijkingen in een telreeks, als R's surveillance-pakket (farringtonFlexible, earsC, cusum)");
  cmd.AddWorkspaceOptions(options->workspace, WorkspaceUse::kConfigOnly);
  auto& request = options->request;
  cmd.Add("--method", request.method, "farringtonFlexible, farrington, earsC1, earsC2, earsC3 of cusum").Required();
  cmd.Add("--input", request.input,
          "Reeks-CSV: één rij per tijdstip, kolom observed (optioneel population, year, week, date; NA = ontbreekt)")
      .Required();
  cmd.Add("--frequency", request.frequency, "52 (per week) of 12 (per maand)").Required();
  cmd.Add("--out", request.out, "Uitvoer-CSV (met herkomst in BESTAND.json)").Required();
  options->given.reserve(std::size(kControlOptions));
  for (const char* name : kControlOptions) options->given.emplace_back(name, std::nullopt);
  for (auto& [name, value] : options->given) {
    cmd.Add("--" + name, value,
            name == "range" ? "Tijdstippen EERSTE:LAATSTE, vanaf 1 zoals R's control$range"
                            : "R-controleoptie " + name + " (standaard als in R)");
  }
  cmd.Run([options] { return RunDetectCommand(*options); });
}
SZ_REGISTER_COMMAND(AddDetectCommand);

}  // namespace
}  // namespace sz::cli
