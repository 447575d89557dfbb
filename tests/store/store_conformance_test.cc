// StoreConformance/<Backend>.*: what every store backend must do (store/store.h and its parts), one
// typed suite over every backend. PostgreSQL joins the list of backends when it lands.
//
// Atomicity (a destroyed transaction leaves nothing, in every part), idempotency (the same file
// twice, the same record key twice), reject bookkeeping, typed values round-tripping, scan order,
// summaries, settings, the linkage's replace and extend with their refusals, indicator values,
// publications, and the signal state (signals with their triage steps, signal runs).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>

#include "store/memory/memory_store.h"
#include "store/sqlite/sqlite_store.h"
#include "store/store.h"

namespace sz::store {
namespace {

struct SqliteBackend {
  static Result<std::unique_ptr<Store>> Open() {
    static int counter = 0;
    std::string dir = ::testing::TempDir() + "/conformance-" + std::to_string(getpid());
    std::filesystem::create_directories(dir);
    std::string path = dir + "/store-" + std::to_string(++counter) + ".db";
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    return OpenSqliteStore(path);
  }
};

struct MemoryBackend {
  static Result<std::unique_ptr<Store>> Open() { return OpenMemoryStore(); }
};

class BackendNames {
 public:
  template <typename T>
  static std::string GetName(int) {
    if constexpr (std::is_same_v<T, SqliteBackend>) return "Sqlite";
    if constexpr (std::is_same_v<T, MemoryBackend>) return "Memory";
    return "Unknown";
  }
};

template <typename Backend>
class StoreConformance : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = Backend::Open();
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }

  static IngestFileInfo File(const std::string& source, const std::string& name) {
    return IngestFileInfo{.source = source,
                          .file_name = name,
                          .sha256 = "sha-" + source + "-" + name,
                          .contract_version = 1,
                          .rows_read = 2,
                          .rows_accepted = 2};
  }

  static const sources::SourceContract& Infect() { return *sources::FindContract("infectieziekten"); }

  static std::vector<Value> InfectRow(const std::string& week, const std::string& gemeente, const std::string& ziekte,
                                      int64_t count) {
    return {Value::Text(week), Value::Text(gemeente), Value::Text(ziekte), Value::Integer(count)};
  }

  std::vector<std::vector<Value>> Scan(const sources::SourceContract& contract) {
    std::vector<std::vector<Value>> rows;
    Status status = store_->records().Scan(contract, [&](std::span<const Value> row) {
      rows.emplace_back(row.begin(), row.end());
      return Status::Ok();
    });
    EXPECT_TRUE(status.ok()) << status.ToString();
    return rows;
  }

  // One file with two infectieziekten rows, a reject, a setting and a linkage, all in one transaction.
  void WriteEverything(Transaction& tx) {
    auto file = store_->ingest_log().AddFile(File("infectieziekten", "a.csv"));
    ASSERT_TRUE(file.ok()) << file.status().ToString();
    ASSERT_TRUE(store_->records().Insert(*file, 2, Infect(), InfectRow("2024-W01", "GM0153", "mazelen", 3)).ok());
    ASSERT_TRUE(store_->records().Insert(*file, 3, Infect(), InfectRow("2024-W02", "GM0153", "mazelen", 0)).ok());
    ASSERT_TRUE(store_->ingest_log().AddReject(*file, {4, "aantal", "veel", "geen getal", "cijfers", "raw"}).ok());
    ASSERT_TRUE(store_->settings().Set("k", "v").ok());
    ASSERT_TRUE(store_->linkage().Replace(LinkRunInfo{.details = "{}"}, {{"wmo", "W1", 1, "p", "h"}}, {}).ok());
    auto run = store_->indicator_values().AddRun(IndicatorRun{.computed_at = "2026-12-03T10:00:00Z"});
    ASSERT_TRUE(run.ok()) << run.status().ToString();
    ASSERT_TRUE(store_->indicator_values()
                    .ReplaceIndicator(*run, "x", {Cell("x", RegionLevel::kGemeente, "GM0153", "2024")})
                    .ok());
    ASSERT_TRUE(store_->signal_state().AddRun(SignalRun{.indicator_run_id = *run}).ok());
    auto signal = store_->signal_state().Add(StoredSignal{.key = "x", .status = "nieuw"});
    ASSERT_TRUE(signal.ok()) << signal.status().ToString();
    ASSERT_TRUE(store_->signal_state().AddStep(*signal, {.note = "n"}).ok());
    ASSERT_TRUE(store_->accounts().Add({.name = "a", .role = "analist", .password_hash = "$argon2id$x"}).ok());
    ASSERT_TRUE(store_->audit_log().Append({.at = "t", .previous_hash = kAuditGenesisHash, .hash = "h"}).ok());
  }

  static IndicatorCell Cell(const std::string& indicator, RegionLevel level, const std::string& region,
                            const std::string& period, const std::string& breakdown = "totaal") {
    IndicatorCell cell;
    cell.indicator = indicator;
    cell.level = level;
    cell.region = region;
    cell.period = period;
    cell.breakdown = breakdown;
    cell.numerator = 3;
    cell.denominator = 600;
    cell.value = 5;
    return cell;
  }

  void ExpectEmpty() {
    EXPECT_TRUE(store_->ingest_log().Files()->empty());
    EXPECT_EQ(*store_->ingest_log().MaxFileId(), 0);
    EXPECT_TRUE(Scan(Infect()).empty());
    EXPECT_EQ(store_->records().Summarise(Infect())->rows, 0);
    EXPECT_FALSE(store_->settings().Get("k")->has_value());
    EXPECT_FALSE(store_->linkage().Latest()->has_value());
    EXPECT_TRUE(store_->linkage().Involvements()->empty());
    EXPECT_TRUE(store_->indicator_values().Runs()->empty());
    EXPECT_FALSE(store_->indicator_values().LatestRun()->has_value());
    EXPECT_TRUE(store_->indicator_values().Cells({})->empty());
    EXPECT_FALSE(store_->signal_state().LatestRun()->has_value());
    EXPECT_TRUE(store_->signal_state().All()->empty());
    EXPECT_TRUE(store_->accounts().All()->empty());
    EXPECT_FALSE(store_->audit_log().Last()->has_value());
  }

