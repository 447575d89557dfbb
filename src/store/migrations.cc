#include "store/migrations.h"

namespace sz::store {

std::string SourceTableName(const sources::SourceContract& contract) { return "src_" + contract.name; }

std::string SqlType(const sources::ColumnSpec& column) {
  switch (column.type) {
    case sources::ColumnType::kInteger: return "INTEGER";
    case sources::ColumnType::kDecimal: return "REAL";
    default: return "TEXT";
  }
}

std::string ContractSignature(const sources::SourceContract& contract) {
  return ContractSignature(contract, contract.version);
}

std::string ContractSignature(const sources::SourceContract& contract, int version) {
  std::string out;
  for (const auto& column : contract.extract.columns) {
    if (column.since_version > version) continue;
    if (!out.empty()) out += ",";
    out += column.name + ":" + std::string(sources::ColumnTypeName(column.type));
  }
  return out;
}

namespace {

std::vector<std::string> SourceTablesV1() {
  std::vector<std::string> statements;
  for (const auto& contract : sources::AllContracts()) {
    std::string table = SourceTableName(contract);
    std::string sql = "CREATE TABLE " + table +
                      " (\n  ingest_file_id INTEGER NOT NULL REFERENCES ingest_files(id),\n"
                      "  line INTEGER NOT NULL";
    for (const auto& column : contract.extract.columns) {
      if (column.since_version == 1) sql += ",\n  \"" + column.name + "\" " + SqlType(column);
    }
    sql += ",\n  PRIMARY KEY (";
    for (size_t i = 0; i < contract.extract.key.size(); ++i)
      sql += (i ? ", \"" : "\"") + contract.extract.key[i] + "\"";
    sql += "))";
    statements.push_back(sql);
    if (contract.extract.Find("gemeente") != nullptr) {
      statements.push_back("CREATE INDEX " + table + "_gemeente ON " + table + " (gemeente)");
    }
    statements.push_back("INSERT INTO source_contracts (source, version, signature) VALUES ('" + contract.name +
                         "', 1, '" + ContractSignature(contract, 1) + "')");
  }
  return statements;
}

// Moves every contract that has a version `version` from version-1 to it: adds the columns that
// version introduced and records the version and its signature.
std::vector<std::string> SourceTablesAt(int version) {
  std::vector<std::string> statements;
  for (const auto& contract : sources::AllContracts()) {
    if (contract.version < version) continue;
    for (const auto& column : contract.extract.columns) {
      if (column.since_version != version) continue;
      statements.push_back("ALTER TABLE " + SourceTableName(contract) + " ADD COLUMN \"" + column.name + "\" " +
                           SqlType(column));
    }
    statements.push_back("UPDATE source_contracts SET version = " + std::to_string(version) + ", signature = '" +
                         ContractSignature(contract, version) + "' WHERE source = '" + contract.name + "'");
  }
  return statements;
}

std::vector<Migration> Build() {
  return {
      {1,
       "ingest bookkeeping: files, rejected rows, settings, contract versions",
       {
           "CREATE TABLE ingest_files (\n"
           "  id INTEGER PRIMARY KEY,\n"
           "  source TEXT NOT NULL,\n"
           "  file_name TEXT NOT NULL,\n"
           "  sha256 TEXT NOT NULL,\n"
           "  contract_version INTEGER NOT NULL,\n"
           "  key_fingerprint TEXT NOT NULL DEFAULT '',\n"
           "  description TEXT NOT NULL DEFAULT '',\n"
           "  rows_read INTEGER NOT NULL DEFAULT 0,\n"
           "  rows_accepted INTEGER NOT NULL DEFAULT 0,\n"
           "  rows_rejected INTEGER NOT NULL DEFAULT 0,\n"
           "  ingested_at TEXT NOT NULL,\n"
           "  UNIQUE (source, sha256))",
           "CREATE TABLE rejects (\n"
           "  id INTEGER PRIMARY KEY,\n"
           "  ingest_file_id INTEGER NOT NULL REFERENCES ingest_files(id),\n"
           "  line INTEGER NOT NULL,\n"
           "  column_name TEXT NOT NULL,\n"
           "  value TEXT NOT NULL,\n"
           "  reason TEXT NOT NULL,\n"
           "  hint TEXT NOT NULL,\n"
           "  raw TEXT NOT NULL)",
           "CREATE INDEX rejects_file ON rejects (ingest_file_id)",
           "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
           "CREATE TABLE source_contracts (source TEXT PRIMARY KEY, version INTEGER NOT NULL, signature TEXT NOT NULL)",
       }},
      {2, "source tables, one per source contract (version 1 of every contract)", SourceTablesV1()},
      {3,
       "linkage: runs, the latest run's involvements (person and household per extract row) and pairs",
       {
           "CREATE TABLE link_runs (\n"
           "  id INTEGER PRIMARY KEY,\n"
           "  created_at TEXT NOT NULL,\n"
           "  max_ingest_file_id INTEGER NOT NULL,\n"
           "  involvements INTEGER NOT NULL,\n"
           "  pairs_compared INTEGER NOT NULL,\n"
           "  pairs_kept INTEGER NOT NULL,\n"
           "  persons INTEGER NOT NULL,\n"
           "  households INTEGER NOT NULL,\n"
           "  details TEXT NOT NULL)",
           "CREATE TABLE link_involvements (\n"
           "  idx INTEGER PRIMARY KEY,\n"
           "  source TEXT NOT NULL,\n"
           "  record_id TEXT NOT NULL,\n"
           "  betrokkene_nr INTEGER NOT NULL,\n"
           "  person_key TEXT NOT NULL,\n"
           "  household_key TEXT NOT NULL)",
           "CREATE INDEX link_involvements_person ON link_involvements (person_key)",
           "CREATE TABLE link_pairs (\n"
           "  a INTEGER NOT NULL REFERENCES link_involvements(idx),\n"
           "  b INTEGER NOT NULL REFERENCES link_involvements(idx),\n"
           "  weight REAL NOT NULL,\n"
           "  probability REAL NOT NULL,\n"
           "  exact INTEGER NOT NULL,\n"
           "  PRIMARY KEY (a, b))",
       }},
      {4,
       "indicator values: compute runs and the cells of every catalogue indicator",
       {
           "CREATE TABLE indicator_runs (\n"
           "  id INTEGER PRIMARY KEY,\n"
           "  computed_at TEXT NOT NULL,\n"
           "  catalog_sha256 TEXT NOT NULL,\n"
           "  max_ingest_file_id INTEGER NOT NULL,\n"
           "  link_run_id INTEGER NOT NULL,\n"
           "  cells INTEGER NOT NULL,\n"
           "  details TEXT NOT NULL)",
           "CREATE TABLE indicator_cells (\n"
           "  indicator TEXT NOT NULL,\n"
           "  level INTEGER NOT NULL,\n"
           "  region TEXT NOT NULL,\n"
           "  period TEXT NOT NULL,\n"
           "  breakdown TEXT NOT NULL,\n"
           "  numerator REAL,\n"
           "  denominator REAL,\n"
           "  value REAL,\n"
           "  lower REAL,\n"
           "  upper REAL,\n"
           "  respondents INTEGER,\n"
           "  run_id INTEGER NOT NULL REFERENCES indicator_runs(id),\n"
           "  PRIMARY KEY (indicator, level, region, period, breakdown)) WITHOUT ROWID",
       }},
      {5,
       "indicator inputs: the fingerprint of what each indicator's stored cells were computed from",
       {
           "CREATE TABLE indicator_inputs (\n"
           "  indicator TEXT PRIMARY KEY,\n"
           "  fingerprint TEXT NOT NULL) WITHOUT ROWID",
       }},
      {6,
       "publications: what disclosure control lets out of the analysts, with the run that made it",
       {
           "CREATE TABLE publication_runs (\n"
           "  id INTEGER PRIMARY KEY,\n"
           "  published_at TEXT NOT NULL,\n"
           "  indicator_run_id INTEGER NOT NULL,\n"
           "  cells INTEGER NOT NULL,\n"
           "  rounded INTEGER NOT NULL,\n"
           "  suppressed_primary INTEGER NOT NULL,\n"
           "  suppressed_secondary INTEGER NOT NULL,\n"
           "  information_loss REAL NOT NULL,\n"
           "  details TEXT NOT NULL)",
           "CREATE TABLE published_cells (\n"
           "  indicator TEXT NOT NULL,\n"
           "  level INTEGER NOT NULL,\n"
           "  region TEXT NOT NULL,\n"
           "  period TEXT NOT NULL,\n"
           "  breakdown TEXT NOT NULL,\n"
           "  status TEXT NOT NULL,\n"
           "  reason TEXT NOT NULL,\n"
           "  numerator REAL,\n"
           "  denominator REAL,\n"
           "  value REAL,\n"
           "  lower REAL,\n"
           "  upper REAL,\n"
           "  respondents INTEGER,\n"
           "  publication_id INTEGER NOT NULL REFERENCES publication_runs(id),\n"
           "  PRIMARY KEY (indicator, level, region, period, breakdown)) WITHOUT ROWID",
       }},
      {7,
       "signal state: signal runs, the signals they raised and the signals' triage steps",
       {
           "CREATE TABLE signal_runs (\n"
           "  id INTEGER PRIMARY KEY,\n"
           "  ran_at TEXT NOT NULL,\n"
           "  indicator_run_id INTEGER NOT NULL,\n"
           "  tests INTEGER NOT NULL,\n"
           "  signals INTEGER NOT NULL,\n"
           "  details TEXT NOT NULL)",
           // indicators and sources: the texts joined with ","; NULL for an empty list.
           "CREATE TABLE signals (\n"
           "  id INTEGER PRIMARY KEY,\n"
           "  key TEXT NOT NULL,\n"
           "  kind TEXT NOT NULL,\n"
           "  indicators TEXT,\n"
           "  sources TEXT,\n"
           "  region TEXT NOT NULL,\n"
           "  breakdown TEXT NOT NULL,\n"
           "  period_from TEXT NOT NULL,\n"
           "  period_to TEXT NOT NULL,\n"
           "  method TEXT NOT NULL,\n"
           "  observed REAL,\n"
           "  expected REAL,\n"
           "  threshold REAL,\n"
           "  p_value REAL,\n"
           "  q_value REAL,\n"
           "  score REAL NOT NULL,\n"
           "  rank INTEGER NOT NULL,\n"
           "  explanation TEXT NOT NULL,\n"
           "  status TEXT NOT NULL,\n"
           "  follows INTEGER NOT NULL,\n"
           "  first_run INTEGER NOT NULL,\n"
           "  last_run INTEGER NOT NULL)",
           "CREATE TABLE signal_steps (\n"
           "  signal_id INTEGER NOT NULL REFERENCES signals(id),\n"
           "  seq INTEGER NOT NULL,\n"
           "  at TEXT NOT NULL,\n"
           "  done_by TEXT NOT NULL,\n"
           "  from_status TEXT NOT NULL,\n"
           "  to_status TEXT NOT NULL,\n"
           "  note TEXT NOT NULL,\n"
           "  PRIMARY KEY (signal_id, seq)) WITHOUT ROWID",
       }},
      {8,
       "server: accounts and the audit log chained by hash",
       {
           "CREATE TABLE accounts (\n"
           "  name TEXT PRIMARY KEY,\n"
           "  role TEXT NOT NULL,\n"
           "  password_hash TEXT NOT NULL,\n"
           "  created_at TEXT NOT NULL,\n"
           "  changed_at TEXT NOT NULL) WITHOUT ROWID",
           "CREATE TABLE audit_log (\n"
           "  seq INTEGER PRIMARY KEY,\n"
           "  at TEXT NOT NULL,\n"
           "  user_name TEXT NOT NULL,\n"
           "  action TEXT NOT NULL,\n"
           "  parameters TEXT NOT NULL,\n"
           "  cells INTEGER NOT NULL,\n"
           "  outcome TEXT NOT NULL,\n"
           "  previous_hash TEXT NOT NULL,\n"
           "  hash TEXT NOT NULL)",
       }},
      {9,
       "server: the cells of one indicator by period (the map) and by region (a trend) without a scan",
       {
           "CREATE INDEX published_cells_by_period ON published_cells (indicator, level, period)",
           "CREATE INDEX published_cells_by_region ON published_cells (indicator, region, period)",
           "CREATE INDEX indicator_cells_by_period ON indicator_cells (indicator, level, period)",
           "CREATE INDEX indicator_cells_by_region ON indicator_cells (indicator, region, period)",
       }},
      {10, "source contracts version 2: the desk extracts' keyed field encodings (veldcodering)", SourceTablesAt(2)},
  };
}

}  // namespace

const std::vector<Migration>& AllMigrations() {
  static const std::vector<Migration> migrations = Build();
  return migrations;
}

}  // namespace sz::store
