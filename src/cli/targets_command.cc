// samenzicht doelen [--gemeente GM] [--audience A] [--out F.csv] : the 2030 targets per gemeente and Twente, with the
// trend, the projected 2030 value and whether it is on course (pipeline/targets.h).
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "pipeline/targets.h"

namespace sz::cli {
namespace {

struct TargetsOptions {
  pipeline::WorkspaceOptions workspace;
  pipeline::TargetsRequest request;
};

Status RunTargets(const TargetsOptions& options) {
  ASSIGN_OR_RETURN(pipeline::Workspace workspace, pipeline::Workspace::Open(options.workspace));
  ASSIGN_OR_RETURN(std::vector<pipeline::TargetRow> rows, pipeline::ComputeTargets(workspace, options.request));
  std::printf("%-44s %-18s %8s %8s %10s %22s  %s\n", "indicator", "regio", "laatst", "doel", "2030", "interval",
              "status");
  for (const pipeline::TargetRow& row : rows) {
    const auto& t = row.trend;
    char interval[48] = "", projected[24] = "";
    if (t.lower) std::snprintf(interval, sizeof interval, "%.1f – %.1f", *t.lower, *t.upper);
    if (t.projected) std::snprintf(projected, sizeof projected, "%.1f", *t.projected);
    std::printf("%-44s %-18s %8.1f %7.1f%s %10s %22s  %s\n", row.indicator.c_str(), row.region_name.c_str(),
                t.last_value, row.target, row.example ? "*" : " ", projected, interval, t.status.c_str());
  }
  std::printf("* voorbeelddoel: het bestuur stelt het doel nog vast\n");
  std::fflush(stdout);
  if (!options.request.out.empty()) std::cerr << rows.size() << " regels → " << options.request.out << "\n";
  return Status::Ok();
}

void AddTargetsCommand(Commands& commands) {
  auto options = std::make_shared<TargetsOptions>();
  Command cmd = commands.Add("doelen", "Doelen 2030 per gemeente en Twente: trend, verwachting voor 2030 en status");
  cmd.AddWorkspaceOptions(options->workspace, WorkspaceUse::kStoreAndRegions);
  cmd.Add("--gemeente", options->request.gemeente, "Alleen deze gemeente (GMxxxx)");
  cmd.Add("--audience", options->request.audience,
          "Voor wie: analist (de berekende cijfers), of publiek, gemeente:GMxxxx, meldpunt:BRON (de gepubliceerde)")
      .ShowDefault();
  cmd.Add("--out", options->request.out, "Schrijf de doelen ook als CSV (met herkomst in BESTAND.json)");
  cmd.Run([options] { return RunTargets(*options); });
}
SZ_REGISTER_COMMAND(AddTargetsCommand);

}  // namespace
}  // namespace sz::cli
