// samenzicht run [--full] : link what is new, compute the catalogue indicators whose inputs changed,
// look for signals, then publish through disclosure control (pipeline/run.h).
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "pipeline/run.h"

namespace sz::cli {
namespace {

struct RunOptions {
  pipeline::WorkspaceOptions workspace;
  bool full = false;
  bool verbose = false;
};

Status RunRun(const RunOptions& options) {
  ASSIGN_OR_RETURN(pipeline::Workspace workspace, pipeline::Workspace::Open(options.workspace));
  pipeline::RunRequest request;
  request.full = options.full;
  request.progress = [](const std::string& line) { std::cerr << line << "\n"; };
  ASSIGN_OR_RETURN(pipeline::RunReport report, pipeline::RunAll(workspace, request));
  for (const pipeline::StageTime& stage : report.stages) {
    std::printf("%-10s %7.1f s  %s\n", stage.stage.c_str(), stage.seconds, stage.summary.c_str());
  }
  if (options.verbose) {
    for (const pipeline::ComputedIndicator& indicator : report.compute.computed) {
      std::printf("  %-56s %-22s %8lld cellen %7.2f s\n", indicator.id.c_str(), indicator.kind.c_str(),
                  static_cast<long long>(indicator.cells), indicator.seconds);
    }
  }
  for (const auto& [id, reason] : report.compute.not_computed)
    std::printf("  niet berekend: %s: %s\n", id.c_str(), reason.c_str());
  std::fflush(stdout);
  return Status::Ok();
}

void AddRunCommand(Commands& commands) {
  auto options = std::make_shared<RunOptions>();
  Command cmd =
      commands.Add("run",
                   "Koppel wat nieuw is, bereken alle indicatoren van de catalogus, zoek signalen en publiceer na "
                   "openbaarmakingscontrole");
  cmd.AddWorkspaceOptions(options->workspace, WorkspaceUse::kStoreAndRegions);
  cmd.Flag(
      "--full", options->full,
      "Koppel alles opnieuw (als link --full), bereken elke indicator opnieuw, ook als zijn invoer niet veranderde, "
      "zoek opnieuw signalen en publiceer opnieuw");
  cmd.Flag("--verbose", options->verbose, "Toon per indicator het aantal cellen en de rekentijd");
  cmd.Run([options] { return RunRun(*options); });
}
SZ_REGISTER_COMMAND(AddRunCommand);

}  // namespace
}  // namespace sz::cli
