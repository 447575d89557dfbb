// samenzicht schema [SOURCE] : a source's contract as a table and a CSV template (pipeline/schema.h).
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "pipeline/schema.h"

namespace sz::cli {
namespace {

struct SchemaOptions {
  pipeline::WorkspaceOptions workspace;
  std::string source;
  std::string table = "extract";
  bool template_only = false;
};

Status RunSchema(const SchemaOptions& options) {
  if (options.source.empty()) {
    for (const pipeline::SourceListing& source : pipeline::ListSources()) {
      std::printf("%-20s %s%s — %s\n", source.name.c_str(), source.title.c_str(), source.is_desk ? " (meldpunt)" : "",
                  source.description.c_str());
    }
    return Status::Ok();
  }
  ASSIGN_OR_RETURN(pipeline::SchemaTable table, pipeline::DescribeSourceTable(options.source, options.table));
  if (options.template_only) {
    std::cout << table.csv_template << "\n";
    return Status::Ok();
  }
  std::cout << table.source << " / " << table.table << " (contractversie " << table.contract_version
            << "): " << table.table_description << "\nsleutel: ";
  for (size_t i = 0; i < table.key.size(); ++i) std::cout << (i ? " + " : "") << table.key[i];
  std::cout << "\n\n" << std::flush;
  std::printf("%-24s %-15s %-9s %-28s %s\n", "kolom", "type", "verplicht", "privacy",
              "toegestane waarden / omschrijving");
  for (const pipeline::SchemaColumn& column : table.columns) {
    std::printf("%-24s %-15s %-9s %-28s %s%s%s\n", column.name.c_str(), column.type.c_str(), column.required.c_str(),
                column.privacy.c_str(), column.allowed.c_str(), column.allowed.empty() ? "" : " — ",
                column.description.c_str());
  }
  std::fflush(stdout);
  std::cout << "\nCSV-sjabloon (scheidingsteken ';'):\n" << table.csv_template << "\n";
  return Status::Ok();
}

void AddSchemaCommand(Commands& commands) {
  auto options = std::make_shared<SchemaOptions>();
  Command cmd = commands.Add("schema", "Toon het contract van een bron als tabel en als CSV-sjabloon");
  cmd.AddWorkspaceOptions(options->workspace, WorkspaceUse::kConfigOnly);
  cmd.Add("source", options->source, "Bron (leeg: lijst van bronnen)");
  cmd.Add("--table", options->table, "records, persons (identificerende export bij het meldpunt) of extract")
      .OneOf({"records", "persons", "extract"})
      .ShowDefault();
  cmd.Flag("--template", options->template_only, "Alleen de kopregel van het CSV-sjabloon");
  cmd.Run([options] { return RunSchema(*options); });
}
SZ_REGISTER_COMMAND(AddSchemaCommand);

}  // namespace
}  // namespace sz::cli