  std::unique_ptr<Store> store_;
};

using Backends = ::testing::Types<SqliteBackend, MemoryBackend>;
TYPED_TEST_SUITE(StoreConformance, Backends, BackendNames);

TYPED_TEST(StoreConformance, StartsEmptyAtTheLatestSchema) {
  this->ExpectEmpty();
  EXPECT_GE(this->store_->SchemaVersion(), 3);
}

TYPED_TEST(StoreConformance, ADestroyedTransactionLeavesNothingInAnyPart) {
  {
    auto tx = this->store_->Begin();
    ASSERT_TRUE(tx.ok()) << tx.status().ToString();
    this->WriteEverything(*tx);
    // Inside the transaction, its own writes are visible.
    EXPECT_EQ(this->Scan(this->Infect()).size(), 2u);
    EXPECT_EQ(this->store_->settings().Get("k")->value_or(""), "v");
  }
  this->ExpectEmpty();
  // And the store takes a new transaction afterwards.
  auto again = this->store_->Begin();
  ASSERT_TRUE(again.ok()) << again.status().ToString();
}

TYPED_TEST(StoreConformance, ACommittedTransactionKeepsEverything) {
  auto tx = this->store_->Begin();
  ASSERT_TRUE(tx.ok());
  this->WriteEverything(*tx);
  ASSERT_TRUE(tx->Commit().ok());
  EXPECT_EQ(tx->Commit().code(), StatusCode::kFailedPrecondition);  // once
  EXPECT_EQ(this->store_->ingest_log().Files()->size(), 1u);
  EXPECT_EQ(this->Scan(this->Infect()).size(), 2u);
  EXPECT_EQ(this->store_->settings().Get("k")->value_or(""), "v");
  EXPECT_EQ((*this->store_->linkage().Latest())->involvements, 1);
  EXPECT_EQ(this->store_->indicator_values().Cells({})->size(), 1u);
  EXPECT_EQ(this->store_->signal_state().All()->front().steps.size(), 1u);
}

TYPED_TEST(StoreConformance, WritesNeedATransactionAndOneAtATime) {
  EXPECT_EQ(this->store_->ingest_log().AddFile(this->File("bevolking", "x.csv")).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(this->store_->settings().Set("k", "v").code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(this->store_->records()
                .Insert(1, 2, this->Infect(), this->InfectRow("2024-W01", "GM0153", "bof", 1))
                .status()
                .code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(this->store_->linkage().Replace({}, {}, {}).status().code(), StatusCode::kFailedPrecondition);
  auto tx = this->store_->Begin();
  ASSERT_TRUE(tx.ok());
  EXPECT_EQ(this->store_->Begin().status().code(), StatusCode::kFailedPrecondition);
  this->ExpectEmpty();
}

TYPED_TEST(StoreConformance, TheSameFileAndTheSameKeyAreNotAddedTwice) {
  auto tx = this->store_->Begin();
  ASSERT_TRUE(tx.ok());
  auto file = this->store_->ingest_log().AddFile(this->File("infectieziekten", "a.csv"));
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(this->store_->ingest_log().AddFile(this->File("infectieziekten", "a.csv")).status().code(),
            StatusCode::kAlreadyExists);
  auto found = this->store_->ingest_log().FindFile("infectieziekten", "sha-infectieziekten-a.csv");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->id, *file);
  EXPECT_FALSE(this->store_->ingest_log().FindFile("bevolking", "sha-infectieziekten-a.csv")->has_value());

  auto first =
      this->store_->records().Insert(*file, 2, this->Infect(), this->InfectRow("2024-W01", "GM0153", "bof", 1));
  ASSERT_TRUE(first.ok() && first->inserted);
  // Same key (week, gemeente, ziekte), other count: not inserted; the outcome names where the first came from.
  auto second =
      this->store_->records().Insert(*file, 9, this->Infect(), this->InfectRow("2024-W01", "GM0153", "bof", 7));
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_FALSE(second->inserted);
  EXPECT_EQ(second->existing_file, "a.csv");
  EXPECT_EQ(second->existing_line, 2);
  ASSERT_TRUE(tx->Commit().ok());
  auto rows = this->Scan(this->Infect());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][3], Value::Integer(1));
}

TYPED_TEST(StoreConformance, RejectsAreKeptPerFileWithCountsThatAddUp) {
  auto tx = this->store_->Begin();
  ASSERT_TRUE(tx.ok());
  auto a = this->store_->ingest_log().AddFile(this->File("infectieziekten", "a.csv"));
  auto b = this->store_->ingest_log().AddFile(this->File("infectieziekten", "b.csv"));
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_LT(*a, *b);
  std::string huge(100000, 'x');  // a rejected value is kept whole
  ASSERT_TRUE(this->store_->ingest_log().AddReject(*a, {3, "aantal", huge, "geen getal", "cijfers", "r3"}).ok());
  ASSERT_TRUE(this->store_->ingest_log().AddReject(*a, {5, "", "", "te weinig velden", "aanvullen", "r5"}).ok());
  ASSERT_TRUE(this->store_->ingest_log().AddReject(*b, {2, "week", "w", "geen week", "2024-W05", "r2"}).ok());
  ASSERT_TRUE(this->store_->ingest_log().UpdateFileCounts(*a, 10, 8, 2).ok());
  ASSERT_TRUE(tx->Commit().ok());
  auto rejects = this->store_->ingest_log().Rejects(*a);
  ASSERT_TRUE(rejects.ok());
  ASSERT_EQ(rejects->size(), 2u);
  EXPECT_EQ((*rejects)[0].line, 3);
  EXPECT_EQ((*rejects)[0].value, huge);
  EXPECT_EQ((*rejects)[1].raw, "r5");
  EXPECT_EQ(this->store_->ingest_log().Rejects(*b)->size(), 1u);
  auto files = this->store_->ingest_log().Files();
  ASSERT_EQ(files->size(), 2u);
  EXPECT_EQ((*files)[0].rows_read, (*files)[0].rows_accepted + (*files)[0].rows_rejected);
  EXPECT_EQ(*this->store_->ingest_log().MaxFileId(), *b);
}

