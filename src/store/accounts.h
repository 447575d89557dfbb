// The store's accounts part: who may log in to the server, with which role (issue 16, docs/api.md).
// The accounts stage (pipeline/accounts.h) owns it; the store only keeps what it is given: roles are
// checked and passwords hashed (Argon2id, privacy/password.h) before they get here, and no password
// ever reaches the store in the clear.
//
//   ASSIGN_OR_RETURN(Transaction tx, store->Begin());
//   RETURN_IF_ERROR(store->accounts().Add({.name = "losser", .role = "gemeente:GM0168", .password_hash = hash}));
//   RETURN_IF_ERROR(tx.Commit());
//   ASSIGN_OR_RETURN(std::optional<Account> account, store->accounts().Get("losser"));
//
// Contract:
// - Add, SetPasswordHash and Remove need an open transaction (kFailedPrecondition otherwise).
// - Add stores a new account (kAlreadyExists when the name is taken; names compare exactly).
//   `created_at` and `changed_at` empty: the store sets the current UTC time.
// - SetPasswordHash replaces an account's hash and sets `changed_at` to now (kNotFound for an unknown
//   name). Remove deletes an account (kNotFound for an unknown name).
// - Get returns one account (nullopt for an unknown name); All every account, ordered by name.
// Thread safety: as the Store.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace sz::store {

struct Account {
  std::string name;           // gebruikersnaam
  std::string role;           // beheerder, analist, meldpunt:<source>, gemeente:GMxxxx
  std::string password_hash;  // an encoded Argon2id hash ("$argon2id$v=19$…")
  std::string created_at;     // ISO 8601 UTC
  std::string changed_at;     // ISO 8601 UTC: the last change of the password
  bool operator==(const Account&) const = default;
};

class Accounts {
 public:
  virtual ~Accounts() = default;
  virtual Status Add(const Account& account) = 0;
  virtual Status SetPasswordHash(const std::string& name, const std::string& password_hash) = 0;
  virtual Status Remove(const std::string& name) = 0;
  virtual Result<std::optional<Account>> Get(const std::string& name) = 0;
  virtual Result<std::vector<Account>> All() = 0;
};

}  // namespace sz::store
