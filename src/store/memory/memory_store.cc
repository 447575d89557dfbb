#include "store/memory/memory_store.h"

#include <algorithm>
#include <ctime>
#include <map>
#include <numeric>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "store/messages.h"
#include "store/migrations.h"

namespace sz::store {
namespace {

std::string NowUtc() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buf;
}

struct StoredRow {
  int64_t file_id = 0;
  long line = 0;
  std::vector<Value> values;
};

struct Table {
  std::vector<StoredRow> rows;
  std::unordered_map<std::string, size_t> by_key;  // key values joined → row index
};

struct State {
  std::vector<IngestedFile> files;
  std::vector<std::pair<int64_t, RejectedRow>> rejects;  // (file id, row) in insertion order
  std::map<std::string, Table> tables;                   // per source
  std::map<std::string, std::string> settings;
  std::vector<LinkRunInfo> runs;
  std::vector<LinkedInvolvement> involvements;
  std::vector<LinkPairRow> pairs;
  std::vector<IndicatorRun> indicator_runs;
  std::map<std::string, std::vector<IndicatorCell>> cells;  // per indicator, in CellBefore order
  std::map<std::string, std::string> indicator_inputs;      // indicator → fingerprint
  std::vector<PublicationRun> publication_runs;
  std::vector<PublishedCell> published;  // in PublishedBefore order
  std::vector<SignalRun> signal_runs;
  std::vector<StoredSignal> signals;  // in id order, each with its steps
  std::map<std::string, Account> accounts;
  std::vector<AuditEntry> audit;  // in seq order
};

std::string KeyOf(const sources::SourceContract& contract, std::span<const Value> values) {
  std::string key;
  for (const std::string& column : contract.extract.key) {
    key += values[contract.extract.IndexOf(column)].ToString();
    key += '\x1f';
  }
  return key;
}

// Orders values of one column as SQLite's MIN/MAX would: numbers by value, the rest by their text.
bool Before(const Value& a, const Value& b) {
  if (a.kind() == Value::Kind::kInteger && b.kind() == Value::Kind::kInteger) return a.integer() < b.integer();
  if (a.kind() == Value::Kind::kDecimal && b.kind() == Value::Kind::kDecimal) return a.decimal() < b.decimal();
  return a.ToString() < b.ToString();
}

class MemoryStore;

class MemoryTransaction : public TransactionBackend {
 public:
  explicit MemoryTransaction(MemoryStore& store) : store_(store) {}
  Status Commit() override;
  void Rollback() override;

 private:
  MemoryStore& store_;
};

// The parts, each a view of the shared state.
struct Shared {
  State state;
  std::optional<State> snapshot;  // the state a transaction started from
  Status RequireTransaction(std::string_view what) const {
    if (!snapshot) return FailedPreconditionError(msg::WriteOutsideTransaction(what));
    return Status::Ok();
  }
};

class MemoryIngestLog : public IngestLog {
 public:
  explicit MemoryIngestLog(Shared& shared) : shared_(shared) {}

  Result<int64_t> AddFile(const IngestFileInfo& info) override {
    RETURN_IF_ERROR(shared_.RequireTransaction("een ingelezen bestand vastleggen"));
    for (const IngestedFile& file : shared_.state.files) {
      if (file.source == info.source && file.sha256 == info.sha256) {
        return AlreadyExistsError(msg::FileAlreadyIngested(info.file_name));
      }
    }
    IngestedFile file;
    static_cast<IngestFileInfo&>(file) = info;
    file.id = static_cast<int64_t>(shared_.state.files.size()) + 1;
    if (file.ingested_at.empty()) file.ingested_at = NowUtc();
    shared_.state.files.push_back(file);
    return file.id;
  }

  Status UpdateFileCounts(int64_t file_id, int64_t read, int64_t accepted, int64_t rejected) override {
    RETURN_IF_ERROR(shared_.RequireTransaction("tellingen van een ingelezen bestand bijwerken"));
    for (IngestedFile& file : shared_.state.files) {
      if (file.id == file_id) {
        file.rows_read = read;
        file.rows_accepted = accepted;
        file.rows_rejected = rejected;
      }
    }
    return Status::Ok();
  }

