#include "pipeline/ingest.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "io/region_file.h"
#include "store/sqlite/sqlite_store.h"
#include "support/extract_files.h"
#include "support/sav_file.h"

namespace sz::pipeline {
namespace {

namespace fs = std::filesystem;

class IngestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto regions = io::LoadRegionFile(std::string(SZ_SOURCE_DIR) + "/config/regions/twente-synthetic-2024.csv");
    ASSERT_TRUE(regions.ok()) << regions.status().ToString();
    regions_ = std::move(regions).value();
    dir_ = ::testing::TempDir() + "/ingest-test-" + std::to_string(getpid()) + "-" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = dir_ + "/samenzicht.db";
    OpenStore();
  }

  void OpenStore(store::SqliteOptions options = {}) {
    store_.reset();
    auto store = store::OpenSqliteStore(db_, options);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }

  Result<IngestReport> Run(const std::string& source, std::vector<std::string> files, bool accept_new_key = false) {
    IngestRequest request;
    request.source = source;
    request.files = std::move(files);
    request.accept_new_key = accept_new_key;
    Workspace workspace = Workspace::Borrowing(store_.get(), &regions_, clock_, std::string(SZ_SOURCE_DIR) + "/config");
    return Ingest(workspace, request);
  }

  int64_t Rows(const std::string& source) {
    auto summary = store_->records().Summarise(*sources::FindContract(source));
    EXPECT_TRUE(summary.ok());
    return summary.ok() ? summary->rows : -1;
  }

  int64_t Files() {
    auto files = store_->ingest_log().Files();
    EXPECT_TRUE(files.ok());
    return static_cast<int64_t>(files->size());
  }

  std::string Path(const std::string& name) { return dir_ + "/" + name; }

  // Writes a file with one bad row (row 3) made by `mutate`, ingests it and returns the only reject.
  store::RejectedRow IngestWithOneBadRow(const std::string& source,
                                         const std::function<void(std::vector<std::string>&)>& corrupt) {
    std::string path = Path("bad-" + source + ".csv");
    testing::WriteExtract(path, source, 5, "0123456789abcdef", [&](long row, std::vector<std::string>& cells) {
      if (row == 3) corrupt(cells);
    });
    auto report = Run(source, {path});
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    if (!report.ok()) return {};
    const FileReport& file = report->files.at(0);
    EXPECT_EQ(file.read, 5);
    EXPECT_EQ(file.accepted, 4);
    EXPECT_EQ(file.rejected, 1);
    EXPECT_EQ(file.read, file.accepted + file.rejected);
    auto files = store_->ingest_log().Files();
    auto rejects = store_->ingest_log().Rejects(files->back().id);
    EXPECT_EQ(rejects->size(), 1u);
    return rejects->empty() ? store::RejectedRow{} : rejects->front();
  }

  int Col(const std::string& source, const std::string& column) {
    return sources::FindContract(source)->extract.IndexOf(column);
  }

  RegionTable regions_;
  FixedClock clock_{Date{2025, 6, 30}};
  std::string dir_;
  std::string db_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(IngestTest, IngestsEverySourceAndCountsAddUp) {
  for (const auto& contract : sources::AllContracts()) {
    std::string path = Path(contract.name + ".csv");
    testing::WriteExtract(path, contract.name, 120);
    auto report = Run(contract.name, {path});
    ASSERT_TRUE(report.ok()) << contract.name << ": " << report.status().ToString();
    ASSERT_EQ(report->files.size(), 1u);
    EXPECT_EQ(report->files[0].read, 120) << contract.name;
    EXPECT_EQ(report->files[0].accepted, 120) << contract.name;
    EXPECT_EQ(report->files[0].rejected, 0) << contract.name;
    EXPECT_EQ(Rows(contract.name), 120) << contract.name;
  }
  // Rows come back in contract order, normalised.
  int rows = 0;
  ASSERT_TRUE(store_->records()
                  .Scan(*sources::FindContract("gezondheidsmonitor"),
                        [&](std::span<const Value> v) {
                          EXPECT_EQ(v[6], Value::Decimal(12.5));  // gewicht: decimal comma read, stored as a number
                          EXPECT_EQ(v[1].kind(), Value::Kind::kInteger);  // jaar
                          ++rows;
                          return Status::Ok();
                        })
                  .ok());
  EXPECT_EQ(rows, 120);
}

TEST_F(IngestTest, SecondIngestOfTheSameFileAddsNothing) {
  std::string path = Path("vt.csv");
  testing::WriteExtract(path, "veilig_thuis", 30);
  ASSERT_TRUE(Run("veilig_thuis", {path}).ok());
  auto again = Run("veilig_thuis", {path});
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->files[0].already_ingested);
  EXPECT_NE(again->files[0].Summary().find("al ingelezen"), std::string::npos);
  EXPECT_EQ(Rows("veilig_thuis"), 30);
  EXPECT_EQ(Files(), 1);
}

