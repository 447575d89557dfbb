// InvolvementIndex: finds involvements by their key (source, record id, betrokkene_nr) in a sorted table
// of key hashes: 16 bytes per involvement instead of a map of string keys, for a national store holds
// millions. It indexes any list whose items have `source`, `record_id` and `betrokkene_nr` (InvolvementRef,
// InvolvementKey, …) and keeps only positions, so the same list must be passed to each lookup.
//
//   InvolvementIndex index(involvements);
//   uint32_t i = index.Find(involvements, "jeugdhulp", "J-1", 2);          // kNone when absent
//   index.ForEachMatch(involvements, source, record_id, nr, [](uint32_t i) { … });
//   bool twice = index.HasDuplicate(involvements);
//
// Hash collisions are resolved against the list, so lookups are exact. Thread safety: a value; const
// lookups may run concurrently.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sz::pipeline::internal {

class InvolvementIndex {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  template <typename List>
  explicit InvolvementIndex(const List& items) : by_hash_(items.size()) {
    for (size_t i = 0; i < items.size(); ++i) {
      by_hash_[i] = {Hash(items[i].source, items[i].record_id, items[i].betrokkene_nr), static_cast<uint32_t>(i)};
    }
    std::sort(by_hash_.begin(), by_hash_.end());
  }

  // Calls visit(position) for every item of `items` with this key, in position order.
  template <typename List, typename Visit>
  void ForEachMatch(const List& items, std::string_view source, std::string_view record_id, int64_t betrokkene_nr,
                    Visit&& visit) const {
    const uint64_t hash = Hash(source, record_id, betrokkene_nr);
    for (auto it = std::lower_bound(by_hash_.begin(), by_hash_.end(), std::pair<uint64_t, uint32_t>{hash, 0});
         it != by_hash_.end() && it->first == hash; ++it) {
      const auto& item = items[it->second];
      if (item.source == source && item.record_id == record_id && item.betrokkene_nr == betrokkene_nr) {
        visit(it->second);
      }
    }
  }

  // The first position with this key; kNone when there is none.
  template <typename List>
  uint32_t Find(const List& items, std::string_view source, std::string_view record_id, int64_t betrokkene_nr) const {
    uint32_t found = kNone;
    ForEachMatch(items, source, record_id, betrokkene_nr, [&](uint32_t i) {
      if (found == kNone) found = i;
    });
    return found;
  }

  // Whether two items of `items` share a key.
  template <typename List>
  bool HasDuplicate(const List& items) const {
    for (size_t i = 1; i < by_hash_.size(); ++i) {
      if (by_hash_[i].first != by_hash_[i - 1].first) continue;
      const auto& x = items[by_hash_[i].second];
      for (size_t j = i; j-- > 0 && by_hash_[j].first == by_hash_[i].first;) {
        const auto& y = items[by_hash_[j].second];
        if (x.source == y.source && x.record_id == y.record_id && x.betrokkene_nr == y.betrokkene_nr) return true;
      }
    }
    return false;
  }

 private:
  static uint64_t Hash(std::string_view source, std::string_view record_id, int64_t betrokkene_nr) {
    std::string key;
    key.reserve(source.size() + record_id.size() + 22);
    key.append(source).append(1, '\x1f').append(record_id).append(1, '\x1f').append(std::to_string(betrokkene_nr));
    return std::hash<std::string>{}(key);
  }

  std::vector<std::pair<uint64_t, uint32_t>> by_hash_;  // (key hash, position), sorted
};

}  // namespace sz::pipeline::internal
