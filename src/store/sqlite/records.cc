// The SQLite records: one table src_<source> per contract (store/migrations.h), columns typed as
// INTEGER, REAL or TEXT; dates are ISO text (YYYY-MM-DD), read back as dates.
#include "store/messages.h"
#include "store/migrations.h"
#include "store/sqlite/connection.h"

namespace sz::store::sqlite {
namespace {

// Binds one value; text is bound without a copy (the row outlives the statement's step).
void BindValue(sqlite3_stmt* stmt, int index, const Value& value, char (&date_buffer)[16]) {
  switch (value.kind()) {
    case Value::Kind::kMissing: sqlite3_bind_null(stmt, index); break;
    case Value::Kind::kInteger: sqlite3_bind_int64(stmt, index, value.integer()); break;
    case Value::Kind::kDecimal: sqlite3_bind_double(stmt, index, value.decimal()); break;
    case Value::Kind::kDate: {
      value.date().WriteIso(date_buffer);  // stored dates are years 1800..2200 (core/date.h ParseDate)
      sqlite3_bind_text(stmt, index, date_buffer, 10, SQLITE_TRANSIENT);
      break;
    }
    case Value::Kind::kText:
      sqlite3_bind_text(stmt, index, value.text().data(), static_cast<int>(value.text().size()), SQLITE_STATIC);
      break;
  }
}

// Reads column `col` as the kind its contract column is stored as.
Result<Value> ReadValue(sqlite3_stmt* stmt, int col, const sources::SourceContract& contract,
                        const sources::ColumnSpec& spec) {
  int type = sqlite3_column_type(stmt, col);
  if (type == SQLITE_NULL) return Value();
  switch (sources::StoredKind(spec.type)) {
    case Value::Kind::kInteger:
      if (type != SQLITE_INTEGER) return DataError(msg::StoredValueUnreadable(contract.name, spec.name));
      return Value::Integer(sqlite3_column_int64(stmt, col));
    case Value::Kind::kDecimal:
      if (type != SQLITE_FLOAT && type != SQLITE_INTEGER) {
        return DataError(msg::StoredValueUnreadable(contract.name, spec.name));
      }
      return Value::Decimal(sqlite3_column_double(stmt, col));
    case Value::Kind::kDate: {
      const char* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, col));
      Result<Date> date = ParseDate(std::string_view(text, sqlite3_column_bytes(stmt, col)), DateFormat::kIso);
      if (!date.ok()) return DataError(msg::StoredValueUnreadable(contract.name, spec.name));
      return Value::OfDate(*date);
    }
    default: return Value::Text(ColumnText(stmt, col));
  }
}

}  // namespace

Result<InsertOutcome> SqliteRecords::Insert(int64_t file_id, long line, const sources::SourceContract& contract,
                                            std::span<const Value> values) {
  if (!connection_.in_transaction) return connection_.RequireTransaction("een " + contract.name + "-rij opslaan");
  RETURN_IF_ERROR(CheckRow(contract, values));
  const auto& columns = contract.extract.columns;
  auto& stmt = insert_statements_[contract.name];
  if (!stmt) {
    auto prepared = std::make_unique<Statement>();
    std::string sql = "INSERT OR IGNORE INTO " + SourceTableName(contract) + " (ingest_file_id, line";
    for (const auto& column : columns) sql += ", \"" + column.name + "\"";
    sql += ") VALUES (?, ?";
    for (size_t i = 0; i < columns.size(); ++i) sql += ", ?";
    sql += ")";
    RETURN_IF_ERROR(prepared->Prepare(connection_, sql));
    stmt = std::move(prepared);
  }
  sqlite3_stmt* s = stmt->get();
  sqlite3_reset(s);
  sqlite3_bind_int64(s, 1, file_id);
  sqlite3_bind_int64(s, 2, line);
  char date_buffer[16];
  for (size_t i = 0; i < columns.size(); ++i) BindValue(s, static_cast<int>(i) + 3, values[i], date_buffer);
  int rc = sqlite3_step(s);
  if (rc != SQLITE_DONE) return SqliteError(connection_.db, rc, "een " + contract.name + "-rij opslaan");
  InsertOutcome outcome;
  outcome.inserted = sqlite3_changes(connection_.db) == 1;
  if (!outcome.inserted) RETURN_IF_ERROR(FindExisting(contract, values, outcome));
  return outcome;
}

