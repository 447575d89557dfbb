// The SQLite settings: table settings (migration 1).
#include "store/sqlite/connection.h"

namespace sz::store::sqlite {

Result<std::optional<std::string>> SqliteSettings::Get(const std::string& key) {
  Statement stmt;
  RETURN_IF_ERROR(stmt.Prepare(connection_, "SELECT value FROM settings WHERE key = ?"));
  BindText(stmt.get(), 1, key);
  int rc = sqlite3_step(stmt.get());
  if (rc == SQLITE_ROW) return std::optional<std::string>(ColumnText(stmt.get(), 0));
  if (rc != SQLITE_DONE) return SqliteError(connection_.db, rc, "instelling " + key + " lezen");
  return std::optional<std::string>();
}

Status SqliteSettings::Set(const std::string& key, const std::string& value) {
  RETURN_IF_ERROR(connection_.RequireTransaction("een instelling opslaan"));
  Statement stmt;
  RETURN_IF_ERROR(stmt.Prepare(connection_,
                               "INSERT INTO settings (key, value) VALUES (?, ?) "
                               "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
  BindText(stmt.get(), 1, key);
  BindText(stmt.get(), 2, value);
  int rc = sqlite3_step(stmt.get());
  if (rc != SQLITE_DONE) return SqliteError(connection_.db, rc, "instelling " + key + " opslaan");
  return Status::Ok();
}

}  // namespace sz::store::sqlite
