#include "pipeline/schema.h"

#include "pipeline/messages.h"
#include "sources/contract.h"
#include "sources/messages.h"

namespace sz::pipeline {
namespace {

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

}  // namespace

std::vector<SourceListing> ListSources() {
  std::vector<SourceListing> out;
  for (const auto& contract : sources::AllContracts()) {
    out.push_back({contract.name, contract.title, contract.description, contract.is_desk});
  }
  return out;
}

Result<SchemaTable> DescribeSourceTable(std::string_view source, std::string_view table_name) {
  const sources::SourceContract* contract = sources::FindContract(source);
  if (contract == nullptr) return InvalidArgumentError(sources::msg::UnknownSource(source, sources::ContractNames()));
  const sources::TableSpec* table = nullptr;
  if (table_name == "extract") table = &contract->extract;
  if (table_name == "records" && contract->records) table = &*contract->records;
  if (table_name == "persons" && contract->persons) table = &*contract->persons;
  if (table == nullptr) return InvalidArgumentError(msg::NoSuchTable(contract->name, table_name, contract->is_desk));
  SchemaTable out;
  out.source = contract->name;
  out.table = table->name;
  out.table_description = table->description;
  out.contract_version = contract->version;
  out.key = table->key;
  for (const auto& column : table->columns) {
    SchemaColumn row;
    row.name = column.name;
    row.type = std::string(sources::ColumnTypeName(column.type));
    row.required = !column.required ? "nee" : column.nullable ? "kolom" : "ja";
    row.privacy = IdentityNote(column.identity);
    for (const auto& value : column.allowed) row.allowed += (row.allowed.empty() ? "" : ", ") + value;
    if (column.min || column.max) {
      row.allowed = (column.min ? std::to_string(static_cast<long long>(*column.min)) : "") + ".." +
                    (column.max ? std::to_string(static_cast<long long>(*column.max)) : "");
    }
    row.description = column.description;
    out.columns.push_back(std::move(row));
    out.csv_template += (out.csv_template.empty() ? "" : ";") + column.name;
  }
  return out;
}

}  // namespace sz::pipeline