TYPED_TEST(StoreConformance, TypedValuesComeBackAsTheyWentIn) {
  const sources::SourceContract& vt = *sources::FindContract("veilig_thuis");
  std::vector<Value> row(vt.extract.columns.size());
  auto set = [&](const char* column, Value value) { row[vt.extract.IndexOf(column)] = std::move(value); };
  set("melding_id", Value::Text("VT-1"));
  set("ontvangen_op", Value::OfDate(Date{2024, 2, 29}));
  set("soort", Value::Text("melding"));
  set("gemeente", Value::Text("GM0153"));
  set("betrokkene_nr", Value::Integer(2));
  set("leeftijd", Value::Integer(9));
  set("geslacht", Value::Text("vrouw"));
  // afgesloten_op, clk, … stay missing
  const sources::SourceContract& monitor = *sources::FindContract("gezondheidsmonitor");
  std::vector<Value> respondent(monitor.extract.columns.size());
  respondent[monitor.extract.IndexOf("respondent_id")] = Value::Text("r1");
  respondent[monitor.extract.IndexOf("jaar")] = Value::Integer(2024);
  respondent[monitor.extract.IndexOf("gewicht")] = Value::Decimal(12.375);

  auto tx = this->store_->Begin();
  ASSERT_TRUE(tx.ok());
  auto file = this->store_->ingest_log().AddFile(this->File("veilig_thuis", "vt.csv"));
  ASSERT_TRUE(this->store_->records().Insert(*file, 5, vt, row).ok());
  ASSERT_TRUE(this->store_->records().Insert(*file, 6, monitor, respondent).ok());
  // A value of the wrong kind is refused, naming the column.
  std::vector<Value> wrong = row;
  wrong[vt.extract.IndexOf("ontvangen_op")] = Value::Text("2024-02-29");
  wrong[vt.extract.IndexOf("melding_id")] = Value::Text("VT-2");
  auto refused = this->store_->records().Insert(*file, 7, vt, wrong);
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(refused.status().message().find("ontvangen_op"), std::string::npos);
  EXPECT_EQ(this->store_->records().Insert(*file, 8, vt, std::vector<Value>(3)).status().code(),
            StatusCode::kInvalidArgument);
  ASSERT_TRUE(tx->Commit().ok());

  auto rows = this->Scan(vt);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0], row);
  auto respondents = this->Scan(monitor);
  ASSERT_EQ(respondents.size(), 1u);
  EXPECT_EQ(respondents[0], respondent);
}

TYPED_TEST(StoreConformance, ScansInIngestOrderAndSummarises) {
  auto tx = this->store_->Begin();
  ASSERT_TRUE(tx.ok());
  auto a = this->store_->ingest_log().AddFile(this->File("infectieziekten", "a.csv"));
  auto b = this->store_->ingest_log().AddFile(this->File("infectieziekten", "b.csv"));
  ASSERT_TRUE(
      this->store_->records().Insert(*b, 2, this->Infect(), this->InfectRow("2023-W52", "GM0164", "bof", 1)).ok());
  ASSERT_TRUE(
      this->store_->records().Insert(*a, 3, this->Infect(), this->InfectRow("2024-W07", "GM0153", "bof", 2)).ok());
  ASSERT_TRUE(
      this->store_->records().Insert(*a, 2, this->Infect(), this->InfectRow("2024-W01", "GM0153", "bof", 3)).ok());
  ASSERT_TRUE(tx->Commit().ok());
  auto rows = this->Scan(this->Infect());
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0][0].text(), "2024-W01");  // file a, line 2
  EXPECT_EQ(rows[1][0].text(), "2024-W07");  // file a, line 3
  EXPECT_EQ(rows[2][0].text(), "2023-W52");  // file b
  std::vector<int64_t> files;
  ASSERT_TRUE(this->store_->records()
                  .ScanWithFile(this->Infect(),
                                [&](int64_t file, std::span<const Value>) {
                                  files.push_back(file);
                                  return Status::Ok();
                                })
                  .ok());
  EXPECT_EQ(files, (std::vector<int64_t>{*a, *a, *b}));
  auto summary = this->store_->records().Summarise(this->Infect());
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->rows, 3);
  EXPECT_EQ(summary->rows_per_gemeente.at("GM0153"), 2);
  EXPECT_EQ(summary->rows_per_gemeente.at("GM0164"), 1);
  EXPECT_EQ(summary->first_date, "2023-W52");
  EXPECT_EQ(summary->last_date, "2024-W07");
  // A callback's error stops the scan and comes back.
  int seen = 0;
  Status stopped = this->store_->records().Scan(this->Infect(), [&](std::span<const Value>) {
    ++seen;
    return DataError("stop");
  });
  EXPECT_EQ(stopped.code(), StatusCode::kDataError);
  EXPECT_EQ(seen, 1);
}

