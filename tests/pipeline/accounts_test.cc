// The server's accounts (pipeline/accounts.h): roles as DOMAIN.md §8 names them, checked against the
// region table and the source contracts; the password policy; Argon2id hashes only; every change
// audited, never with its password.
#include "pipeline/accounts.h"

#include <gtest/gtest.h>

#include "pipeline/audit.h"
#include "support/workspace.h"

namespace sz::pipeline {
namespace {

const privacy::PasswordCost kFast = privacy::PasswordCost::Minimal();
constexpr const char* kPassword = "een-goed-wachtwoord";

class AccountsTest : public ::testing::Test {
 protected:
  FixedClock clock_{Date{2026, 12, 6}};
  Workspace workspace_ = testing::TestWorkspace("memory:", &clock_);
  const RegionTable& Regions() { return *workspace_.Regions().value(); }
};

TEST_F(AccountsTest, ParsesTheFourRolesAndRefusesOthersNamingTheChoice) {
  EXPECT_EQ(ParseRole("beheerder", Regions())->kind, RoleKind::kAdmin);
  EXPECT_EQ(ParseRole("analist", Regions())->kind, RoleKind::kAnalyst);
  Result<Role> desk = ParseRole("meldpunt:veilig_thuis", Regions());
  ASSERT_TRUE(desk.ok()) << desk.status().ToString();
  EXPECT_EQ(desk->kind, RoleKind::kDesk);
  EXPECT_EQ(desk->ToString(), "meldpunt:veilig_thuis");
  Result<Role> losser = ParseRole("gemeente:GM0168", Regions());
  ASSERT_TRUE(losser.ok()) << losser.status().ToString();
  EXPECT_EQ(losser->ToString(), "gemeente:GM0168");
  EXPECT_EQ(losser->FigureAudience()->ToString(), "gemeente:GM0168");
  EXPECT_FALSE(ParseRole("beheerder", Regions())->FigureAudience().has_value());
  EXPECT_EQ(ParseRole("analist", Regions())->FigureAudience()->kind, AudienceKind::kAnalyst);

  Result<Role> amsterdam = ParseRole("gemeente:GM0363", Regions());  // not in Twente
  EXPECT_EQ(amsterdam.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ParseRole("meldpunt:gezondheidsmonitor", Regions()).status().code(), StatusCode::kNotFound);  // not a desk
  Result<Role> publiek = ParseRole("publiek", Regions());  // an audience, not a role one logs in with
  EXPECT_EQ(publiek.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(publiek.status().message().find("beheerder, analist"), std::string::npos);
  EXPECT_FALSE(ParseRole("Beheerder", Regions()).ok());
  EXPECT_FALSE(ParseRole("", Regions()).ok());
}

TEST_F(AccountsTest, NamesAreLowerCaseLettersDigitsAndDotsBeginningWithALetter) {
  EXPECT_TRUE(CheckAccountName("losser").ok());
  EXPECT_TRUE(CheckAccountName("j.de-vries_2").ok());
  for (const char* bad : {"", "a", "Losser", "1losser", "los ser", "los'ser", "losser;--", "lösser", "../x"}) {
    EXPECT_EQ(CheckAccountName(bad).code(), StatusCode::kInvalidArgument) << bad;
  }
  EXPECT_FALSE(CheckAccountName(std::string(65, 'a')).ok());
  EXPECT_TRUE(CheckAccountName(std::string(64, 'a')).ok());
}

TEST_F(AccountsTest, PasswordsHaveTwelveCharactersAndAreNotTheName) {
  EXPECT_TRUE(CheckPasswordPolicy("losser", "twaalf-tekens").ok());
  EXPECT_EQ(CheckPasswordPolicy("losser", "elf-tekens!").code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(CheckPasswordPolicy("losser", "ééééééééééé1").ok());  // twelve code points, more bytes
  EXPECT_FALSE(CheckPasswordPolicy("losser", "éééééé").ok());
  EXPECT_FALSE(CheckPasswordPolicy("losser-gemeente", "losser-gemeente").ok());
  EXPECT_FALSE(CheckPasswordPolicy("losser", std::string("\xC0\xAF twaalf tekens", 16)).ok());
}

TEST_F(AccountsTest, AddsAccountsWithAHashAndSignsInOnlyWithTheirPassword) {
  ASSERT_TRUE(AddAccount(workspace_, {.name = "losser", .role = "gemeente:GM0168", .password = kPassword}, kFast).ok());
  store::Store& store = *workspace_.Store().value();
  std::optional<store::Account> stored = store.accounts().Get("losser").value();
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->password_hash.rfind("$argon2id$", 0), 0u);
  EXPECT_EQ(stored->password_hash.find(kPassword), std::string::npos);

  Result<std::optional<SignedIn>> in = Authenticate(workspace_, "losser", kPassword, kFast);
  ASSERT_TRUE(in.ok());
  ASSERT_TRUE(in->has_value());
  EXPECT_EQ((*in)->role.ToString(), "gemeente:GM0168");
  EXPECT_FALSE(Authenticate(workspace_, "losser", "een-goed-wachtwoorD", kFast)->has_value());
  EXPECT_FALSE(Authenticate(workspace_, "hengelo", kPassword, kFast)->has_value());

  std::vector<store::Account> list = ListAccounts(workspace_).value();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].name, "losser");
  EXPECT_TRUE(list[0].password_hash.empty());
}

TEST_F(AccountsTest, RefusalsChangeNothing) {
  EXPECT_EQ(AddAccount(workspace_, {.name = "losser", .role = "gemeente:GM9999", .password = kPassword}, kFast).code(),
            StatusCode::kNotFound);
  EXPECT_EQ(AddAccount(workspace_, {.name = "losser", .role = "analist", .password = "kort"}, kFast).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(AddAccount(workspace_, {.name = "Losser", .role = "analist", .password = kPassword}, kFast).code(),
            StatusCode::kInvalidArgument);
  ASSERT_TRUE(AddAccount(workspace_, {.name = "losser", .role = "analist", .password = kPassword}, kFast).ok());
  EXPECT_EQ(AddAccount(workspace_, {.name = "losser", .role = "beheerder", .password = kPassword}, kFast).code(),
            StatusCode::kAlreadyExists);
  EXPECT_EQ(ChangePassword(workspace_, "hengelo", kPassword, "-", kFast).code(), StatusCode::kNotFound);
  EXPECT_EQ(RemoveAccount(workspace_, "hengelo").code(), StatusCode::kNotFound);
  EXPECT_EQ(ListAccounts(workspace_)->size(), 1u);
  EXPECT_EQ(ListAccounts(workspace_)->front().role, "analist");
  // Only the one change that happened is in the audit log.
  EXPECT_EQ(ListAudit(workspace_, "", "")->size(), 1u);
}

TEST_F(AccountsTest, ANewPasswordReplacesTheOldAndRemovalEndsSigningIn) {
  ASSERT_TRUE(
      AddAccount(workspace_, {.name = "vtt", .role = "meldpunt:veilig_thuis", .password = kPassword}, kFast).ok());
  ASSERT_TRUE(ChangePassword(workspace_, "vtt", "een-nieuw-wachtwoord", "beheer", kFast).ok());
  EXPECT_FALSE(Authenticate(workspace_, "vtt", kPassword, kFast)->has_value());
  EXPECT_TRUE(Authenticate(workspace_, "vtt", "een-nieuw-wachtwoord", kFast)->has_value());
  ASSERT_TRUE(RemoveAccount(workspace_, "vtt", "beheer").ok());
  EXPECT_FALSE(Authenticate(workspace_, "vtt", "een-nieuw-wachtwoord", kFast)->has_value());
  EXPECT_TRUE(ListAccounts(workspace_)->empty());
}

TEST_F(AccountsTest, EveryChangeIsAuditedWithNameAndRoleButNeverThePassword) {
  ASSERT_TRUE(
      AddAccount(workspace_, {.name = "ggd", .role = "analist", .password = kPassword, .by = "beheer"}, kFast).ok());
  ASSERT_TRUE(ChangePassword(workspace_, "ggd", "een-nieuw-wachtwoord", "beheer", kFast).ok());
  ASSERT_TRUE(RemoveAccount(workspace_, "ggd").ok());
  std::vector<store::AuditEntry> entries = ListAudit(workspace_, "", "").value();
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].action, "user add");
  EXPECT_EQ(entries[0].user, "beheer");
  EXPECT_EQ(entries[0].parameters, R"({"naam":"ggd","rol":"analist"})");
  EXPECT_EQ(entries[1].action, "user passwd");
  EXPECT_EQ(entries[2].action, "user remove");
  EXPECT_EQ(entries[2].user, "-");
  for (const store::AuditEntry& e : entries) {
    EXPECT_EQ(e.parameters.find("wachtwoord"), std::string::npos);
    EXPECT_EQ(e.parameters.find("argon2"), std::string::npos);
  }
  EXPECT_TRUE(VerifyAuditLog(workspace_)->intact);
}

}  // namespace
}  // namespace sz::pipeline