TEST_F(IngestTest, FileLevelErrorsWriteNothing) {
  std::string good = Path("good.csv");
  testing::WriteExtract(good, "infectieziekten", 10);
  auto expect_nothing_stored = [&](const Result<IngestReport>& report, StatusCode code, const std::string& text) {
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(report.status().code(), code) << report.status().ToString();
    EXPECT_NE(report.status().message().find(text), std::string::npos) << report.status().message();
    EXPECT_EQ(Files(), 0);
    EXPECT_EQ(Rows("infectieziekten"), 0);
  };
  // Missing file (after a good one in the same call: all or nothing).
  expect_nothing_stored(Run("infectieziekten", {good, Path("missing.csv")}), StatusCode::kNotFound, "missing.csv");
  // Empty file.
  std::ofstream(Path("empty.csv"));
  expect_nothing_stored(Run("infectieziekten", {good, Path("empty.csv")}), StatusCode::kDataError, "leeg");
  // Header only.
  std::ofstream(Path("header.csv")) << "week;gemeente;ziekte;aantal\n";
  expect_nothing_stored(Run("infectieziekten", {good, Path("header.csv")}), StatusCode::kDataError,
                        "geen gegevensregels");
  // Missing required column.
  std::ofstream(Path("nocol.csv")) << "week;ziekte;aantal\n2024-W01;kinkhoest;1\n";
  expect_nothing_stored(Run("infectieziekten", {good, Path("nocol.csv")}), StatusCode::kDataError, "'gemeente'");
  // Encoding that is neither UTF-8 nor Windows-1252.
  std::ofstream(Path("utf16.csv"), std::ios::binary) << std::string("\xFF\xFEw\0e\0e\0k\0", 10);
  expect_nothing_stored(Run("infectieziekten", {good, Path("utf16.csv")}), StatusCode::kDataError, "UTF-16");
  // A directory instead of a file.
  expect_nothing_stored(Run("infectieziekten", {good, dir_}), StatusCode::kIoError, "map");
  // An identified export given to ingest.
  std::ofstream(Path("identified.csv")) << "# key_fingerprint: x\nmelding_id;achternaam\n1;Jansen\n";
  auto identified = Run("veilig_thuis", {Path("identified.csv")});
  ASSERT_FALSE(identified.ok());
  EXPECT_NE(identified.status().message().find("pseudonymise"), std::string::npos);
  // Unknown source.
  EXPECT_EQ(Run("onbekend", {good}).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(IngestTest, UnknownExtraColumnIsWarnedAndIgnored) {
  std::ofstream(Path("extra.csv")) << "week;gemeente;ziekte;aantal;opmerking\n2024-W01;GM0153;kinkhoest;2;x\n";
  auto report = Run("infectieziekten", {Path("extra.csv")});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->files[0].warnings.size(), 1u);
  EXPECT_NE(report->files[0].warnings[0].find("opmerking"), std::string::npos);
  EXPECT_EQ(report->files[0].accepted, 1);
}

TEST_F(IngestTest, RowLevelProblemsAreRejectedWithLineColumnReasonAndHint) {
  struct Case {
    const char* source;
    const char* column;
    const char* value;
    const char* reason;
  } cases[] = {
      {"infectieziekten", "gemeente", "GM9999", "onbekende regiocode"},
      {"veilig_thuis", "wijk", "WK999900", "onbekende regiocode"},
      {"veilig_thuis", "ontvangen_op", "31-02-2024", "februari 2024 heeft 29 dagen"},
      {"veilig_thuis", "ontvangen_op", "01-01-2026", "toekomst"},
      {"infectieziekten", "aantal", "veel", "geen geheel getal"},
      {"bevolking", "aantal", "-4", "negatief"},
      {"veilig_thuis", "geweldsvorm", "pesten", "geen toegestane waarde"},
      {"wmo", "veldcodering", "AQAB", "niet de lengte"},  // claims a part it does not carry
      {"jeugdhulp", "veldcodering", "niet base64!", "geen base64"},
      {"veilig_thuis", "veldcodering", "AgAA", "formaatversie 2"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.source) + "." + c.column);
    SetUp();  // fresh store per case
    store::RejectedRow reject = IngestWithOneBadRow(
        c.source, [&](std::vector<std::string>& cells) { cells[Col(c.source, c.column)] = c.value; });
    int header_lines = sources::FindContract(c.source)->is_desk ? 4 : 1;
    EXPECT_EQ(reject.line, header_lines + 4);  // row index 3 → 4th data line
    EXPECT_EQ(reject.column, c.column);
    EXPECT_EQ(reject.value, c.value);
    EXPECT_NE(reject.reason.find(c.reason), std::string::npos) << reject.reason;
    EXPECT_FALSE(reject.hint.empty());
    EXPECT_NE(reject.raw.find(c.value), std::string::npos);
  }
}

