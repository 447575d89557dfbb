// The SQLite publications: tables publication_runs and published_cells (migration 6).
#include "store/messages.h"
#include "store/sqlite/connection.h"

namespace sz::store::sqlite {

Result<int64_t> SqlitePublications::Replace(const PublicationRun& run, const std::vector<PublishedCell>& cells) {
  RETURN_IF_ERROR(connection_.RequireTransaction("een publicatie opslaan"));
  RETURN_IF_ERROR(CheckPublishedCells(cells));
  RETURN_IF_ERROR(Exec(connection_.db, "DELETE FROM published_cells", "de vorige publicatie verwijderen"));
  Statement add;
  RETURN_IF_ERROR(add.Prepare(connection_,
                              "INSERT INTO publication_runs (published_at, indicator_run_id, cells, rounded, "
                              "suppressed_primary, suppressed_secondary, information_loss, details) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
  BindText(add.get(), 1, run.published_at.empty() ? NowUtc() : run.published_at);
  sqlite3_bind_int64(add.get(), 2, run.indicator_run_id);
  sqlite3_bind_int64(add.get(), 3, run.cells);
  sqlite3_bind_int64(add.get(), 4, run.rounded);
  sqlite3_bind_int64(add.get(), 5, run.suppressed_primary);
  sqlite3_bind_int64(add.get(), 6, run.suppressed_secondary);
  sqlite3_bind_double(add.get(), 7, run.information_loss);
  BindText(add.get(), 8, run.details);
  int rc = sqlite3_step(add.get());
  if (rc != SQLITE_DONE) return SqliteError(connection_.db, rc, "een publicatie vastleggen");
  const int64_t id = sqlite3_last_insert_rowid(connection_.db);
  Statement insert;
  RETURN_IF_ERROR(insert.Prepare(connection_,
                                 "INSERT INTO published_cells (indicator, level, region, period, breakdown, status, "
                                 "reason, numerator, denominator, value, lower, upper, respondents, publication_id) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  for (const PublishedCell& cell : cells) {
    sqlite3_reset(insert.get());
    BindText(insert.get(), 1, cell.indicator);
    sqlite3_bind_int(insert.get(), 2, static_cast<int>(cell.level));
    BindText(insert.get(), 3, cell.region);
    BindText(insert.get(), 4, cell.period);
    BindText(insert.get(), 5, cell.breakdown);
    BindText(insert.get(), 6, CellStatusName(cell.status));
    BindText(insert.get(), 7, cell.reason);
    BindOptional(insert.get(), 8, cell.numerator);
    BindOptional(insert.get(), 9, cell.denominator);
    BindOptional(insert.get(), 10, cell.value);
    BindOptional(insert.get(), 11, cell.lower);
    BindOptional(insert.get(), 12, cell.upper);
    if (cell.respondents) {
      sqlite3_bind_int64(insert.get(), 13, *cell.respondents);
    } else {
      sqlite3_bind_null(insert.get(), 13);
    }
    sqlite3_bind_int64(insert.get(), 14, id);
    rc = sqlite3_step(insert.get());
    if (rc != SQLITE_DONE) return SqliteError(connection_.db, rc, "gepubliceerde cellen opslaan");
  }
  return id;
}

Result<std::optional<PublicationRun>> SqlitePublications::Latest() {
  Statement stmt;
  RETURN_IF_ERROR(stmt.Prepare(connection_,
                               "SELECT id, published_at, indicator_run_id, cells, rounded, suppressed_primary, "
                               "suppressed_secondary, information_loss, details FROM publication_runs "
                               "ORDER BY id DESC LIMIT 1"));
  int rc = sqlite3_step(stmt.get());
  if (rc == SQLITE_DONE) return std::optional<PublicationRun>();
  if (rc != SQLITE_ROW) return SqliteError(connection_.db, rc, "de laatste publicatie lezen");
  PublicationRun run;
  run.id = sqlite3_column_int64(stmt.get(), 0);
  run.published_at = ColumnText(stmt.get(), 1);
  run.indicator_run_id = sqlite3_column_int64(stmt.get(), 2);
  run.cells = sqlite3_column_int64(stmt.get(), 3);
  run.rounded = sqlite3_column_int64(stmt.get(), 4);
  run.suppressed_primary = sqlite3_column_int64(stmt.get(), 5);
  run.suppressed_secondary = sqlite3_column_int64(stmt.get(), 6);
  run.information_loss = sqlite3_column_double(stmt.get(), 7);
  run.details = ColumnText(stmt.get(), 8);
  return std::optional<PublicationRun>(run);
}

Result<std::vector<PublishedCell>> SqlitePublications::Cells(const CellQuery& query) {
  std::string sql =
      "SELECT indicator, level, region, period, breakdown, status, reason, numerator, denominator, value, lower, "
      "upper, respondents FROM published_cells WHERE 1";
  if (!query.indicators.empty()) {
    sql += " AND indicator IN (";
    for (size_t i = 0; i < query.indicators.size(); ++i) sql += i ? ", ?" : "?";
    sql += ")";
  }
  if (query.level) sql += " AND level = ?";
  if (!query.region.empty()) sql += " AND region = ?";
  if (!query.period.empty()) sql += " AND period = ?";
  if (!query.breakdown.empty()) sql += " AND breakdown = ?";
  sql += " ORDER BY indicator, level, region, period, breakdown";
  Statement stmt;
  RETURN_IF_ERROR(stmt.Prepare(connection_, sql));
  int index = 1;
  for (const std::string& indicator : query.indicators) BindText(stmt.get(), index++, indicator);
  if (query.level) sqlite3_bind_int(stmt.get(), index++, static_cast<int>(*query.level));
  if (!query.region.empty()) BindText(stmt.get(), index++, query.region);
  if (!query.period.empty()) BindText(stmt.get(), index++, query.period);
  if (!query.breakdown.empty()) BindText(stmt.get(), index++, query.breakdown);
  std::vector<PublishedCell> out;
  int rc;
  while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
    PublishedCell cell;
    cell.indicator = ColumnText(stmt.get(), 0);
    cell.level = static_cast<RegionLevel>(sqlite3_column_int(stmt.get(), 1));
    cell.region = ColumnText(stmt.get(), 2);
    cell.period = ColumnText(stmt.get(), 3);
    cell.breakdown = ColumnText(stmt.get(), 4);
    std::optional<CellStatus> status = CellStatusNamed(ColumnText(stmt.get(), 5));
    if (!status) return DataError(msg::BadPublishedStatus(ColumnText(stmt.get(), 5)));
    cell.status = *status;
    cell.reason = ColumnText(stmt.get(), 6);
    cell.numerator = ColumnOptional(stmt.get(), 7);
    cell.denominator = ColumnOptional(stmt.get(), 8);
    cell.value = ColumnOptional(stmt.get(), 9);
    cell.lower = ColumnOptional(stmt.get(), 10);
    cell.upper = ColumnOptional(stmt.get(), 11);
    if (sqlite3_column_type(stmt.get(), 12) != SQLITE_NULL) cell.respondents = sqlite3_column_int64(stmt.get(), 12);
    out.push_back(std::move(cell));
  }
  if (rc != SQLITE_DONE) return SqliteError(connection_.db, rc, "gepubliceerde cellen lezen");
  return out;
}

}  // namespace sz::store::sqlite
