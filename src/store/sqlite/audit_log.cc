// The SQLite audit log: table audit_log (migration 8). Entries are only ever inserted.
#include "store/messages.h"
#include "store/sqlite/connection.h"

namespace sz::store::sqlite {
namespace {

constexpr const char* kSelect =
    "SELECT seq, at, user_name, action, parameters, cells, outcome, previous_hash, hash FROM audit_log";

AuditEntry ColumnEntry(sqlite3_stmt* stmt) {
  return {.seq = sqlite3_column_int64(stmt, 0),
          .at = ColumnText(stmt, 1),
          .user = ColumnText(stmt, 2),
          .action = ColumnText(stmt, 3),
          .parameters = ColumnText(stmt, 4),
          .cells = sqlite3_column_int64(stmt, 5),
          .outcome = ColumnText(stmt, 6),
          .previous_hash = ColumnText(stmt, 7),
          .hash = ColumnText(stmt, 8)};
}

}  // namespace

Result<int64_t> SqliteAuditLog::Append(const AuditEntry& entry) {
  RETURN_IF_ERROR(connection_.RequireTransaction("een auditregel schrijven"));
  ASSIGN_OR_RETURN(std::optional<AuditEntry> last, Last());
  if (entry.previous_hash != (last ? last->hash : std::string(kAuditGenesisHash))) {
    return FailedPreconditionError(msg::AuditChainMoved(last ? last->seq : 0));
  }
  Statement stmt;
  RETURN_IF_ERROR(stmt.Prepare(connection_,
                               "INSERT INTO audit_log (seq, at, user_name, action, parameters, cells, outcome, "
                               "previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  int64_t seq = last ? last->seq + 1 : 1;
  sqlite3_bind_int64(stmt.get(), 1, seq);
  BindText(stmt.get(), 2, entry.at);
  BindText(stmt.get(), 3, entry.user);
  BindText(stmt.get(), 4, entry.action);
  BindText(stmt.get(), 5, entry.parameters);
  sqlite3_bind_int64(stmt.get(), 6, entry.cells);
  BindText(stmt.get(), 7, entry.outcome);
  BindText(stmt.get(), 8, entry.previous_hash);
  BindText(stmt.get(), 9, entry.hash);
  int rc = sqlite3_step(stmt.get());
  if (rc != SQLITE_DONE) return SqliteError(connection_.db, rc, "een auditregel schrijven");
  return seq;
}

Result<std::optional<AuditEntry>> SqliteAuditLog::Last() {
  Statement stmt;
  RETURN_IF_ERROR(stmt.Prepare(connection_, std::string(kSelect) + " ORDER BY seq DESC LIMIT 1"));
  int rc = sqlite3_step(stmt.get());
  if (rc == SQLITE_ROW) return std::optional<AuditEntry>(ColumnEntry(stmt.get()));
  if (rc != SQLITE_DONE) return SqliteError(connection_.db, rc, "het auditlog lezen");
  return std::optional<AuditEntry>();
}

Result<std::vector<AuditEntry>> SqliteAuditLog::Entries(const AuditQuery& query) {
  Statement stmt;
  RETURN_IF_ERROR(
      stmt.Prepare(connection_, std::string(kSelect) + " WHERE at >= ? AND (? = '' OR user_name = ?) ORDER BY seq"));
  BindText(stmt.get(), 1, query.since);
  BindText(stmt.get(), 2, query.user);
  BindText(stmt.get(), 3, query.user);
  std::vector<AuditEntry> entries;
  int rc;
  while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) entries.push_back(ColumnEntry(stmt.get()));
  if (rc != SQLITE_DONE) return SqliteError(connection_.db, rc, "het auditlog lezen");
  return entries;
}

}  // namespace sz::store::sqlite
