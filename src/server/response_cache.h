// Answers of /api/waarden kept for reuse (issue 16's latency aim): the JSON body and its number of
// cells, keyed by the audience and the request's parameters, valid for one version of the figures
// (pipeline::CellsVersion: the latest computation and publication). A new version empties the cache
// at the next lookup, so an answer is never older than the publication it was read from. The audit
// entry is still written per request by the caller: the cache saves the reading, not the record.
//
//   if (std::optional<CachedAnswer> hit = cache.Find(version, key)) ... else cache.Put(version, key, answer);
//
// Bounded by `max_bytes` of bodies: when full, it starts again empty. Thread safety: every member is
// safe to call from several threads at once.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace sz::server {

struct CachedAnswer {
  std::string body;  // the JSON as sent
  int64_t cells = 0;
};

class ResponseCache {
 public:
  explicit ResponseCache(size_t max_bytes = size_t{64} << 20) : max_bytes_(max_bytes) {}

  // The answer kept for `key` under `version`; nullopt when none (or when the version moved on, which
  // empties the cache).
  std::optional<CachedAnswer> Find(const std::string& version, const std::string& key);
  // Keeps `answer` for `key`, unless the cache has already moved to another version than `version`.
  void Put(const std::string& version, const std::string& key, CachedAnswer answer);

  size_t entries() const;
  size_t bytes() const;

 private:
  void ResetTo(const std::string& version);  // with mutex_ held

  const size_t max_bytes_;
  mutable std::mutex mutex_;
  std::string version_;
  std::unordered_map<std::string, CachedAnswer> answers_;
  size_t bytes_ = 0;
};

}  // namespace sz::server