TEST_F(IngestTest, AHugeBadValueIsQuotedShortInTheReasonAndKeptWholeInTheStore) {
  const std::string huge(5'000'000, 'x');  // a 5 MB cell where a category is expected
  store::RejectedRow reject = IngestWithOneBadRow(
      "veilig_thuis", [&](std::vector<std::string>& cells) { cells[Col("veilig_thuis", "geweldsvorm")] = huge; });
  EXPECT_EQ(reject.column, "geweldsvorm");
  EXPECT_LT(reject.reason.size(), 500u) << "the reason quotes the value shortened";
  EXPECT_NE(reject.reason.find("5000000 tekens"), std::string::npos) << reject.reason;
  EXPECT_EQ(reject.value, huge) << "the stored reject keeps the value whole";
  EXPECT_NE(reject.raw.find(huge), std::string::npos);
}

TEST_F(IngestTest, DuplicateRecordIdsWithinAndAcrossFiles) {
  std::string first = Path("first.csv");
  testing::WriteExtract(first, "wmo", 10, "0123456789abcdef", [](long row, std::vector<std::string>& cells) {
    if (row == 7) cells[0] = "R2";  // same voorziening_id + betrokkene_nr as row 2
    if (row == 7) cells[sources::FindContract("wmo")->extract.IndexOf("betrokkene_nr")] = "1";
  });
  auto report = Run("wmo", {first});
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->files[0].rejected, 1);
  EXPECT_NE(report->files[0].first_rejects[0].reason.find("van dit bestand"), std::string::npos)
      << report->files[0].first_rejects[0].reason;

  std::string second = Path("second.csv");
  testing::WriteExtract(second, "wmo", 3, "0123456789abcdef", nullptr, /*row_offset=*/8);  // rows 8, 9 repeat
  auto across = Run("wmo", {second});
  ASSERT_TRUE(across.ok());
  EXPECT_EQ(across->files[0].accepted, 1);
  EXPECT_EQ(across->files[0].rejected, 2);
  EXPECT_NE(across->files[0].first_rejects[0].reason.find("first.csv"), std::string::npos);
  EXPECT_EQ(Rows("wmo"), 10);
}

