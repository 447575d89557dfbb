// samenzicht user … and samenzicht audit … as an administrator runs them: accounts added with a
// password from a file, from standard input or generated; the password in no output (but the
// generated one, once) and nowhere in the store file; every change in the audit log; and an entry
// edited in the SQLite file behind the platform's back named by `audit verify`.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "support/run_command.h"

namespace sz {
namespace {

using testing::RunSamenzicht;

class UserAuditCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/user-cli-" + std::to_string(getpid());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    db_ = " --db sqlite:" + dir_ + "/s.db --config-dir " + std::string(SZ_SOURCE_DIR) + "/config";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string WritePasswordFile(const std::string& password) {
    const std::string path = dir_ + "/wachtwoord.txt";
    std::ofstream(path) << password << "\n";
    return path;
  }

  std::string StoreBytes() {
    std::ifstream in(dir_ + "/s.db", std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
  }

  std::string dir_, db_;
};

TEST_F(UserAuditCommandTest, AddsListsChangesAndRemovesAccountsWithoutShowingPasswords) {
  const std::string secret = "losser-geheim-2026";
  auto add = RunSamenzicht("user add --naam losser --rol gemeente:GM0168 --wachtwoord-bestand " +
                           WritePasswordFile(secret) + db_);
  ASSERT_EQ(add.exit_code, 0) << add.output;
  EXPECT_NE(add.output.find("gebruiker losser toegevoegd met rol gemeente:GM0168"), std::string::npos) << add.output;
  EXPECT_EQ(add.output.find(secret), std::string::npos);

  auto from_stdin =
      RunSamenzicht("user add --naam ggd --rol analist" + db_ + " < " + WritePasswordFile("ggd-geheim-2026"));
  ASSERT_EQ(from_stdin.exit_code, 0) << from_stdin.output;

  auto generated = RunSamenzicht("user add --naam vtt --rol meldpunt:veilig_thuis --genereer" + db_);
  ASSERT_EQ(generated.exit_code, 0) << generated.output;
  const size_t at = generated.output.find("wachtwoord van vtt: ");
  ASSERT_NE(at, std::string::npos) << generated.output;
  const std::string shown = generated.output.substr(at + 20, 20);

  auto list = RunSamenzicht("user list" + db_);
  ASSERT_EQ(list.exit_code, 0) << list.output;
  EXPECT_NE(list.output.find("3 gebruikers"), std::string::npos) << list.output;
  EXPECT_NE(list.output.find("meldpunt:veilig_thuis"), std::string::npos) << list.output;
  EXPECT_EQ(list.output.find("argon2"), std::string::npos) << list.output;

  const std::string bytes = StoreBytes();
  EXPECT_EQ(bytes.find(secret), std::string::npos);
  EXPECT_EQ(bytes.find("ggd-geheim-2026"), std::string::npos);
  EXPECT_EQ(bytes.find(shown), std::string::npos);
  EXPECT_NE(bytes.find("$argon2id$"), std::string::npos);

  auto passwd =
      RunSamenzicht("user passwd --naam losser --wachtwoord-bestand " + WritePasswordFile("nieuw-geheim-2026") + db_);
  EXPECT_EQ(passwd.exit_code, 0) << passwd.output;
  auto remove = RunSamenzicht("user remove --naam ggd" + db_);
  EXPECT_EQ(remove.exit_code, 0) << remove.output;
  EXPECT_NE(RunSamenzicht("user" + db_).output.find("2 gebruikers"), std::string::npos);

  auto audit = RunSamenzicht("audit" + db_);
  ASSERT_EQ(audit.exit_code, 0) << audit.output;
  EXPECT_NE(audit.output.find("5 auditregels"), std::string::npos) << audit.output;
  EXPECT_NE(audit.output.find("user passwd"), std::string::npos) << audit.output;
  EXPECT_EQ(audit.output.find("geheim"), std::string::npos) << audit.output;
  auto for_losser = RunSamenzicht("audit --gebruiker losser" + db_);
  EXPECT_NE(for_losser.output.find("0 auditregels"), std::string::npos) << for_losser.output;  // changes are by "-"
  auto from_tomorrow = RunSamenzicht("audit --van 2080-01-01" + db_);
  EXPECT_NE(from_tomorrow.output.find("0 auditregels"), std::string::npos) << from_tomorrow.output;
}

TEST_F(UserAuditCommandTest, RefusesBadRolesNamesAndPasswordsWithTheRule) {
  auto role = RunSamenzicht("user add --naam x1 --rol gemeente:GM0363 --genereer" + db_);
  EXPECT_EQ(role.exit_code, 3) << role.output;  // not found: not a gemeente of Twente
  auto kind = RunSamenzicht("user add --naam x1 --rol publiek --genereer" + db_);
  EXPECT_EQ(kind.exit_code, 1) << kind.output;
  EXPECT_NE(kind.output.find("onbekende rol 'publiek'"), std::string::npos) << kind.output;
  auto name = RunSamenzicht("user add --naam \"x'; DROP TABLE accounts;--\" --rol analist --genereer" + db_);
  EXPECT_EQ(name.exit_code, 1) << name.output;
  EXPECT_NE(name.output.find("gebruikersnaam"), std::string::npos) << name.output;
  auto short_password =
      RunSamenzicht("user add --naam kort --rol analist --wachtwoord-bestand " + WritePasswordFile("kort") + db_);
  EXPECT_EQ(short_password.exit_code, 1) << short_password.output;
  EXPECT_NE(short_password.output.find("minstens 12 tekens"), std::string::npos) << short_password.output;
  auto no_password = RunSamenzicht("user add --naam leeg --rol analist" + db_ + " < /dev/null");
  EXPECT_EQ(no_password.exit_code, 1) << no_password.output;
  auto both = RunSamenzicht("user add --naam beide --rol analist --genereer --wachtwoord-bestand " +
                            WritePasswordFile("twaalf-tekens-lang") + db_);
  EXPECT_EQ(both.exit_code, 1) << both.output;
  auto twice = RunSamenzicht("user add --naam dubbel --rol analist --genereer" + db_);
  ASSERT_EQ(twice.exit_code, 0) << twice.output;
  twice = RunSamenzicht("user add --naam dubbel --rol analist --genereer" + db_);
  EXPECT_EQ(twice.exit_code, 2) << twice.output;
  auto unknown = RunSamenzicht("user remove --naam niemand" + db_);
  EXPECT_EQ(unknown.exit_code, 3) << unknown.output;
  EXPECT_NE(RunSamenzicht("user list" + db_).output.find("1 gebruiker\n"), std::string::npos);
}

TEST_F(UserAuditCommandTest, AuditVerifyNamesTheFirstEntryEditedInTheFile) {
  for (const char* name : {"een", "twee", "drie", "vier"}) {
    ASSERT_EQ(RunSamenzicht(std::string("user add --rol analist --genereer --naam ") + name + db_).exit_code, 0);
  }
  auto intact = RunSamenzicht("audit verify" + db_);
  ASSERT_EQ(intact.exit_code, 0) << intact.output;
  EXPECT_NE(intact.output.find("auditlog intact: 4 regels"), std::string::npos) << intact.output;

  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir_ + "/s.db").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "UPDATE audit_log SET parameters = '{\"naam\":\"iemand\"}' WHERE seq = 3", nullptr,
                         nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);

  auto broken = RunSamenzicht("audit verify" + db_);
  EXPECT_EQ(broken.exit_code, 2) << broken.output;
  EXPECT_NE(broken.output.find("auditlog gebroken bij regel 3 van 4"), std::string::npos) << broken.output;
}

}  // namespace
}  // namespace sz
