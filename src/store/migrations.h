// Versioned schema migrations, shared by the backends. Migration N is applied once, in order, inside
// a transaction, and recorded in schema_migrations(version, description, applied_at). A database
// whose version is higher than the program knows is refused.
//
// The source tables (src_<source>) are generated from the source contracts (sources/contract.h);
// each contract's version and column list are recorded in source_contracts, and opening a database
// whose recorded contract differs from the program's fails until a migration for it exists. Migration 2
// creates every contract at version 1; a later contract version that adds columns
// (ColumnSpec::since_version) has a migration that adds them and records the new version.
#pragma once

#include <string>
#include <vector>

#include "sources/contract.h"

namespace sz::store {

struct Migration {
  int version;
  std::string description;
  std::vector<std::string> statements;  // SQL (the SQLite and PostgreSQL dialect common subset)
};

const std::vector<Migration>& AllMigrations();

// Table name of a source's rows: "src_veilig_thuis".
std::string SourceTableName(const sources::SourceContract& contract);
// SQL type of a contract column: INTEGER, REAL or TEXT.
std::string SqlType(const sources::ColumnSpec& column);
// Column signature stored in source_contracts, e.g. "melding_id:code,ontvangen_op:datum,…", of the
// contract at `version` (its columns with since_version ≤ version); by default the current version.
std::string ContractSignature(const sources::SourceContract& contract);
std::string ContractSignature(const sources::SourceContract& contract, int version);

}  // namespace sz::store
