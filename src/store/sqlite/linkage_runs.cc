// The SQLite linkage runs: tables link_runs, link_involvements and link_pairs (migration 3).
#include "store/messages.h"
#include "store/sqlite/connection.h"

namespace sz::store::sqlite {

Result<int64_t> SqliteLinkageRuns::Replace(const LinkRunInfo& run, const std::vector<LinkedInvolvement>& involvements,
                                           const std::vector<LinkPairRow>& pairs) {
  RETURN_IF_ERROR(connection_.RequireTransaction("de koppeling vervangen"));
  RETURN_IF_ERROR(Exec(connection_.db, "DELETE FROM link_pairs", "de koppeling vervangen"));
  RETURN_IF_ERROR(Exec(connection_.db, "DELETE FROM link_involvements", "de koppeling vervangen"));
  RETURN_IF_ERROR(InsertInvolvements(0, involvements));
  RETURN_IF_ERROR(InsertPairs(pairs));
  return InsertRun(run);
}

Result<int64_t> SqliteLinkageRuns::Extend(const LinkRunInfo& run, int64_t first_new,
                                          const std::vector<LinkKeyUpdate>& updated,
                                          const std::vector<LinkedInvolvement>& appended,
                                          const std::vector<LinkPairRow>& pairs) {
  RETURN_IF_ERROR(connection_.RequireTransaction("de koppeling uitbreiden"));
  ASSIGN_OR_RETURN(int64_t stored, CountRows(connection_.db, "link_involvements"));
  if (stored != first_new) return FailedPreconditionError(msg::StaleLinkage(stored, first_new));
  {
    Statement stmt;
    RETURN_IF_ERROR(
        stmt.Prepare(connection_, "UPDATE link_involvements SET person_key = ?, household_key = ? WHERE idx = ?"));
    for (const LinkKeyUpdate& update : updated) {
      if (update.idx < 0 || update.idx >= first_new) return InvalidArgumentError(msg::NoSuchInvolvement(update.idx));
      sqlite3_reset(stmt.get());
      BindText(stmt.get(), 1, update.person_key);
      BindText(stmt.get(), 2, update.household_key);
      sqlite3_bind_int64(stmt.get(), 3, update.idx);
      int rc = sqlite3_step(stmt.get());
      if (rc != SQLITE_DONE) return SqliteError(connection_.db, rc, "de koppeling bijwerken");
      if (sqlite3_changes(connection_.db) != 1) return InvalidArgumentError(msg::NoSuchInvolvement(update.idx));
    }
  }
  RETURN_IF_ERROR(InsertInvolvements(first_new, appended));
  RETURN_IF_ERROR(InsertPairs(pairs));
  return InsertRun(run);
}

Result<int64_t> SqliteLinkageRuns::InsertRun(const LinkRunInfo& run) {
  ASSIGN_OR_RETURN(int64_t involvements, CountRows(connection_.db, "link_involvements"));
  ASSIGN_OR_RETURN(int64_t pairs, CountRows(connection_.db, "link_pairs"));
  Statement stmt;
  RETURN_IF_ERROR(stmt.Prepare(connection_,
                               "INSERT INTO link_runs (created_at, max_ingest_file_id, involvements, pairs_compared, "
                               "pairs_kept, persons, households, details) VALUES (?,?,?,?,?,?,?,?)"));
  BindText(stmt.get(), 1, NowUtc());
  sqlite3_bind_int64(stmt.get(), 2, run.max_ingest_file_id);
  sqlite3_bind_int64(stmt.get(), 3, involvements);
  sqlite3_bind_int64(stmt.get(), 4, run.pairs_compared);
  sqlite3_bind_int64(stmt.get(), 5, pairs);
  sqlite3_bind_int64(stmt.get(), 6, run.persons);
  sqlite3_bind_int64(stmt.get(), 7, run.households);
  BindText(stmt.get(), 8, run.details);
  int rc = sqlite3_step(stmt.get());
  if (rc != SQLITE_DONE) return SqliteError(connection_.db, rc, "de koppelrun vastleggen");
  return static_cast<int64_t>(sqlite3_last_insert_rowid(connection_.db));
}

Status SqliteLinkageRuns::InsertInvolvements(int64_t first_idx, const std::vector<LinkedInvolvement>& involvements) {
  Statement stmt;
  RETURN_IF_ERROR(stmt.Prepare(connection_, "INSERT INTO link_involvements VALUES (?,?,?,?,?,?)"));
  for (size_t i = 0; i < involvements.size(); ++i) {
    const auto& inv = involvements[i];
    sqlite3_reset(stmt.get());
    sqlite3_bind_int64(stmt.get(), 1, first_idx + static_cast<int64_t>(i));
    BindText(stmt.get(), 2, inv.source);
    BindText(stmt.get(), 3, inv.record_id);
    sqlite3_bind_int(stmt.get(), 4, inv.betrokkene_nr);
    BindText(stmt.get(), 5, inv.person_key);
    BindText(stmt.get(), 6, inv.household_key);
    int rc = sqlite3_step(stmt.get());
    if (rc != SQLITE_DONE) return SqliteError(connection_.db, rc, "de koppeling opslaan");
  }
  return Status::Ok();
}

Status SqliteLinkageRuns::InsertPairs(const std::vector<LinkPairRow>& pairs) {
  Statement stmt;
  RETURN_IF_ERROR(stmt.Prepare(connection_, "INSERT INTO link_pairs VALUES (?,?,?,?,?)"));
  for (const auto& pair : pairs) {
    sqlite3_reset(stmt.get());
    sqlite3_bind_int64(stmt.get(), 1, pair.a);
    sqlite3_bind_int64(stmt.get(), 2, pair.b);
    sqlite3_bind_double(stmt.get(), 3, pair.weight);
    sqlite3_bind_double(stmt.get(), 4, pair.probability);
    sqlite3_bind_int(stmt.get(), 5, pair.exact ? 1 : 0);
    int rc = sqlite3_step(stmt.get());
    if (rc != SQLITE_DONE) return SqliteError(connection_.db, rc, "de koppelparen opslaan");
  }
  return Status::Ok();
}

Result<std::optional<LinkRunInfo>> SqliteLinkageRuns::Latest() {
  Statement stmt;
  RETURN_IF_ERROR(stmt.Prepare(connection_,
                               "SELECT id, created_at, max_ingest_file_id, involvements, pairs_compared, pairs_kept, "
                               "persons, households, details FROM link_runs ORDER BY id DESC LIMIT 1"));
  int rc = sqlite3_step(stmt.get());
  if (rc == SQLITE_DONE) return std::optional<LinkRunInfo>();
  if (rc != SQLITE_ROW) return SqliteError(connection_.db, rc, "de koppelruns lezen");
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

Result<std::vector<LinkedInvolvement>> SqliteLinkageRuns::Involvements() {
  std::vector<LinkedInvolvement> out;
  RETURN_IF_ERROR(ScanInvolvements([&](const LinkedInvolvement& involvement) {
    out.push_back(involvement);
    return Status::Ok();
  }));
  return out;
}

Status SqliteLinkageRuns::ScanInvolvements(const std::function<Status(const LinkedInvolvement&)>& visit) {
  Statement stmt;
  RETURN_IF_ERROR(stmt.Prepare(connection_,
                               "SELECT source, record_id, betrokkene_nr, person_key, household_key "
                               "FROM link_involvements ORDER BY idx"));
  LinkedInvolvement involvement;
  int rc;
  while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
    involvement.source = ColumnText(stmt.get(), 0);
    involvement.record_id = ColumnText(stmt.get(), 1);
    involvement.betrokkene_nr = sqlite3_column_int(stmt.get(), 2);
    involvement.person_key = ColumnText(stmt.get(), 3);
    involvement.household_key = ColumnText(stmt.get(), 4);
    RETURN_IF_ERROR(visit(involvement));
  }
  if (rc != SQLITE_DONE) return SqliteError(connection_.db, rc, "de koppeling lezen");
  return Status::Ok();
}

Result<std::vector<LinkPairRow>> SqliteLinkageRuns::Pairs(double min_probability) {
  Statement stmt;
  RETURN_IF_ERROR(stmt.Prepare(connection_,
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
  if (rc != SQLITE_DONE) return SqliteError(connection_.db, rc, "de koppelparen lezen");
  return out;
}

}  // namespace sz::store::sqlite