  Status AddReject(int64_t file_id, const RejectedRow& reject) override {
    RETURN_IF_ERROR(shared_.RequireTransaction("een afgewezen rij opslaan"));
    shared_.state.rejects.emplace_back(file_id, reject);
    return Status::Ok();
  }

  Result<std::optional<IngestedFile>> FindFile(const std::string& source, const std::string& sha256) override {
    for (const IngestedFile& file : shared_.state.files) {
      if (file.source == source && file.sha256 == sha256) return std::optional<IngestedFile>(file);
    }
    return std::optional<IngestedFile>();
  }

  Result<std::vector<IngestedFile>> Files() override { return shared_.state.files; }

  Result<std::vector<RejectedRow>> Rejects(int64_t file_id) override {
    std::vector<RejectedRow> out;
    for (const auto& [id, row] : shared_.state.rejects) {
      if (id == file_id) out.push_back(row);
    }
    return out;
  }

  Result<int64_t> MaxFileId() override { return static_cast<int64_t>(shared_.state.files.size()); }

 private:
  Shared& shared_;
};

class MemoryRecords : public Records {
 public:
  explicit MemoryRecords(Shared& shared) : shared_(shared) {}

  Result<InsertOutcome> Insert(int64_t file_id, long line, const sources::SourceContract& contract,
                               std::span<const Value> values) override {
    if (!shared_.snapshot) return shared_.RequireTransaction("een " + contract.name + "-rij opslaan");
    RETURN_IF_ERROR(CheckRow(contract, values));
    Table& table = shared_.state.tables[contract.name];
    std::string key = KeyOf(contract, values);
    InsertOutcome outcome;
    if (auto existing = table.by_key.find(key); existing != table.by_key.end()) {
      const StoredRow& row = table.rows[existing->second];
      for (const IngestedFile& file : shared_.state.files) {
        if (file.id == row.file_id) outcome.existing_file = file.file_name;
      }
      outcome.existing_line = row.line;
      return outcome;
    }
    table.by_key.emplace(std::move(key), table.rows.size());
    table.rows.push_back({file_id, line, std::vector<Value>(values.begin(), values.end())});
    outcome.inserted = true;
    return outcome;
  }

  Status ScanWithFile(const sources::SourceContract& contract, const FileRowCallback& row) override {
    auto table = shared_.state.tables.find(contract.name);
    if (table == shared_.state.tables.end()) return Status::Ok();
    const std::vector<StoredRow>& rows = table->second.rows;
    std::vector<size_t> order(rows.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return std::pair(rows[a].file_id, rows[a].line) < std::pair(rows[b].file_id, rows[b].line);
    });
    for (size_t index : order) RETURN_IF_ERROR(row(rows[index].file_id, rows[index].values));
    return Status::Ok();
  }

  Result<RecordSummary> Summarise(const sources::SourceContract& contract) override {
    RecordSummary summary;
    auto table = shared_.state.tables.find(contract.name);
    if (table == shared_.state.tables.end()) return summary;
    int gemeente = contract.extract.IndexOf("gemeente");
    std::string range_name = SummaryRangeColumn(contract);
    int range = range_name.empty() ? -1 : contract.extract.IndexOf(range_name);
    const Value* first = nullptr;
    const Value* last = nullptr;
    for (const StoredRow& row : table->second.rows) {
      ++summary.rows;
      if (gemeente >= 0) ++summary.rows_per_gemeente[row.values[gemeente].ToString()];
      if (range >= 0 && !row.values[range].missing()) {
        if (first == nullptr || Before(row.values[range], *first)) first = &row.values[range];
        if (last == nullptr || Before(*last, row.values[range])) last = &row.values[range];
      }
    }
    if (first != nullptr) summary.first_date = first->ToString();
    if (last != nullptr) summary.last_date = last->ToString();
    return summary;
  }

 private:
  Shared& shared_;
};

class MemoryLinkageRuns : public LinkageRuns {
 public:
  explicit MemoryLinkageRuns(Shared& shared) : shared_(shared) {}

  Result<int64_t> Replace(const LinkRunInfo& run, const std::vector<LinkedInvolvement>& involvements,
                          const std::vector<LinkPairRow>& pairs) override {
    RETURN_IF_ERROR(shared_.RequireTransaction("de koppeling vervangen"));
    shared_.state.involvements = involvements;
    shared_.state.pairs.clear();
    RETURN_IF_ERROR(AppendPairs(pairs));
    return LogRun(run);
  }

