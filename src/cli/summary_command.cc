// samenzicht summary : what the store holds per source and gemeente; samenzicht rejects : the
// rejected rows with their reasons.
#include <iostream>

#include "cli/command_registry.h"
#include "io/csv_writer.h"
#include "io/region_file.h"
#include "store/sqlite_store.h"

namespace sz::cli {
namespace {

struct SummaryOptions {
  std::string db;
  std::string regions;
};

Status RunSummary(const SummaryOptions& options) {
  ASSIGN_OR_RETURN(RegionTable regions, io::LoadRegionFile(options.regions));
  ASSIGN_OR_RETURN(auto store, store::OpenSqliteStore(options.db));
  ASSIGN_OR_RETURN(auto summaries, store->Summarise());
  std::cout << "Opslag " << options.db << " (schemaversie " << store->SchemaVersion() << ")\n\n";
  std::printf("%-20s %8s %10s %10s  %s\n", "bron", "bestanden", "rijen", "afgewezen", "periode");
  for (const auto& s : summaries) {
    std::printf("%-20s %8lld %10lld %10lld  %s%s%s\n", s.source.c_str(), static_cast<long long>(s.files),
                static_cast<long long>(s.rows), static_cast<long long>(s.rejected), s.first_date.c_str(),
                s.first_date.empty() ? "" : " – ", s.last_date.c_str());
  }
  std::cout << "\nRijen per gemeente:\n";
  std::printf("%-16s", "gemeente");
  std::vector<const store::SourceSummary*> with_gemeente;
  for (const auto& s : summaries) {
    if (!s.rows_per_gemeente.empty()) {
      with_gemeente.push_back(&s);
      std::printf(" %10.10s", s.source.c_str());
    }
  }
  std::printf("\n");
  for (const Region* gemeente : regions.AtLevel(RegionLevel::kGemeente)) {
    std::printf("%-16.16s", gemeente->name.c_str());
    for (const auto* s : with_gemeente) {
      auto it = s->rows_per_gemeente.find(gemeente->code);
      std::printf(" %10lld", static_cast<long long>(it == s->rows_per_gemeente.end() ? 0 : it->second));
    }
    std::printf("\n");
  }
  ASSIGN_OR_RETURN(auto fingerprint, store->Setting(store::kLinkageKeyFingerprintSetting));
  std::cout << "\nKoppelsleutel (vingerafdruk): " << (fingerprint ? *fingerprint : "nog geen") << "\n";
  return Status::Ok();
}

struct RejectsOptions {
  std::string db;
  std::string out;
};

Status RunRejects(const RejectsOptions& options) {
  ASSIGN_OR_RETURN(auto store, store::OpenSqliteStore(options.db));
  ASSIGN_OR_RETURN(auto files, store->IngestedFiles());
  std::unique_ptr<io::CsvWriter> writer;
  if (!options.out.empty()) {
    ASSIGN_OR_RETURN(writer, io::CsvWriter::Create(options.out, io::WriteDialect::DutchExcel()));
    RETURN_IF_ERROR(writer->WriteRow({"bron", "bestand", "regel", "kolom", "waarde", "reden", "oplossing", "rij"}));
  }
  long total = 0;
  for (const auto& file : files) {
    ASSIGN_OR_RETURN(auto rejects, store->Rejects(file.id));
    for (const auto& reject : rejects) {
      ++total;
      if (writer) {
        RETURN_IF_ERROR(writer->WriteRow({file.source, file.file_name, std::to_string(reject.line), reject.column,
                                          reject.value, reject.reason, reject.hint, reject.raw}));
      } else {
        std::cout << file.file_name << ":" << reject.line << (reject.column.empty() ? "" : " [" + reject.column + "]")
                  << ": " << reject.reason << (reject.hint.empty() ? "" : " — " + reject.hint) << "\n";
      }
    }
  }
  if (writer) RETURN_IF_ERROR(writer->Close());
  std::cerr << total << " afgewezen rij(en)\n";
  return Status::Ok();
}

void AddSummaryCommands(CLI::App& app) {
  auto summary = std::make_shared<SummaryOptions>();
  auto* cmd = app.add_subcommand("summary", "Wat de opslag bevat, per bron en gemeente");
  AddDbOption(*cmd, summary->db);
  summary->regions = io::DefaultRegionFile();
  cmd->add_option("--regions", summary->regions, "Regiobestand")->capture_default_str();
  cmd->callback([summary] { ExitWith(RunSummary(*summary)); });

  auto rejects = std::make_shared<RejectsOptions>();
  auto* rcmd = app.add_subcommand("rejects", "Afgewezen rijen met bestand, regel, kolom, reden en oplossing");
  AddDbOption(*rcmd, rejects->db);
  rcmd->add_option("--out", rejects->out, "Schrijf ze als CSV naar dit bestand");
  rcmd->callback([rejects] { ExitWith(RunRejects(*rejects)); });
}
SZ_REGISTER_COMMAND(AddSummaryCommands);

}  // namespace
}  // namespace sz::cli
