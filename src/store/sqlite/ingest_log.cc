// The SQLite ingest log: tables ingest_files and rejects (migration 1).
#include "store/messages.h"
#include "store/sqlite/connection.h"

namespace sz::store::sqlite {

Result<int64_t> SqliteIngestLog::AddFile(const IngestFileInfo& info) {
  RETURN_IF_ERROR(connection_.RequireTransaction("een ingelezen bestand vastleggen"));
  Statement stmt;
  RETURN_IF_ERROR(
      stmt.Prepare(connection_,
                   "INSERT INTO ingest_files (source, file_name, sha256, contract_version, key_fingerprint, "
                   "description, rows_read, rows_accepted, rows_rejected, ingested_at) "
                   "VALUES (?,?,?,?,?,?,?,?,?,?)"));
  BindText(stmt.get(), 1, info.source);
  BindText(stmt.get(), 2, info.file_name);
  BindText(stmt.get(), 3, info.sha256);
  sqlite3_bind_int(stmt.get(), 4, info.contract_version);
  BindText(stmt.get(), 5, info.key_fingerprint);
  BindText(stmt.get(), 6, info.description);
  sqlite3_bind_int64(stmt.get(), 7, info.rows_read);
  sqlite3_bind_int64(stmt.get(), 8, info.rows_accepted);
  sqlite3_bind_int64(stmt.get(), 9, info.rows_rejected);
  BindText(stmt.get(), 10, info.ingested_at.empty() ? NowUtc() : info.ingested_at);
  int rc = sqlite3_step(stmt.get());
  if ((rc & 0xFF) == SQLITE_CONSTRAINT) return AlreadyExistsError(msg::FileAlreadyIngested(info.file_name));
  if (rc != SQLITE_DONE) return SqliteError(connection_.db, rc, "ingelezen bestand " + info.file_name + " vastleggen");
  return static_cast<int64_t>(sqlite3_last_insert_rowid(connection_.db));
}

Status SqliteIngestLog::UpdateFileCounts(int64_t file_id, int64_t read, int64_t accepted, int64_t rejected) {
  RETURN_IF_ERROR(connection_.RequireTransaction("tellingen van een ingelezen bestand bijwerken"));
  Statement stmt;
  RETURN_IF_ERROR(stmt.Prepare(
      connection_, "UPDATE ingest_files SET rows_read = ?, rows_accepted = ?, rows_rejected = ? WHERE id = ?"));
  sqlite3_bind_int64(stmt.get(), 1, read);
  sqlite3_bind_int64(stmt.get(), 2, accepted);
  sqlite3_bind_int64(stmt.get(), 3, rejected);
  sqlite3_bind_int64(stmt.get(), 4, file_id);
  int rc = sqlite3_step(stmt.get());
  if (rc != SQLITE_DONE) return SqliteError(connection_.db, rc, "tellingen bijwerken");
  return Status::Ok();
}

Status SqliteIngestLog::AddReject(int64_t file_id, const RejectedRow& reject) {
  RETURN_IF_ERROR(connection_.RequireTransaction("een afgewezen rij opslaan"));
  if (!reject_stmt_) {
    reject_stmt_ = std::make_unique<Statement>();
    RETURN_IF_ERROR(reject_stmt_->Prepare(
        connection_,
        "INSERT INTO rejects (ingest_file_id, line, column_name, value, reason, hint, raw) VALUES (?,?,?,?,?,?,?)"));
  }
  sqlite3_stmt* s = reject_stmt_->get();
  sqlite3_reset(s);
  sqlite3_bind_int64(s, 1, file_id);
  sqlite3_bind_int64(s, 2, reject.line);
  BindText(s, 3, reject.column);
  BindText(s, 4, reject.value);
  BindText(s, 5, reject.reason);
  BindText(s, 6, reject.hint);
  BindText(s, 7, reject.raw);
  int rc = sqlite3_step(s);
  if (rc != SQLITE_DONE) return SqliteError(connection_.db, rc, "een afgewezen rij opslaan");
  return Status::Ok();
}

void SqliteIngestLog::ResetStatements() {
  if (reject_stmt_) reject_stmt_->Reset();
}

Result<std::optional<IngestedFile>> SqliteIngestLog::FindFile(const std::string& source, const std::string& sha256) {
  ASSIGN_OR_RETURN(auto files, QueryFiles("WHERE source = ? AND sha256 = ?", {source, sha256}));
  if (files.empty()) return std::optional<IngestedFile>();
  return std::optional<IngestedFile>(files.front());
}

Result<std::vector<IngestedFile>> SqliteIngestLog::Files() { return QueryFiles("", {}); }

Result<std::vector<RejectedRow>> SqliteIngestLog::Rejects(int64_t file_id) {
  Statement stmt;
  RETURN_IF_ERROR(stmt.Prepare(
      connection_,
      "SELECT line, column_name, value, reason, hint, raw FROM rejects WHERE ingest_file_id = ? ORDER BY id"));
  sqlite3_bind_int64(stmt.get(), 1, file_id);
  std::vector<RejectedRow> out;
  int rc;
  while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
    out.push_back({static_cast<long>(sqlite3_column_int64(stmt.get(), 0)), ColumnText(stmt.get(), 1),
                   ColumnText(stmt.get(), 2), ColumnText(stmt.get(), 3), ColumnText(stmt.get(), 4),
                   ColumnText(stmt.get(), 5)});
  }
  if (rc != SQLITE_DONE) return SqliteError(connection_.db, rc, "afgewezen rijen lezen");
  return out;
}

Result<int64_t> SqliteIngestLog::MaxFileId() {
  Statement stmt;
  RETURN_IF_ERROR(stmt.Prepare(connection_, "SELECT COALESCE(MAX(id), 0) FROM ingest_files"));
  int rc = sqlite3_step(stmt.get());
  if (rc != SQLITE_ROW) return SqliteError(connection_.db, rc, "het inleeslogboek lezen");
  return static_cast<int64_t>(sqlite3_column_int64(stmt.get(), 0));
}

Result<std::vector<IngestedFile>> SqliteIngestLog::QueryFiles(const std::string& where,
                                                              const std::vector<std::string>& args) {
  Statement stmt;
  RETURN_IF_ERROR(stmt.Prepare(connection_,
                               "SELECT id, source, file_name, sha256, contract_version, key_fingerprint, description, "
                               "rows_read, rows_accepted, rows_rejected, ingested_at FROM ingest_files " +
                                   where + " ORDER BY id"));
  for (size_t i = 0; i < args.size(); ++i) BindText(stmt.get(), static_cast<int>(i) + 1, args[i]);
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
  if (rc != SQLITE_DONE) return SqliteError(connection_.db, rc, "het inleeslogboek lezen");
  return out;
}

}  // namespace sz::store::sqlite