TEST_F(IngestTest, TruncatedLastLineIsRejectedNotLost) {
  std::string path = Path("truncated.csv");
  testing::WriteExtract(path, "infectieziekten", 4);
  std::ofstream(path, std::ios::app) << "2024-W10;GM01";  // cut off mid-transfer
  auto report = Run("infectieziekten", {path});
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->files[0].read, 5);
  EXPECT_EQ(report->files[0].rejected, 1);
  EXPECT_NE(report->files[0].first_rejects[0].reason.find("laatste regel afgebroken"), std::string::npos);
}

TEST_F(IngestTest, Windows1252FileIsDetectedAndConverted) {
  std::ofstream(Path("cp1252.csv"), std::ios::binary)
      << "week;gemeente;ziekte;aantal;opmerking\r\n2024-W01;GM0153;kinkhoest;2;caf\xE9\r\n";
  auto report = Run("infectieziekten", {Path("cp1252.csv")});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_NE(report->files[0].description.find("Windows-1252"), std::string::npos);
}

TEST_F(IngestTest, HealthMonitorFromSpssSavWithValueLabels) {
  const auto& table = sources::FindContract("gezondheidsmonitor")->extract;
  std::vector<testing::SavColumn> columns;
  for (const auto& column : table.columns) {
    testing::SavColumn sav{column.name,
                           column.type == sources::ColumnType::kInteger ||
                               column.type == sources::ColumnType::kDecimal || column.name == "geslacht" ||
                               column.name == "opleiding",
                           {}};
    if (column.name == "geslacht") sav.labels = {{1, "man"}, {2, "vrouw"}};
    if (column.name == "opleiding") sav.labels = {{1, "laag"}, {2, "midden"}, {3, "hoog"}};
    columns.push_back(sav);
  }
  std::vector<std::vector<std::string>> rows;
  for (int r = 0; r < 40; ++r) {
    std::vector<std::string> row;
    for (const auto& column : table.columns) {
      if (column.name == "respondent_id")
        row.push_back("r" + std::to_string(r));
      else if (column.name == "jaar")
        row.push_back("2024");
      else if (column.name == "gemeente")
        row.push_back("GM0153");
      else if (column.name == "wijk")
        row.push_back("WK015300");
      else if (column.name == "stratum")
        row.push_back("S1");
      else if (column.name == "psu")
        row.push_back("P" + std::to_string(r));
      else if (column.name == "gewicht")
        row.push_back("12.5");
      else if (column.name == "leeftijd")
        row.push_back(std::to_string(20 + r));
      else if (column.name == "geslacht")
        row.push_back(r % 2 ? "2" : "1");
      else if (column.name == "opleiding")
        row.push_back(r == 5 ? "" : "3");
      else if (column.name == "inkomen_kwintiel")
        row.push_back(std::to_string(1 + r % 5));
      else
        row.push_back(r % 7 == 0 ? "" : std::to_string(r % 2));
    }
    rows.push_back(row);
  }
  rows[10][table.IndexOf("leeftijd")] = "7";  // below the contract's minimum age: rejected
  ASSERT_TRUE(testing::WriteSav(Path("monitor-2024.sav"), columns, rows));
  auto report = Run("gezondheidsmonitor", {Path("monitor-2024.sav")});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->files[0].read, 40);
  EXPECT_EQ(report->files[0].accepted, 39);
  EXPECT_EQ(report->files[0].rejected, 1);
  EXPECT_EQ(report->files[0].first_rejects[0].column, "leeftijd");
  int women = 0;
  ASSERT_TRUE(store_->records()
                  .Scan(*sources::FindContract("gezondheidsmonitor"),
                        [&](std::span<const Value> v) {
                          women += v[table.IndexOf("geslacht")].TextOrEmpty() == "vrouw";
                          EXPECT_TRUE(v[table.IndexOf("opleiding")].TextOrEmpty() == "hoog" ||
                                      v[table.IndexOf("opleiding")].missing());
                          return Status::Ok();
                        })
                  .ok());
  EXPECT_EQ(women, 20);
}

