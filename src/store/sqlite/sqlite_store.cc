// The SQLite store: the connection, its transactions, and the schema migrations run on open.
#include "store/sqlite/sqlite_store.h"

#include <filesystem>

#include "store/messages.h"
#include "store/migrations.h"
#include "store/sqlite/connection.h"

namespace sz::store {
namespace sqlite {
namespace {

class SqliteStore;

class SqliteTransaction : public TransactionBackend {
 public:
  explicit SqliteTransaction(SqliteStore& store) : store_(store) {}
  Status Commit() override;
  void Rollback() override;

 private:
  SqliteStore& store_;
};

class SqliteStore : public Store {
 public:
  SqliteStore(sqlite3* db, std::string path)
      : ingest_log_(connection_),
        records_(connection_),
        linkage_(connection_),
        settings_(connection_),
        indicator_values_(connection_),
        publications_(connection_),
        signal_state_(connection_),
        accounts_(connection_),
        audit_log_(connection_) {
    connection_.db = db;
    connection_.path = std::move(path);
  }
  ~SqliteStore() override {
    if (connection_.in_transaction) RollbackTransaction();
    records_.ResetStatements();
    ingest_log_.ResetStatements();
    connection_.statements.Clear();
    // The parts' statements must be finalised before the database closes: close_v2 waits for them.
    sqlite3_close_v2(connection_.db);
  }

  Status Init(const SqliteOptions& options) {
    sqlite3* db = connection_.db;
    const std::string& path = connection_.path;
    sqlite3_busy_timeout(db, 5000);
    if (sqlite3_db_readonly(db, "main") == 1) return IoError(msg::FileNotWritable(path));
    RETURN_IF_ERROR(Exec(db, "PRAGMA foreign_keys = ON", path));
    {
      Statement wal;
      RETURN_IF_ERROR(wal.Prepare(db, "PRAGMA journal_mode = WAL"));
      int rc = sqlite3_step(wal.get());
      if (rc != SQLITE_ROW) return SqliteError(db, rc, path);
    }
    RETURN_IF_ERROR(Exec(db, "PRAGMA synchronous = NORMAL", path));
    // 64 MiB page cache: large ingests update a primary key and an index per row.
    RETURN_IF_ERROR(Exec(db, "PRAGMA cache_size = -65536", path));
    // Reads through a memory map: a write by another connection (the server's audit entries) resets
    // each connection's page cache, and re-reading mapped pages costs no copy.
    RETURN_IF_ERROR(Exec(db, "PRAGMA mmap_size = 1073741824", path));
    if (options.max_page_count > 0) {
      RETURN_IF_ERROR(Exec(db, "PRAGMA max_page_count = " + std::to_string(options.max_page_count), path));
    }
    return Migrate();
  }

  std::string Describe() const override { return "sqlite:" + connection_.path; }

