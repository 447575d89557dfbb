// The SQLite backend's shared pieces: the connection every part uses, prepared statements, the
// mapping of SQLite errors to Status, and the parts themselves (one .cc each). Private to the backend.
#pragma once

#include <sqlite3.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/status.h"
#include "store/store.h"

namespace sz::store::sqlite {

// Maps an SQLite failure to a Status with a message a user can act on (store/messages.h).
Status SqliteError(sqlite3* db, int rc, std::string_view what);
std::string NowUtc();

// Prepared statements kept for reuse on one connection, keyed by their SQL text, so that a query run
// per request (a server's session check, its audit entry, a cell lookup) is compiled once per
// connection instead of once per call. Holds at most kMaxStatements idle statements; a statement
// that comes back when it is full is finalised. Not thread-safe (as the connection).
class StatementCache {
 public:
  static constexpr size_t kMaxStatements = 128;
  StatementCache() = default;
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;
  ~StatementCache() { Clear(); }
  // An idle statement for `sql`, or nullptr when none is idle (in use elsewhere, or never prepared).
  sqlite3_stmt* Take(const std::string& sql);
  // Resets `stmt`, clears its bindings and keeps it idle (or finalises it when the cache is full).
  void Give(std::string sql, sqlite3_stmt* stmt);
  // Finalises every idle statement; must run before the connection closes.
  void Clear();
  size_t idle() const { return idle_.size(); }

 private:
  std::unordered_multimap<std::string, sqlite3_stmt*> idle_;
};

struct Connection;

class Statement {
 public:
  Statement() = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() { Release(); }
  // Compiles `sql` for this statement alone (finalised when the statement ends).
  Status Prepare(sqlite3* db, const std::string& sql);
  // Takes `sql` compiled from the connection's cache, or compiles it; it goes back to the cache,
  // reset and unbound, when this statement ends or is prepared again.
  Status Prepare(Connection& connection, const std::string& sql);
  sqlite3_stmt* get() const { return stmt_; }
  void Reset() { sqlite3_reset(stmt_); }

 private:
  void Release();
  sqlite3_stmt* stmt_ = nullptr;
  StatementCache* cache_ = nullptr;  // where stmt_ goes back to, or nullptr to finalise it
  std::string sql_;
};

Status Exec(sqlite3* db, const std::string& sql, std::string_view what);
std::string ColumnText(sqlite3_stmt* stmt, int col);
void BindText(sqlite3_stmt* stmt, int index, std::string_view text);
// A missing number is NULL, and NULL reads back as a missing number.
void BindOptional(sqlite3_stmt* stmt, int index, const std::optional<double>& value);
std::optional<double> ColumnOptional(sqlite3_stmt* stmt, int col);
Result<int64_t> CountRows(sqlite3* db, const std::string& table);

// What every part shares: the database and whether a transaction is open.
struct Connection {
  sqlite3* db = nullptr;
  std::string path;
  bool in_transaction = false;
  StatementCache statements;  // cleared by the store before it closes db

  // kFailedPrecondition naming `what` when no transaction is open.
  Status RequireTransaction(std::string_view what) const;
};

class SqliteIngestLog : public IngestLog {
 public:
  explicit SqliteIngestLog(Connection& connection) : connection_(connection) {}
  Result<int64_t> AddFile(const IngestFileInfo& info) override;
  Status UpdateFileCounts(int64_t file_id, int64_t read, int64_t accepted, int64_t rejected) override;
  Status AddReject(int64_t file_id, const RejectedRow& reject) override;
  Result<std::optional<IngestedFile>> FindFile(const std::string& source, const std::string& sha256) override;
  Result<std::vector<IngestedFile>> Files() override;
  Result<std::vector<RejectedRow>> Rejects(int64_t file_id) override;
  Result<int64_t> MaxFileId() override;
  void ResetStatements();

 private:
  Result<std::vector<IngestedFile>> QueryFiles(const std::string& where, const std::vector<std::string>& args);
  Connection& connection_;
  std::unique_ptr<Statement> reject_stmt_;
};

class SqliteRecords : public Records {
 public:
  explicit SqliteRecords(Connection& connection) : connection_(connection) {}
  Result<InsertOutcome> Insert(int64_t file_id, long line, const sources::SourceContract& contract,
                               std::span<const Value> values) override;
  Status ScanWithFile(const sources::SourceContract& contract, const FileRowCallback& row) override;
  Result<RecordSummary> Summarise(const sources::SourceContract& contract) override;
  void ResetStatements();

