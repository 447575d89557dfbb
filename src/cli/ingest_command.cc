// samenzicht ingest --source S FILE... : delivered files into the store (pipeline/ingest.h).
#include <iostream>

#include "cli/command_registry.h"
#include "cli/progress.h"
#include "io/region_file.h"
#include "pipeline/ingest.h"
#include "store/sqlite_store.h"

namespace sz::cli {
namespace {

struct IngestOptions {
  std::string db;
  std::string regions;
  pipeline::IngestRequest request;
};

Status RunIngest(IngestOptions& options) {
  ASSIGN_OR_RETURN(RegionTable regions, io::LoadRegionFile(options.regions));
  ASSIGN_OR_RETURN(auto store, store::OpenSqliteStore(options.db));
  Progress progress;
  options.request.progress = [&progress](const std::string& file, long rows) {
    progress.Update(file + ": " + std::to_string(rows) + " rijen gelezen");
  };
  ASSIGN_OR_RETURN(pipeline::IngestReport report, pipeline::Ingest(*store, regions, SystemClock(), options.request));
  progress.Done();
  bool added = false;
  for (const auto& file : report.files) {
    std::cout << file.Summary() << "\n";
    for (const auto& warning : file.warnings) std::cout << "  warning: " << warning << "\n";
    for (const auto& reject : file.first_rejects) {
      std::cout << "  rejected: line " << reject.line << (reject.column.empty() ? "" : ", column " + reject.column)
                << ": " << reject.reason << (reject.hint.empty() ? "" : " — " + reject.hint) << "\n";
    }
    if (file.rejected > static_cast<long>(file.first_rejects.size())) {
      std::cout << "  … " << file.rejected - static_cast<long>(file.first_rejects.size())
                << " more rejected rows; all are listed by `samenzicht rejects`\n";
    }
    added = added || !file.already_ingested;
  }
  if (!added) std::cout << "nothing new: every file was ingested before\n";
  if (report.key_fingerprint_recorded) std::cout << "the store now links with key fingerprint of this extract\n";
  if (report.TotalRejected() > 0) {
    return DataError(std::to_string(report.TotalRejected()) +
                     " row(s) rejected and kept in the store with their reasons; the accepted rows were stored");
  }
  return Status::Ok();
}

void AddIngestCommand(CLI::App& app) {
  auto options = std::make_shared<IngestOptions>();
  auto* cmd = app.add_subcommand("ingest", "Lees aangeleverde bestanden van één bron in de opslag (all-or-nothing)");
  AddDbOption(*cmd, options->db);
  options->regions = io::DefaultRegionFile();
  cmd->add_option("--regions", options->regions, "Regiobestand (docs/regions.md)")->capture_default_str();
  cmd->add_option("--source", options->request.source, "Bron, bijv. veilig_thuis (zie `samenzicht schema`)")->required();
  cmd->add_option("files", options->request.files, "Bestanden (CSV, of .sav voor de gezondheidsmonitor)")->required();
  cmd->add_flag("--accept-new-key", options->request.accept_new_key,
                "Accepteer een extract met een andere sleutel (koppeling met eerdere gegevens gaat verloren)");
  cmd->callback([options] { ExitWith(RunIngest(*options)); });
}
SZ_REGISTER_COMMAND(AddIngestCommand);

}  // namespace
}  // namespace sz::cli
