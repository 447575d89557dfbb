// samenzicht publish : disclosure control over the computed indicators; the publication replaces the
// store's earlier one (pipeline/publish.h, docs/disclosure.md).
#include <cstdio>
#include <memory>

#include "cli/command.h"
#include "pipeline/publish.h"

namespace sz::cli {
namespace {

struct PublishOptions {
  pipeline::WorkspaceOptions workspace;
  pipeline::PublishRequest request;
};

Status RunPublish(const PublishOptions& options) {
  ASSIGN_OR_RETURN(pipeline::Workspace workspace, pipeline::Workspace::Open(options.workspace));
  ASSIGN_OR_RETURN(pipeline::PublishReport r, pipeline::PublishIndicators(workspace, options.request));
  std::printf("publicatie %lld (van berekening %lld): %lld cellen\n", static_cast<long long>(r.publication_id),
              static_cast<long long>(r.indicator_run_id), static_cast<long long>(r.cells));
  std::printf("  gepubliceerd          %lld\n  afgerond              %lld\n", static_cast<long long>(r.published),
              static_cast<long long>(r.rounded));
  std::printf("  onderdrukt_primair    %lld\n  onderdrukt_secundair  %lld\n",
              static_cast<long long>(r.suppressed_primary), static_cast<long long>(r.suppressed_secondary));
  std::printf("  informatieverlies     %.0f\n", r.information_loss);
  std::printf("  controle: %lld tellingen, %lld relaties, %lld lineaire programma's, %.1f s\n",
              static_cast<long long>(r.lp_cells), static_cast<long long>(r.relations), static_cast<long long>(r.solves),
              r.seconds);
  std::printf(
      "  delen van de tabel: %lld, waarvan %lld ongewijzigd sinds de vorige publicatie (hun bescherming "
      "overgenomen)\n",
      static_cast<long long>(r.parts), static_cast<long long>(r.parts_reused));
  for (const auto& [id, reason] : r.not_published)
    std::printf("  niet gepubliceerd: %s (%s)\n", id.c_str(), reason.c_str());
  std::fflush(stdout);
  return Status::Ok();
}

void AddPublishCommand(Commands& commands) {
  auto options = std::make_shared<PublishOptions>();
  Command cmd = commands.Add("publish", "Openbaarmaking: onderdruk wat niet naar buiten mag en sla de publicatie op");
  cmd.AddWorkspaceOptions(options->workspace, WorkspaceUse::kStoreAndRegions);
  cmd.Flag("--full", options->request.full,
           "Bescherm elk deel van de tabel opnieuw, ook de delen die sinds de vorige publicatie niet veranderden "
           "(de uitkomst is dezelfde)");
  cmd.Run([options] { return RunPublish(*options); });
}
SZ_REGISTER_COMMAND(AddPublishCommand);

}  // namespace
}  // namespace sz::cli