TYPED_TEST(StoreConformance, SettingsAreOverwritten) {
  {
    auto tx = this->store_->Begin();
    ASSERT_TRUE(this->store_->settings().Set(kLinkageKeyFingerprintSetting, "aaaa").ok());
    ASSERT_TRUE(this->store_->settings().Set(kLinkageKeyFingerprintSetting, "bbbb").ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  EXPECT_EQ(this->store_->settings().Get(kLinkageKeyFingerprintSetting)->value_or(""), "bbbb");
}

TYPED_TEST(StoreConformance, LinkageIsReplacedOrExtended) {
  LinkageRuns& linkage = this->store_->linkage();
  LinkRunInfo run{.max_ingest_file_id = 3, .pairs_compared = 10, .persons = 2, .households = 1, .details = "{}"};
  std::vector<LinkedInvolvement> first = {{"wmo", "W1", 1, "wmo:W1:1", "wmo:W1:1"},
                                          {"wmo", "W2", 1, "wmo:W2:1", "wmo:W1:1"}};
  {
    auto tx = this->store_->Begin();
    auto id = linkage.Replace(run, first, {{0, 1, -2.0, 0.2, false}});
    ASSERT_TRUE(id.ok()) << id.status().ToString();
    ASSERT_TRUE(tx->Commit().ok());
  }
  auto latest = linkage.Latest();
  ASSERT_TRUE(latest.ok() && latest->has_value());
  const int64_t first_id = (*latest)->id;
  EXPECT_EQ((*latest)->involvements, 2);
  EXPECT_EQ((*latest)->pairs_kept, 1);
  EXPECT_EQ((*latest)->pairs_compared, 10);

  // Extending: one key updated, one involvement and one pair appended; the run logs the totals.
  run.max_ingest_file_id = 4;
  {
    auto tx = this->store_->Begin();
    auto extended = linkage.Extend(run, 2, {{1, "wmo:W1:1", "wmo:W1:1"}},
                                   {{"jeugdhulp", "J1", 2, "wmo:W1:1", "wmo:W1:1"}}, {{0, 2, 9.0, 0.99, true}});
    ASSERT_TRUE(extended.ok()) << extended.status().ToString();
    EXPECT_GT(*extended, first_id);
    ASSERT_TRUE(tx->Commit().ok());
  }
  auto stored = linkage.Involvements();
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->size(), 3u);
  EXPECT_EQ((*stored)[1].person_key, "wmo:W1:1");
  EXPECT_EQ((*stored)[2].source, "jeugdhulp");
  latest = linkage.Latest();
  EXPECT_EQ((*latest)->involvements, 3);
  EXPECT_EQ((*latest)->pairs_kept, 2);
  EXPECT_EQ((*latest)->max_ingest_file_id, 4);
  // Pairs by probability, exact ones always, ordered by (a, b).
  auto pairs = linkage.Pairs(0.5);
  ASSERT_TRUE(pairs.ok());
  ASSERT_EQ(pairs->size(), 1u);
  EXPECT_TRUE((*pairs)[0].exact);
  EXPECT_EQ(linkage.Pairs(0.0)->size(), 2u);
  EXPECT_EQ((*linkage.Pairs(0.0))[0].b, 1u);

  // An extension of a linkage that is not the one stored (3 involvements now, not 2) is refused.
  run.max_ingest_file_id = 5;
  {
    auto tx = this->store_->Begin();
    auto stale = linkage.Extend(run, 2, {}, {{"wmo", "W3", 1, "wmo:W3:1", "wmo:W3:1"}}, {});
    EXPECT_EQ(stale.status().code(), StatusCode::kFailedPrecondition);
  }
  // An update of an involvement that does not exist is refused; the transaction rolls it all back.
  {
    auto tx = this->store_->Begin();
    auto missing = linkage.Extend(run, 3, {{7, "x", "y"}}, {{"wmo", "W3", 1, "wmo:W3:1", "wmo:W3:1"}}, {});
    EXPECT_EQ(missing.status().code(), StatusCode::kInvalidArgument);
  }
  EXPECT_EQ(linkage.Involvements()->size(), 3u);
  EXPECT_EQ((*linkage.Latest())->max_ingest_file_id, 4);

  // Replace drops what was there.
  {
    auto tx = this->store_->Begin();
    ASSERT_TRUE(linkage.Replace(run, {{"wmo", "W9", 1, "wmo:W9:1", "wmo:W9:1"}}, {}).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  EXPECT_EQ(linkage.Involvements()->size(), 1u);
  EXPECT_TRUE(linkage.Pairs(0.0)->empty());
  EXPECT_EQ((*linkage.Latest())->pairs_kept, 0);
}

TYPED_TEST(StoreConformance, APublicationReplacesTheWholeEarlierOneAndComesBackAsItWentIn) {
  Publications& publications = this->store_->publications();
  EXPECT_EQ(publications.Replace({}, {}).status().code(), StatusCode::kFailedPrecondition);
  EXPECT_FALSE(publications.Latest()->has_value());

  PublishedCell shown{.indicator = "b_ind", .level = RegionLevel::kGemeente, .region = "GM0153", .period = "2024"};
  shown.numerator = 40;
  shown.denominator = 1000;
  shown.value = 40;
  shown.lower = 28.5;
  shown.upper = 54.25;
  PublishedCell hidden{.indicator = "b_ind",
                       .level = RegionLevel::kWijk,
                       .region = "WK015301",
                       .period = "2024",
                       .breakdown = "melder=politie"};
  hidden.status = CellStatus::kSuppressedSecondary;
  hidden.reason = "onderdrukt zodat een andere cel niet terug te rekenen is";
  PublishedCell rounded{.indicator = "a_ind", .level = RegionLevel::kWijk, .region = "WK015302", .period = "2024"};
  rounded.status = CellStatus::kRounded;
  rounded.reason = "afgerond op 5";
  rounded.numerator = 15;
  rounded.respondents = 0;
  PublicationRun run{.published_at = "2026-12-04T08:00:00Z",
                     .indicator_run_id = 3,
                     .cells = 3,
                     .rounded = 1,
                     .suppressed_primary = 0,
                     .suppressed_secondary = 1,
                     .information_loss = 12.5,
                     .details = "{}"};
  {
    auto tx = this->store_->Begin();
    auto id = publications.Replace(run, {shown, hidden, rounded});
    ASSERT_TRUE(id.ok()) << id.status().ToString();
    run.id = *id;
    // Duplicate keys are refused.
    EXPECT_EQ(publications.Replace(run, {shown, shown}).status().code(), StatusCode::kInvalidArgument);
    ASSERT_TRUE(tx->Commit().ok());
  }
  EXPECT_EQ(**publications.Latest(), run);
  auto all = publications.Cells({});
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_EQ(*all, (std::vector<PublishedCell>{rounded, shown, hidden}));
  EXPECT_EQ(*publications.Cells({.level = RegionLevel::kWijk}), (std::vector<PublishedCell>{rounded, hidden}));
  EXPECT_EQ(*publications.Cells({.indicators = {"b_ind"}, .region = "GM0153"}), (std::vector<PublishedCell>{shown}));
  EXPECT_EQ(*publications.Cells({.breakdown = "melder=politie"}), (std::vector<PublishedCell>{hidden}));
  EXPECT_EQ(*publications.Cells({.level = RegionLevel::kWijk, .breakdown = "totaal"}),
            (std::vector<PublishedCell>{rounded}));

  // The next publication replaces every cell; a rolled-back one changes nothing.
  {
    auto tx = this->store_->Begin();
    ASSERT_TRUE(publications.Replace(PublicationRun{.indicator_run_id = 4, .cells = 1}, {shown}).ok());
  }
  EXPECT_EQ(publications.Cells({})->size(), 3u);
  {
    auto tx = this->store_->Begin();
    ASSERT_TRUE(publications.Replace(PublicationRun{.indicator_run_id = 4, .cells = 1}, {shown}).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  EXPECT_EQ(*publications.Cells({}), (std::vector<PublishedCell>{shown}));
  EXPECT_EQ((*publications.Latest())->indicator_run_id, 4);
  EXPECT_FALSE((*publications.Latest())->published_at.empty());  // stamped by the store
}

TYPED_TEST(StoreConformance, IndicatorValuesAreReplacedPerIndicatorAndComeBackAsTheyWentIn) {
  IndicatorValues& values = this->store_->indicator_values();
  using Self = StoreConformance<TypeParam>;
  // Writes need a transaction.
  EXPECT_EQ(values.AddRun({}).status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(values.ReplaceIndicator(1, "x", {}).code(), StatusCode::kFailedPrecondition);

  IndicatorCell full = Self::Cell("b_ind", RegionLevel::kWijk, "WK015301", "2024-Q1", "melder=politie&geslacht=vrouw");
  full.lower = 0.5;
  full.upper = 14.25;
  full.respondents = 0;  // 0 stays 0
  IndicatorCell sparse = Self::Cell("b_ind", RegionLevel::kGemeente, "GM0153", "2024", "wijk=Noord-Zuid é");
  sparse.numerator = 0;
  sparse.denominator.reset();
  sparse.value.reset();  // missing stays missing
  int64_t first = 0, second = 0;
  {
    auto tx = this->store_->Begin();
    IndicatorRun run{.computed_at = "2026-12-03T10:00:00Z",
                     .catalog_sha256 = std::string(64, 'a'),
                     .max_ingest_file_id = 7,
                     .link_run_id = 2,
                     .cells = 4,
                     .details = "4 cellen"};
    auto id = values.AddRun(run);
    ASSERT_TRUE(id.ok()) << id.status().ToString();
    first = *id;
    ASSERT_TRUE(values
                    .ReplaceIndicator(first, "b_ind",
                                      {full, sparse, Self::Cell("b_ind", RegionLevel::kRegio, "CR23", "2024"),
                                       Self::Cell("b_ind", RegionLevel::kGemeente, "GM0141", "2024")})
                    .ok());
    ASSERT_TRUE(
        values.ReplaceIndicator(first, "a_ind", {Self::Cell("a_ind", RegionLevel::kGemeente, "GM0153", "2023")}).ok());
    ASSERT_TRUE(tx->Commit().ok());
    auto runs = values.Runs();
    ASSERT_EQ(runs->size(), 1u);
    run.id = first;
    EXPECT_EQ(runs->front(), run);
  }
  // Order: indicator, then level (regio < gemeente < wijk), region, period, breakdown.
  auto all = values.Cells({});
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->size(), 5u);
  std::vector<std::string> order;
  for (const IndicatorCell& cell : *all) order.push_back(cell.indicator + "/" + cell.region);
  EXPECT_EQ(order,
            (std::vector<std::string>{"a_ind/GM0153", "b_ind/CR23", "b_ind/GM0141", "b_ind/GM0153", "b_ind/WK015301"}));
  IndicatorCell want_full = full, want_sparse = sparse;
  want_full.run_id = want_sparse.run_id = first;
  EXPECT_EQ((*all)[4], want_full);
  EXPECT_EQ((*all)[3], want_sparse);

  // Queries.
  EXPECT_EQ(values.Cells({.indicators = {"a_ind"}})->size(), 1u);
  EXPECT_EQ(values.Cells({.level = RegionLevel::kGemeente})->size(), 3u);
  EXPECT_EQ(values.Cells({.indicators = {"b_ind"}, .region = "GM0153"})->size(), 1u);
  EXPECT_EQ(values.Cells({.period = "2023"})->size(), 1u);
  EXPECT_EQ(values.Cells({.indicators = {"b_ind"}, .breakdown = "totaal"})->size(), 2u);
  EXPECT_EQ(values.Cells({.breakdown = "geen_uitsplitsing_zo"})->size(), 0u);

  // Replacing one indicator leaves the other; the new run stamps its cells.
  {
    auto tx = this->store_->Begin();
    auto id = values.AddRun({.computed_at = "2026-12-04T10:00:00Z"});
    ASSERT_TRUE(id.ok());
    second = *id;
    EXPECT_GT(second, first);
    ASSERT_TRUE(
        values.ReplaceIndicator(second, "b_ind", {Self::Cell("b_ind", RegionLevel::kRegio, "CR23", "2025")}).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  auto b = values.Cells({.indicators = {"b_ind"}});
  ASSERT_EQ(b->size(), 1u);
  EXPECT_EQ(b->front().period, "2025");
  EXPECT_EQ(b->front().run_id, second);
  EXPECT_EQ(values.Cells({.indicators = {"a_ind"}})->front().run_id, first);
  EXPECT_EQ((*values.LatestRun())->id, second);

  // Refusals change nothing: a duplicate key, a cell of another indicator, an unknown run.
  {
    auto tx = this->store_->Begin();
    IndicatorCell twice = Self::Cell("b_ind", RegionLevel::kRegio, "CR23", "2026");
    EXPECT_EQ(values.ReplaceIndicator(second, "b_ind", {twice, twice}).code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(
        values.ReplaceIndicator(second, "b_ind", {Self::Cell("a_ind", RegionLevel::kRegio, "CR23", "2026")}).code(),
        StatusCode::kInvalidArgument);
    EXPECT_EQ(values.ReplaceIndicator(second + 100, "b_ind", {twice}).code(), StatusCode::kNotFound);
    EXPECT_EQ(values.Cells({.indicators = {"b_ind"}})->front().period, "2025");
    // An empty list removes the indicator's cells.
    ASSERT_TRUE(values.ReplaceIndicator(second, "a_ind", {}).ok());
    EXPECT_TRUE(values.Cells({.indicators = {"a_ind"}})->empty());
    // Destroyed without commit: a_ind is back.
  }
  EXPECT_EQ(values.Cells({.indicators = {"a_ind"}})->size(), 1u);
  EXPECT_EQ(values.Runs()->size(), 2u);
  EXPECT_EQ(*values.Indicators(), (std::vector<std::string>{"a_ind", "b_ind"}));
}

TYPED_TEST(StoreConformance, IndicatorInputsAreSetForgottenByAReplacementAndRolledBack) {
  IndicatorValues& values = this->store_->indicator_values();
  EXPECT_EQ(values.SetInputs("a_ind", "f1").code(), StatusCode::kFailedPrecondition);
  int64_t run = 0;
  {
    auto tx = this->store_->Begin();
    run = *values.AddRun({.computed_at = "2026-12-03T10:00:00Z"});
    ASSERT_TRUE(values.ReplaceIndicator(run, "a_ind", {this->Cell("a_ind", RegionLevel::kRegio, "CR23", "2024")}).ok());
    ASSERT_TRUE(values.SetInputs("a_ind", "f1").ok());
    ASSERT_TRUE(values.SetInputs("b_ind", "f2").ok());
    ASSERT_TRUE(values.SetInputs("b_ind", "f3").ok());  // overwritten
    ASSERT_TRUE(tx->Commit().ok());
  }
  EXPECT_EQ(*values.Inputs(), (std::map<std::string, std::string>{{"a_ind", "f1"}, {"b_ind", "f3"}}));
  {
    auto tx = this->store_->Begin();
    ASSERT_TRUE(values.ReplaceIndicator(run, "a_ind", {}).ok());  // forgets a_ind's fingerprint
    ASSERT_TRUE(values.SetInputs("b_ind", "").ok());              // forgets b_ind's
    EXPECT_TRUE(values.Inputs()->empty());
    // Destroyed without commit: both come back.
  }
  EXPECT_EQ(values.Inputs()->size(), 2u);
  EXPECT_EQ(*values.Indicators(), (std::vector<std::string>{"a_ind"}));
}

// A signal with every field set, or (sparse) with every optional missing and empty lists.
StoredSignal FullSignal() {
  StoredSignal signal{.key = "vt_meldingen|GM0153|totaal",
                      .kind = "reeks",
                      .indicators = {"vt_meldingen", "vt_hermeldingen"},
                      .sources = {"veilig_thuis", ""},
                      .region = "GM0153",
                      .breakdown = "melder=politie",
                      .period_from = "2024-W07",
                      .period_to = "2024-W09",
                      .method = "farringtonFlexible (Noufaily)",
                      .score = 3.25,
                      .rank = 2,
                      .explanation = "meer meldingen dan verwacht in Enschede é",
                      .status = "nieuw",
                      .follows = 7,
                      .first_run = 1,
                      .last_run = 2};
  signal.observed = 14;
  signal.expected = 5.5;
  signal.threshold = 11.125;
  signal.p_value = 1e-300;
  signal.q_value = 0;  // 0 stays 0
  return signal;
}

StoredSignal SparseSignal() {
  return StoredSignal{.key = "b", .kind = "golf", .region = "CR23", .breakdown = "totaal", .status = "nieuw"};
}

TYPED_TEST(StoreConformance, SignalsComeBackAsTheyWentInWithTheirStepsInOrder) {
  SignalState& state = this->store_->signal_state();
  EXPECT_FALSE(state.LatestRun()->has_value());
  EXPECT_TRUE(state.All()->empty());
  SignalRun run{.ran_at = "2026-12-05T09:00:00Z", .indicator_run_id = 3, .tests = 120, .signals = 2, .details = "{}"};
  StoredSignal full = FullSignal(), sparse = SparseSignal();
  full.steps = {{.note = "ignored by Add"}};  // Add ignores the steps and the id
  full.id = 99;
  TriageStep first{.at = "2026-12-05T10:00:00Z", .by = "a.jansen", .from_status = "nieuw", .to_status = "besproken"};
  TriageStep second{.at = "2026-12-05T11:00:00Z", .note = "navragen bij het team, \"wijk\", Noord"};
  TriageStep third{.at = "2026-12-04T08:00:00Z", .by = "b", .from_status = "besproken", .to_status = "afgesloten"};
  {
    auto tx = this->store_->Begin();
    auto run_id = state.AddRun(run);
    ASSERT_TRUE(run_id.ok()) << run_id.status().ToString();
    EXPECT_EQ(*run_id, 1);
    run.id = *run_id;
    auto full_id = state.Add(full);
    ASSERT_TRUE(full_id.ok()) << full_id.status().ToString();
    auto sparse_id = state.Add(sparse);
    ASSERT_TRUE(sparse_id.ok()) << sparse_id.status().ToString();
    EXPECT_EQ(*full_id, 1);
    EXPECT_EQ(*sparse_id, 2);
    full.id = *full_id;
    sparse.id = *sparse_id;
    // Steps in the order they were added (not by time), interleaved over two signals.
    ASSERT_TRUE(state.AddStep(full.id, first).ok());
    ASSERT_TRUE(state.AddStep(sparse.id, third).ok());
    ASSERT_TRUE(state.AddStep(full.id, second).ok());
    ASSERT_TRUE(state.AddStep(full.id, third).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  full.steps = {first, second, third};
  sparse.steps = {third};
  EXPECT_EQ(**state.LatestRun(), run);
  auto all = state.All();
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_EQ(*all, (std::vector<StoredSignal>{full, sparse}));
  EXPECT_EQ(**state.Get(full.id), full);
  EXPECT_EQ(**state.Get(sparse.id), sparse);
  EXPECT_FALSE(state.Get(3)->has_value());
  EXPECT_FALSE(state.Get(0)->has_value());

  // A later run is the latest; ids go on increasing.
  {
    auto tx = this->store_->Begin();
    auto run_id = state.AddRun({.indicator_run_id = 4});
    ASSERT_TRUE(run_id.ok());
    EXPECT_EQ(*run_id, 2);
    EXPECT_EQ(*state.Add(SparseSignal()), 3);
    // A list of one empty text is not an empty list.
    EXPECT_EQ(*state.Add(StoredSignal{.key = "c", .indicators = {""}}), 4);
    ASSERT_TRUE(tx->Commit().ok());
  }
  EXPECT_EQ((*state.LatestRun())->indicator_run_id, 4);
  EXPECT_EQ(state.All()->size(), 4u);
  EXPECT_EQ((*state.Get(4))->indicators, std::vector<std::string>{""});
  EXPECT_TRUE((*state.Get(4))->sources.empty());
}

TYPED_TEST(StoreConformance, ASignalUpdateKeepsItsStepsAndReplacesTheRest) {
  SignalState& state = this->store_->signal_state();
  StoredSignal full = FullSignal();
  TriageStep step{.at = "2026-12-05T10:00:00Z", .by = "a", .from_status = "nieuw", .to_status = "besproken"};
  {
    auto tx = this->store_->Begin();
    full.id = *state.Add(full);
    ASSERT_TRUE(state.AddStep(full.id, step).ok());
    // Every field replaced, optionals cleared, lists emptied; the steps given are ignored.
    StoredSignal updated = SparseSignal();
    updated.id = full.id;
    updated.steps = {{.note = "ignored by Update"}};
    ASSERT_TRUE(state.Update(updated).ok());
    EXPECT_EQ(state.Update(StoredSignal{.id = full.id + 1}).code(), StatusCode::kNotFound);
    EXPECT_EQ(state.AddStep(full.id + 1, step).code(), StatusCode::kNotFound);
    EXPECT_EQ(state.AddStep(0, step).code(), StatusCode::kNotFound);
    ASSERT_TRUE(tx->Commit().ok());
  }
  StoredSignal want = SparseSignal();
  want.id = full.id;
  want.steps = {step};
  EXPECT_EQ(**state.Get(full.id), want);
  EXPECT_EQ(*state.All(), (std::vector<StoredSignal>{want}));
  // And back to every field set.
  {
    auto tx = this->store_->Begin();
    ASSERT_TRUE(state.Update(full).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  full.steps = {step};
  EXPECT_EQ(**state.Get(full.id), full);
}

TYPED_TEST(StoreConformance, SignalStateWritesNeedATransactionAndRollBack) {
  SignalState& state = this->store_->signal_state();
  StoredSignal signal = FullSignal();
  EXPECT_EQ(state.AddRun({}).status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(state.Add(signal).status().code(), StatusCode::kFailedPrecondition);
  int64_t id = 0;
  {
    auto tx = this->store_->Begin();
    id = *state.Add(signal);
    ASSERT_TRUE(tx->Commit().ok());
  }
  signal.id = id;
  EXPECT_EQ(state.Update(signal).code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(state.AddStep(id, {}).code(), StatusCode::kFailedPrecondition);
  // A destroyed transaction leaves no run, no signal, no step and no update.
  {
    auto tx = this->store_->Begin();
    ASSERT_TRUE(state.AddRun({.indicator_run_id = 1}).ok());
    ASSERT_TRUE(state.Add(SparseSignal()).ok());
    ASSERT_TRUE(state.AddStep(id, {.note = "weg"}).ok());
    StoredSignal changed = signal;
    changed.status = "afgesloten";
    ASSERT_TRUE(state.Update(changed).ok());
    EXPECT_EQ(state.All()->size(), 2u);  // visible inside the transaction
    EXPECT_EQ((*state.Get(id))->steps.size(), 1u);
  }
  EXPECT_FALSE(state.LatestRun()->has_value());
  EXPECT_EQ(*state.All(), (std::vector<StoredSignal>{signal}));
  // Ids go on increasing after a rollback.
  auto tx = this->store_->Begin();
  EXPECT_GT(*state.Add(SparseSignal()), id);
}

TYPED_TEST(StoreConformance, ASignalWithACommaInAListIsRefused) {
  SignalState& state = this->store_->signal_state();
  auto tx = this->store_->Begin();
  StoredSignal in_indicators = FullSignal();
  in_indicators.indicators = {"a,b"};
  StoredSignal in_sources = FullSignal();
  in_sources.sources = {"veilig_thuis", "wmo,jeugd"};
  EXPECT_EQ(state.Add(in_indicators).status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(state.Add(in_indicators).status().message().find("a,b"), std::string::npos);
  EXPECT_EQ(state.Add(in_sources).status().code(), StatusCode::kInvalidArgument);
  auto id = state.Add(FullSignal());
  ASSERT_TRUE(id.ok());
  in_sources.id = *id;
  EXPECT_EQ(state.Update(in_sources).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(**state.Get(*id), [&] {
    StoredSignal want = FullSignal();
    want.id = *id;
    return want;
  }());
  EXPECT_EQ(state.All()->size(), 1u);
}

TYPED_TEST(StoreConformance, EmptySignalTimesAreSetByTheStore) {
  SignalState& state = this->store_->signal_state();
  {
    auto tx = this->store_->Begin();
    ASSERT_TRUE(state.AddRun({.indicator_run_id = 1}).ok());
    int64_t id = *state.Add(SparseSignal());
    ASSERT_TRUE(state.AddStep(id, {.by = "a", .note = "gezien"}).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  auto is_utc_time = [](const std::string& text) {
    // 2026-12-05T09:00:00Z
    if (text.size() != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
        text[16] != ':' || text[19] != 'Z') {
      return false;
    }
    return std::all_of(text.begin(), text.end(), [](char c) { return std::isdigit(c) || std::strchr("-T:Z", c); });
  };
  std::string ran_at = (*state.LatestRun())->ran_at;
  EXPECT_TRUE(is_utc_time(ran_at)) << ran_at;
  std::string at = state.All()->front().steps.front().at;
  EXPECT_TRUE(is_utc_time(at)) << at;
  EXPECT_EQ(state.All()->front().steps.front().note, "gezien");
}

TYPED_TEST(StoreConformance, AccountsAreAddedChangedRemovedAndListedByName) {
  Accounts& accounts = this->store_->accounts();
  Account losser{.name = "losser",
                 .role = "gemeente:GM0168",
                 .password_hash = "$argon2id$1",
                 .created_at = "2026-12-01T08:00:00Z",
                 .changed_at = "2026-12-01T08:00:00Z"};
  Account ggd{.name = "ggd", .role = "analist", .password_hash = "$argon2id$2"};
  EXPECT_EQ(accounts.Add(losser).code(), StatusCode::kFailedPrecondition);
  {
    auto tx = this->store_->Begin();
    ASSERT_TRUE(accounts.Add(losser).ok());
    ASSERT_TRUE(accounts.Add(ggd).ok());
    Status twice = accounts.Add({.name = "losser", .role = "analist", .password_hash = "$argon2id$3"});
    EXPECT_EQ(twice.code(), StatusCode::kAlreadyExists);
    EXPECT_NE(twice.message().find("losser"), std::string::npos);
    ASSERT_TRUE(tx->Commit().ok());
  }
  EXPECT_EQ(**accounts.Get("losser"), losser);
  EXPECT_FALSE(accounts.Get("Losser")->has_value());  // names compare exactly
  std::vector<Account> all = *accounts.All();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].name, "ggd");
  EXPECT_FALSE(all[0].created_at.empty());  // set by the store
  EXPECT_EQ(all[0].created_at, all[0].changed_at);
  EXPECT_EQ(all[1], losser);

  EXPECT_EQ(accounts.SetPasswordHash("losser", "$argon2id$4").code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(accounts.Remove("ggd").code(), StatusCode::kFailedPrecondition);
  {
    auto tx = this->store_->Begin();
    ASSERT_TRUE(accounts.SetPasswordHash("losser", "$argon2id$4").ok());
    EXPECT_EQ(accounts.SetPasswordHash("niemand", "$argon2id$5").code(), StatusCode::kNotFound);
    ASSERT_TRUE(accounts.Remove("ggd").ok());
    EXPECT_EQ(accounts.Remove("ggd").code(), StatusCode::kNotFound);
    ASSERT_TRUE(tx->Commit().ok());
  }
  Account changed = **accounts.Get("losser");
  EXPECT_EQ(changed.password_hash, "$argon2id$4");
  EXPECT_EQ(changed.created_at, losser.created_at);
  EXPECT_NE(changed.changed_at, losser.changed_at);  // now, not 2026-12-01T08:00:00Z
  EXPECT_EQ(accounts.All()->size(), 1u);
  // A destroyed transaction takes its changes with it.
  {
    auto tx = this->store_->Begin();
    ASSERT_TRUE(accounts.Remove("losser").ok());
    ASSERT_TRUE(accounts.Add(ggd).ok());
  }
  EXPECT_EQ(**accounts.Get("losser"), changed);
  EXPECT_FALSE(accounts.Get("ggd")->has_value());
}

TYPED_TEST(StoreConformance, TheAuditLogOnlyAcceptsAnEntryThatContinuesTheChain) {
  AuditLog& log = this->store_->audit_log();
  AuditEntry first{.at = "2026-12-01T08:00:00Z",
                   .user = "losser",
                   .action = "GET /api/waarden",
                   .parameters = R"({"indicator":"x"})",
                   .cells = 12,
                   .outcome = "200",
                   .previous_hash = kAuditGenesisHash,
                   .hash = std::string(64, 'a')};
  AuditEntry second{.at = "2026-12-02T09:30:00Z",
                    .user = "beheer",
                    .action = "user add",
                    .parameters = R"({"naam":"ggd"})",
                    .cells = 0,
                    .outcome = "ok",
                    .previous_hash = std::string(64, 'a'),
                    .hash = std::string(64, 'b')};
  EXPECT_EQ(log.Append(first).status().code(), StatusCode::kFailedPrecondition);  // no transaction
  {
    auto tx = this->store_->Begin();
    AuditEntry not_first = first;
    not_first.previous_hash = std::string(64, 'c');
    EXPECT_EQ(log.Append(not_first).status().code(), StatusCode::kFailedPrecondition);
    EXPECT_EQ(*log.Append(first), 1);
    EXPECT_EQ(log.Append(first).status().code(), StatusCode::kFailedPrecondition);  // does not follow 1
    EXPECT_EQ(*log.Append(second), 2);
    ASSERT_TRUE(tx->Commit().ok());
  }
  first.seq = 1;
  second.seq = 2;
  EXPECT_EQ(**log.Last(), second);
  EXPECT_EQ(*log.Entries({}), (std::vector<AuditEntry>{first, second}));
  EXPECT_EQ(*log.Entries({.since = "2026-12-02"}), (std::vector<AuditEntry>{second}));
  EXPECT_EQ(*log.Entries({.user = "losser"}), (std::vector<AuditEntry>{first}));
  EXPECT_TRUE(log.Entries({.since = "2026-12-02", .user = "losser"})->empty());
  // A destroyed transaction leaves no entry; the chain goes on from the last committed one.
  {
    auto tx = this->store_->Begin();
    AuditEntry third = second;
    third.previous_hash = second.hash;
    third.hash = std::string(64, 'd');
    EXPECT_EQ(*log.Append(third), 3);
  }
  EXPECT_EQ(**log.Last(), second);
}

}  // namespace
}  // namespace sz::store
