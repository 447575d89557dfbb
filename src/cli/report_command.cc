// samenzicht report --gemeente GM0153 [--audience A] --out DIR [--alle] [--zonder-pdf] : printable
// factsheets per municipality, HTML and PDF (pipeline/report.h).
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "pipeline/report.h"

namespace sz::cli {
namespace {

struct ReportOptions {
  pipeline::WorkspaceOptions workspace;
  pipeline::FactsheetRequest request;
  bool without_pdf = false;
};

Status RunReport(ReportOptions options) {
  options.request.pdf = !options.without_pdf;
  ASSIGN_OR_RETURN(pipeline::Workspace workspace, pipeline::Workspace::Open(options.workspace));
  ASSIGN_OR_RETURN(std::vector<pipeline::FactsheetFile> files, pipeline::WriteFactsheets(workspace, options.request));
  for (const pipeline::FactsheetFile& f : files) {
    std::cout << f.gemeente << " " << f.name << " (" << f.audience << "): " << f.indicators << " indicatoren, "
              << f.suppressed << " niet getoond, " << f.signals << " open signalen, " << f.targets << " doelen → "
              << f.html << (f.pdf.empty() ? "" : ", " + f.pdf) << "\n";
  }
  return Status::Ok();
}

void AddReportCommand(Commands& commands) {
  auto options = std::make_shared<ReportOptions>();
  Command cmd =
      commands.Add("report", "Factsheets per gemeente (HTML en PDF): kerncijfers per thema, signalen en doelen");
  cmd.AddWorkspaceOptions(options->workspace, WorkspaceUse::kStoreAndRegions);
  cmd.Add("--gemeente", options->request.gemeenten, "De gemeente (GMxxxx); mag vaker");
  cmd.Flag("--alle", options->request.all, "Een factsheet voor elke gemeente van het regiobestand");
  cmd.Add("--audience", options->request.audience,
          "Voor wie: publiek, gemeente:GMxxxx, meldpunt:BRON of analist (standaard: de gemeente van de factsheet)");
  cmd.Add("--out", options->request.out_dir, "De map voor de factsheets (factsheet-GMxxxx.html en .pdf)").Required();
  cmd.Flag("--zonder-pdf", options->without_pdf, "Alleen HTML, geen PDF (dan is Chromium niet nodig)");
  cmd.Add("--chromium", options->request.chromium, "Het programma dat de PDF maakt (standaard chromium)");
  cmd.Run([options] { return RunReport(*options); });
}
SZ_REGISTER_COMMAND(AddReportCommand);

}  // namespace
}  // namespace sz::cli