  Result<int64_t> Extend(const LinkRunInfo& run, int64_t first_new, const std::vector<LinkKeyUpdate>& updated,
                         const std::vector<LinkedInvolvement>& appended,
                         const std::vector<LinkPairRow>& pairs) override {
    RETURN_IF_ERROR(shared_.RequireTransaction("de koppeling uitbreiden"));
    auto stored = static_cast<int64_t>(shared_.state.involvements.size());
    if (stored != first_new) return FailedPreconditionError(msg::StaleLinkage(stored, first_new));
    for (const LinkKeyUpdate& update : updated) {
      if (update.idx < 0 || update.idx >= first_new) return InvalidArgumentError(msg::NoSuchInvolvement(update.idx));
      shared_.state.involvements[update.idx].person_key = update.person_key;
      shared_.state.involvements[update.idx].household_key = update.household_key;
    }
    shared_.state.involvements.insert(shared_.state.involvements.end(), appended.begin(), appended.end());
    RETURN_IF_ERROR(AppendPairs(pairs));
    return LogRun(run);
  }

  Result<std::optional<LinkRunInfo>> Latest() override {
    if (shared_.state.runs.empty()) return std::optional<LinkRunInfo>();
    return std::optional<LinkRunInfo>(shared_.state.runs.back());
  }

  Result<std::vector<LinkedInvolvement>> Involvements() override { return shared_.state.involvements; }

  Status ScanInvolvements(const std::function<Status(const LinkedInvolvement&)>& visit) override {
    for (const LinkedInvolvement& involvement : shared_.state.involvements) RETURN_IF_ERROR(visit(involvement));
    return Status::Ok();
  }

  Result<std::vector<LinkPairRow>> Pairs(double min_probability) override {
    std::vector<LinkPairRow> out;
    for (const LinkPairRow& pair : shared_.state.pairs) {
      if (pair.probability >= min_probability || pair.exact) out.push_back(pair);
    }
    std::sort(out.begin(), out.end(),
              [](const LinkPairRow& x, const LinkPairRow& y) { return std::pair(x.a, x.b) < std::pair(y.a, y.b); });
    return out;
  }

 private:
  // Pairs name stored involvements and are unique by (a, b), as SQLite's keys require.
  Status AppendPairs(const std::vector<LinkPairRow>& pairs) {
    std::unordered_set<uint64_t> seen;
    for (const LinkPairRow& pair : shared_.state.pairs) seen.insert(uint64_t{pair.a} << 32 | pair.b);
    const size_t stored = shared_.state.involvements.size();
    for (const LinkPairRow& pair : pairs) {
      if (pair.a >= stored || pair.b >= stored || !seen.insert(uint64_t{pair.a} << 32 | pair.b).second) {
        return InternalError(
            msg::Failure("de koppelparen opslaan",
                         "paar " + std::to_string(pair.a) + "-" + std::to_string(pair.b) + " ongeldig of dubbel"));
      }
      shared_.state.pairs.push_back(pair);
    }
    return Status::Ok();
  }

  int64_t LogRun(LinkRunInfo run) {
    run.id = static_cast<int64_t>(shared_.state.runs.size()) + 1;
    run.created_at = NowUtc();
    run.involvements = static_cast<int64_t>(shared_.state.involvements.size());
    run.pairs_kept = static_cast<int64_t>(shared_.state.pairs.size());
    shared_.state.runs.push_back(run);
    return run.id;
  }

  Shared& shared_;
};

class MemorySettings : public Settings {
 public:
  explicit MemorySettings(Shared& shared) : shared_(shared) {}
  Result<std::optional<std::string>> Get(const std::string& key) override {
    auto it = shared_.state.settings.find(key);
    if (it == shared_.state.settings.end()) return std::optional<std::string>();
    return std::optional<std::string>(it->second);
  }
  Status Set(const std::string& key, const std::string& value) override {
    RETURN_IF_ERROR(shared_.RequireTransaction("een instelling opslaan"));
    shared_.state.settings[key] = value;
    return Status::Ok();
  }

 private:
  Shared& shared_;
};

