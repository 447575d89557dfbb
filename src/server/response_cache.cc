#include "server/response_cache.h"

namespace sz::server {

void ResponseCache::ResetTo(const std::string& version) {
  version_ = version;
  answers_.clear();
  bytes_ = 0;
}

std::optional<CachedAnswer> ResponseCache::Find(const std::string& version, const std::string& key) {
  std::lock_guard lock(mutex_);
  if (version != version_) {
    ResetTo(version);
    return std::nullopt;
  }
  auto it = answers_.find(key);
  if (it == answers_.end()) return std::nullopt;
  return it->second;
}

void ResponseCache::Put(const std::string& version, const std::string& key, CachedAnswer answer) {
  std::lock_guard lock(mutex_);
  if (version != version_) return;  // read under an older version than the cache holds, or a newer one not yet seen
  const size_t size = key.size() + answer.body.size();
  if (size > max_bytes_) return;
  if (bytes_ + size > max_bytes_) ResetTo(version);
  auto [it, inserted] = answers_.try_emplace(key, std::move(answer));
  if (inserted) bytes_ += size;
}

size_t ResponseCache::entries() const {
  std::lock_guard lock(mutex_);
  return answers_.size();
}

size_t ResponseCache::bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

}  // namespace sz::server
