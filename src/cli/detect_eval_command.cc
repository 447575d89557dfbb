// samenzicht detect-eval --data DIR : compares the detection methods on the synthetic Twente's
// injected outbreaks (probability of detection, false alarms per series-year, days to detection).
#include <cmath>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/command_registry.h"
#include "pipeline/detect_eval.h"

namespace sz::cli {
namespace {

struct DetectEvalOptions {
  pipeline::DetectEvalRequest request;
  std::string json;
};

Status RunDetectEval(const DetectEvalOptions& options) {
  ASSIGN_OR_RETURN(pipeline::DetectEvalReport report, pipeline::EvaluateDetection(options.request));
  std::printf("%d reeksen (gemeente × ziekte), %d weken, geëvalueerd: de laatste %d weken; %d uitbraken daarin\n\n",
              report.series, report.weeks, report.evaluated_weeks, report.outbreaks_in_range);
  std::printf("%-32s %9s %9s %9s %14s %12s %12s %8s\n", "methode", "uitbraken", "gevonden", "POD", "vals alarm/jr",
              "mediaan dgn", "gemid. dgn", "sec");
  nlohmann::json json = nlohmann::json::array();
  for (const auto& m : report.methods) {
    const auto& c = m.counts;
    auto num = [](double v) { return std::isnan(v) ? nlohmann::json(nullptr) : nlohmann::json(v); };
    std::printf("%-32s %9d %9d %9.3f %14.3f %12.1f %12.1f %8.2f%s\n", m.variant.label.c_str(), c.outbreaks, c.detected,
                c.ProbabilityOfDetection(), c.FalseAlarmsPerSeriesYear(), c.MedianDelayDays(), c.MeanDelayDays(),
                m.seconds, m.series_failed ? (" (" + std::to_string(m.series_failed) + " reeksen mislukt)").c_str() : "");
    json.push_back({{"method", m.variant.label},
                    {"outbreaks", c.outbreaks},
                    {"detected", c.detected},
                    {"probability_of_detection", num(c.ProbabilityOfDetection())},
                    {"false_alarms_per_series_year", num(c.FalseAlarmsPerSeriesYear())},
                    {"median_days_to_detection", num(c.MedianDelayDays())},
                    {"mean_days_to_detection", num(c.MeanDelayDays())},
                    {"series_failed", m.series_failed},
                    {"seconds", m.seconds}});
  }
  if (!options.json.empty()) {
    std::ofstream out(options.json);
    out << json.dump(2) << "\n";
    if (!out) return IoError(options.json + ": cannot write");
  }
  return Status::Ok();
}

void AddDetectEvalCommand(CLI::App& app) {
  auto options = std::make_shared<DetectEvalOptions>();
  auto* cmd = app.add_subcommand("detect-eval",
                                 "Vergelijk de detectiemethoden op de ingebrachte uitbraken van het synthetische Twente");
  cmd->add_option("--data", options->request.data_dir, "Map van `samenzicht generate` (met infectieziekten/ en truth/)")
      ->required();
  cmd->add_option("--threads", options->request.threads, "Aantal threads (0: alle kernen)");
  cmd->add_option("--json", options->json, "Schrijf de cijfers ook als JSON");
  cmd->callback([options] { ExitWith(RunDetectEval(*options)); });
}
SZ_REGISTER_COMMAND(AddDetectEvalCommand);

}  // namespace
}  // namespace sz::cli
