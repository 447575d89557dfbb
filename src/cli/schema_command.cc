// samenzicht schema [SOURCE] : prints a source contract as a table and as a CSV template.
#include <iostream>
#include <sstream>

#include "cli/command_registry.h"
#include "sources/contract.h"

namespace sz::cli {
namespace {

struct SchemaOptions {
  std::string source;
  std::string table = "extract";
  bool template_only = false;
};

std::string IdentityNote(sources::IdentityKind kind) {
  switch (kind) {
    case sources::IdentityKind::kNone: return "";
    case sources::IdentityKind::kBsn: return "identiteit (BSN)";
    case sources::IdentityKind::kName: return "identiteit (naam)";
    case sources::IdentityKind::kBirthDate: return "identiteit (geboortedatum)";
    case sources::IdentityKind::kAddress: return "identiteit (adres)";
    case sources::IdentityKind::kFreeText: return "vrije tekst (vervalt)";
  }
  return "";
}

void PrintTable(const sources::SourceContract& contract, const sources::TableSpec& table) {
  std::cout << contract.name << " / " << table.name << " (contractversie " << contract.version << "): "
            << table.description << "\n";
  std::cout << "sleutel: ";
  for (size_t i = 0; i < table.key.size(); ++i) std::cout << (i ? " + " : "") << table.key[i];
  std::cout << "\n\n";
  std::printf("%-24s %-15s %-9s %-28s %s\n", "kolom", "type", "verplicht", "privacy", "toegestane waarden / omschrijving");
  std::cout << std::flush;
  for (const auto& column : table.columns) {
    std::string allowed;
    for (const auto& value : column.allowed) allowed += (allowed.empty() ? "" : ", ") + value;
    if (column.min || column.max) {
      allowed = (column.min ? std::to_string(static_cast<long long>(*column.min)) : "") + ".." +
                (column.max ? std::to_string(static_cast<long long>(*column.max)) : "");
    }
    std::string required = !column.required ? "nee" : column.nullable ? "kolom" : "ja";
    std::printf("%-24s %-15s %-9s %-28s %s%s%s\n", column.name.c_str(),
                std::string(sources::ColumnTypeName(column.type)).c_str(), required.c_str(),
                IdentityNote(column.identity).c_str(), allowed.c_str(), allowed.empty() ? "" : " — ",
                column.description.c_str());
  }
  std::cout << std::flush;
}

std::string Template(const sources::TableSpec& table) {
  std::string line;
  for (const auto& column : table.columns) line += (line.empty() ? "" : ";") + column.name;
  return line;
}

Status RunSchema(const SchemaOptions& options) {
  if (options.source.empty()) {
    for (const auto& contract : sources::AllContracts()) {
      std::printf("%-20s %s%s — %s\n", contract.name.c_str(), contract.title.c_str(),
                  contract.is_desk ? " (meldpunt)" : "", contract.description.c_str());
    }
    return Status::Ok();
  }
  const sources::SourceContract* contract = sources::FindContract(options.source);
  if (contract == nullptr) {
    return InvalidArgumentError("unknown source '" + options.source + "' (sources: " + sources::ContractNames() + ")");
  }
  const sources::TableSpec* table = nullptr;
  if (options.table == "extract") table = &contract->extract;
  if (options.table == "records" && contract->records) table = &*contract->records;
  if (options.table == "persons" && contract->persons) table = &*contract->persons;
  if (table == nullptr) {
    return InvalidArgumentError("source " + contract->name + " has no table '" + options.table + "'" +
                                (contract->is_desk ? " (tables: records, persons, extract)" : " (table: extract)"));
  }
  if (options.template_only) {
    std::cout << Template(*table) << "\n";
    return Status::Ok();
  }
  PrintTable(*contract, *table);
  std::cout << "\nCSV-sjabloon (scheidingsteken ';'):\n" << Template(*table) << "\n";
  return Status::Ok();
}

void AddSchemaCommand(CLI::App& app) {
  auto options = std::make_shared<SchemaOptions>();
  auto* cmd = app.add_subcommand("schema", "Toon het contract van een bron als tabel en als CSV-sjabloon");
  cmd->add_option("source", options->source, "Bron (leeg: lijst van bronnen)");
  cmd->add_option("--table", options->table, "records, persons (identificerende export bij het meldpunt) of extract")
      ->check(CLI::IsMember({"records", "persons", "extract"}))
      ->capture_default_str();
  cmd->add_flag("--template", options->template_only, "Alleen de kopregel van het CSV-sjabloon");
  cmd->callback([options] { ExitWith(RunSchema(*options)); });
}
SZ_REGISTER_COMMAND(AddSchemaCommand);

}  // namespace
}  // namespace sz::cli
