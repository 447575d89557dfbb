#include "privacy/password.h"

#include <sodium.h>

#include <array>
#include <mutex>

#include "privacy/messages.h"
#include "privacy/random.h"

namespace sz::privacy {
namespace {

Status StartSodium() {
  static const int result = sodium_init();  // thread-safe, idempotent; 1 means already started
  if (result < 0) return InternalError(msg::SodiumUnavailable());
  return Status::Ok();
}

Status CheckPassword(std::string_view password) {
  if (password.size() > kMaxPasswordBytes) return InvalidArgumentError(msg::PasswordTooLong(kMaxPasswordBytes));
  if (password.find('\0') != std::string_view::npos) return InvalidArgumentError(msg::PasswordWithNul());
  return Status::Ok();
}

}  // namespace

PasswordCost PasswordCost::Interactive() {
  return {crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE, crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE};
}
PasswordCost PasswordCost::Minimal() {
  return {crypto_pwhash_argon2id_OPSLIMIT_MIN, crypto_pwhash_argon2id_MEMLIMIT_MIN};
}

Result<std::string> HashPassword(std::string_view password, const PasswordCost& cost) {
  RETURN_IF_ERROR(StartSodium());
  RETURN_IF_ERROR(CheckPassword(password));
  std::array<char, crypto_pwhash_argon2id_STRBYTES> out{};
  if (crypto_pwhash_argon2id_str(out.data(), password.data(), password.size(), cost.passes, cost.memory_bytes) != 0) {
    return InternalError(msg::PasswordHashFailed());
  }
  return std::string(out.data());
}

bool VerifyPassword(std::string_view encoded_hash, std::string_view password) {
  if (!StartSodium().ok() || !CheckPassword(password).ok()) return false;
  if (encoded_hash.size() >= crypto_pwhash_argon2id_STRBYTES) return false;
  if (encoded_hash.substr(0, 10) != "$argon2id$") return false;
  std::string terminated(encoded_hash);  // libsodium wants a NUL-terminated string
  return crypto_pwhash_argon2id_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

void VerifyPasswordOfNobody(std::string_view password, const PasswordCost& cost) {
  static std::once_flag once;
  static std::string nobody;
  std::call_once(once, [&] {
    Result<std::string> hash = HashPassword("nobody has this password", cost);
    if (hash.ok()) nobody = *hash;
  });
  (void)VerifyPassword(nobody, password);
}

Result<std::string> GeneratePassword(size_t length) {
  static constexpr std::string_view kAlphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::string password;
  std::array<uint8_t, 64> bytes{};
  while (password.size() < length) {
    RETURN_IF_ERROR(SecureRandom(bytes));
    for (uint8_t byte : bytes) {
      // Rejection sampling: only bytes below the largest multiple of the alphabet size, so that every
      // character is equally likely.
      const unsigned limit = 256 - 256 % kAlphabet.size();
      if (byte < limit && password.size() < length) password += kAlphabet[byte % kAlphabet.size()];
    }
  }
  return password;
}

}  // namespace sz::privacy
