// samenzicht ingest --source S FILE... : delivered files into the store (pipeline/ingest.h).
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/progress.h"
#include "pipeline/ingest.h"
#include "pipeline/messages.h"

namespace sz::cli {
namespace {

struct IngestOptions {
  pipeline::WorkspaceOptions workspace;
  pipeline::IngestRequest request;
};

Status RunIngest(IngestOptions& options) {
  ASSIGN_OR_RETURN(pipeline::Workspace workspace, pipeline::Workspace::Open(options.workspace));
  Progress progress;
  options.request.progress = [&progress](const std::string& file, long rows) {
    progress.Update(file + ": " + std::to_string(rows) + " rijen gelezen");
  };
  ASSIGN_OR_RETURN(pipeline::IngestReport report, pipeline::Ingest(workspace, options.request));
  progress.Done();
  bool added = false;
  for (const auto& file : report.files) {
    std::cout << file.Summary() << "\n";
    for (const auto& warning : file.warnings) std::cout << "  waarschuwing: " << warning << "\n";
    for (const auto& reject : file.first_rejects) {
      std::cout << "  afgewezen: regel " << reject.line << (reject.column.empty() ? "" : ", kolom " + reject.column)
                << ": " << reject.reason << (reject.hint.empty() ? "" : " — " + reject.hint) << "\n";
    }
    if (file.rejected > static_cast<long>(file.first_rejects.size())) {
      std::cout << "  … nog " << file.rejected - static_cast<long>(file.first_rejects.size())
                << " afgewezen rijen; `samenzicht rejects` toont ze allemaal\n";
    }
    added = added || !file.already_ingested;
  }
  if (!added) std::cout << "niets nieuws: elk bestand was al eerder ingelezen\n";
  if (report.key_fingerprint_recorded) std::cout << "de opslag koppelt nu met de sleutel van dit extract\n";
  if (report.TotalRejected() > 0) {
    return DataError(pipeline::msg::RowsRejectedAndKept(report.TotalRejected()));
  }
  return Status::Ok();
}

void AddIngestCommand(Commands& commands) {
  auto options = std::make_shared<IngestOptions>();
  Command cmd = commands.Add("ingest", "Lees aangeleverde bestanden van één bron in de opslag (alles of niets)");
  cmd.AddWorkspaceOptions(options->workspace, WorkspaceUse::kStoreAndRegions);
  cmd.Add("--source", options->request.source, "Bron, bijv. veilig_thuis (zie `samenzicht schema`)").Required();
  cmd.Add("files", options->request.files, "Bestanden (CSV, of .sav voor de gezondheidsmonitor)").Required();
  cmd.Flag("--accept-new-key", options->request.accept_new_key,
           "Accepteer een extract met een andere sleutel (koppeling met eerdere gegevens gaat verloren)");
  cmd.Run([options] { return RunIngest(*options); });
}
SZ_REGISTER_COMMAND(AddIngestCommand);

}  // namespace
}  // namespace sz::cli
