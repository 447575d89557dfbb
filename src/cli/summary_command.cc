// samenzicht summary : what the store holds per source and gemeente; samenzicht rejects : the
// rejected rows with their reasons (pipeline/summary.h).
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "pipeline/summary.h"

namespace sz::cli {
namespace {

struct SummaryOptions {
  pipeline::WorkspaceOptions workspace;
};

Status RunSummary(const SummaryOptions& options) {
  ASSIGN_OR_RETURN(pipeline::Workspace workspace, pipeline::Workspace::Open(options.workspace));
  ASSIGN_OR_RETURN(pipeline::StoreSummary summary, pipeline::SummariseStore(workspace));
  std::cout << "Opslag " << summary.store << " (schemaversie " << summary.schema_version << ")\n\n" << std::flush;
  std::printf("%-20s %8s %10s %10s  %s\n", "bron", "bestanden", "rijen", "afgewezen", "periode");
  for (const auto& s : summary.sources) {
    std::printf("%-20s %8lld %10lld %10lld  %s%s%s\n", s.source.c_str(), static_cast<long long>(s.files),
                static_cast<long long>(s.rows), static_cast<long long>(s.rejected), s.first.c_str(),
                s.first.empty() ? "" : " – ", s.last.c_str());
  }
  std::printf("\nRijen per gemeente:\n%-16s", "gemeente");
  std::vector<const pipeline::SourceSummary*> with_gemeente;
  for (const auto& s : summary.sources) {
    if (!s.rows_per_gemeente.empty()) {
      with_gemeente.push_back(&s);
      std::printf(" %10.10s", s.source.c_str());
    }
  }
  std::printf("\n");
  for (const auto& gemeente : summary.gemeenten) {
    std::printf("%-16.16s", gemeente.name.c_str());
    for (const auto* s : with_gemeente) {
      auto it = s->rows_per_gemeente.find(gemeente.code);
      std::printf(" %10lld", static_cast<long long>(it == s->rows_per_gemeente.end() ? 0 : it->second));
    }
    std::printf("\n");
  }
  std::printf("\nKoppelsleutel (vingerafdruk): %s\n",
              summary.key_fingerprint ? summary.key_fingerprint->c_str() : "nog geen");
  return Status::Ok();
}

struct RejectsOptions {
  pipeline::WorkspaceOptions workspace;
  std::string out;
};

Status RunRejects(const RejectsOptions& options) {
  ASSIGN_OR_RETURN(pipeline::Workspace workspace, pipeline::Workspace::Open(options.workspace));
  ASSIGN_OR_RETURN(pipeline::RejectsReport report, pipeline::ListRejects(workspace, options.out));
  if (options.out.empty()) {
    for (const auto& reject : report.rejects) {
      const auto& row = reject.row;
      std::cout << reject.file_name << ":" << row.line << (row.column.empty() ? "" : " [" + row.column + "]") << ": "
                << row.reason << (row.hint.empty() ? "" : " — " + row.hint) << "\n";
    }
  }
  std::cerr << report.rejects.size() << " afgewezen rij(en)" << (options.out.empty() ? "" : " → " + options.out)
            << "\n";
  return Status::Ok();
}

void AddSummaryCommands(Commands& commands) {
  auto summary = std::make_shared<SummaryOptions>();
  Command cmd = commands.Add("summary", "Wat de opslag bevat, per bron en gemeente");
  cmd.AddWorkspaceOptions(summary->workspace, WorkspaceUse::kStoreAndRegions);
  cmd.Run([summary] { return RunSummary(*summary); });

  auto rejects = std::make_shared<RejectsOptions>();
  Command rcmd = commands.Add("rejects", "Afgewezen rijen met bestand, regel, kolom, reden en oplossing");
  rcmd.AddWorkspaceOptions(rejects->workspace, WorkspaceUse::kStore);
  rcmd.Add("--out", rejects->out, "Schrijf ze als CSV naar dit bestand");
  rcmd.Run([rejects] { return RunRejects(*rejects); });
}
SZ_REGISTER_COMMAND(AddSummaryCommands);

}  // namespace
}  // namespace sz::cli
