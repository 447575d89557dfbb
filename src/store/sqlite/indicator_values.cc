// The SQLite indicator values: tables indicator_runs and indicator_cells (migration 4).
#include "store/messages.h"
#include "store/sqlite/connection.h"

namespace sz::store::sqlite {
namespace {

IndicatorRun RunFrom(sqlite3_stmt* stmt) {
  IndicatorRun run;
  run.id = sqlite3_column_int64(stmt, 0);
  run.computed_at = ColumnText(stmt, 1);
  run.catalog_sha256 = ColumnText(stmt, 2);
  run.max_ingest_file_id = sqlite3_column_int64(stmt, 3);
  run.link_run_id = sqlite3_column_int64(stmt, 4);
  run.cells = sqlite3_column_int64(stmt, 5);
  run.details = ColumnText(stmt, 6);
  return run;
}

constexpr const char* kRunColumns =
    "SELECT id, computed_at, catalog_sha256, max_ingest_file_id, link_run_id, cells, details FROM indicator_runs";

}  // namespace

Result<int64_t> SqliteIndicatorValues::AddRun(const IndicatorRun& run) {
  RETURN_IF_ERROR(connection_.RequireTransaction("een berekening vastleggen"));
  Statement stmt;
  RETURN_IF_ERROR(stmt.Prepare(connection_,
                               "INSERT INTO indicator_runs (computed_at, catalog_sha256, max_ingest_file_id, "
                               "link_run_id, cells, details) VALUES (?, ?, ?, ?, ?, ?)"));
  BindText(stmt.get(), 1, run.computed_at);
  BindText(stmt.get(), 2, run.catalog_sha256);
  sqlite3_bind_int64(stmt.get(), 3, run.max_ingest_file_id);
  sqlite3_bind_int64(stmt.get(), 4, run.link_run_id);
  sqlite3_bind_int64(stmt.get(), 5, run.cells);
  BindText(stmt.get(), 6, run.details);
  int rc = sqlite3_step(stmt.get());
  if (rc != SQLITE_DONE) return SqliteError(connection_.db, rc, "een berekening vastleggen");
  return sqlite3_last_insert_rowid(connection_.db);
}

Status SqliteIndicatorValues::ReplaceIndicator(int64_t run_id, const std::string& indicator,
                                               const std::vector<IndicatorCell>& cells) {
  RETURN_IF_ERROR(connection_.RequireTransaction("indicatorwaarden opslaan"));
  RETURN_IF_ERROR(CheckCells(indicator, cells));
  {
    Statement run;
    RETURN_IF_ERROR(run.Prepare(connection_, "SELECT 1 FROM indicator_runs WHERE id = ?"));
    sqlite3_bind_int64(run.get(), 1, run_id);
    int rc = sqlite3_step(run.get());
    if (rc == SQLITE_DONE) return NotFoundError(msg::NoSuchComputeRun(run_id));
    if (rc != SQLITE_ROW) return SqliteError(connection_.db, rc, "een berekening opzoeken");
  }
  for (const char* sql :
       {"DELETE FROM indicator_cells WHERE indicator = ?", "DELETE FROM indicator_inputs WHERE indicator = ?"}) {
    Statement remove;
    RETURN_IF_ERROR(remove.Prepare(connection_, sql));
    BindText(remove.get(), 1, indicator);
    int rc = sqlite3_step(remove.get());
    if (rc != SQLITE_DONE) return SqliteError(connection_.db, rc, "indicatorwaarden vervangen");
  }
  Statement insert;
  RETURN_IF_ERROR(insert.Prepare(connection_,
                                 "INSERT INTO indicator_cells (indicator, level, region, period, breakdown, numerator, "
                                 "denominator, value, lower, upper, respondents, run_id) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  for (const IndicatorCell& cell : cells) {
    sqlite3_reset(insert.get());
    BindText(insert.get(), 1, cell.indicator);
    sqlite3_bind_int(insert.get(), 2, static_cast<int>(cell.level));
    BindText(insert.get(), 3, cell.region);
    BindText(insert.get(), 4, cell.period);
    BindText(insert.get(), 5, cell.breakdown);
    BindOptional(insert.get(), 6, cell.numerator);
    BindOptional(insert.get(), 7, cell.denominator);
    BindOptional(insert.get(), 8, cell.value);
    BindOptional(insert.get(), 9, cell.lower);
    BindOptional(insert.get(), 10, cell.upper);
    if (cell.respondents) {
      sqlite3_bind_int64(insert.get(), 11, *cell.respondents);
    } else {
      sqlite3_bind_null(insert.get(), 11);
    }
    sqlite3_bind_int64(insert.get(), 12, run_id);
    int rc = sqlite3_step(insert.get());
    if (rc != SQLITE_DONE) return SqliteError(connection_.db, rc, "indicatorwaarden opslaan");
  }
  return Status::Ok();
}

Result<std::vector<IndicatorCell>> SqliteIndicatorValues::Cells(const CellQuery& query) {
  std::string sql =
      "SELECT indicator, level, region, period, breakdown, numerator, denominator, value, lower, upper, respondents, "
      "run_id FROM indicator_cells WHERE 1";
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
  std::vector<IndicatorCell> out;
  int rc;
  while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
    IndicatorCell cell;
    cell.indicator = ColumnText(stmt.get(), 0);
    cell.level = static_cast<RegionLevel>(sqlite3_column_int(stmt.get(), 1));
    cell.region = ColumnText(stmt.get(), 2);
    cell.period = ColumnText(stmt.get(), 3);
    cell.breakdown = ColumnText(stmt.get(), 4);
    cell.numerator = ColumnOptional(stmt.get(), 5);
    cell.denominator = ColumnOptional(stmt.get(), 6);
    cell.value = ColumnOptional(stmt.get(), 7);
    cell.lower = ColumnOptional(stmt.get(), 8);
    cell.upper = ColumnOptional(stmt.get(), 9);
    if (sqlite3_column_type(stmt.get(), 10) != SQLITE_NULL) cell.respondents = sqlite3_column_int64(stmt.get(), 10);
    cell.run_id = sqlite3_column_int64(stmt.get(), 11);
    out.push_back(std::move(cell));
  }
  if (rc != SQLITE_DONE) return SqliteError(connection_.db, rc, "indicatorwaarden lezen");
  return out;
}

Result<std::vector<IndicatorRun>> SqliteIndicatorValues::Runs() {
  Statement stmt;
  RETURN_IF_ERROR(stmt.Prepare(connection_, std::string(kRunColumns) + " ORDER BY id"));
  std::vector<IndicatorRun> out;
  int rc;
  while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) out.push_back(RunFrom(stmt.get()));
  if (rc != SQLITE_DONE) return SqliteError(connection_.db, rc, "berekeningen lezen");
  return out;
}

