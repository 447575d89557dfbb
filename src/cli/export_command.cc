// samenzicht export --format csv --out FILE [--indicator ID]... [--gemeente GM] [--niveau N]
// [--dialect dutch|plain] [--audience A] : the computed indicator cells as a table (pipeline/export.h).
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "pipeline/export.h"

namespace sz::cli {
namespace {

struct ExportOptions {
  pipeline::WorkspaceOptions workspace;
  pipeline::ExportRequest request;
  std::string level;
};

Status RunExport(ExportOptions& options) {
  if (options.level == "twente") options.request.level = RegionLevel::kRegio;
  if (options.level == "gemeente") options.request.level = RegionLevel::kGemeente;
  if (options.level == "wijk") options.request.level = RegionLevel::kWijk;
  ASSIGN_OR_RETURN(pipeline::Workspace workspace, pipeline::Workspace::Open(options.workspace));
  ASSIGN_OR_RETURN(pipeline::ExportReport report, pipeline::ExportCells(workspace, options.request));
  std::cerr << report.rows << " cellen → " << report.out << " (herkomst in " << report.out << ".json)\n";
  return Status::Ok();
}

void AddExportCommand(Commands& commands) {
  auto options = std::make_shared<ExportOptions>();
  Command cmd = commands.Add("export", "Schrijf de berekende indicatoren als tabel: één rij per cel");
  cmd.AddWorkspaceOptions(options->workspace, WorkspaceUse::kStoreAndRegions);
  cmd.Add("--format", options->request.format, "csv of xlsx (een werkblad per indicator en een met de definities)")
      .OneOf({"csv", "xlsx"})
      .ShowDefault();
  cmd.Add("--out", options->request.out, "Uitvoerbestand").Required();
  cmd.Add("--indicator", options->request.indicators, "Alleen deze indicator (mag vaker)");
  cmd.Add("--gemeente", options->request.gemeente, "Alleen deze gemeente (GMxxxx) en haar wijken");
  cmd.Add("--niveau", options->level, "Alleen dit niveau: twente, gemeente of wijk")
      .OneOf({"twente", "gemeente", "wijk"});
  cmd.Add("--dialect", options->request.dialect, "CSV: dutch (';', decimale komma; standaard) of plain (',', punt)")
      .OneOf({"dutch", "plain"})
      .ShowDefault();
  cmd.Add("--audience", options->request.audience,
          "Voor wie: analist (alles, onbewerkt; standaard), publiek, gemeente:GMxxxx of meldpunt:BRON "
          "(alleen gepubliceerde cellen)")
      .ShowDefault();
  cmd.Run([options] { return RunExport(*options); });
}
SZ_REGISTER_COMMAND(AddExportCommand);

}  // namespace
}  // namespace sz::cli
