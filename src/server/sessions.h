// The server's sessions and login throttle, both in memory (a restart logs everyone out and forgets
// failed attempts, which is safe).
//
//   Sessions sessions(1800);                                   // 30 minutes of inactivity
//   ASSIGN_OR_RETURN(Session s, sessions.Create("losser", "gemeente:GM0168", hash, now));
//   std::optional<Session> again = sessions.Touch(s.token, now);  // nullopt: unknown or expired
//
// A session token and its CSRF token are 32 random bytes each from the operating system's CSPRNG, as
// 64 hex characters. The cookie carries the session token; the CSRF token is given to the client
// once, at login, and must come back in X-CSRF-Token on every state-changing request. Tokens are
// compared in constant time. Times are Unix seconds, passed in so tests can move them.
//
// LoginThrottle counts failed logins per key (an account name, a client address) in a sliding
// window: after `max_failures` failures within `window_seconds` the key is refused until the oldest
// failure leaves the window. A success clears the account's count, not the address's.
// Thread safety: both classes are thread-safe.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace sz::server {

struct Session {
  std::string token;  // the cookie's value
  std::string csrf;   // X-CSRF-Token's value
  std::string user;
  std::string role;
  std::string credential;  // the account's password hash at login: a changed password ends the session
  int64_t last_seen = 0;
};

class Sessions {
 public:
  explicit Sessions(int64_t idle_seconds) : idle_seconds_(idle_seconds) {}
  Result<Session> Create(const std::string& user, const std::string& role, const std::string& credential, int64_t now);
  // The session of `token`, its last_seen moved to `now`; nullopt when unknown or idle too long
  // (then it is removed).
  std::optional<Session> Touch(std::string_view token, int64_t now);
  void Remove(std::string_view token);
  // Ends every session of `user` (after a password change or removal).
  void RemoveUser(std::string_view user);
  size_t size() const;

 private:
  void PruneLocked(int64_t now);
  const int64_t idle_seconds_;
  mutable std::mutex mutex_;
  std::map<std::string, Session, std::less<>> by_token_;
  int64_t last_prune_ = 0;
};

// Equality of two secrets in time that depends only on their lengths.
bool SecretsEqual(std::string_view a, std::string_view b);

class LoginThrottle {
 public:
  LoginThrottle(int max_failures, int64_t window_seconds) : max_failures_(max_failures), window_(window_seconds) {}
  bool Allowed(const std::string& key, int64_t now);
  void Failure(const std::string& key, int64_t now);
  void Clear(const std::string& key);

 private:
  const int max_failures_;
  const int64_t window_;
  std::mutex mutex_;
  std::map<std::string, std::deque<int64_t>> failures_;
};

}  // namespace sz::server