class MemoryIndicatorValues : public IndicatorValues {
 public:
  explicit MemoryIndicatorValues(Shared& shared) : shared_(shared) {}
  Result<int64_t> AddRun(const IndicatorRun& run) override {
    RETURN_IF_ERROR(shared_.RequireTransaction("een berekening vastleggen"));
    IndicatorRun stored = run;
    stored.id = shared_.state.indicator_runs.empty() ? 1 : shared_.state.indicator_runs.back().id + 1;
    shared_.state.indicator_runs.push_back(stored);
    return stored.id;
  }
  Status ReplaceIndicator(int64_t run_id, const std::string& indicator,
                          const std::vector<IndicatorCell>& cells) override {
    RETURN_IF_ERROR(shared_.RequireTransaction("indicatorwaarden opslaan"));
    RETURN_IF_ERROR(CheckCells(indicator, cells));
    const auto& runs = shared_.state.indicator_runs;
    if (std::none_of(runs.begin(), runs.end(), [&](const IndicatorRun& r) { return r.id == run_id; })) {
      return NotFoundError(msg::NoSuchComputeRun(run_id));
    }
    shared_.state.indicator_inputs.erase(indicator);
    if (cells.empty()) {
      shared_.state.cells.erase(indicator);
      return Status::Ok();
    }
    std::vector<IndicatorCell> stored = cells;
    for (IndicatorCell& cell : stored) cell.run_id = run_id;
    std::sort(stored.begin(), stored.end(), CellBefore);
    shared_.state.cells[indicator] = std::move(stored);
    return Status::Ok();
  }
  Result<std::vector<IndicatorCell>> Cells(const CellQuery& query) override {
    std::vector<IndicatorCell> out;
    for (const auto& [indicator, cells] : shared_.state.cells) {  // map order = indicator byte order
      for (const IndicatorCell& cell : cells) {
        if (CellMatches(query, cell)) out.push_back(cell);
      }
    }
    return out;
  }
  Result<std::vector<IndicatorRun>> Runs() override { return shared_.state.indicator_runs; }
  Result<std::optional<IndicatorRun>> LatestRun() override {
    if (shared_.state.indicator_runs.empty()) return std::optional<IndicatorRun>();
    return std::optional<IndicatorRun>(shared_.state.indicator_runs.back());
  }
  Status SetInputs(const std::string& indicator, const std::string& inputs_fingerprint) override {
    RETURN_IF_ERROR(shared_.RequireTransaction("indicatorinvoer vastleggen"));
    if (inputs_fingerprint.empty()) {
      shared_.state.indicator_inputs.erase(indicator);
    } else {
      shared_.state.indicator_inputs[indicator] = inputs_fingerprint;
    }
    return Status::Ok();
  }
  Result<std::map<std::string, std::string>> Inputs() override { return shared_.state.indicator_inputs; }
  Result<std::vector<std::string>> Indicators() override {
    std::vector<std::string> out;
    for (const auto& [indicator, cells] : shared_.state.cells) out.push_back(indicator);
    return out;
  }

 private:
  Shared& shared_;
};

class MemoryPublications : public Publications {
 public:
  explicit MemoryPublications(Shared& shared) : shared_(shared) {}
  Result<int64_t> Replace(const PublicationRun& run, const std::vector<PublishedCell>& cells) override {
    RETURN_IF_ERROR(shared_.RequireTransaction("een publicatie opslaan"));
    RETURN_IF_ERROR(CheckPublishedCells(cells));
    PublicationRun stored = run;
    stored.id = shared_.state.publication_runs.empty() ? 1 : shared_.state.publication_runs.back().id + 1;
    if (stored.published_at.empty()) stored.published_at = NowUtc();
    shared_.state.publication_runs.push_back(stored);
    shared_.state.published = cells;
    std::sort(shared_.state.published.begin(), shared_.state.published.end(), PublishedBefore);
    return stored.id;
  }
  Result<std::optional<PublicationRun>> Latest() override {
    if (shared_.state.publication_runs.empty()) return std::optional<PublicationRun>();
    return std::optional<PublicationRun>(shared_.state.publication_runs.back());
  }
  Result<std::vector<PublishedCell>> Cells(const CellQuery& query) override {
    std::vector<PublishedCell> out;
    for (const PublishedCell& cell : shared_.state.published) {
      if (PublishedMatches(query, cell)) out.push_back(cell);
    }
    return out;
  }

