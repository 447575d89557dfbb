// SQLite-specific behaviour of the store: files, WAL, foreign databases, permissions, URLs. What every
// backend must do is in store_conformance_test.cc.
#include "store/sqlite/sqlite_store.h"

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
  for (const auto& contract : sources::AllContracts()) {
    auto summary = (*again)->records().Summarise(contract);
    ASSERT_TRUE(summary.ok()) << contract.name;
    EXPECT_EQ(summary->rows, 0);
  }
}

// A store written by the program before contract version 2 (migrations 1–9, the desk tables without
// veldcodering) opens: migration 10 adds the column, keeps the rows and records the new contracts.
TEST(SqliteStoreTest, MigratesAStoreOfContractVersionOne) {
  std::string path = FreshPath("contract-v1.db");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  auto exec = [&](const std::string& sql) {
    char* error = nullptr;
    int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    EXPECT_EQ(rc, SQLITE_OK) << sql << ": " << (error ? error : "");
    sqlite3_free(error);
  };
  exec(
      "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, "
      "applied_at TEXT NOT NULL)");
  for (const Migration& migration : AllMigrations()) {
    if (migration.version > 9) continue;
    for (const std::string& sql : migration.statements) exec(sql);
    exec("INSERT INTO schema_migrations VALUES (" + std::to_string(migration.version) + ", 'x', 'nu')");
  }
  exec(
      "INSERT INTO ingest_files (id, source, file_name, sha256, contract_version, key_fingerprint, description, "
      "ingested_at, rows_read, rows_accepted, rows_rejected) "
      "VALUES (1, 'veilig_thuis', 'vt.csv', 'abc', 1, '', '', 'nu', 1, 1, 0)");
  exec("INSERT INTO src_veilig_thuis (ingest_file_id, line, melding_id, betrokkene_nr) VALUES (1, 2, 'M1', 1)");
  sqlite3_stmt* probe = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT veldcodering FROM src_veilig_thuis", -1, &probe, nullptr), SQLITE_ERROR);
  sqlite3_finalize(probe);
  sqlite3_close(db);

  auto store = OpenSqliteStore(path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ((*store)->SchemaVersion(), AllMigrations().back().version);
  const sources::SourceContract* vt = sources::FindContract("veilig_thuis");
  ASSERT_NE(vt, nullptr);
  EXPECT_EQ((*store)->records().Summarise(*vt)->rows, 1);
  int column = vt->extract.IndexOf("veldcodering");
  ASSERT_GE(column, 0);
  int rows = 0;
  ASSERT_TRUE((*store)
                  ->records()
                  .ScanWithFile(*vt,
                                [&](int64_t, std::span<const Value> values) {
                                  ++rows;
                                  EXPECT_TRUE(values[column].missing());
                                  return Status::Ok();
                                })
                  .ok());
  EXPECT_EQ(rows, 1);
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
  EXPECT_NE(store.status().message().find("niet door samenzicht gemaakt"), std::string::npos);

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
    EXPECT_NE(ro.status().message().find("niet schrijfbaar"), std::string::npos);
  }
}

TEST(SqliteStoreTest, OpensFromAUrlOrAPath) {
  std::string path = FreshPath("url.db");
  auto by_url = OpenStore("sqlite:" + path);
  ASSERT_TRUE(by_url.ok()) << by_url.status().ToString();
  EXPECT_EQ((*by_url)->Describe(), "sqlite:" + path);
  by_url->reset();
  auto by_path = OpenStore(path);
  ASSERT_TRUE(by_path.ok()) << by_path.status().ToString();
  EXPECT_EQ((*by_path)->Describe(), "sqlite:" + path);
  auto memory = OpenStore("memory:");
  ASSERT_TRUE(memory.ok());
  EXPECT_EQ((*memory)->Describe(), "memory:");
  EXPECT_EQ(OpenStore("postgresql://localhost/samenzicht").status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(OpenStore("postgresql://localhost/samenzicht").status().message().find("PostgreSQL"), std::string::npos);
  EXPECT_EQ(OpenStore("ftp://x").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(OpenStore("sqlite:").status().code(), StatusCode::kInvalidArgument);
}

TEST(SqliteStoreTest, TypedValuesLiveInTypedColumns) {
  // Integers as INTEGER, decimals as REAL, dates as ISO text: what other SQL tools see.
  std::string path = FreshPath("typed.db");
  {
    auto store = OpenSqliteStore(path);
    ASSERT_TRUE(store.ok());
    auto tx = (*store)->Begin();
    ASSERT_TRUE(tx.ok());
    IngestFileInfo info{.source = "gezondheidsmonitor", .file_name = "m.csv", .sha256 = "s"};
    auto file = (*store)->ingest_log().AddFile(info);
    ASSERT_TRUE(file.ok());
    const auto& contract = *sources::FindContract("gezondheidsmonitor");
    std::vector<Value> row(contract.extract.columns.size());
    row[contract.extract.IndexOf("respondent_id")] = Value::Text("r1");
    row[contract.extract.IndexOf("jaar")] = Value::Integer(2024);
    row[contract.extract.IndexOf("gewicht")] = Value::Decimal(12.5);
    ASSERT_TRUE((*store)->records().Insert(*file, 2, contract, row).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(
      db, "SELECT typeof(jaar), typeof(gewicht), typeof(respondent_id), typeof(leeftijd) FROM src_gezondheidsmonitor",
      -1, &stmt, nullptr);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), "integer");
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 1)), "real");
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 2)), "text");
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 3)), "null");
  sqlite3_finalize(stmt);
  sqlite3_close(db);
}

TEST(SqliteStoreTest, AValueTheContractDoesNotAllowIsAnErrorNotAGuess) {
  // A database edited by hand: text where the contract has a number. Reading names the column.
  std::string path = FreshPath("edited.db");
  {
    auto store = OpenSqliteStore(path);
    ASSERT_TRUE(store.ok());
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "INSERT INTO ingest_files (source, file_name, sha256, contract_version, ingested_at) "
                         "VALUES ('infectieziekten', 'x', 'y', 1, 'now');"
                         "INSERT INTO src_infectieziekten VALUES (1, 2, '2024-W01', 'GM0153', 'mazelen', 'veel');",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto store = OpenSqliteStore(path);
  ASSERT_TRUE(store.ok());
  Status scan = (*store)->records().Scan(*sources::FindContract("infectieziekten"),
                                         [](std::span<const Value>) { return Status::Ok(); });
  EXPECT_EQ(scan.code(), StatusCode::kDataError);
  EXPECT_NE(scan.message().find("aantal"), std::string::npos) << scan.message();
}

}  // namespace
}  // namespace sz::store
