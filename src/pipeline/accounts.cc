#include "pipeline/accounts.h"

#include <nlohmann/json.hpp>

#include "core/unicode.h"
#include "pipeline/audit.h"
#include "pipeline/messages.h"

namespace sz::pipeline {
namespace {

constexpr size_t kMaxNameLength = 64;

// The audit parameters of an account change: the name and role, never the password.
std::string AccountParameters(const std::string& name, const std::string& role = "") {
  nlohmann::json parameters = {{"naam", name}};
  if (!role.empty()) parameters["rol"] = role;
  return parameters.dump();
}

}  // namespace

std::string Role::ToString() const {
  switch (kind) {
    case RoleKind::kAdmin: return "beheerder";
    case RoleKind::kAnalyst: return "analist";
    case RoleKind::kDesk: return "meldpunt:" + code;
    case RoleKind::kGemeente: return "gemeente:" + code;
  }
  return "analist";
}

std::optional<Audience> Role::FigureAudience() const {
  switch (kind) {
    case RoleKind::kAdmin: return std::nullopt;
    case RoleKind::kAnalyst: return Audience{AudienceKind::kAnalyst, ""};
    case RoleKind::kDesk: return Audience{AudienceKind::kDesk, code};
    case RoleKind::kGemeente: return Audience{AudienceKind::kGemeente, code};
  }
  return std::nullopt;
}

Result<Role> ParseRole(std::string_view text, const RegionTable& regions) {
  if (text == "beheerder") return Role{RoleKind::kAdmin, ""};
  if (text == "analist") return Role{RoleKind::kAnalyst, ""};
  if (text.starts_with("gemeente:") || text.starts_with("meldpunt:")) {
    ASSIGN_OR_RETURN(Audience audience, ParseAudience(text, regions));
    return Role{audience.kind == AudienceKind::kDesk ? RoleKind::kDesk : RoleKind::kGemeente, audience.code};
  }
  return InvalidArgumentError(msg::BadRole(text));
}

Status CheckAccountName(std::string_view name) {
  bool ok = name.size() >= 2 && name.size() <= kMaxNameLength && name[0] >= 'a' && name[0] <= 'z';
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) ok = false;
  }
  if (!ok) return InvalidArgumentError(msg::BadAccountName(kMaxNameLength));
  return Status::Ok();
}

Status CheckPasswordPolicy(std::string_view name, std::string_view password) {
  Result<std::u32string> code_points = DecodeUtf8(password);
  if (!code_points.ok()) return InvalidArgumentError(msg::PasswordNotUtf8());
  if (code_points->size() < kMinPasswordLength) return InvalidArgumentError(msg::PasswordTooShort(kMinPasswordLength));
  if (password.size() > privacy::kMaxPasswordBytes)
    return InvalidArgumentError(msg::PasswordTooLongForPolicy(privacy::kMaxPasswordBytes));
  if (password == name) return InvalidArgumentError(msg::PasswordIsName());
  return Status::Ok();
}

Status AddAccount(Workspace& workspace, const NewAccount& account, const privacy::PasswordCost& cost) {
  RETURN_IF_ERROR(CheckAccountName(account.name));
  ASSIGN_OR_RETURN(const RegionTable* regions, workspace.Regions());
  ASSIGN_OR_RETURN(Role role, ParseRole(account.role, *regions));
  RETURN_IF_ERROR(CheckPasswordPolicy(account.name, account.password));
  ASSIGN_OR_RETURN(std::string hash, privacy::HashPassword(account.password, cost));
  ASSIGN_OR_RETURN(store::Store * store, workspace.Store());
  ASSIGN_OR_RETURN(store::Transaction tx, store->Begin());
  RETURN_IF_ERROR(store->accounts().Add({.name = account.name, .role = role.ToString(), .password_hash = hash}));
  RETURN_IF_ERROR(AppendAudit(*store, workspace.clock(),
                              {.user = account.by,
                               .action = "user add",
                               .parameters = AccountParameters(account.name, role.ToString()),
                               .cells = 0,
                               .outcome = "ok"})
                      .status());
  return tx.Commit();
}

Status ChangePassword(Workspace& workspace, const std::string& name, const std::string& password, const std::string& by,
                      const privacy::PasswordCost& cost) {
  RETURN_IF_ERROR(CheckPasswordPolicy(name, password));
  ASSIGN_OR_RETURN(std::string hash, privacy::HashPassword(password, cost));
  ASSIGN_OR_RETURN(store::Store * store, workspace.Store());
  ASSIGN_OR_RETURN(store::Transaction tx, store->Begin());
  RETURN_IF_ERROR(store->accounts().SetPasswordHash(name, hash));
  RETURN_IF_ERROR(AppendAudit(*store, workspace.clock(),
                              {.user = by, .action = "user passwd", .parameters = AccountParameters(name)})
                      .status());
  return tx.Commit();
}

Status RemoveAccount(Workspace& workspace, const std::string& name, const std::string& by) {
  ASSIGN_OR_RETURN(store::Store * store, workspace.Store());
  ASSIGN_OR_RETURN(store::Transaction tx, store->Begin());
  RETURN_IF_ERROR(store->accounts().Remove(name));
  RETURN_IF_ERROR(AppendAudit(*store, workspace.clock(),
                              {.user = by, .action = "user remove", .parameters = AccountParameters(name)})
                      .status());
  return tx.Commit();
}

Result<std::vector<store::Account>> ListAccounts(Workspace& workspace) {
  ASSIGN_OR_RETURN(store::Store * store, workspace.Store());
  ASSIGN_OR_RETURN(std::vector<store::Account> accounts, store->accounts().All());
  for (store::Account& account : accounts) account.password_hash.clear();
  return accounts;
}

Result<std::optional<SignedIn>> Authenticate(Workspace& workspace, const std::string& name, const std::string& password,
                                             const privacy::PasswordCost& cost) {
  ASSIGN_OR_RETURN(store::Store * store, workspace.Store());
  ASSIGN_OR_RETURN(std::optional<store::Account> account, store->accounts().Get(name));
  if (!account) {
    privacy::VerifyPasswordOfNobody(password, cost);
    return std::optional<SignedIn>();
  }
  if (!privacy::VerifyPassword(account->password_hash, password)) return std::optional<SignedIn>();
  ASSIGN_OR_RETURN(const RegionTable* regions, workspace.Regions());
  Result<Role> role = ParseRole(account->role, *regions);
  if (!role.ok()) return std::optional<SignedIn>();
  return std::optional<SignedIn>(SignedIn{account->name, *role});
}

}  // namespace sz::pipeline
