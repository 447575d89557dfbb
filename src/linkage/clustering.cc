#include "linkage/clustering.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

namespace sz::linkage {
namespace {

class UnionFind {
 public:
  explicit UnionFind(size_t size) : parent_(size) { std::iota(parent_.begin(), parent_.end(), 0u); }
  uint32_t Find(uint32_t item) {
    while (parent_[item] != item) {
      parent_[item] = parent_[parent_[item]];
      item = parent_[item];
    }
    return item;
  }
  // The smaller root becomes the root, so a root is its set's smallest element.
  void Union(uint32_t a, uint32_t b) {
    a = Find(a);
    b = Find(b);
    if (a == b) return;
    if (b < a) std::swap(a, b);
    parent_[b] = a;
  }

 private:
  std::vector<uint32_t> parent_;
};

}  // namespace

std::vector<uint32_t> ClusterPersons(size_t record_count, std::span<const ClusterEdge> edges,
                                     const std::function<double(uint32_t, uint32_t)>& pair_probability,
                                     std::span<const uint32_t> bsn, const ClusteringOptions& options,
                                     ClusteringStats* stats, std::span<const uint32_t> initial_person) {
  ClusteringStats local;
  ClusteringStats& counts = stats ? *stats : local;
  // cluster_of[record] → cluster slot; members per slot; the slot's BSN id (0 none).
  std::vector<uint32_t> cluster_of(record_count);
  std::iota(cluster_of.begin(), cluster_of.end(), 0u);
  std::vector<std::vector<uint32_t>> members(record_count);
  std::vector<uint32_t> cluster_bsn(record_count, 0);
  for (uint32_t record = 0; record < record_count; ++record) {
    members[record] = {record};
    if (!bsn.empty()) cluster_bsn[record] = bsn[record];
  }

  auto merge = [&](uint32_t into, uint32_t from) {
    if (members[into].size() < members[from].size()) std::swap(into, from);
    for (uint32_t record : members[from]) cluster_of[record] = into;
    members[into].insert(members[into].end(), members[from].begin(), members[from].end());
    std::vector<uint32_t>().swap(members[from]);
    if (cluster_bsn[into] == 0) cluster_bsn[into] = cluster_bsn[from];
  };
  auto bsn_conflict = [&](uint32_t a, uint32_t b) {
    return options.bsn_cannot_link && cluster_bsn[a] != 0 && cluster_bsn[b] != 0 && cluster_bsn[a] != cluster_bsn[b];
  };

  for (uint32_t record = 0; record < initial_person.size() && record < record_count; ++record) {
    uint32_t other = initial_person[record];
    if (other >= initial_person.size() || cluster_of[record] == cluster_of[other]) continue;
    merge(cluster_of[record], cluster_of[other]);
  }

  std::vector<const ClusterEdge*> exact, probabilistic;
  for (const ClusterEdge& edge : edges) {
    if (edge.a == edge.b) continue;
    if (edge.exact) {
      exact.push_back(&edge);
    } else if (edge.probability >= options.link_probability) {
      probabilistic.push_back(&edge);
    }
  }
  auto by_pair = [](const ClusterEdge* x, const ClusterEdge* y) {
    return std::minmax(x->a, x->b) < std::minmax(y->a, y->b);
  };
  std::sort(exact.begin(), exact.end(), by_pair);
  std::sort(probabilistic.begin(), probabilistic.end(), [&](const ClusterEdge* x, const ClusterEdge* y) {
    if (x->weight != y->weight) return x->weight > y->weight;
    return by_pair(x, y);
  });

  for (const ClusterEdge* edge : exact) {
    uint32_t cluster_a = cluster_of[edge->a], cluster_b = cluster_of[edge->b];
    if (cluster_a == cluster_b) continue;
    if (bsn_conflict(cluster_a, cluster_b)) {
      ++counts.refused_bsn_conflict;
      continue;
    }
    merge(cluster_a, cluster_b);
    ++counts.exact_merges;
  }
  for (const ClusterEdge* edge : probabilistic) {
    uint32_t cluster_a = cluster_of[edge->a], cluster_b = cluster_of[edge->b];
    if (cluster_a == cluster_b) continue;
    if (bsn_conflict(cluster_a, cluster_b)) {
      ++counts.refused_bsn_conflict;
      continue;
    }
    double sum = 0, minimum = 1;
    for (uint32_t record_a : members[cluster_a]) {
      for (uint32_t record_b : members[cluster_b]) {
        double probability =
            (record_a == edge->a && record_b == edge->b) || (record_a == edge->b && record_b == edge->a)
                ? edge->probability
                : pair_probability(record_a, record_b);
        sum += probability;
        minimum = std::min(minimum, probability);
        if (minimum < options.min_pair_probability) break;
      }
      if (minimum < options.min_pair_probability) break;
    }
    if (minimum < options.min_pair_probability) {
      ++counts.refused_weak_pair;
      continue;
    }
    double mean =
        sum / (static_cast<double>(members[cluster_a].size()) * static_cast<double>(members[cluster_b].size()));
    if (mean < options.min_mean_probability) {
      ++counts.refused_weak_mean;
      continue;
    }
    merge(cluster_a, cluster_b);
    ++counts.probabilistic_merges;
  }

  std::vector<uint32_t> person(record_count);
  for (const std::vector<uint32_t>& cluster : members) {
    if (cluster.empty()) continue;
    uint32_t id = *std::min_element(cluster.begin(), cluster.end());
    for (uint32_t record : cluster) person[record] = id;
  }
  return person;
}

std::vector<uint32_t> ClusterHouseholds(std::span<const uint32_t> person, std::span<const uint32_t> household) {
  const auto count = static_cast<uint32_t>(person.size());
  auto key_of = [&](uint32_t record) { return record < household.size() ? household[record] : 0u; };
  // Dense ids for the household keys present; the distinct persons at each key.
  std::unordered_map<uint32_t, uint32_t> key_index;
  std::vector<std::vector<uint32_t>> persons_at;
  for (uint32_t record = 0; record < count; ++record) {
    if (key_of(record) == 0) continue;
    auto [it, inserted] = key_index.try_emplace(key_of(record), static_cast<uint32_t>(persons_at.size()));
    if (inserted) persons_at.emplace_back();
    persons_at[it->second].push_back(person[record]);
  }
  for (auto& persons : persons_at) {
    std::sort(persons.begin(), persons.end());
    persons.erase(std::unique(persons.begin(), persons.end()), persons.end());
  }
  // The keys of each person, then for each pair of keys that share persons, how many they share.
  std::vector<std::pair<uint32_t, uint32_t>> person_key;  // (person, key index)
  for (uint32_t key = 0; key < persons_at.size(); ++key) {
    for (uint32_t someone : persons_at[key]) person_key.emplace_back(someone, key);
  }
  std::sort(person_key.begin(), person_key.end());
  std::unordered_map<uint64_t, uint32_t> shared;  // (key a << 32 | key b), a < b → shared persons
  for (size_t begin = 0; begin < person_key.size();) {
    size_t end = begin;
    while (end < person_key.size() && person_key[end].first == person_key[begin].first) ++end;
    for (size_t x = begin; x < end; ++x) {
      for (size_t y = x + 1; y < end; ++y) ++shared[(uint64_t{person_key[x].second} << 32) | person_key[y].second];
    }
    begin = end;
  }
  UnionFind keys(persons_at.size());
  for (const auto& [pair, persons] : shared) {
    auto a = static_cast<uint32_t>(pair >> 32), b = static_cast<uint32_t>(pair);
    bool both_alone = persons_at[a].size() == 1 && persons_at[b].size() == 1;
    if (persons >= 2 || both_alone) keys.Union(a, b);
  }
  // Records with a key: their key's household. Records without: the household of their person's first
  // keyed record, else their person alone.
  std::unordered_map<uint32_t, uint32_t> keyed_household_of_person;
  std::vector<uint32_t> group(count);  // a group id: key root, or key count + person
  const auto keyed_groups = static_cast<uint32_t>(persons_at.size());
  for (uint32_t record = 0; record < count; ++record) {
    if (key_of(record) == 0) continue;
    group[record] = keys.Find(key_index.at(key_of(record)));
    keyed_household_of_person.try_emplace(person[record], group[record]);
  }
  for (uint32_t record = 0; record < count; ++record) {
    if (key_of(record) != 0) continue;
    auto it = keyed_household_of_person.find(person[record]);
    group[record] = it != keyed_household_of_person.end() ? it->second : keyed_groups + person[record];
  }
  // Household id: the smallest record index of the group.
  std::unordered_map<uint32_t, uint32_t> first_of_group;
  std::vector<uint32_t> result(count);
  for (uint32_t record = 0; record < count; ++record) {
    result[record] = first_of_group.try_emplace(group[record], record).first->second;
  }
  return result;
}

}  // namespace sz::linkage