TEST_F(IngestTest, KeyFingerprintMustMatchTheStoresKey) {
  testing::WriteExtract(Path("a.csv"), "veilig_thuis", 5, "aaaaaaaaaaaaaaaa");
  auto first = Run("veilig_thuis", {Path("a.csv")});
  ASSERT_TRUE(first.ok());
  EXPECT_TRUE(first->key_fingerprint_recorded);
  testing::WriteExtract(Path("b.csv"), "zorgwekkend_gedrag", 5, "bbbbbbbbbbbbbbbb");
  auto refused = Run("zorgwekkend_gedrag", {Path("b.csv")});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(refused.status().message().find("nooit overeen"), std::string::npos);
  EXPECT_EQ(Rows("zorgwekkend_gedrag"), 0);
  auto accepted = Run("zorgwekkend_gedrag", {Path("b.csv")}, /*accept_new_key=*/true);
  ASSERT_TRUE(accepted.ok());
  EXPECT_EQ(*store_->settings().Get(store::kLinkageKeyFingerprintSetting).value(), "bbbbbbbbbbbbbbbb");
  // An extract without a fingerprint cannot be linked and is refused.
  std::ofstream(Path("nofp.csv")) << "melding_id;ontvangen_op\n";
  EXPECT_NE(Run("veilig_thuis", {Path("nofp.csv")}).status().message().find("sleutelvingerafdruk"), std::string::npos);
}

TEST_F(IngestTest, DiskFullLeavesTheStoreUnchanged) {
  testing::WriteExtract(Path("small.csv"), "veilig_thuis", 10);
  ASSERT_TRUE(Run("veilig_thuis", {Path("small.csv")}).ok());
  OpenStore(store::SqliteOptions{.max_page_count = 120});  // a full disk, as SQLite sees it
  testing::WriteExtract(Path("big.csv"), "veilig_thuis", 20000, "0123456789abcdef", nullptr, 100);
  auto report = Run("veilig_thuis", {Path("big.csv")});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), StatusCode::kIoError);
  EXPECT_NE(report.status().message().find("vol"), std::string::npos) << report.status().message();
  OpenStore();
  EXPECT_EQ(Rows("veilig_thuis"), 10);
  EXPECT_EQ(Files(), 1);
}

TEST_F(IngestTest, KillNineMidwayLeavesTheStoreExactlyAsBefore) {
  testing::WriteExtract(Path("before.csv"), "veilig_thuis", 25);
  ASSERT_TRUE(Run("veilig_thuis", {Path("before.csv")}).ok());
  testing::WriteExtract(Path("large.csv"), "veilig_thuis", 400000, "0123456789abcdef", nullptr, 1000);
  store_.reset();

  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    auto store = store::OpenSqliteStore(db_);
    if (!store.ok()) _exit(10);
    IngestRequest request;
    request.source = "veilig_thuis";
    request.files = {Path("large.csv")};
    Workspace workspace = Workspace::Borrowing(store->get(), &regions_, clock_, std::string(SZ_SOURCE_DIR) + "/config");
    auto report = Ingest(workspace, request);
    _exit(report.ok() ? 0 : 11);
  }
  // Wait until the child is writing (its WAL grows), then kill it without warning.
  std::string wal = db_ + "-wal";
  bool writing = false;
  for (int i = 0; i < 3000 && !writing; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    std::error_code ec;
    writing = fs::exists(wal, ec) && fs::file_size(wal, ec) > 2'000'000;
  }
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(writing) << "the child never started writing";
  ASSERT_TRUE(WIFSIGNALED(status)) << "the ingest finished before it could be killed; make the file larger";

  OpenStore();
  EXPECT_EQ(Rows("veilig_thuis"), 25);
  EXPECT_EQ(Files(), 1);
  // And the store still works: the same file ingests completely afterwards.
  auto report = Run("veilig_thuis", {Path("large.csv")});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(Rows("veilig_thuis"), 25 + 400000);
}

}  // namespace
}  // namespace sz::pipeline