 private:
  Status FindExisting(const sources::SourceContract& contract, std::span<const Value> values, InsertOutcome& outcome);
  Connection& connection_;
  std::map<std::string, std::unique_ptr<Statement>> insert_statements_;
};

class SqliteLinkageRuns : public LinkageRuns {
 public:
  explicit SqliteLinkageRuns(Connection& connection) : connection_(connection) {}
  Result<int64_t> Replace(const LinkRunInfo& run, const std::vector<LinkedInvolvement>& involvements,
                          const std::vector<LinkPairRow>& pairs) override;
  Result<int64_t> Extend(const LinkRunInfo& run, int64_t first_new, const std::vector<LinkKeyUpdate>& updated,
                         const std::vector<LinkedInvolvement>& appended,
                         const std::vector<LinkPairRow>& pairs) override;
  Result<std::optional<LinkRunInfo>> Latest() override;
  Result<std::vector<LinkedInvolvement>> Involvements() override;
  Status ScanInvolvements(const std::function<Status(const LinkedInvolvement&)>& visit) override;
  Result<std::vector<LinkPairRow>> Pairs(double min_probability) override;

 private:
  Result<int64_t> InsertRun(const LinkRunInfo& run);
  Status InsertInvolvements(int64_t first_idx, const std::vector<LinkedInvolvement>& involvements);
  Status InsertPairs(const std::vector<LinkPairRow>& pairs);
  Connection& connection_;
};

class SqliteSettings : public Settings {
 public:
  explicit SqliteSettings(Connection& connection) : connection_(connection) {}
  Result<std::optional<std::string>> Get(const std::string& key) override;
  Status Set(const std::string& key, const std::string& value) override;

 private:
  Connection& connection_;
};

class SqliteIndicatorValues : public IndicatorValues {
 public:
  explicit SqliteIndicatorValues(Connection& connection) : connection_(connection) {}
  Result<int64_t> AddRun(const IndicatorRun& run) override;
  Status ReplaceIndicator(int64_t run_id, const std::string& indicator,
                          const std::vector<IndicatorCell>& cells) override;
  Result<std::vector<IndicatorCell>> Cells(const CellQuery& query) override;
  Result<std::vector<IndicatorRun>> Runs() override;
  Result<std::optional<IndicatorRun>> LatestRun() override;
  Status SetInputs(const std::string& indicator, const std::string& inputs_fingerprint) override;
  Result<std::map<std::string, std::string>> Inputs() override;
  Result<std::vector<std::string>> Indicators() override;

 private:
  Connection& connection_;
};

class SqlitePublications : public Publications {
 public:
  explicit SqlitePublications(Connection& connection) : connection_(connection) {}
  Result<int64_t> Replace(const PublicationRun& run, const std::vector<PublishedCell>& cells) override;
  Result<std::optional<PublicationRun>> Latest() override;
  Result<std::vector<PublishedCell>> Cells(const CellQuery& query) override;

 private:
  Connection& connection_;
};

class SqliteSignalState : public SignalState {
 public:
  explicit SqliteSignalState(Connection& connection) : connection_(connection) {}
  Result<int64_t> AddRun(const SignalRun& run) override;
  Result<std::optional<SignalRun>> LatestRun() override;
  Result<int64_t> Add(const StoredSignal& signal) override;
  Status Update(const StoredSignal& signal) override;
  Status AddStep(int64_t id, const TriageStep& step) override;
  Result<std::vector<StoredSignal>> All() override;
  Result<std::optional<StoredSignal>> Get(int64_t id) override;

 private:
  Result<std::vector<StoredSignal>> Query(std::optional<int64_t> id);
  Connection& connection_;
};

class SqliteAccounts : public Accounts {
 public:
  explicit SqliteAccounts(Connection& connection) : connection_(connection) {}
  Status Add(const Account& account) override;
  Status SetPasswordHash(const std::string& name, const std::string& password_hash) override;
  Status Remove(const std::string& name) override;
  Result<std::optional<Account>> Get(const std::string& name) override;
  Result<std::vector<Account>> All() override;

 private:
  Result<std::vector<Account>> Query(const std::string* name);
  Connection& connection_;
};

class SqliteAuditLog : public AuditLog {
 public:
  explicit SqliteAuditLog(Connection& connection) : connection_(connection) {}
  Result<int64_t> Append(const AuditEntry& entry) override;
  Result<std::optional<AuditEntry>> Last() override;
  Result<std::vector<AuditEntry>> Entries(const AuditQuery& query) override;

 private:
  Connection& connection_;
};

}  // namespace sz::store::sqlite
