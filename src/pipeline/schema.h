// Schema: a source contract as a user reads it — the stage behind `samenzicht schema`. The list of
// sources, and one table of a source (records, persons or extract) as rows of Dutch text with a CSV
// template (sources/contract.h has the contracts themselves).
//
//   std::vector<SourceListing> sources = ListSources();
//   ASSIGN_OR_RETURN(SchemaTable table, DescribeSourceTable("veilig_thuis", "extract"));
//
// Errors: kInvalidArgument for an unknown source or a table the source does not have.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace sz::pipeline {

struct SourceListing {
  std::string name, title, description;
  bool is_desk = false;  // a report desk (records + persons at the desk, an extract here)
};

std::vector<SourceListing> ListSources();

struct SchemaColumn {
  std::string name;
  std::string type;      // Dutch type name: "datum", "categorie", …
  std::string required;  // "ja", "kolom" (the column must be there, the cell may be empty) or "nee"
  std::string privacy;   // "" or "identiteit (BSN)", "vrije tekst (vervalt)", …
  std::string allowed;   // allowed values or the range "1..99", "" otherwise
  std::string description;
};

struct SchemaTable {
  std::string source, table, table_description;
  int contract_version = 0;
  std::vector<std::string> key;
  std::vector<SchemaColumn> columns;
  std::string csv_template;  // the header line, ';'-separated
};

Result<SchemaTable> DescribeSourceTable(std::string_view source, std::string_view table);

}  // namespace sz::pipeline
