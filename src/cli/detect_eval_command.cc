// samenzicht detect-eval : compares the detection methods on the synthetic Twente's injected
// outbreaks (pipeline/detect_eval.h): probability of detection, false alarms per series-year, days
// to detection. Counts from the store (--db) or from a generated folder (--data).
#include <cstdio>
#include <memory>

#include "cli/command.h"
#include "cli/messages.h"
#include "pipeline/detect_eval.h"

namespace sz::cli {
namespace {

struct DetectEvalOptions {
  pipeline::WorkspaceOptions workspace;
  pipeline::DetectEvalRequest request;
  std::string json;
};

Status RunDetectEval(const DetectEvalOptions& options) {
  ASSIGN_OR_RETURN(pipeline::Workspace workspace, pipeline::Workspace::Open(options.workspace));
  ASSIGN_OR_RETURN(pipeline::DetectEvalReport report, pipeline::EvaluateDetection(workspace, options.request));
  std::printf("%d reeksen (gemeente × ziekte), %d weken, geëvalueerd: de laatste %d weken; %d uitbraken daarin\n\n",
              report.series, report.weeks, report.evaluated_weeks, report.outbreaks_in_range);
  std::printf("%-32s %9s %9s %9s %14s %12s %12s %8s\n", "methode", "uitbraken", "gevonden", "POD", "vals alarm/jr",
              "mediaan dgn", "gemid. dgn", "sec");
  for (const auto& m : report.methods) {
    const auto& c = m.counts;
    std::printf("%-32s %9d %9d %9s %14s %12s %12s %8s%s\n", m.variant.label.c_str(), c.outbreaks, c.detected,
                msg::Decimal(c.ProbabilityOfDetection(), 3).c_str(),
                msg::Decimal(c.FalseAlarmsPerSeriesYear(), 3).c_str(), msg::Decimal(c.MedianDelayDays(), 1).c_str(),
                msg::Decimal(c.MeanDelayDays(), 1).c_str(), msg::Decimal(m.seconds, 2).c_str(),
                m.series_failed ? (" (" + std::to_string(m.series_failed) + " reeksen mislukt)").c_str() : "");
  }
  if (!options.json.empty()) RETURN_IF_ERROR(pipeline::WriteDetectEvalJson(report, options.json));
  return Status::Ok();
}

void AddDetectEvalCommand(Commands& commands) {
  auto options = std::make_shared<DetectEvalOptions>();
  Command cmd = commands.Add("detect-eval",
                             "Vergelijk de detectiemethoden op de ingebrachte uitbraken van het synthetische Twente");
  cmd.AddWorkspaceOptions(options->workspace, WorkspaceUse::kStoreAndRegions);
  cmd.Add("--data", options->request.data_dir,
          "Map van `samenzicht generate`: lees de aantallen uit infectieziekten/ (anders uit de opslag, --db)");
  cmd.Add("--truth", options->request.truth_dir,
          "Map van `samenzicht generate` met truth/outbreaks.csv (standaard de --data-map)");
  cmd.Add("--threads", options->request.threads, "Aantal threads (0: alle kernen)");
  cmd.Add("--json", options->json, "Schrijf de cijfers ook als JSON");
  cmd.Run([options] { return RunDetectEval(*options); });
}
SZ_REGISTER_COMMAND(AddDetectEvalCommand);

}  // namespace
}  // namespace sz::cli