Result<std::optional<IndicatorRun>> SqliteIndicatorValues::LatestRun() {
  Statement stmt;
  RETURN_IF_ERROR(stmt.Prepare(connection_, std::string(kRunColumns) + " ORDER BY id DESC LIMIT 1"));
  int rc = sqlite3_step(stmt.get());
  if (rc == SQLITE_ROW) return std::optional<IndicatorRun>(RunFrom(stmt.get()));
  if (rc != SQLITE_DONE) return SqliteError(connection_.db, rc, "de laatste berekening lezen");
  return std::optional<IndicatorRun>();
}

Status SqliteIndicatorValues::SetInputs(const std::string& indicator, const std::string& inputs_fingerprint) {
  RETURN_IF_ERROR(connection_.RequireTransaction("indicatorinvoer vastleggen"));
  Statement stmt;
  RETURN_IF_ERROR(stmt.Prepare(connection_, inputs_fingerprint.empty()
                                                ? "DELETE FROM indicator_inputs WHERE indicator = ?"
                                                : "INSERT OR REPLACE INTO indicator_inputs (indicator, fingerprint) "
                                                  "VALUES (?, ?)"));
  BindText(stmt.get(), 1, indicator);
  if (!inputs_fingerprint.empty()) BindText(stmt.get(), 2, inputs_fingerprint);
  int rc = sqlite3_step(stmt.get());
  if (rc != SQLITE_DONE) return SqliteError(connection_.db, rc, "indicatorinvoer vastleggen");
  return Status::Ok();
}

Result<std::map<std::string, std::string>> SqliteIndicatorValues::Inputs() {
  Statement stmt;
  RETURN_IF_ERROR(stmt.Prepare(connection_, "SELECT indicator, fingerprint FROM indicator_inputs"));
  std::map<std::string, std::string> out;
  int rc;
  while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) out[ColumnText(stmt.get(), 0)] = ColumnText(stmt.get(), 1);
  if (rc != SQLITE_DONE) return SqliteError(connection_.db, rc, "indicatorinvoer lezen");
  return out;
}

Result<std::vector<std::string>> SqliteIndicatorValues::Indicators() {
  Statement stmt;
  RETURN_IF_ERROR(stmt.Prepare(connection_, "SELECT DISTINCT indicator FROM indicator_cells ORDER BY indicator"));
  std::vector<std::string> out;
  int rc;
  while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) out.push_back(ColumnText(stmt.get(), 0));
  if (rc != SQLITE_DONE) return SqliteError(connection_.db, rc, "indicatoren lezen");
  return out;
}

}  // namespace sz::store::sqlite
