// Clustering: from scored pairs to persons, without chaining unrelated people through one weak link,
// and from persons plus household keys to households.
//
//   std::vector<uint32_t> person = ClusterPersons(n, edges, pair_probability, bsn_ids, ClusteringOptions{});
//   std::vector<uint32_t> household = ClusterHouseholds(person, household_ids);
//
// Persons (a constrained agglomeration, in the spirit of the pairwise-consistency checks of
// Randall et al. 2014 "The effect of linkage quality on ... transitive closure"):
// 1. Exact edges (same BSN or name+birth-date pseudonym) merge first, in (a, b) order.
// 2. Probabilistic edges with probability ≥ link_probability follow, strongest weight first.
// 3. Anti-chaining rule. Two clusters A and B merge through an edge only if
//    - they do not hold different BSN pseudonyms (cannot-link; BSNs are elfproef-checked at the desk,
//      so two different valid BSNs are two people) — this applies to exact edges too, and
//    - for a probabilistic edge, every cross pair (a in A, b in B) — computed with the model whether or
//      not blocking compared it — has probability ≥ min_pair_probability, and their mean is
//      ≥ min_mean_probability.
//    Naive transitive closure would join A–B–C when A–B and B–C are strong but A–C is clearly not the
//    same person (e.g. a parent and child sharing a name and address through a record with a missing
//    birth year); here C stays apart unless it agrees with all of {A, B}.
// Person ids are the smallest record index in the cluster, so they are stable for the same input.
// `initial_person` (incremental linking; may be empty): for records [0, initial_person.size()) the person
// they were in before, as the index of a record of that person (< initial_person.size()). Clustering
// starts from these persons (merged unconditionally, never split) and the edges then merge further.
// Households: an address (household key) is where a household lives for a while; the question is
// which addresses are the same household over time. Two addresses are one household when the persons
// seen at them overlap in at least two persons (the family moved together), or when each was seen with
// only one person, the same one (someone living alone moved). One shared person alone does not join
// them: a child leaving home, a partner moving out after a separation, a child placed in a foster
// family or a group home would otherwise chain whole families together. A record without a household
// key joins the household of its person's first keyed record (else it is its person's own household).
// Household ids are the smallest record index of the household.
// Checked in tests/linkage/clustering_test.cc (cases that chain under naive transitive closure).
// Thread safety: pure functions (pair_probability is called from the calling thread only).
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace sz::linkage {

struct ClusterEdge {
  uint32_t a = 0, b = 0;
  double weight = 0;  // match weight (log2 odds); orders the probabilistic edges
  double probability = 0;
  bool exact = false;
};

struct ClusteringOptions {
  double link_probability = 0.9;       // probabilistic edges below this are not links
  double min_pair_probability = 0.01;  // every pair inside a merged cluster at least this
  double min_mean_probability = 0.5;   // mean over the cross pairs of a merge at least this
  bool bsn_cannot_link = true;
};

struct ClusteringStats {
  int64_t exact_merges = 0;
  int64_t probabilistic_merges = 0;
  int64_t refused_bsn_conflict = 0;
  int64_t refused_weak_pair = 0;  // a cross pair below min_pair_probability
  int64_t refused_weak_mean = 0;  // cross-pair mean below min_mean_probability
};

// `bsn`: per record an interned BSN pseudonym id, 0 = missing (may be empty: no cannot-link).
std::vector<uint32_t> ClusterPersons(size_t record_count, std::span<const ClusterEdge> edges,
                                     const std::function<double(uint32_t, uint32_t)>& pair_probability,
                                     std::span<const uint32_t> bsn, const ClusteringOptions& options,
                                     ClusteringStats* stats = nullptr, std::span<const uint32_t> initial_person = {});

// `household`: per record an interned household key, 0 = missing.
std::vector<uint32_t> ClusterHouseholds(std::span<const uint32_t> person, std::span<const uint32_t> household);

}  // namespace sz::linkage
