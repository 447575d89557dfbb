#include "store/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "store/migrations.h"

namespace sz::store {
namespace {

std::string FreshPath(const std::string& name) {
  std::string dir = ::testing::TempDir() + "/store-test-" + std::to_string(getpid());
  std::filesystem::create_directories(dir);
  std::string path = dir + "/" + name;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  return path;
}

TEST(SqliteStoreTest, CreatesSchemaByMigrationsAndReopens) {
  std::string path = FreshPath("migrate.db");
  {
    auto store = OpenSqliteStore(path);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    EXPECT_EQ((*store)->SchemaVersion(), AllMigrations().back().version);
  }
  auto again = OpenSqliteStore(path);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  auto summary = (*again)->Summarise();
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->size(), sources::AllContracts().size());
}

TEST(SqliteStoreTest, UsesWalJournal) {
  std::string path = FreshPath("wal.db");
  ASSERT_TRUE(OpenSqliteStore(path).ok());
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &stmt, nullptr);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), "wal");
  sqlite3_finalize(stmt);
  sqlite3_close(db);
}

TEST(SqliteStoreTest, RefusesForeignDatabasesAndDirectories) {
  std::string path = FreshPath("foreign.db");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_exec(db, "CREATE TABLE other (x)", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  auto store = OpenSqliteStore(path);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("not made by samenzicht"), std::string::npos);

  std::string not_db = FreshPath("text.db");
  std::ofstream(not_db) << "this is not a database, just some text that is long enough to have a header.......";
  EXPECT_FALSE(OpenSqliteStore(not_db).ok());
  EXPECT_EQ(OpenSqliteStore(::testing::TempDir()).status().code(), StatusCode::kIoError);
}

TEST(SqliteStoreTest, DatabaseNotWritable) {
  // A directory that cannot be created (its parent is a regular file): an environment error.
  std::string blocker = FreshPath("blocker");
  std::ofstream(blocker) << "x";
  auto in_file = OpenSqliteStore(blocker + "/sub/samenzicht.db");
  ASSERT_FALSE(in_file.ok());
  EXPECT_EQ(in_file.status().code(), StatusCode::kIoError);
  // A read-only database file. Root ignores file permissions, so the test makes the file read-only
  // where that is enforced for everyone: /proc is not writable, even for root.
  auto proc = OpenSqliteStore("/proc/samenzicht-test.db", SqliteOptions{.create_directories = false});
  ASSERT_FALSE(proc.ok());
  EXPECT_EQ(proc.status().code(), StatusCode::kIoError);
  EXPECT_NE(proc.status().message().find("/proc/samenzicht-test.db"), std::string::npos);
  if (geteuid() != 0) {
    std::string path = FreshPath("readonly.db");
    ASSERT_TRUE(OpenSqliteStore(path).ok());
    std::filesystem::permissions(path, std::filesystem::perms::owner_read);
    auto ro = OpenSqliteStore(path);
    ASSERT_FALSE(ro.ok());
    EXPECT_NE(ro.status().message().find("not writable"), std::string::npos);
  }
}

TEST(SqliteStoreTest, UncommittedTransactionLeavesNothing) {
  std::string path = FreshPath("rollback.db");
  auto store = OpenSqliteStore(path);
  ASSERT_TRUE(store.ok());
  {
    auto tx = (*store)->BeginIngest();
    ASSERT_TRUE(tx.ok());
    IngestFileInfo info;
    info.source = "bevolking";
    info.file_name = "x.csv";
    info.sha256 = "abc";
    ASSERT_TRUE((*tx)->AddFile(info).ok());
    // destroyed without Commit
  }
  auto files = (*store)->IngestedFiles();
  ASSERT_TRUE(files.ok());
  EXPECT_TRUE(files->empty());
}

TEST(SqliteStoreTest, LinkageIsReplacedOrExtendedInOneTransaction) {
  std::string path = FreshPath("linkage.db");
  auto store = OpenSqliteStore(path);
  ASSERT_TRUE(store.ok());
  LinkRunInfo run{.max_ingest_file_id = 3, .pairs_compared = 10, .persons = 2, .households = 1, .details = "{}"};
  std::vector<LinkedInvolvement> first = {{"wmo", "W1", 1, "wmo:W1:1", "wmo:W1:1"},
                                          {"wmo", "W2", 1, "wmo:W2:1", "wmo:W1:1"}};
  ASSERT_TRUE((*store)->WriteLinkage(run, first, {{0, 1, -2.0, 0.2, false}}).ok());
  auto latest = (*store)->LatestLinkRun();
  ASSERT_TRUE(latest.ok() && latest->has_value());
  EXPECT_EQ((*latest)->involvements, 2);
  EXPECT_EQ((*latest)->pairs_kept, 1);

  // Extending: one key updated, one involvement and one pair appended; the run logs the totals.
  run.max_ingest_file_id = 4;
  auto extended = (*store)->ExtendLinkage(run, 2, {{1, "wmo:W1:1", "wmo:W1:1"}},
                                          {{"jeugdhulp", "J1", 2, "wmo:W1:1", "wmo:W1:1"}}, {{0, 2, 9.0, 0.99, true}});
  ASSERT_TRUE(extended.ok()) << extended.status().ToString();
  auto stored = (*store)->LinkedInvolvements();
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->size(), 3u);
  EXPECT_EQ((*stored)[1].person_key, "wmo:W1:1");
  EXPECT_EQ((*stored)[2].source, "jeugdhulp");
  latest = (*store)->LatestLinkRun();
  EXPECT_EQ((*latest)->involvements, 3);
  EXPECT_EQ((*latest)->pairs_kept, 2);
  EXPECT_EQ((*latest)->max_ingest_file_id, 4);

  // An extension of a linkage that is not the one stored (3 involvements now, not 2) writes nothing.
  run.max_ingest_file_id = 5;
  auto stale = (*store)->ExtendLinkage(run, 2, {}, {{"wmo", "W3", 1, "wmo:W3:1", "wmo:W3:1"}}, {});
  EXPECT_EQ(stale.status().code(), StatusCode::kFailedPrecondition);
  // An update of an involvement that does not exist rolls the whole extension back.
  auto missing = (*store)->ExtendLinkage(run, 3, {{7, "x", "y"}}, {{"wmo", "W3", 1, "wmo:W3:1", "wmo:W3:1"}}, {});
  EXPECT_EQ(missing.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ((*store)->LinkedInvolvements()->size(), 3u);
  EXPECT_EQ((*(*store)->LatestLinkRun())->max_ingest_file_id, 4);
}

}  // namespace
}  // namespace sz::store
