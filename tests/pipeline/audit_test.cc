// The audit log's hash chain (pipeline/audit.h): entries chain from 64 zeros; a changed field, a
// removed entry and an inserted entry are each found and named by VerifyAuditLog, on the SQLite
// store edited behind the platform's back.
#include "pipeline/audit.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

#include "support/workspace.h"

namespace sz::pipeline {
namespace {

class AuditLogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() / ("sz-audit-" + std::to_string(getpid()) + ".db");
    std::filesystem::remove(path_);
    workspace_ = std::make_unique<Workspace>(testing::TestWorkspace("sqlite:" + path_.string(), &clock_));
  }
  void TearDown() override {
    workspace_.reset();
    std::filesystem::remove(path_);
  }

  void AppendFive() {
    for (int i = 1; i <= 5; ++i) {
      AuditRecord record{.user = i % 2 ? "losser" : "ggd",
                         .action = "GET /api/waarden",
                         .parameters = R"({"indicator":"vt_meldingen_per_1000","regio":"GM0168"})",
                         .cells = 10 * i,
                         .outcome = "200"};
      ASSERT_TRUE(RecordAudit(*workspace_, record).ok());
    }
  }

  // Runs one SQL statement on the store's file with SQLite itself, as someone with the file would.
  void Tamper(const std::string& sql) {
    workspace_.reset();  // closes the store
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    char* error = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK) << (error ? error : "");
    sqlite3_free(error);
    sqlite3_close(db);
    workspace_ = std::make_unique<Workspace>(testing::TestWorkspace("sqlite:" + path_.string(), &clock_));
  }

  AuditVerification Verify() { return VerifyAuditLog(*workspace_).value(); }

  FixedClock clock_{Date{2026, 12, 6}};
  std::filesystem::path path_;
  std::unique_ptr<Workspace> workspace_;
};

TEST_F(AuditLogTest, AnEmptyLogAndAnUntouchedLogAreIntact) {
  AuditVerification empty = Verify();
  EXPECT_TRUE(empty.intact);
  EXPECT_EQ(empty.entries, 0);
  EXPECT_EQ(empty.head_hash, store::kAuditGenesisHash);
  AppendFive();
  AuditVerification check = Verify();
  EXPECT_TRUE(check.intact) << check.problem;
  EXPECT_EQ(check.entries, 5);
  EXPECT_EQ(check.head_seq, 5);
  EXPECT_EQ(check.head_hash.size(), 64u);
}

TEST_F(AuditLogTest, EntriesChainFromZerosAndTheHashCoversEveryField) {
  AppendFive();
  std::vector<store::AuditEntry> entries = ListAudit(*workspace_, "", "").value();
  ASSERT_EQ(entries.size(), 5u);
  EXPECT_EQ(entries[0].previous_hash, store::kAuditGenesisHash);
  EXPECT_EQ(entries[0].at, "2026-12-06T00:00:00Z");
  for (size_t i = 1; i < entries.size(); ++i) EXPECT_EQ(entries[i].previous_hash, entries[i - 1].hash);
  const store::AuditEntry& e = entries[2];
  EXPECT_EQ(AuditEntryHash(e).value(), e.hash);
  for (int field = 0; field < 8; ++field) {
    store::AuditEntry changed = e;
    switch (field) {
      case 0: changed.seq += 1; break;
      case 1: changed.at = "2026-12-06T00:00:01Z"; break;
      case 2: changed.user = "hengelo"; break;
      case 3: changed.action = "GET /api/signalen"; break;
      case 4: changed.parameters = "{}"; break;
      case 5: changed.cells += 1; break;
      case 6: changed.outcome = "403"; break;
      case 7: changed.previous_hash[0] = changed.previous_hash[0] == 'a' ? 'b' : 'a'; break;
    }
    EXPECT_NE(AuditEntryHash(changed).value(), e.hash) << "field " << field;
  }
  // Fields are length-prefixed: moving a character from one field to the next changes the hash.
  store::AuditEntry shifted = e;
  shifted.user = e.user + "G";
  shifted.action = e.action.substr(1);
  EXPECT_NE(AuditEntryHash(shifted).value(), e.hash);
}

TEST_F(AuditLogTest, AChangedEntryIsNamed) {
  AppendFive();
  Tamper("UPDATE audit_log SET cells = 1 WHERE seq = 3");
  AuditVerification check = Verify();
  EXPECT_FALSE(check.intact);
  EXPECT_EQ(check.first_broken, 3);
  EXPECT_NE(check.problem.find("gewijzigd"), std::string::npos) << check.problem;
}

TEST_F(AuditLogTest, AChangedEntryWhoseHashWasRecomputedBreaksTheNextOne) {
  AppendFive();
  store::AuditEntry third = ListAudit(*workspace_, "", "")->at(2);
  third.user = "iemand-anders";
  const std::string forged = AuditEntryHash(third).value();
  Tamper("UPDATE audit_log SET user_name = 'iemand-anders', hash = '" + forged + "' WHERE seq = 3");
  AuditVerification check = Verify();
  EXPECT_FALSE(check.intact);
  EXPECT_EQ(check.first_broken, 4);
}

TEST_F(AuditLogTest, ARemovedEntryIsNamed) {
  AppendFive();
  Tamper("DELETE FROM audit_log WHERE seq = 2");
  AuditVerification check = Verify();
  EXPECT_FALSE(check.intact);
  EXPECT_EQ(check.first_broken, 3);
  EXPECT_NE(check.problem.find("regel 2 ontbreekt"), std::string::npos) << check.problem;
}

TEST_F(AuditLogTest, TheFirstEntryRemovedIsFound) {
  AppendFive();
  Tamper("DELETE FROM audit_log WHERE seq = 1");
  AuditVerification check = Verify();
  EXPECT_FALSE(check.intact);
  EXPECT_EQ(check.first_broken, 2);
}

TEST_F(AuditLogTest, TheStoreRefusesAnEntryThatDoesNotContinueTheChain) {
  AppendFive();
  store::Store& store = *workspace_->Store().value();
  store::Transaction tx = store.Begin().value();
  store::AuditEntry entry{.at = "2026-12-06T00:00:00Z",
                          .user = "x",
                          .action = "y",
                          .parameters = "{}",
                          .outcome = "ok",
                          .previous_hash = store::kAuditGenesisHash,
                          .hash = "z"};
  EXPECT_EQ(store.audit_log().Append(entry).status().code(), StatusCode::kFailedPrecondition);
}

TEST_F(AuditLogTest, ListsFromADateAndForOneUser) {
  AppendFive();
  clock_ = FixedClock(Date{2026, 12, 8});
  ASSERT_TRUE(RecordAudit(*workspace_, {.user = "ggd", .action = "GET /api/signalen"}).ok());
  EXPECT_EQ(ListAudit(*workspace_, "", "")->size(), 6u);
  EXPECT_EQ(ListAudit(*workspace_, "", "ggd")->size(), 3u);
  EXPECT_EQ(ListAudit(*workspace_, "2026-12-07", "")->size(), 1u);
  EXPECT_EQ(ListAudit(*workspace_, "07-12-2026", "ggd")->size(), 1u);  // Dutch dates too
  EXPECT_EQ(ListAudit(*workspace_, "2026-12-06", "losser")->size(), 3u);
  EXPECT_EQ(ListAudit(*workspace_, "gisteren", "").status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(Verify().intact);
}

}  // namespace
}  // namespace sz::pipeline