  int SchemaVersion() override {
    Statement stmt;
    if (!stmt.Prepare(connection_, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations").ok()) return 0;
    return sqlite3_step(stmt.get()) == SQLITE_ROW ? sqlite3_column_int(stmt.get(), 0) : 0;
  }

  Result<Transaction> Begin() override {
    if (connection_.in_transaction) return FailedPreconditionError(msg::TransactionAlreadyOpen());
    RETURN_IF_ERROR(Exec(connection_.db, "BEGIN IMMEDIATE", "een transactie beginnen"));
    connection_.in_transaction = true;
    return Transaction(std::make_unique<SqliteTransaction>(*this));
  }

  IngestLog& ingest_log() override { return ingest_log_; }
  Records& records() override { return records_; }
  LinkageRuns& linkage() override { return linkage_; }
  Settings& settings() override { return settings_; }
  IndicatorValues& indicator_values() override { return indicator_values_; }
  Publications& publications() override { return publications_; }
  SignalState& signal_state() override { return signal_state_; }
  Accounts& accounts() override { return accounts_; }
  AuditLog& audit_log() override { return audit_log_; }

  Status CommitTransaction() {
    EndStatements();
    Status status = Exec(connection_.db, "COMMIT", "de transactie afsluiten");
    if (!status.ok()) sqlite3_exec(connection_.db, "ROLLBACK", nullptr, nullptr, nullptr);
    connection_.in_transaction = false;
    return status;
  }

  void RollbackTransaction() {
    EndStatements();
    sqlite3_exec(connection_.db, "ROLLBACK", nullptr, nullptr, nullptr);
    connection_.in_transaction = false;
  }

 private:
  void EndStatements() {
    records_.ResetStatements();
    ingest_log_.ResetStatements();
  }

  Status Migrate() {
    sqlite3* db = connection_.db;
    const std::string& path = connection_.path;
    // A database that has tables but no schema_migrations is not ours.
    bool has_tables = false, has_migrations = false;
    {
      Statement probe;
      RETURN_IF_ERROR(probe.Prepare(db, "SELECT name FROM sqlite_master WHERE type = 'table'"));
      int rc;
      while ((rc = sqlite3_step(probe.get())) == SQLITE_ROW) {
        has_tables = true;
        if (ColumnText(probe.get(), 0) == "schema_migrations") has_migrations = true;
      }
      if (rc != SQLITE_DONE) return SqliteError(db, rc, path);
    }
    if (has_tables && !has_migrations) return DataError(msg::NotOurs(path));
    if (!has_migrations) {
      RETURN_IF_ERROR(Exec(db,
                           "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, "
                           "applied_at TEXT NOT NULL)",
                           path + ": het schema aanmaken"));
    }
    int current = SchemaVersion();
    const auto& migrations = AllMigrations();
    if (current > migrations.back().version) {
      return DataError(msg::NewerSchema(path, current, migrations.back().version));
    }
    for (const Migration& migration : migrations) {
      if (migration.version <= current) continue;
      std::string what = path + ": migratie " + std::to_string(migration.version);
      RETURN_IF_ERROR(Exec(db, "BEGIN IMMEDIATE", what));
      Status status = ApplyMigration(migration, what);
      if (!status.ok()) {
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        return status;
      }
      RETURN_IF_ERROR(Exec(db, "COMMIT", what));
    }
    return CheckContracts();
  }

  Status ApplyMigration(const Migration& migration, const std::string& what) {
    for (const std::string& sql : migration.statements) RETURN_IF_ERROR(Exec(connection_.db, sql, what));
    Statement record;
    RETURN_IF_ERROR(record.Prepare(connection_, "INSERT INTO schema_migrations VALUES (?, ?, ?)"));
    sqlite3_bind_int(record.get(), 1, migration.version);
    BindText(record.get(), 2, migration.description);
    BindText(record.get(), 3, NowUtc());
    int rc = sqlite3_step(record.get());
    if (rc != SQLITE_DONE) return SqliteError(connection_.db, rc, what);
    return Status::Ok();
  }

  Status CheckContracts() {
    for (const auto& contract : sources::AllContracts()) {
      Statement stmt;
      RETURN_IF_ERROR(stmt.Prepare(connection_, "SELECT version, signature FROM source_contracts WHERE source = ?"));
      BindText(stmt.get(), 1, contract.name);
      if (sqlite3_step(stmt.get()) != SQLITE_ROW) {
        return InternalError(msg::MissingMigration(connection_.path, contract.name));
      }
      int version = sqlite3_column_int(stmt.get(), 0);
      std::string signature = ColumnText(stmt.get(), 1);
      if (version != contract.version || signature != ContractSignature(contract)) {
        return InternalError(msg::ContractChanged(connection_.path, contract.name, version, contract.version));
      }
    }
    return Status::Ok();
  }

  Connection connection_;
  SqliteIngestLog ingest_log_;
  SqliteRecords records_;
  SqliteLinkageRuns linkage_;
  SqliteSettings settings_;
  SqliteIndicatorValues indicator_values_;
  SqlitePublications publications_;
  SqliteSignalState signal_state_;
  SqliteAccounts accounts_;
  SqliteAuditLog audit_log_;
};

Status SqliteTransaction::Commit() { return store_.CommitTransaction(); }
void SqliteTransaction::Rollback() { store_.RollbackTransaction(); }

}  // namespace
}  // namespace sqlite

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, const SqliteOptions& options) {
  namespace fs = std::filesystem;
  fs::path file(path);
  if (fs::is_directory(file)) return IoError(msg::IsADirectory(path));
  if (options.create_directories && file.has_parent_path() && !fs::exists(file.parent_path())) {
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    if (ec) return IoError(msg::CannotCreateDirectory(path, file.parent_path().string(), ec.message()));
  }
  sqlite3* db = nullptr;
  int rc =
      sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    Status status = sqlite::SqliteError(db, rc, path);
    sqlite3_close_v2(db);
    return status;
  }
  auto store = std::make_unique<sqlite::SqliteStore>(db, path);
  RETURN_IF_ERROR(store->Init(options));
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace sz::store
