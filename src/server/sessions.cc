#include "server/sessions.h"

#include <array>

#include "privacy/bytes.h"
#include "privacy/random.h"

namespace sz::server {
namespace {

Result<std::string> RandomToken() {
  std::array<uint8_t, 32> bytes{};
  RETURN_IF_ERROR(privacy::SecureRandom(bytes));
  return privacy::HexEncode(bytes);
}

}  // namespace

bool SecretsEqual(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char difference = 0;
  for (size_t i = 0; i < a.size(); ++i) difference |= static_cast<unsigned char>(a[i] ^ b[i]);
  return difference == 0;
}

Result<Session> Sessions::Create(const std::string& user, const std::string& role, const std::string& credential,
                                 int64_t now) {
  Session session{.user = user, .role = role, .credential = credential, .last_seen = now};
  ASSIGN_OR_RETURN(session.token, RandomToken());
  ASSIGN_OR_RETURN(session.csrf, RandomToken());
  std::lock_guard lock(mutex_);
  PruneLocked(now);
  by_token_[session.token] = session;
  return session;
}

std::optional<Session> Sessions::Touch(std::string_view token, int64_t now) {
  std::lock_guard lock(mutex_);
  auto it = by_token_.find(token);
  if (it == by_token_.end()) return std::nullopt;
  // The map found the token by comparison; compare again in constant time so that a near miss and a
  // far miss cost the same (std::map's comparison stops at the first differing byte).
  if (!SecretsEqual(it->first, token)) return std::nullopt;
  if (now - it->second.last_seen > idle_seconds_) {
    by_token_.erase(it);
    return std::nullopt;
  }
  it->second.last_seen = now;
  return it->second;
}

void Sessions::Remove(std::string_view token) {
  std::lock_guard lock(mutex_);
  auto it = by_token_.find(token);
  if (it != by_token_.end()) by_token_.erase(it);
}

void Sessions::RemoveUser(std::string_view user) {
  std::lock_guard lock(mutex_);
  std::erase_if(by_token_, [&](const auto& entry) { return entry.second.user == user; });
}

size_t Sessions::size() const {
  std::lock_guard lock(mutex_);
  return by_token_.size();
}

void Sessions::PruneLocked(int64_t now) {
  if (now - last_prune_ < 60) return;
  last_prune_ = now;
  std::erase_if(by_token_, [&](const auto& entry) { return now - entry.second.last_seen > idle_seconds_; });
}

bool LoginThrottle::Allowed(const std::string& key, int64_t now) {
  std::lock_guard lock(mutex_);
  auto it = failures_.find(key);
  if (it == failures_.end()) return true;
  while (!it->second.empty() && now - it->second.front() >= window_) it->second.pop_front();
  if (it->second.empty()) {
    failures_.erase(it);
    return true;
  }
  return static_cast<int>(it->second.size()) < max_failures_;
}

void LoginThrottle::Failure(const std::string& key, int64_t now) {
  std::lock_guard lock(mutex_);
  if (failures_.size() > 100'000) {  // bounded memory under a spray of names: forget the stale ones
    std::erase_if(failures_, [&](const auto& entry) { return now - entry.second.back() >= window_; });
  }
  std::deque<int64_t>& times = failures_[key];
  times.push_back(now);
  while (static_cast<int>(times.size()) > max_failures_) times.pop_front();
}

void LoginThrottle::Clear(const std::string& key) {
  std::lock_guard lock(mutex_);
  failures_.erase(key);
}

}  // namespace sz::server