 private:
  Shared& shared_;
};

class MemorySignalState : public SignalState {
 public:
  explicit MemorySignalState(Shared& shared) : shared_(shared) {}
  Result<int64_t> AddRun(const SignalRun& run) override {
    RETURN_IF_ERROR(shared_.RequireTransaction("een signaalrun vastleggen"));
    SignalRun stored = run;
    stored.id = shared_.state.signal_runs.empty() ? 1 : shared_.state.signal_runs.back().id + 1;
    if (stored.ran_at.empty()) stored.ran_at = NowUtc();
    shared_.state.signal_runs.push_back(stored);
    return stored.id;
  }
  Result<std::optional<SignalRun>> LatestRun() override {
    if (shared_.state.signal_runs.empty()) return std::optional<SignalRun>();
    return std::optional<SignalRun>(shared_.state.signal_runs.back());
  }
  Result<int64_t> Add(const StoredSignal& signal) override {
    RETURN_IF_ERROR(shared_.RequireTransaction("een signaal opslaan"));
    RETURN_IF_ERROR(CheckSignal(signal));
    StoredSignal stored = signal;
    stored.id = shared_.state.signals.empty() ? 1 : shared_.state.signals.back().id + 1;
    stored.steps.clear();
    shared_.state.signals.push_back(std::move(stored));
    return shared_.state.signals.back().id;
  }
  Status Update(const StoredSignal& signal) override {
    RETURN_IF_ERROR(shared_.RequireTransaction("een signaal bijwerken"));
    RETURN_IF_ERROR(CheckSignal(signal));
    StoredSignal* stored = Find(signal.id);
    if (stored == nullptr) return NotFoundError(msg::NoSuchSignal(signal.id));
    std::vector<TriageStep> steps = std::move(stored->steps);
    *stored = signal;
    stored->steps = std::move(steps);
    return Status::Ok();
  }
  Status AddStep(int64_t id, const TriageStep& step) override {
    RETURN_IF_ERROR(shared_.RequireTransaction("een triagestap vastleggen"));
    StoredSignal* stored = Find(id);
    if (stored == nullptr) return NotFoundError(msg::NoSuchSignal(id));
    stored->steps.push_back(step);
    if (stored->steps.back().at.empty()) stored->steps.back().at = NowUtc();
    return Status::Ok();
  }
  Result<std::vector<StoredSignal>> All() override { return shared_.state.signals; }
  Result<std::optional<StoredSignal>> Get(int64_t id) override {
    StoredSignal* stored = Find(id);
    if (stored == nullptr) return std::optional<StoredSignal>();
    return std::optional<StoredSignal>(*stored);
  }

 private:
  StoredSignal* Find(int64_t id) {
    auto& signals = shared_.state.signals;
    auto it = std::lower_bound(signals.begin(), signals.end(), id,
                               [](const StoredSignal& signal, int64_t wanted) { return signal.id < wanted; });
    return it != signals.end() && it->id == id ? &*it : nullptr;
  }

  Shared& shared_;
};

class MemoryAccounts : public Accounts {
 public:
  explicit MemoryAccounts(Shared& shared) : shared_(shared) {}
  Status Add(const Account& account) override {
    RETURN_IF_ERROR(shared_.RequireTransaction("een gebruiker toevoegen"));
    if (shared_.state.accounts.contains(account.name)) return AlreadyExistsError(msg::AccountExists(account.name));
    Account stored = account;
    std::string now = NowUtc();
    if (stored.created_at.empty()) stored.created_at = now;
    if (stored.changed_at.empty()) stored.changed_at = now;
    shared_.state.accounts.emplace(account.name, std::move(stored));
    return Status::Ok();
  }
  Status SetPasswordHash(const std::string& name, const std::string& password_hash) override {
    RETURN_IF_ERROR(shared_.RequireTransaction("een wachtwoord wijzigen"));
    auto it = shared_.state.accounts.find(name);
    if (it == shared_.state.accounts.end()) return NotFoundError(msg::NoSuchAccount(name));
    it->second.password_hash = password_hash;
    it->second.changed_at = NowUtc();
    return Status::Ok();
  }
  Status Remove(const std::string& name) override {
    RETURN_IF_ERROR(shared_.RequireTransaction("een gebruiker verwijderen"));
    if (shared_.state.accounts.erase(name) == 0) return NotFoundError(msg::NoSuchAccount(name));
    return Status::Ok();
  }
  Result<std::optional<Account>> Get(const std::string& name) override {
    auto it = shared_.state.accounts.find(name);
    if (it == shared_.state.accounts.end()) return std::optional<Account>();
    return std::optional<Account>(it->second);
  }
  Result<std::vector<Account>> All() override {
    std::vector<Account> all;
    for (const auto& [name, account] : shared_.state.accounts) all.push_back(account);
    return all;
  }

