// Passwords of the server's accounts: Argon2id hashes (libsodium's crypto_pwhash_str, RFC 9106) and
// fresh random passwords. A password is never stored, logged or returned; only its encoded hash
// ("$argon2id$v=19$m=…,t=…,p=1$salt$hash", with its own random salt and cost) is kept.
//
//   ASSIGN_OR_RETURN(std::string hash, HashPassword(password));          // for the store
//   if (!VerifyPassword(hash, attempt)) …                                 // constant time in the hash
//   ASSIGN_OR_RETURN(std::string fresh, GeneratePassword());              // for make demo
//
// Errors: kInternal when libsodium cannot start or runs out of memory; kInvalidArgument for a
// password with a NUL byte or longer than kMaxPasswordBytes.
// Thread safety: thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace sz::privacy {

inline constexpr size_t kMaxPasswordBytes = 1024;

// Argon2id cost: passes over memory and memory in bytes.
struct PasswordCost {
  uint64_t passes = 0;
  size_t memory_bytes = 0;
  // libsodium's "interactive" level (2 passes, 64 MiB): about 0.1 s per hash on the CI machine.
  static PasswordCost Interactive();
  // The smallest cost libsodium allows; for tests only (it protects nothing).
  static PasswordCost Minimal();
};

Result<std::string> HashPassword(std::string_view password, const PasswordCost& cost = PasswordCost::Interactive());

// True when `password` is the one `encoded_hash` was made from. False for a wrong password and for
// a hash that is not an Argon2id encoding.
bool VerifyPassword(std::string_view encoded_hash, std::string_view password);

// Does the same work as VerifyPassword against a hash of no account, so that a login for an unknown
// name takes as long as one for a known name (no timing oracle for which names exist).
void VerifyPasswordOfNobody(std::string_view password, const PasswordCost& cost = PasswordCost::Interactive());

// A fresh password of `length` characters from the operating system's CSPRNG, drawn uniformly from
// 57 letters and digits without the look-alikes 0, O, 1, l and I; 20 characters carry about 116 bits.
Result<std::string> GeneratePassword(size_t length = 20);

}  // namespace sz::privacy
