// samenzicht crossdesk : the cross-desk measures (dwarsverbanden) over the linked store (pipeline/crossdesk.h).
#include <cstdio>
#include <memory>

#include "cli/command.h"
#include "pipeline/crossdesk.h"

namespace sz::cli {
namespace {

struct CrossDeskOptions {
  pipeline::WorkspaceOptions workspace;
  pipeline::CrossDeskRequest request;
};

Status RunCrossDesk(const CrossDeskOptions& options) {
  ASSIGN_OR_RETURN(pipeline::Workspace workspace, pipeline::Workspace::Open(options.workspace));
  ASSIGN_OR_RETURN(pipeline::CrossDeskReport report, pipeline::ComputeCrossDesk(workspace, options.request));
  std::printf("%zu betrokkenheden, %zu uitkomstregels\n\nTwente per jaar (%%):\n", report.involvements,
              report.table.size());
  std::printf("%-6s %9s %10s %12s %7s %15s %17s %14s\n", "jaar", "meldingen", "hermelding", "vervolgmeld.", "nieuw",
              "bekend elders", "huish. ≥2 meldp.", "gezin ≥3 org.");
  for (const pipeline::CrossDeskYear& y : report.twente_by_year) {
    std::printf("%-6s %9.0f %10.1f %12.1f %7.1f %15.1f %17.1f %14.1f\n", y.year.c_str(), y.meldingen, y.hermelding_pct,
                y.vervolgmelding_pct, y.nieuw_pct, y.bekend_elders_pct, y.huishoudens_meerdere_pct,
                y.gezin_drie_organisaties_pct);
  }
  if (report.truth_comparison) {
    const auto& c = *report.truth_comparison;
    std::printf("\nTegen de grondwaarheid: %lld VT-registraties vergeleken, klasse gelijk bij %.2f%%%s\n",
                static_cast<long long>(c.compared), c.compared ? 100.0 * c.class_agreements / c.compared : 0.0,
                c.missing ? (" (" + std::to_string(c.missing) + " ontbreken)").c_str() : "");
    std::printf("%-6s %16s %16s %10s\n", "jaar", "hermelding (wij)", "hermelding (echt)", "verschil");
    for (const auto& [year, shares] : c.by_year) {
      double ours = 100 * shares.first.Share(indicators::VtClass::kHermelding);
      double truth = 100 * shares.second.Share(indicators::VtClass::kHermelding);
      std::printf("%-6d %15.2f%% %15.2f%% %+8.2f pp\n", year, ours, truth, ours - truth);
    }
    double ours = 100 * c.ours.Share(indicators::VtClass::kHermelding);
    double truth = 100 * c.truth.Share(indicators::VtClass::kHermelding);
    std::printf("%-6s %15.2f%% %15.2f%% %+8.2f pp\n", "totaal", ours, truth, ours - truth);
  }
  if (!options.request.out_csv.empty()) {
    std::printf("\nalle uitkomsten (teller, noemer, waarde per regio en periode): %s\n",
                options.request.out_csv.c_str());
  }
  return Status::Ok();
}

void AddCrossDeskCommand(Commands& commands) {
  auto options = std::make_shared<CrossDeskOptions>();
  Command cmd = commands.Add(
      "crossdesk", "Dwarsverbanden: hermeldingen, overlap tussen meldpunten, organisaties per gezin, plaatsingen");
  cmd.AddWorkspaceOptions(options->workspace, WorkspaceUse::kStore);
  cmd.Add("--out", options->request.out_csv, "Schrijf alle uitkomsten als CSV (met herkomst in BESTAND.json)");
  cmd.Add("--truth", options->request.truth_dir,
          "Map van `samenzicht generate`: vergelijk de VT-indeling met de grondwaarheid");
  cmd.Run([options] { return RunCrossDesk(*options); });
}
SZ_REGISTER_COMMAND(AddCrossDeskCommand);

}  // namespace
}  // namespace sz::cli