 private:
  Shared& shared_;
};

class MemoryAuditLog : public AuditLog {
 public:
  explicit MemoryAuditLog(Shared& shared) : shared_(shared) {}
  Result<int64_t> Append(const AuditEntry& entry) override {
    RETURN_IF_ERROR(shared_.RequireTransaction("een auditregel schrijven"));
    auto& audit = shared_.state.audit;
    if (entry.previous_hash != (audit.empty() ? std::string(kAuditGenesisHash) : audit.back().hash)) {
      return FailedPreconditionError(msg::AuditChainMoved(audit.empty() ? 0 : audit.back().seq));
    }
    AuditEntry stored = entry;
    stored.seq = audit.empty() ? 1 : audit.back().seq + 1;
    audit.push_back(std::move(stored));
    return audit.back().seq;
  }
  Result<std::optional<AuditEntry>> Last() override {
    if (shared_.state.audit.empty()) return std::optional<AuditEntry>();
    return std::optional<AuditEntry>(shared_.state.audit.back());
  }
  Result<std::vector<AuditEntry>> Entries(const AuditQuery& query) override {
    std::vector<AuditEntry> out;
    for (const AuditEntry& entry : shared_.state.audit) {
      if (entry.at >= query.since && (query.user.empty() || entry.user == query.user)) out.push_back(entry);
    }
    return out;
  }

 private:
  Shared& shared_;
};

class MemoryStore : public Store {
 public:
  MemoryStore()
      : ingest_log_(shared_),
        records_(shared_),
        linkage_(shared_),
        settings_(shared_),
        indicator_values_(shared_),
        publications_(shared_),
        signal_state_(shared_),
        accounts_(shared_),
        audit_log_(shared_) {}

  std::string Describe() const override { return "memory:"; }
  int SchemaVersion() override { return AllMigrations().back().version; }

  Result<Transaction> Begin() override {
    if (shared_.snapshot) return FailedPreconditionError(msg::TransactionAlreadyOpen());
    shared_.snapshot = shared_.state;
    return Transaction(std::make_unique<MemoryTransaction>(*this));
  }

  IngestLog& ingest_log() override { return ingest_log_; }
  Records& records() override { return records_; }
  LinkageRuns& linkage() override { return linkage_; }
  Settings& settings() override { return settings_; }
  IndicatorValues& indicator_values() override { return indicator_values_; }
  Publications& publications() override { return publications_; }
  SignalState& signal_state() override { return signal_state_; }
  Accounts& accounts() override { return accounts_; }
  AuditLog& audit_log() override { return audit_log_; }

  void Commit() { shared_.snapshot.reset(); }
  void Rollback() {
    shared_.state = std::move(*shared_.snapshot);
    shared_.snapshot.reset();
  }

 private:
  Shared shared_;
  MemoryIngestLog ingest_log_;
  MemoryRecords records_;
  MemoryLinkageRuns linkage_;
  MemorySettings settings_;
  MemoryIndicatorValues indicator_values_;
  MemoryPublications publications_;
  MemorySignalState signal_state_;
  MemoryAccounts accounts_;
  MemoryAuditLog audit_log_;
};

Status MemoryTransaction::Commit() {
  store_.Commit();
  return Status::Ok();
}
void MemoryTransaction::Rollback() { store_.Rollback(); }

}  // namespace

Result<std::unique_ptr<Store>> OpenMemoryStore() { return std::unique_ptr<Store>(std::make_unique<MemoryStore>()); }

}  // namespace sz::store
