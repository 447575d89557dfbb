// The server's accounts (issue 16, DOMAIN.md §8, docs/api.md): who may log in, with which role.
//
//   beheerder          accounts, key fingerprints and the audit log; no figures
//   analist            every figure, unsuppressed
//   meldpunt:SOURCE    its own source at wijk level, cross-desk aggregates (the audience of the same name)
//   gemeente:GMxxxx    its own wijken and the gemeente level of all (the audience of the same name)
//
//   ASSIGN_OR_RETURN(Role role, ParseRole("gemeente:GM0168", *regions));
//   RETURN_IF_ERROR(AddAccount(workspace, {.name = "losser", .role = "gemeente:GM0168", .password = pw}));
//   ASSIGN_OR_RETURN(std::optional<SignedIn> who, Authenticate(workspace, "losser", attempt));
//
// Passwords are hashed with Argon2id (privacy/password.h) before they reach the store and are never
// logged, printed or audited. Every change (add, passwd, remove) is written to the audit log
// (pipeline/audit.h) in the same transaction, as `by` (the account that made it, "-" for a local
// command).
//
// Rules: a name is 2–64 characters of a–z, 0–9, '.', '_' and '-', beginning with a letter (names
// are case-sensitive, so lower case only avoids look-alikes); a password has at least
// kMinPasswordLength characters (Unicode code points), at most privacy::kMaxPasswordBytes bytes, and
// is not the name itself.
// Errors: kInvalidArgument for a bad name, role or password (Dutch, naming the rule); kNotFound for a
// gemeente or desk that does not exist and for an unknown account; kAlreadyExists for a name taken.
// Thread safety: as the Workspace.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/region.h"
#include "core/status.h"
#include "pipeline/audience.h"
#include "pipeline/workspace.h"
#include "privacy/password.h"
#include "store/accounts.h"

namespace sz::pipeline {

inline constexpr size_t kMinPasswordLength = 12;

enum class RoleKind { kAdmin, kAnalyst, kDesk, kGemeente };

struct Role {
  RoleKind kind = RoleKind::kAnalyst;
  std::string code;              // the desk's source or the gemeente code; empty otherwise
  std::string ToString() const;  // "beheerder", "analist", "meldpunt:veilig_thuis", "gemeente:GM0153"
  // Whom the role reads figures as: the audience of the same name; nullopt for the beheerder, who
  // reads no figures.
  std::optional<Audience> FigureAudience() const;
  bool operator==(const Role&) const = default;
};

Result<Role> ParseRole(std::string_view text, const RegionTable& regions);

Status CheckAccountName(std::string_view name);
Status CheckPasswordPolicy(std::string_view name, std::string_view password);

struct NewAccount {
  std::string name;
  std::string role;
  std::string password;
  std::string by = "-";
};

// Adds an account after checking its name, role and password.
Status AddAccount(Workspace& workspace, const NewAccount& account,
                  const privacy::PasswordCost& cost = privacy::PasswordCost::Interactive());
// Sets a new password (the policy applies).
Status ChangePassword(Workspace& workspace, const std::string& name, const std::string& password,
                      const std::string& by = "-",
                      const privacy::PasswordCost& cost = privacy::PasswordCost::Interactive());
Status RemoveAccount(Workspace& workspace, const std::string& name, const std::string& by = "-");

// Every account, by name, with its password hash blanked.
Result<std::vector<store::Account>> ListAccounts(Workspace& workspace);

struct SignedIn {
  std::string name;
  Role role;
};

// The account when `password` is its password; nullopt for a wrong password or an unknown name
// (which take the same time). An account whose stored role no longer parses (its gemeente left the
// region table) does not sign in. Not audited here: the caller knows the client and records it.
Result<std::optional<SignedIn>> Authenticate(Workspace& workspace, const std::string& name, const std::string& password,
                                             const privacy::PasswordCost& cost = privacy::PasswordCost::Interactive());

}  // namespace sz::pipeline
