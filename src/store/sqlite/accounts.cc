// The SQLite accounts: table accounts (migration 8).
#include "store/messages.h"
#include "store/sqlite/connection.h"

namespace sz::store::sqlite {

Status SqliteAccounts::Add(const Account& account) {
  RETURN_IF_ERROR(connection_.RequireTransaction("een gebruiker toevoegen"));
  ASSIGN_OR_RETURN(std::optional<Account> existing, Get(account.name));
  if (existing) return AlreadyExistsError(msg::AccountExists(account.name));
  std::string now = NowUtc();
  Statement stmt;
  RETURN_IF_ERROR(stmt.Prepare(connection_,
                               "INSERT INTO accounts (name, role, password_hash, created_at, changed_at) "
                               "VALUES (?, ?, ?, ?, ?)"));
  BindText(stmt.get(), 1, account.name);
  BindText(stmt.get(), 2, account.role);
  BindText(stmt.get(), 3, account.password_hash);
  BindText(stmt.get(), 4, account.created_at.empty() ? now : account.created_at);
  BindText(stmt.get(), 5, account.changed_at.empty() ? now : account.changed_at);
  int rc = sqlite3_step(stmt.get());
  if (rc != SQLITE_DONE) return SqliteError(connection_.db, rc, "gebruiker " + account.name + " opslaan");
  return Status::Ok();
}

Status SqliteAccounts::SetPasswordHash(const std::string& name, const std::string& password_hash) {
  RETURN_IF_ERROR(connection_.RequireTransaction("een wachtwoord wijzigen"));
  Statement stmt;
  RETURN_IF_ERROR(stmt.Prepare(connection_, "UPDATE accounts SET password_hash = ?, changed_at = ? WHERE name = ?"));
  BindText(stmt.get(), 1, password_hash);
  BindText(stmt.get(), 2, NowUtc());
  BindText(stmt.get(), 3, name);
  int rc = sqlite3_step(stmt.get());
  if (rc != SQLITE_DONE) return SqliteError(connection_.db, rc, "het wachtwoord van " + name + " opslaan");
  if (sqlite3_changes(connection_.db) == 0) return NotFoundError(msg::NoSuchAccount(name));
  return Status::Ok();
}

Status SqliteAccounts::Remove(const std::string& name) {
  RETURN_IF_ERROR(connection_.RequireTransaction("een gebruiker verwijderen"));
  Statement stmt;
  RETURN_IF_ERROR(stmt.Prepare(connection_, "DELETE FROM accounts WHERE name = ?"));
  BindText(stmt.get(), 1, name);
  int rc = sqlite3_step(stmt.get());
  if (rc != SQLITE_DONE) return SqliteError(connection_.db, rc, "gebruiker " + name + " verwijderen");
  if (sqlite3_changes(connection_.db) == 0) return NotFoundError(msg::NoSuchAccount(name));
  return Status::Ok();
}

Result<std::optional<Account>> SqliteAccounts::Get(const std::string& name) {
  ASSIGN_OR_RETURN(std::vector<Account> found, Query(&name));
  if (found.empty()) return std::optional<Account>();
  return std::optional<Account>(std::move(found.front()));
}

Result<std::vector<Account>> SqliteAccounts::All() { return Query(nullptr); }

Result<std::vector<Account>> SqliteAccounts::Query(const std::string* name) {
  Statement stmt;
  std::string sql = "SELECT name, role, password_hash, created_at, changed_at FROM accounts";
  sql += name != nullptr ? " WHERE name = ?" : " ORDER BY name";
  RETURN_IF_ERROR(stmt.Prepare(connection_, sql));
  if (name != nullptr) BindText(stmt.get(), 1, *name);
  std::vector<Account> accounts;
  int rc;
  while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
    accounts.push_back({.name = ColumnText(stmt.get(), 0),
                        .role = ColumnText(stmt.get(), 1),
                        .password_hash = ColumnText(stmt.get(), 2),
                        .created_at = ColumnText(stmt.get(), 3),
                        .changed_at = ColumnText(stmt.get(), 4)});
  }
  if (rc != SQLITE_DONE) return SqliteError(connection_.db, rc, "de gebruikers lezen");
  return accounts;
}

}  // namespace sz::store::sqlite
