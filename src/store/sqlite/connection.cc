#include "store/sqlite/connection.h"

#include <ctime>

#include "store/messages.h"

namespace sz::store::sqlite {

Status SqliteError(sqlite3* db, int rc, std::string_view what) {
  int extended = db != nullptr ? sqlite3_extended_errcode(db) : rc;
  std::string detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  switch (rc & 0xFF) {
    case SQLITE_FULL: return IoError(msg::DiskFull(what));
    case SQLITE_READONLY: return IoError(msg::NotWritable(what, detail));
    case SQLITE_CANTOPEN: return IoError(msg::CannotOpen(what, detail));
    case SQLITE_NOTADB: return DataError(msg::NotADatabase(what));
    case SQLITE_IOERR: return IoError(msg::IoFailure(what, detail, extended));
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return IoError(msg::Locked(what));
    default: return IoError(msg::Failure(what, detail));
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

sqlite3_stmt* StatementCache::Take(const std::string& sql) {
  auto it = idle_.find(sql);
  if (it == idle_.end()) return nullptr;
  sqlite3_stmt* stmt = it->second;
  idle_.erase(it);
  return stmt;
}

void StatementCache::Give(std::string sql, sqlite3_stmt* stmt) {
  if (stmt == nullptr) return;
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  if (idle_.size() >= kMaxStatements) {
    sqlite3_finalize(stmt);
    return;
  }
  idle_.emplace(std::move(sql), stmt);
}

void StatementCache::Clear() {
  for (auto& [sql, stmt] : idle_) sqlite3_finalize(stmt);
  idle_.clear();
}

void Statement::Release() {
  if (cache_ != nullptr) {
    cache_->Give(std::move(sql_), stmt_);
  } else {
    sqlite3_finalize(stmt_);
  }
  stmt_ = nullptr;
  cache_ = nullptr;
  sql_.clear();
}

Status Statement::Prepare(sqlite3* db, const std::string& sql) {
  Release();
  int rc = sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt_, nullptr);
  if (rc != SQLITE_OK) return SqliteError(db, rc, "SQL voorbereiden");
  return Status::Ok();
}

Status Statement::Prepare(Connection& connection, const std::string& sql) {
  Release();
  stmt_ = connection.statements.Take(sql);
  if (stmt_ == nullptr) {
    int rc = sqlite3_prepare_v2(connection.db, sql.c_str(), -1, &stmt_, nullptr);
    if (rc != SQLITE_OK) {
      sqlite3_finalize(stmt_);
      stmt_ = nullptr;
      return SqliteError(connection.db, rc, "SQL voorbereiden");
    }
  }
  cache_ = &connection.statements;
  sql_ = sql;
  return Status::Ok();
}

Status Exec(sqlite3* db, const std::string& sql, std::string_view what) {
  char* err = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
  if (err != nullptr) sqlite3_free(err);
  if (rc != SQLITE_OK) return SqliteError(db, rc, what);
  return Status::Ok();
}

std::string ColumnText(sqlite3_stmt* stmt, int col) {
  const unsigned char* text = sqlite3_column_text(stmt, col);
  return text ? std::string(reinterpret_cast<const char*>(text), sqlite3_column_bytes(stmt, col)) : "";
}

void BindOptional(sqlite3_stmt* stmt, int index, const std::optional<double>& value) {
  if (value) {
    sqlite3_bind_double(stmt, index, *value);
  } else {
    sqlite3_bind_null(stmt, index);
  }
}

std::optional<double> ColumnOptional(sqlite3_stmt* stmt, int col) {
  if (sqlite3_column_type(stmt, col) == SQLITE_NULL) return std::nullopt;
  return sqlite3_column_double(stmt, col);
}

void BindText(sqlite3_stmt* stmt, int index, std::string_view text) {
  sqlite3_bind_text(stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

Result<int64_t> CountRows(sqlite3* db, const std::string& table) {
  Statement stmt;
  RETURN_IF_ERROR(stmt.Prepare(db, "SELECT count(*) FROM " + table));
  int rc = sqlite3_step(stmt.get());
  if (rc != SQLITE_ROW) return SqliteError(db, rc, "tellen van " + table);
  return static_cast<int64_t>(sqlite3_column_int64(stmt.get(), 0));
}

Status Connection::RequireTransaction(std::string_view what) const {
  if (!in_transaction) return FailedPreconditionError(msg::WriteOutsideTransaction(what));
  return Status::Ok();
}

}  // namespace sz::store::sqlite
