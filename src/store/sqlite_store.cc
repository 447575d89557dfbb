#include "store/sqlite_store.h"

#include <sqlite3.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>

#include "store/migrations.h"

namespace sz::store {
namespace {

// Maps an SQLite failure to a Status with a message a user can act on.
Status SqliteError(sqlite3* db, int rc, const std::string& what) {
  int extended = db != nullptr ? sqlite3_extended_errcode(db) : rc;
  std::string detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  switch (rc & 0xFF) {
    case SQLITE_FULL:
      return IoError(what + ": the disk (or the database's size limit) is full; nothing of this ingest was stored. "
                            "Free space and run the command again");
    case SQLITE_READONLY:
      return IoError(what + ": the database file is not writable (" + detail +
                     "); check the file's permissions or choose another --db");
    case SQLITE_CANTOPEN:
      return IoError(what + ": cannot open the database file (" + detail +
                     "); does its directory exist and is it writable?");
    case SQLITE_NOTADB:
      return DataError(what + ": the file is not an SQLite database; choose another --db");
    case SQLITE_IOERR:
      return IoError(what + ": I/O error (" + detail + ", code " + std::to_string(extended) + ")");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return IoError(what + ": the database is locked by another samenzicht process; try again when it has finished");
    default: return IoError(what + ": " + detail);
  }
}

std::string NowUtc() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buf;
}

class Statement {
 public:
  Statement() = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() { sqlite3_finalize(stmt_); }
  Status Prepare(sqlite3* db, const std::string& sql) {
    sqlite3_finalize(stmt_);
    stmt_ = nullptr;
    int rc = sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt_, nullptr);
    if (rc != SQLITE_OK) return SqliteError(db, rc, "preparing SQL");
    return Status::Ok();
  }
  sqlite3_stmt* get() const { return stmt_; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

Status Exec(sqlite3* db, const std::string& sql, const std::string& what) {
  char* err = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
  if (err != nullptr) sqlite3_free(err);
  if (rc != SQLITE_OK) return SqliteError(db, rc, what);
  return Status::Ok();
}

std::string ColumnText(sqlite3_stmt* stmt, int col) {
  const unsigned char* text = sqlite3_column_text(stmt, col);
  return text ? reinterpret_cast<const char*>(text) : "";
}

void BindValue(sqlite3_stmt* stmt, int index, const sources::ColumnSpec& spec, const std::string& value) {
  if (value.empty()) {
    sqlite3_bind_null(stmt, index);
    return;
  }
  switch (spec.type) {
    case sources::ColumnType::kInteger: sqlite3_bind_int64(stmt, index, std::stoll(value)); break;
    case sources::ColumnType::kDecimal: sqlite3_bind_double(stmt, index, std::stod(value)); break;
    default: sqlite3_bind_text(stmt, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  }
}

class SqliteStore;

class SqliteIngestTransaction : public IngestTransaction {
 public:
  explicit SqliteIngestTransaction(sqlite3* db) : db_(db) {}
  ~SqliteIngestTransaction() override {
    if (!finished_) {
      insert_statements_.clear();
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    }
  }

  Status Begin() { return Exec(db_, "BEGIN IMMEDIATE", "starting the ingest transaction"); }

  Result<int64_t> AddFile(const IngestFileInfo& info) override {
    Statement stmt;
    RETURN_IF_ERROR(stmt.Prepare(db_,
                                 "INSERT INTO ingest_files (source, file_name, sha256, contract_version, key_fingerprint, "
                                 "description, rows_read, rows_accepted, rows_rejected, ingested_at) "
                                 "VALUES (?,?,?,?,?,?,?,?,?,?)"));
    sqlite3_bind_text(stmt.get(), 1, info.source.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(stmt.get(), 2, info.file_name.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(stmt.get(), 3, info.sha256.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(stmt.get(), 4, info.contract_version);
    sqlite3_bind_text(stmt.get(), 5, info.key_fingerprint.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(stmt.get(), 6, info.description.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(stmt.get(), 7, info.rows_read);
    sqlite3_bind_int64(stmt.get(), 8, info.rows_accepted);
    sqlite3_bind_int64(stmt.get(), 9, info.rows_rejected);
    std::string now = NowUtc();
    sqlite3_bind_text(stmt.get(), 10, now.c_str(), -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(stmt.get());
    if (rc != SQLITE_DONE) return SqliteError(db_, rc, "recording ingested file " + info.file_name);
    return static_cast<int64_t>(sqlite3_last_insert_rowid(db_));
  }

  Status UpdateFileCounts(int64_t file_id, int64_t read, int64_t accepted, int64_t rejected) override {
    Statement stmt;
    RETURN_IF_ERROR(
        stmt.Prepare(db_, "UPDATE ingest_files SET rows_read = ?, rows_accepted = ?, rows_rejected = ? WHERE id = ?"));
    sqlite3_bind_int64(stmt.get(), 1, read);
    sqlite3_bind_int64(stmt.get(), 2, accepted);
    sqlite3_bind_int64(stmt.get(), 3, rejected);
    sqlite3_bind_int64(stmt.get(), 4, file_id);
    int rc = sqlite3_step(stmt.get());
    if (rc != SQLITE_DONE) return SqliteError(db_, rc, "updating ingest counts");
    return Status::Ok();
  }

  Result<InsertOutcome> InsertRecord(int64_t file_id, long line, const sources::SourceContract& contract,
                                     const std::vector<std::string>& values) override {
    const auto& columns = contract.extract.columns;
    auto& stmt = insert_statements_[contract.name];
    if (!stmt) {
      stmt = std::make_unique<Statement>();
      std::string sql = "INSERT OR IGNORE INTO " + SourceTableName(contract) + " (ingest_file_id, line";
      for (const auto& column : columns) sql += ", \"" + column.name + "\"";
      sql += ") VALUES (?, ?";
      for (size_t i = 0; i < columns.size(); ++i) sql += ", ?";
      sql += ")";
      RETURN_IF_ERROR(stmt->Prepare(db_, sql));
    }
    sqlite3_stmt* s = stmt->get();
    sqlite3_reset(s);
    sqlite3_bind_int64(s, 1, file_id);
    sqlite3_bind_int64(s, 2, line);
    for (size_t i = 0; i < columns.size(); ++i) BindValue(s, static_cast<int>(i) + 3, columns[i], values[i]);
    int rc = sqlite3_step(s);
    if (rc != SQLITE_DONE) return SqliteError(db_, rc, "storing a " + contract.name + " row");
    InsertOutcome outcome;
    outcome.inserted = sqlite3_changes(db_) == 1;
    if (!outcome.inserted) RETURN_IF_ERROR(FindExisting(contract, values, outcome));
    return outcome;
  }

  Status AddReject(int64_t file_id, const RejectedRow& reject) override {
    if (!reject_stmt_) {
      reject_stmt_ = std::make_unique<Statement>();
      RETURN_IF_ERROR(reject_stmt_->Prepare(
          db_, "INSERT INTO rejects (ingest_file_id, line, column_name, value, reason, hint, raw) VALUES (?,?,?,?,?,?,?)"));
    }
    sqlite3_stmt* s = reject_stmt_->get();
    sqlite3_reset(s);
    sqlite3_bind_int64(s, 1, file_id);
    sqlite3_bind_int64(s, 2, reject.line);
    sqlite3_bind_text(s, 3, reject.column.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 4, reject.value.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 5, reject.reason.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 6, reject.hint.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 7, reject.raw.c_str(), -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(s);
    if (rc != SQLITE_DONE) return SqliteError(db_, rc, "storing a rejected row");
    return Status::Ok();
  }

  Status SetSetting(const std::string& key, const std::string& value) override {
    Statement stmt;
    RETURN_IF_ERROR(stmt.Prepare(db_, "INSERT INTO settings (key, value) VALUES (?, ?) "
                                      "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    sqlite3_bind_text(stmt.get(), 1, key.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(stmt.get(), 2, value.c_str(), -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(stmt.get());
    if (rc != SQLITE_DONE) return SqliteError(db_, rc, "storing setting " + key);
    return Status::Ok();
  }

  Status Commit() override {
    insert_statements_.clear();
    reject_stmt_.reset();
    Status status = Exec(db_, "COMMIT", "committing the ingest");
    if (!status.ok()) {
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    }
    finished_ = true;
    return status;
  }

 private:
  Status FindExisting(const sources::SourceContract& contract, const std::vector<std::string>& values,
                      InsertOutcome& outcome) {
    std::string sql = "SELECT f.file_name, s.line FROM " + SourceTableName(contract) +
                      " s JOIN ingest_files f ON f.id = s.ingest_file_id WHERE ";
    const auto& key = contract.extract.key;
    for (size_t i = 0; i < key.size(); ++i) sql += (i ? " AND s.\"" : "s.\"") + key[i] + "\" = ?";
    Statement stmt;
    RETURN_IF_ERROR(stmt.Prepare(db_, sql));
    for (size_t i = 0; i < key.size(); ++i) {
      int col = contract.extract.IndexOf(key[i]);
      BindValue(stmt.get(), static_cast<int>(i) + 1, contract.extract.columns[col], values[col]);
    }
    if (sqlite3_step(stmt.get()) == SQLITE_ROW) {
      outcome.existing_file = ColumnText(stmt.get(), 0);
      outcome.existing_line = sqlite3_column_int64(stmt.get(), 1);
    }
    return Status::Ok();
  }

  sqlite3* db_;
  bool finished_ = false;
  std::map<std::string, std::unique_ptr<Statement>> insert_statements_;
  std::unique_ptr<Statement> reject_stmt_;
};

class SqliteStore : public Store {
 public:
  SqliteStore(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  ~SqliteStore() override { sqlite3_close_v2(db_); }

  Status Init(const SqliteOptions& options) {
    sqlite3_busy_timeout(db_, 5000);
    if (sqlite3_db_readonly(db_, "main") == 1) {
      return IoError(path_ + ": the database file is not writable; check its permissions or choose another --db");
    }
    RETURN_IF_ERROR(Exec(db_, "PRAGMA foreign_keys = ON", path_));
    {
      Statement wal;
      RETURN_IF_ERROR(wal.Prepare(db_, "PRAGMA journal_mode = WAL"));
      int rc = sqlite3_step(wal.get());
      if (rc != SQLITE_ROW) return SqliteError(db_, rc, path_);
    }
    RETURN_IF_ERROR(Exec(db_, "PRAGMA synchronous = NORMAL", path_));
    // 64 MiB page cache: large ingests update a primary key and an index per row.
    RETURN_IF_ERROR(Exec(db_, "PRAGMA cache_size = -65536", path_));
    if (options.max_page_count > 0) {
      RETURN_IF_ERROR(Exec(db_, "PRAGMA max_page_count = " + std::to_string(options.max_page_count), path_));
    }
    return Migrate();
  }

  int SchemaVersion() override {
    Statement stmt;
    if (!stmt.Prepare(db_, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations").ok()) return 0;
    return sqlite3_step(stmt.get()) == SQLITE_ROW ? sqlite3_column_int(stmt.get(), 0) : 0;
  }

  Result<std::unique_ptr<IngestTransaction>> BeginIngest() override {
    auto tx = std::make_unique<SqliteIngestTransaction>(db_);
    RETURN_IF_ERROR(tx->Begin());
    return std::unique_ptr<IngestTransaction>(std::move(tx));
  }

  Result<std::optional<IngestedFile>> FindIngestedFile(const std::string& source, const std::string& sha256) override {
    ASSIGN_OR_RETURN(auto files, QueryFiles("WHERE source = ? AND sha256 = ?", {source, sha256}));
    if (files.empty()) return std::optional<IngestedFile>();
    return std::optional<IngestedFile>(files.front());
  }

  Result<std::vector<IngestedFile>> IngestedFiles() override { return QueryFiles("", {}); }

  Result<std::vector<RejectedRow>> Rejects(int64_t file_id) override {
    Statement stmt;
    RETURN_IF_ERROR(stmt.Prepare(
        db_, "SELECT line, column_name, value, reason, hint, raw FROM rejects WHERE ingest_file_id = ? ORDER BY id"));
    sqlite3_bind_int64(stmt.get(), 1, file_id);
    std::vector<RejectedRow> out;
    int rc;
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
      out.push_back({static_cast<long>(sqlite3_column_int64(stmt.get(), 0)), ColumnText(stmt.get(), 1),
                     ColumnText(stmt.get(), 2), ColumnText(stmt.get(), 3), ColumnText(stmt.get(), 4),
                     ColumnText(stmt.get(), 5)});
    }
    if (rc != SQLITE_DONE) return SqliteError(db_, rc, "reading rejected rows");
    return out;
  }

  Result<std::optional<std::string>> Setting(const std::string& key) override {
    Statement stmt;
    RETURN_IF_ERROR(stmt.Prepare(db_, "SELECT value FROM settings WHERE key = ?"));
    sqlite3_bind_text(stmt.get(), 1, key.c_str(), -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(stmt.get());
    if (rc == SQLITE_ROW) return std::optional<std::string>(ColumnText(stmt.get(), 0));
    if (rc != SQLITE_DONE) return SqliteError(db_, rc, "reading setting " + key);
    return std::optional<std::string>();
  }

  Result<std::vector<SourceSummary>> Summarise() override {
    std::vector<SourceSummary> out;
    for (const auto& contract : sources::AllContracts()) {
      SourceSummary summary;
      summary.source = contract.name;
      std::string table = SourceTableName(contract);
      {
        Statement stmt;
        RETURN_IF_ERROR(stmt.Prepare(db_, "SELECT COUNT(*), COALESCE(SUM(rows_rejected), 0) FROM ingest_files WHERE source = ?"));
        sqlite3_bind_text(stmt.get(), 1, contract.name.c_str(), -1, SQLITE_TRANSIENT);
        if (sqlite3_step(stmt.get()) == SQLITE_ROW) {
          summary.files = sqlite3_column_int64(stmt.get(), 0);
          summary.rejected = sqlite3_column_int64(stmt.get(), 1);
        }
      }
      {
        Statement stmt;
        RETURN_IF_ERROR(stmt.Prepare(db_, "SELECT COUNT(*) FROM " + table));
        if (sqlite3_step(stmt.get()) == SQLITE_ROW) summary.rows = sqlite3_column_int64(stmt.get(), 0);
      }
      if (contract.extract.Find("gemeente") != nullptr) {
        Statement stmt;
        RETURN_IF_ERROR(stmt.Prepare(db_, "SELECT gemeente, COUNT(*) FROM " + table + " GROUP BY gemeente ORDER BY gemeente"));
        while (sqlite3_step(stmt.get()) == SQLITE_ROW) {
          summary.rows_per_gemeente[ColumnText(stmt.get(), 0)] = sqlite3_column_int64(stmt.get(), 1);
        }
      }
      std::string date_column = contract.extract.date_column;
      if (date_column.empty() && contract.extract.Find("week") != nullptr) date_column = "week";
      if (date_column.empty() && contract.extract.Find("jaar") != nullptr) date_column = "jaar";
      if (!date_column.empty()) {
        Statement stmt;
        RETURN_IF_ERROR(stmt.Prepare(db_, "SELECT MIN(\"" + date_column + "\"), MAX(\"" + date_column + "\") FROM " + table));
        if (sqlite3_step(stmt.get()) == SQLITE_ROW) {
          summary.first_date = ColumnText(stmt.get(), 0);
          summary.last_date = ColumnText(stmt.get(), 1);
        }
      }
      out.push_back(std::move(summary));
    }
    return out;
  }

  Result<int64_t> MaxIngestFileId() override {
    Statement stmt;
    RETURN_IF_ERROR(stmt.Prepare(db_, "SELECT COALESCE(MAX(id), 0) FROM ingest_files"));
    int rc = sqlite3_step(stmt.get());
    if (rc != SQLITE_ROW) return SqliteError(db_, rc, "reading the ingest log");
    return static_cast<int64_t>(sqlite3_column_int64(stmt.get(), 0));
  }

  Result<int64_t> WriteLinkage(const LinkRunInfo& run, const std::vector<LinkedInvolvement>& involvements,
                               const std::vector<LinkPairRow>& pairs) override {
    RETURN_IF_ERROR(Exec(db_, "BEGIN IMMEDIATE", "storing the linkage"));
    Status status = WriteLinkageInTransaction(run, involvements, pairs);
    if (!status.ok()) {
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
      return status;
    }
    RETURN_IF_ERROR(Exec(db_, "COMMIT", "storing the linkage"));
    return static_cast<int64_t>(last_run_id_);
  }

  Result<int64_t> ExtendLinkage(const LinkRunInfo& run, int64_t first_new, const std::vector<LinkKeyUpdate>& updated,
                                const std::vector<LinkedInvolvement>& appended,
                                const std::vector<LinkPairRow>& pairs) override {
    RETURN_IF_ERROR(Exec(db_, "BEGIN IMMEDIATE", "extending the linkage"));
    Status status = ExtendLinkageInTransaction(run, first_new, updated, appended, pairs);
    if (!status.ok()) {
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
      return status;
    }
    RETURN_IF_ERROR(Exec(db_, "COMMIT", "extending the linkage"));
    return static_cast<int64_t>(last_run_id_);
  }

  Result<std::optional<LinkRunInfo>> LatestLinkRun() override {
    Statement stmt;
    RETURN_IF_ERROR(stmt.Prepare(db_,
                                 "SELECT id, created_at, max_ingest_file_id, involvements, pairs_compared, pairs_kept, "
                                 "persons, households, details FROM link_runs ORDER BY id DESC LIMIT 1"));
    int rc = sqlite3_step(stmt.get());
    if (rc == SQLITE_DONE) return std::optional<LinkRunInfo>();
    if (rc != SQLITE_ROW) return SqliteError(db_, rc, "reading the linkage runs");
    LinkRunInfo run;
    run.id = sqlite3_column_int64(stmt.get(), 0);
    run.created_at = ColumnText(stmt.get(), 1);
    run.max_ingest_file_id = sqlite3_column_int64(stmt.get(), 2);
    run.involvements = sqlite3_column_int64(stmt.get(), 3);
    run.pairs_compared = sqlite3_column_int64(stmt.get(), 4);
    run.pairs_kept = sqlite3_column_int64(stmt.get(), 5);
    run.persons = sqlite3_column_int64(stmt.get(), 6);
    run.households = sqlite3_column_int64(stmt.get(), 7);
    run.details = ColumnText(stmt.get(), 8);
    return std::optional<LinkRunInfo>(run);
  }

  Result<std::vector<LinkedInvolvement>> LinkedInvolvements() override {
    Statement stmt;
    RETURN_IF_ERROR(stmt.Prepare(db_,
                                 "SELECT source, record_id, betrokkene_nr, person_key, household_key "
                                 "FROM link_involvements ORDER BY idx"));
    std::vector<LinkedInvolvement> out;
    int rc;
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
      out.push_back({ColumnText(stmt.get(), 0), ColumnText(stmt.get(), 1), sqlite3_column_int(stmt.get(), 2),
                     ColumnText(stmt.get(), 3), ColumnText(stmt.get(), 4)});
    }
    if (rc != SQLITE_DONE) return SqliteError(db_, rc, "reading the linkage");
    return out;
  }

  Result<std::vector<LinkPairRow>> LinkPairs(double min_probability) override {
    Statement stmt;
    RETURN_IF_ERROR(stmt.Prepare(db_,
                                 "SELECT a, b, weight, probability, exact FROM link_pairs "
                                 "WHERE probability >= ? OR exact ORDER BY a, b"));
    sqlite3_bind_double(stmt.get(), 1, min_probability);
    std::vector<LinkPairRow> out;
    int rc;
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
      out.push_back({static_cast<uint32_t>(sqlite3_column_int64(stmt.get(), 0)),
                     static_cast<uint32_t>(sqlite3_column_int64(stmt.get(), 1)), sqlite3_column_double(stmt.get(), 2),
                     sqlite3_column_double(stmt.get(), 3), sqlite3_column_int(stmt.get(), 4) != 0});
    }
    if (rc != SQLITE_DONE) return SqliteError(db_, rc, "reading the link pairs");
    return out;
  }

  Status ScanRecords(const sources::SourceContract& contract,
                     const std::function<Status(const std::vector<std::string>&)>& row) override {
    std::string sql = "SELECT ";
    const auto& columns = contract.extract.columns;
    for (size_t i = 0; i < columns.size(); ++i) sql += (i ? ", \"" : "\"") + columns[i].name + "\"";
    sql += " FROM " + SourceTableName(contract) + " ORDER BY ingest_file_id, line";
    Statement stmt;
    RETURN_IF_ERROR(stmt.Prepare(db_, sql));
    std::vector<std::string> values(columns.size());
    int rc;
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
      for (size_t i = 0; i < columns.size(); ++i) {
        if (sqlite3_column_type(stmt.get(), static_cast<int>(i)) == SQLITE_NULL) {
          values[i].clear();
        } else if (columns[i].type == sources::ColumnType::kDecimal) {
          char buf[32];
          std::snprintf(buf, sizeof buf, "%.17g", sqlite3_column_double(stmt.get(), static_cast<int>(i)));
          values[i] = buf;
        } else {
          values[i] = ColumnText(stmt.get(), static_cast<int>(i));
        }
      }
      RETURN_IF_ERROR(row(values));
    }
    if (rc != SQLITE_DONE) return SqliteError(db_, rc, "reading " + contract.name);
    return Status::Ok();
  }

 private:
  Result<std::vector<IngestedFile>> QueryFiles(const std::string& where, const std::vector<std::string>& args) {
    Statement stmt;
    RETURN_IF_ERROR(stmt.Prepare(db_,
                                 "SELECT id, source, file_name, sha256, contract_version, key_fingerprint, description, "
                                 "rows_read, rows_accepted, rows_rejected, ingested_at FROM ingest_files " +
                                     where + " ORDER BY id"));
    for (size_t i = 0; i < args.size(); ++i) {
      sqlite3_bind_text(stmt.get(), static_cast<int>(i) + 1, args[i].c_str(), -1, SQLITE_TRANSIENT);
    }
    std::vector<IngestedFile> out;
    int rc;
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
      IngestedFile f;
      f.id = sqlite3_column_int64(stmt.get(), 0);
      f.source = ColumnText(stmt.get(), 1);
      f.file_name = ColumnText(stmt.get(), 2);
      f.sha256 = ColumnText(stmt.get(), 3);
      f.contract_version = sqlite3_column_int(stmt.get(), 4);
      f.key_fingerprint = ColumnText(stmt.get(), 5);
      f.description = ColumnText(stmt.get(), 6);
      f.rows_read = sqlite3_column_int64(stmt.get(), 7);
      f.rows_accepted = sqlite3_column_int64(stmt.get(), 8);
      f.rows_rejected = sqlite3_column_int64(stmt.get(), 9);
      f.ingested_at = ColumnText(stmt.get(), 10);
      out.push_back(std::move(f));
    }
    if (rc != SQLITE_DONE) return SqliteError(db_, rc, "reading the ingest log");
    return out;
  }

  Status WriteLinkageInTransaction(const LinkRunInfo& run, const std::vector<LinkedInvolvement>& involvements,
                                   const std::vector<LinkPairRow>& pairs) {
    RETURN_IF_ERROR(Exec(db_, "DELETE FROM link_pairs", "replacing the linkage"));
    RETURN_IF_ERROR(Exec(db_, "DELETE FROM link_involvements", "replacing the linkage"));
    RETURN_IF_ERROR(InsertInvolvements(0, involvements));
    RETURN_IF_ERROR(InsertPairs(pairs));
    return InsertRun(run);
  }

  Status ExtendLinkageInTransaction(const LinkRunInfo& run, int64_t first_new, const std::vector<LinkKeyUpdate>& updated,
                                    const std::vector<LinkedInvolvement>& appended,
                                    const std::vector<LinkPairRow>& pairs) {
    ASSIGN_OR_RETURN(int64_t stored, CountRows("link_involvements"));
    if (stored != first_new) {
      return FailedPreconditionError("the stored linkage has " + std::to_string(stored) +
                                     " involvements, not the " + std::to_string(first_new) +
                                     " this incremental run extends; link again");
    }
    {
      Statement stmt;
      RETURN_IF_ERROR(
          stmt.Prepare(db_, "UPDATE link_involvements SET person_key = ?, household_key = ? WHERE idx = ?"));
      for (const LinkKeyUpdate& update : updated) {
        sqlite3_reset(stmt.get());
        sqlite3_bind_text(stmt.get(), 1, update.person_key.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(stmt.get(), 2, update.household_key.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(stmt.get(), 3, update.idx);
        int rc = sqlite3_step(stmt.get());
        if (rc != SQLITE_DONE) return SqliteError(db_, rc, "updating the linkage");
        if (update.idx < 0 || update.idx >= first_new || sqlite3_changes(db_) != 1) {
          return InvalidArgumentError("no stored involvement " + std::to_string(update.idx) + " to update");
        }
      }
    }
    RETURN_IF_ERROR(InsertInvolvements(first_new, appended));
    RETURN_IF_ERROR(InsertPairs(pairs));
    return InsertRun(run);
  }

  Result<int64_t> CountRows(const std::string& table) {
    Statement stmt;
    RETURN_IF_ERROR(stmt.Prepare(db_, "SELECT count(*) FROM " + table));
    int rc = sqlite3_step(stmt.get());
    if (rc != SQLITE_ROW) return SqliteError(db_, rc, "counting " + table);
    return static_cast<int64_t>(sqlite3_column_int64(stmt.get(), 0));
  }

  // Logs the run with the counts as they now are in the store.
  Status InsertRun(const LinkRunInfo& run) {
    ASSIGN_OR_RETURN(int64_t involvements, CountRows("link_involvements"));
    ASSIGN_OR_RETURN(int64_t pairs, CountRows("link_pairs"));
    Statement stmt;
    RETURN_IF_ERROR(stmt.Prepare(db_,
                                 "INSERT INTO link_runs (created_at, max_ingest_file_id, involvements, pairs_compared, "
                                 "pairs_kept, persons, households, details) VALUES (?,?,?,?,?,?,?,?)"));
    std::string now = NowUtc();
    sqlite3_bind_text(stmt.get(), 1, now.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(stmt.get(), 2, run.max_ingest_file_id);
    sqlite3_bind_int64(stmt.get(), 3, involvements);
    sqlite3_bind_int64(stmt.get(), 4, run.pairs_compared);
    sqlite3_bind_int64(stmt.get(), 5, pairs);
    sqlite3_bind_int64(stmt.get(), 6, run.persons);
    sqlite3_bind_int64(stmt.get(), 7, run.households);
    sqlite3_bind_text(stmt.get(), 8, run.details.c_str(), -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(stmt.get());
    if (rc != SQLITE_DONE) return SqliteError(db_, rc, "recording the linkage run");
    last_run_id_ = sqlite3_last_insert_rowid(db_);
    return Status::Ok();
  }

  Status InsertInvolvements(int64_t first_idx, const std::vector<LinkedInvolvement>& involvements) {
    Statement stmt;
    RETURN_IF_ERROR(stmt.Prepare(db_, "INSERT INTO link_involvements VALUES (?,?,?,?,?,?)"));
    for (size_t i = 0; i < involvements.size(); ++i) {
      const auto& inv = involvements[i];
      sqlite3_reset(stmt.get());
      sqlite3_bind_int64(stmt.get(), 1, first_idx + static_cast<int64_t>(i));
      sqlite3_bind_text(stmt.get(), 2, inv.source.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(stmt.get(), 3, inv.record_id.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int(stmt.get(), 4, inv.betrokkene_nr);
      sqlite3_bind_text(stmt.get(), 5, inv.person_key.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(stmt.get(), 6, inv.household_key.c_str(), -1, SQLITE_TRANSIENT);
      int rc = sqlite3_step(stmt.get());
      if (rc != SQLITE_DONE) return SqliteError(db_, rc, "storing the linkage");
    }
    return Status::Ok();
  }

  Status InsertPairs(const std::vector<LinkPairRow>& pairs) {
    Statement stmt;
    RETURN_IF_ERROR(stmt.Prepare(db_, "INSERT INTO link_pairs VALUES (?,?,?,?,?)"));
    for (const auto& pair : pairs) {
      sqlite3_reset(stmt.get());
      sqlite3_bind_int64(stmt.get(), 1, pair.a);
      sqlite3_bind_int64(stmt.get(), 2, pair.b);
      sqlite3_bind_double(stmt.get(), 3, pair.weight);
      sqlite3_bind_double(stmt.get(), 4, pair.probability);
      sqlite3_bind_int(stmt.get(), 5, pair.exact ? 1 : 0);
      int rc = sqlite3_step(stmt.get());
      if (rc != SQLITE_DONE) return SqliteError(db_, rc, "storing the link pairs");
    }
    return Status::Ok();
  }

  Status Migrate() {
    // A database that has tables but no schema_migrations is not ours.
    bool has_tables = false, has_migrations = false;
    {
      Statement probe;
      RETURN_IF_ERROR(probe.Prepare(db_, "SELECT name FROM sqlite_master WHERE type = 'table'"));
      int rc;
      while ((rc = sqlite3_step(probe.get())) == SQLITE_ROW) {
        has_tables = true;
        if (ColumnText(probe.get(), 0) == "schema_migrations") has_migrations = true;
      }
      if (rc != SQLITE_DONE) return SqliteError(db_, rc, path_);
    }
    if (has_tables && !has_migrations) {
      return DataError(path_ + ": this SQLite database was not made by samenzicht; choose another --db");
    }
    if (!has_migrations) {
      RETURN_IF_ERROR(Exec(db_,
                           "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, "
                           "applied_at TEXT NOT NULL)",
                           path_ + ": creating the schema"));
    }
    int current = SchemaVersion();
    const auto& migrations = AllMigrations();
    if (current > migrations.back().version) {
      return DataError(path_ + ": the database has schema version " + std::to_string(current) +
                       ", newer than this samenzicht knows (" + std::to_string(migrations.back().version) +
                       "); use a newer samenzicht");
    }
    for (const Migration& migration : migrations) {
      if (migration.version <= current) continue;
      RETURN_IF_ERROR(Exec(db_, "BEGIN IMMEDIATE", path_ + ": migrating"));
      for (const std::string& sql : migration.statements) {
        Status status = Exec(db_, sql, path_ + ": migration " + std::to_string(migration.version));
        if (!status.ok()) {
          sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
          return status;
        }
      }
      {
        Statement record;
        RETURN_IF_ERROR(record.Prepare(db_, "INSERT INTO schema_migrations VALUES (?, ?, ?)"));
        sqlite3_bind_int(record.get(), 1, migration.version);
        sqlite3_bind_text(record.get(), 2, migration.description.c_str(), -1, SQLITE_TRANSIENT);
        std::string now = NowUtc();
        sqlite3_bind_text(record.get(), 3, now.c_str(), -1, SQLITE_TRANSIENT);
        if (sqlite3_step(record.get()) != SQLITE_DONE) {
          sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
          return SqliteError(db_, SQLITE_ERROR, path_ + ": recording migration");
        }
      }
      RETURN_IF_ERROR(Exec(db_, "COMMIT", path_ + ": migration " + std::to_string(migration.version)));
    }
    return CheckContracts();
  }

  Status CheckContracts() {
    for (const auto& contract : sources::AllContracts()) {
      Statement stmt;
      RETURN_IF_ERROR(stmt.Prepare(db_, "SELECT version, signature FROM source_contracts WHERE source = ?"));
      sqlite3_bind_text(stmt.get(), 1, contract.name.c_str(), -1, SQLITE_TRANSIENT);
      if (sqlite3_step(stmt.get()) != SQLITE_ROW) {
        return InternalError(path_ + ": no table for source " + contract.name + "; a migration is missing");
      }
      int version = sqlite3_column_int(stmt.get(), 0);
      std::string signature = ColumnText(stmt.get(), 1);
      if (version != contract.version || signature != ContractSignature(contract)) {
        return InternalError(path_ + ": the stored table of source " + contract.name + " (contract version " +
                             std::to_string(version) + ") differs from this program's contract (version " +
                             std::to_string(contract.version) + "); a migration is missing");
      }
    }
    return Status::Ok();
  }

  sqlite3* db_;
  std::string path_;
  int64_t last_run_id_ = 0;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, const SqliteOptions& options) {
  namespace fs = std::filesystem;
  fs::path file(path);
  if (fs::is_directory(file)) return IoError(path + ": is a directory; --db must name a database file");
  if (options.create_directories && file.has_parent_path() && !fs::exists(file.parent_path())) {
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    if (ec) return IoError(path + ": cannot create directory " + file.parent_path().string() + ": " + ec.message());
  }
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    Status status = SqliteError(db, rc, path);
    sqlite3_close_v2(db);
    return status;
  }
  auto store = std::make_unique<SqliteStore>(db, path);
  RETURN_IF_ERROR(store->Init(options));
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace sz::store
