// samenzicht indicators [--check] [--thema T] : the indicator catalogue (config/indicatoren/*.toml),
// listed or checked (pipeline/catalog.h, docs/indicators.md).
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "pipeline/catalog.h"
#include "pipeline/messages.h"

namespace sz::cli {
namespace {

struct IndicatorsOptions {
  pipeline::WorkspaceOptions workspace;
  bool check = false;
  std::string theme;
};

Status RunIndicators(const IndicatorsOptions& options) {
  ASSIGN_OR_RETURN(pipeline::Workspace workspace, pipeline::Workspace::Open(options.workspace));
  ASSIGN_OR_RETURN(pipeline::CatalogReport report, pipeline::CheckIndicatorCatalog(workspace));
  if (!report.problems.empty()) {
    for (const std::string& problem : report.problems) std::cerr << problem << "\n";
    return DataError(pipeline::msg::CatalogProblems(report.problems.size(), report.dir));
  }
  if (options.check) {
    std::cout << pipeline::msg::CatalogSound(report.dir, report.indicators.size(), report.files.size()) << "\n";
    return Status::Ok();
  }
  std::printf("%-56s %-13s %-22s %-24s %s\n", "id", "thema", "soort", "eenheid", "doel 2030");
  size_t shown = 0;
  for (const pipeline::IndicatorListing& indicator : report.indicators) {
    if (!options.theme.empty() && indicator.theme != options.theme) continue;
    std::printf("%-56s %-13s %-22s %-24s %s\n", indicator.id.c_str(), indicator.theme.c_str(), indicator.kind.c_str(),
                indicator.unit.c_str(), indicator.target_2030.c_str());
    ++shown;
  }
  std::fflush(stdout);
  std::cerr << pipeline::msg::IndicatorsListed(shown, report.dir) << "\n";
  return Status::Ok();
}

void AddIndicatorsCommand(Commands& commands) {
  auto options = std::make_shared<IndicatorsOptions>();
  Command cmd = commands.Add("indicators", "Toon of controleer de indicatorcatalogus (config/indicatoren/*.toml)");
  cmd.AddWorkspaceOptions(options->workspace, WorkspaceUse::kConfigOnly);
  cmd.Flag("--check", options->check,
           "Controleer de catalogus: elke fout met bestand, regel en kolom (afsluitcode 2 bij fouten)");
  cmd.Add("--thema", options->theme, "Alleen dit thema: meedoen, opgroeien, ouder_worden of organisatie")
      .OneOf({"meedoen", "opgroeien", "ouder_worden", "organisatie"});
  cmd.Run([options] { return RunIndicators(*options); });
}
SZ_REGISTER_COMMAND(AddIndicatorsCommand);

}  // namespace
}  // namespace sz::cli
