// The SQLite signal state: tables signal_runs, signals and signal_steps (migration 7). List fields are
// stored joined with "," (NULL for an empty list, so that {""} and {} stay apart).
#include "store/messages.h"
#include "store/sqlite/connection.h"

namespace sz::store::sqlite {
namespace {

// Every column of signals but id, in the order Add and Update bind them.
constexpr const char* kSignalColumns[] = {
    "key",       "kind",   "indicators",  "sources",  "region",    "breakdown", "period_from",
    "period_to", "method", "observed",    "expected", "threshold", "p_value",   "q_value",
    "score",     "rank",   "explanation", "status",   "follows",   "first_run", "last_run"};
constexpr int kSignalColumnCount = sizeof kSignalColumns / sizeof kSignalColumns[0];

void BindList(sqlite3_stmt* stmt, int index, const std::vector<std::string>& list) {
  if (list.empty()) {
    sqlite3_bind_null(stmt, index);
    return;
  }
  std::string joined = list.front();
  for (size_t idx = 1; idx < list.size(); ++idx) joined += "," + list[idx];
  BindText(stmt, index, joined);
}

std::vector<std::string> ColumnList(sqlite3_stmt* stmt, int col) {
  std::vector<std::string> list;
  if (sqlite3_column_type(stmt, col) == SQLITE_NULL) return list;
  std::string joined = ColumnText(stmt, col);
  size_t start = 0;
  for (size_t comma; (comma = joined.find(',', start)) != std::string::npos; start = comma + 1) {
    list.push_back(joined.substr(start, comma - start));
  }
  list.push_back(joined.substr(start));
  return list;
}

// Binds the signal's fields to parameters 1..kSignalColumnCount, in kSignalColumns order.
void BindSignal(sqlite3_stmt* stmt, const StoredSignal& signal) {
  BindText(stmt, 1, signal.key);
  BindText(stmt, 2, signal.kind);
  BindList(stmt, 3, signal.indicators);
  BindList(stmt, 4, signal.sources);
  BindText(stmt, 5, signal.region);
  BindText(stmt, 6, signal.breakdown);
  BindText(stmt, 7, signal.period_from);
  BindText(stmt, 8, signal.period_to);
  BindText(stmt, 9, signal.method);
  BindOptional(stmt, 10, signal.observed);
  BindOptional(stmt, 11, signal.expected);
  BindOptional(stmt, 12, signal.threshold);
  BindOptional(stmt, 13, signal.p_value);
  BindOptional(stmt, 14, signal.q_value);
  sqlite3_bind_double(stmt, 15, signal.score);
  sqlite3_bind_int64(stmt, 16, signal.rank);
  BindText(stmt, 17, signal.explanation);
  BindText(stmt, 18, signal.status);
  sqlite3_bind_int64(stmt, 19, signal.follows);
  sqlite3_bind_int64(stmt, 20, signal.first_run);
  sqlite3_bind_int64(stmt, 21, signal.last_run);
}

// Reads a row of "SELECT id, <kSignalColumns>".
StoredSignal ColumnSignal(sqlite3_stmt* stmt) {
  StoredSignal signal;
  signal.id = sqlite3_column_int64(stmt, 0);
  signal.key = ColumnText(stmt, 1);
  signal.kind = ColumnText(stmt, 2);
  signal.indicators = ColumnList(stmt, 3);
  signal.sources = ColumnList(stmt, 4);
  signal.region = ColumnText(stmt, 5);
  signal.breakdown = ColumnText(stmt, 6);
  signal.period_from = ColumnText(stmt, 7);
  signal.period_to = ColumnText(stmt, 8);
  signal.method = ColumnText(stmt, 9);
  signal.observed = ColumnOptional(stmt, 10);
  signal.expected = ColumnOptional(stmt, 11);
  signal.threshold = ColumnOptional(stmt, 12);
  signal.p_value = ColumnOptional(stmt, 13);
  signal.q_value = ColumnOptional(stmt, 14);
  signal.score = sqlite3_column_double(stmt, 15);
  signal.rank = sqlite3_column_int64(stmt, 16);
  signal.explanation = ColumnText(stmt, 17);
  signal.status = ColumnText(stmt, 18);
  signal.follows = sqlite3_column_int64(stmt, 19);
  signal.first_run = sqlite3_column_int64(stmt, 20);
  signal.last_run = sqlite3_column_int64(stmt, 21);
  return signal;
}

std::string Joined(const std::string& suffix) {
  std::string out;
  for (const char* column : kSignalColumns) out += (out.empty() ? "" : ", ") + std::string(column) + suffix;
  return out;
}

}  // namespace

Result<int64_t> SqliteSignalState::AddRun(const SignalRun& run) {
  RETURN_IF_ERROR(connection_.RequireTransaction("een signaalrun vastleggen"));
  Statement add;
  RETURN_IF_ERROR(add.Prepare(connection_,
                              "INSERT INTO signal_runs (ran_at, indicator_run_id, tests, signals, details) "
                              "VALUES (?, ?, ?, ?, ?)"));
  BindText(add.get(), 1, run.ran_at.empty() ? NowUtc() : run.ran_at);
  sqlite3_bind_int64(add.get(), 2, run.indicator_run_id);
  sqlite3_bind_int64(add.get(), 3, run.tests);
  sqlite3_bind_int64(add.get(), 4, run.signals);
  BindText(add.get(), 5, run.details);
  int rc = sqlite3_step(add.get());
  if (rc != SQLITE_DONE) return SqliteError(connection_.db, rc, "een signaalrun vastleggen");
  return static_cast<int64_t>(sqlite3_last_insert_rowid(connection_.db));
}

Result<std::optional<SignalRun>> SqliteSignalState::LatestRun() {
  Statement stmt;
  RETURN_IF_ERROR(stmt.Prepare(connection_,
                               "SELECT id, ran_at, indicator_run_id, tests, signals, details FROM signal_runs "
                               "ORDER BY id DESC LIMIT 1"));
  int rc = sqlite3_step(stmt.get());
  if (rc == SQLITE_DONE) return std::optional<SignalRun>();
  if (rc != SQLITE_ROW) return SqliteError(connection_.db, rc, "de laatste signaalrun lezen");
  SignalRun run;
  run.id = sqlite3_column_int64(stmt.get(), 0);
  run.ran_at = ColumnText(stmt.get(), 1);
  run.indicator_run_id = sqlite3_column_int64(stmt.get(), 2);
  run.tests = sqlite3_column_int64(stmt.get(), 3);
  run.signals = sqlite3_column_int64(stmt.get(), 4);
  run.details = ColumnText(stmt.get(), 5);
  return std::optional<SignalRun>(run);
}

Result<int64_t> SqliteSignalState::Add(const StoredSignal& signal) {
  RETURN_IF_ERROR(connection_.RequireTransaction("een signaal opslaan"));
  RETURN_IF_ERROR(CheckSignal(signal));
  std::string placeholders = "?";
  for (int col = 1; col < kSignalColumnCount; ++col) placeholders += ", ?";
  Statement add;
  RETURN_IF_ERROR(add.Prepare(connection_, "INSERT INTO signals (" + Joined("") + ") VALUES (" + placeholders + ")"));
  BindSignal(add.get(), signal);
  int rc = sqlite3_step(add.get());
  if (rc != SQLITE_DONE) return SqliteError(connection_.db, rc, "een signaal opslaan");
  return static_cast<int64_t>(sqlite3_last_insert_rowid(connection_.db));
}

Status SqliteSignalState::Update(const StoredSignal& signal) {
  RETURN_IF_ERROR(connection_.RequireTransaction("een signaal bijwerken"));
  RETURN_IF_ERROR(CheckSignal(signal));
  Statement update;
  RETURN_IF_ERROR(update.Prepare(connection_, "UPDATE signals SET " + Joined(" = ?") + " WHERE id = ?"));
  BindSignal(update.get(), signal);
  sqlite3_bind_int64(update.get(), kSignalColumnCount + 1, signal.id);
  int rc = sqlite3_step(update.get());
  if (rc != SQLITE_DONE) return SqliteError(connection_.db, rc, "een signaal bijwerken");
  if (sqlite3_changes(connection_.db) == 0) return NotFoundError(msg::NoSuchSignal(signal.id));
  return Status::Ok();
}

Status SqliteSignalState::AddStep(int64_t id, const TriageStep& step) {
  RETURN_IF_ERROR(connection_.RequireTransaction("een triagestap vastleggen"));
  Statement exists;
  RETURN_IF_ERROR(exists.Prepare(connection_, "SELECT 1 FROM signals WHERE id = ?"));
  sqlite3_bind_int64(exists.get(), 1, id);
  int rc = sqlite3_step(exists.get());
  if (rc == SQLITE_DONE) return NotFoundError(msg::NoSuchSignal(id));
  if (rc != SQLITE_ROW) return SqliteError(connection_.db, rc, "een triagestap vastleggen");
  Statement add;
  RETURN_IF_ERROR(add.Prepare(connection_,
                              "INSERT INTO signal_steps (signal_id, seq, at, done_by, from_status, to_status, note) "
                              "VALUES (?1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM signal_steps WHERE signal_id = ?1), "
                              "?2, ?3, ?4, ?5, ?6)"));
  sqlite3_bind_int64(add.get(), 1, id);
  BindText(add.get(), 2, step.at.empty() ? NowUtc() : step.at);
  BindText(add.get(), 3, step.by);
  BindText(add.get(), 4, step.from_status);
  BindText(add.get(), 5, step.to_status);
  BindText(add.get(), 6, step.note);
  rc = sqlite3_step(add.get());
  if (rc != SQLITE_DONE) return SqliteError(connection_.db, rc, "een triagestap vastleggen");
  return Status::Ok();
}

Result<std::vector<StoredSignal>> SqliteSignalState::All() { return Query(std::nullopt); }

Result<std::optional<StoredSignal>> SqliteSignalState::Get(int64_t id) {
  ASSIGN_OR_RETURN(std::vector<StoredSignal> found, Query(id));
  if (found.empty()) return std::optional<StoredSignal>();
  return std::optional<StoredSignal>(std::move(found.front()));
}

// Every signal (or the one with `id`) in id order, with its steps.
Result<std::vector<StoredSignal>> SqliteSignalState::Query(std::optional<int64_t> id) {
  std::vector<StoredSignal> out;
  Statement signals;
  RETURN_IF_ERROR(signals.Prepare(
      connection_, "SELECT id, " + Joined("") + " FROM signals" + (id ? " WHERE id = ?" : "") + " ORDER BY id"));
  if (id) sqlite3_bind_int64(signals.get(), 1, *id);
  int rc;
  while ((rc = sqlite3_step(signals.get())) == SQLITE_ROW) out.push_back(ColumnSignal(signals.get()));
  if (rc != SQLITE_DONE) return SqliteError(connection_.db, rc, "signalen lezen");
  Statement steps;
  RETURN_IF_ERROR(steps.Prepare(
      connection_, std::string("SELECT signal_id, at, done_by, from_status, to_status, note FROM signal_steps") +
                       (id ? " WHERE signal_id = ?" : "") + " ORDER BY signal_id, seq"));
  if (id) sqlite3_bind_int64(steps.get(), 1, *id);
  size_t signal_idx = 0;
  while ((rc = sqlite3_step(steps.get())) == SQLITE_ROW) {
    const int64_t signal_id = sqlite3_column_int64(steps.get(), 0);
    while (signal_idx < out.size() && out[signal_idx].id < signal_id) ++signal_idx;
    if (signal_idx == out.size() || out[signal_idx].id != signal_id) continue;
    out[signal_idx].steps.push_back(TriageStep{.at = ColumnText(steps.get(), 1),
                                               .by = ColumnText(steps.get(), 2),
                                               .from_status = ColumnText(steps.get(), 3),
                                               .to_status = ColumnText(steps.get(), 4),
                                               .note = ColumnText(steps.get(), 5)});
  }
  if (rc != SQLITE_DONE) return SqliteError(connection_.db, rc, "triagestappen lezen");
  return out;
}

}  // namespace sz::store::sqlite