Status SqliteRecords::FindExisting(const sources::SourceContract& contract, std::span<const Value> values,
                                   InsertOutcome& outcome) {
  std::string sql = "SELECT f.file_name, s.line FROM " + SourceTableName(contract) +
                    " s JOIN ingest_files f ON f.id = s.ingest_file_id WHERE ";
  const auto& key = contract.extract.key;
  for (size_t i = 0; i < key.size(); ++i) sql += (i ? " AND s.\"" : "s.\"") + key[i] + "\" = ?";
  Statement stmt;
  RETURN_IF_ERROR(stmt.Prepare(connection_, sql));
  char date_buffer[16];
  for (size_t i = 0; i < key.size(); ++i) {
    BindValue(stmt.get(), static_cast<int>(i) + 1, values[contract.extract.IndexOf(key[i])], date_buffer);
  }
  if (sqlite3_step(stmt.get()) == SQLITE_ROW) {
    outcome.existing_file = ColumnText(stmt.get(), 0);
    outcome.existing_line = sqlite3_column_int64(stmt.get(), 1);
  }
  return Status::Ok();
}

void SqliteRecords::ResetStatements() {
  for (auto& [name, stmt] : insert_statements_) stmt->Reset();
}

Status SqliteRecords::ScanWithFile(const sources::SourceContract& contract, const FileRowCallback& row) {
  std::string sql = "SELECT ";
  const auto& columns = contract.extract.columns;
  for (size_t i = 0; i < columns.size(); ++i) sql += (i ? ", \"" : "\"") + columns[i].name + "\"";
  sql += ", ingest_file_id FROM " + SourceTableName(contract) + " ORDER BY ingest_file_id, line";
  Statement stmt;
  RETURN_IF_ERROR(stmt.Prepare(connection_, sql));
  std::vector<Value> values(columns.size());
  int rc;
  while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
    for (size_t i = 0; i < columns.size(); ++i) {
      ASSIGN_OR_RETURN(values[i], ReadValue(stmt.get(), static_cast<int>(i), contract, columns[i]));
    }
    RETURN_IF_ERROR(row(sqlite3_column_int64(stmt.get(), static_cast<int>(columns.size())), values));
  }
  if (rc != SQLITE_DONE) return SqliteError(connection_.db, rc, contract.name + " lezen");
  return Status::Ok();
}

Result<RecordSummary> SqliteRecords::Summarise(const sources::SourceContract& contract) {
  RecordSummary summary;
  std::string table = SourceTableName(contract);
  {
    Statement stmt;
    RETURN_IF_ERROR(stmt.Prepare(connection_, "SELECT COUNT(*) FROM " + table));
    if (sqlite3_step(stmt.get()) == SQLITE_ROW) summary.rows = sqlite3_column_int64(stmt.get(), 0);
  }
  if (contract.extract.Find("gemeente") != nullptr) {
    Statement stmt;
    RETURN_IF_ERROR(
        stmt.Prepare(connection_, "SELECT gemeente, COUNT(*) FROM " + table + " GROUP BY gemeente ORDER BY gemeente"));
    while (sqlite3_step(stmt.get()) == SQLITE_ROW) {
      summary.rows_per_gemeente[ColumnText(stmt.get(), 0)] = sqlite3_column_int64(stmt.get(), 1);
    }
  }
  std::string range_column = SummaryRangeColumn(contract);
  if (!range_column.empty()) {
    Statement stmt;
    RETURN_IF_ERROR(
        stmt.Prepare(connection_, "SELECT MIN(\"" + range_column + "\"), MAX(\"" + range_column + "\") FROM " + table));
    if (sqlite3_step(stmt.get()) == SQLITE_ROW) {
      summary.first_date = ColumnText(stmt.get(), 0);
      summary.last_date = ColumnText(stmt.get(), 1);
    }
  }
  return summary;
}

}  // namespace sz::store::sqlite
