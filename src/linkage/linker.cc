#include "linkage/linker.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <functional>
#include <map>
#include <random>

#include "linkage/internal/compare.h"
#include "linkage/internal/encoded_records.h"
#include "linkage/internal/parallel.h"

namespace sz::linkage {
namespace {

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Pattern counts of random pairs (all pairs when there are no more than `sample` of them).
std::vector<double> RandomPairPatterns(const internal::EncodedRecords& records, bool across_sources, double all_pairs,
                                       int64_t sample, uint64_t seed, const ComparisonSettings& settings) {
  std::vector<double> counts(kPatternCount, 0.0);
  auto count_pair = [&](uint32_t a, uint32_t b) {
    double dice = internal::EncodedDice(records, a, b);
    counts[PatternIndex(internal::CompareEncoded(records, a, b, dice, settings))] += 1;
  };
  auto n = static_cast<uint32_t>(records.size);
  if (all_pairs <= static_cast<double>(sample)) {
    for (uint32_t a = 0; a < n; ++a) {
      for (uint32_t b = a + 1; b < n; ++b) {
        if (across_sources && records.source[a] == records.source[b]) continue;
        count_pair(a, b);
      }
    }
    return counts;
  }
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<uint32_t> pick(0, n - 1);
  for (int64_t drawn = 0; drawn < sample;) {
    uint32_t a = pick(rng), b = pick(rng);
    if (a == b || (across_sources && records.source[a] == records.source[b])) continue;
    count_pair(a, b);
    ++drawn;
  }
  return counts;
}

double Sum(const std::vector<double>& values) {
  double total = 0;
  for (double value : values) total += value;
  return total;
}

// Training sessions (linker.h): m for clk, sex, address and bsn among candidate pairs with the same
// birth year; m for birth year among candidate pairs with Dice ≥ the second band; then lambda alone
// over all pairs.
Result<EmResult> TrainModel(const std::vector<double>& pattern_counts,
                            const std::array<std::vector<double>, kFieldCount>& u, const LinkageStats& stats,
                            const LinkageOptions& options) {
  FellegiSunterModel model = FellegiSunterModel::Initial();
  model.u = u;
  int iterations = 0;
  bool converged = true;
  if (options.train_in_sessions && !options.em.estimate_u) {
    std::vector<double> same_year(kPatternCount, 0.0), similar_clk(kPatternCount, 0.0);
    for (int pattern = 0; pattern < kPatternCount; ++pattern) {
      ComparisonVector gamma = PatternVector(static_cast<uint16_t>(pattern));
      if (gamma.level[static_cast<int>(ComparisonField::kBirthYear)] == 0) same_year[pattern] = pattern_counts[pattern];
      int clk_level = gamma.level[static_cast<int>(ComparisonField::kClk)];
      if (clk_level != kNullLevel && clk_level <= 1) similar_clk[pattern] = pattern_counts[pattern];
    }
    struct Session {
      const std::vector<double>* counts;
      ComparisonField held_out;
      std::vector<ComparisonField> take;
    };
    for (const Session& session :
         {Session{&same_year,
                  ComparisonField::kBirthYear,
                  {ComparisonField::kClk, ComparisonField::kSex, ComparisonField::kAddress, ComparisonField::kBsn}},
          Session{&similar_clk, ComparisonField::kClk, {ComparisonField::kBirthYear}}}) {
      if (Sum(*session.counts) <= 0) continue;
      EmOptions em = options.em;
      em.total_pairs = 0;
      em.estimate_u = true;  // candidate pairs are not random pairs: their non-matches differ from u
      em.use_field = {true, true, true, true, true};
      em.use_field[static_cast<int>(session.held_out)] = false;
      // Start from a small match share (the exact links' share of the session's pairs): a large start
      // lets EM settle on a "match" class of merely similar people when blocking made most pairs similar.
      double session_pairs = Sum(*session.counts);
      FellegiSunterModel start = model;
      start.lambda = std::clamp(static_cast<double>(stats.exact_pairs) / session_pairs, 0.01, 0.3);
      ASSIGN_OR_RETURN(EmResult fit, FitEm(*session.counts, start, em));
      for (ComparisonField field : session.take)
        model.m[static_cast<int>(field)] = fit.model.m[static_cast<int>(field)];
      iterations += fit.iterations;
      converged = converged && fit.converged;
    }
  }
  model.lambda = std::clamp(
      (static_cast<double>(stats.exact_pairs) + 0.01 * static_cast<double>(stats.pairs_compared)) / stats.all_pairs,
      1e-9, 0.5);
  EmOptions final_options = options.em;
  final_options.total_pairs = options.em.estimate_u ? 0 : stats.all_pairs;
  final_options.estimate_m = !options.train_in_sessions || options.em.estimate_u;
  ASSIGN_OR_RETURN(EmResult fit, FitEm(pattern_counts, model, final_options));
  fit.iterations += iterations;
  fit.converged = fit.converged && converged;
  return fit;
}

}  // namespace

Result<LinkageResult> Link(std::span<const LinkRecord> records, const LinkageOptions& options) {
  auto start = std::chrono::steady_clock::now();
  if (records.size() >= UINT32_MAX) return InvalidArgumentError("too many records for one linkage (max 2^32-2)");
  if (records.size() < 2) return FailedPreconditionError("linkage needs at least two records");
  const bool incremental = options.first_new > 0;
  if (incremental) {
    if (!options.model) return InvalidArgumentError("incremental linking needs the model of the earlier run");
    if (options.initial_person.size() != options.first_new || options.first_new > records.size()) {
      return InvalidArgumentError("incremental linking needs a person label for each earlier record");
    }
  }
  if (!options.truth.empty() && options.truth.size() != records.size()) {
    return InvalidArgumentError("the truth needs one label per record");
  }
  const bool across = options.mode == LinkMode::kAcrossSources;
  const int threads = internal::ThreadCount(options.threads);

  LinkageResult result;
  LinkageStats& stats = result.stats;
  internal::EncodedRecords encoded = internal::Encode(records);
  const double n = static_cast<double>(records.size());
  stats.records = static_cast<int64_t>(records.size());
  stats.all_pairs = n * (n - 1) / 2;
  if (across) {
    std::map<uint32_t, double> per_source;
    for (uint32_t source : encoded.source) per_source[source] += 1;
    double same = 0;
    for (const auto& [source, count] : per_source) same += count * (count - 1) / 2;
    stats.all_pairs -= same;
    if (stats.all_pairs <= 0) return FailedPreconditionError("linking across sources needs records from two sources");
  }

  // 1. Blocking index.
  const CandidateIndex index(encoded, options.blocking, across);
  for (const BlockingPass& pass : index.passes()) stats.pass_names.push_back(pass.Name());
  stats.pass_oversized_blocks = index.oversized_blocks();
  stats.block_memberships = static_cast<int64_t>(index.memberships());
  stats.seconds_blocking = SecondsSince(start);

  // Streams the candidate pairs of records in chunks (deterministic per chunk, whatever the threads):
  // visit(chunk, a, b, dice, pattern, exact, found_by) for each pair.
  const size_t pass_count = index.passes().size();
  constexpr size_t kChunk = 256;
  const size_t chunks = (records.size() + kChunk - 1) / kChunk;
  std::vector<CandidateIndex::Scratch> scratch(threads);
  auto stream_pairs = [&](const std::function<void(size_t, uint32_t, uint32_t, double, uint16_t, bool, uint8_t)>& visit) {
    internal::ParallelChunks(records.size(), kChunk, threads, [&](size_t chunk, size_t begin, size_t end, int worker) {
      std::vector<uint32_t> partners;
      std::vector<uint8_t> found_by;
      for (size_t first = begin; first < end; ++first) {
        auto a = static_cast<uint32_t>(first);
        uint32_t min_partner = incremental ? std::max(a + 1, options.first_new) : a + 1;
        index.Partners(a, min_partner, scratch[worker], partners, &found_by);
        for (size_t i = 0; i < partners.size(); ++i) {
          uint32_t b = partners[i];
          double dice = internal::EncodedDice(encoded, a, b);
          uint16_t pattern = PatternIndex(internal::CompareEncoded(encoded, a, b, dice, options.comparison));
          visit(chunk, a, b, dice, pattern, internal::IsExactLink(encoded, a, b), found_by[i]);
        }
      }
    });
  };

  // 2. u from random pairs (not needed when the model is given).
  auto compare_start = std::chrono::steady_clock::now();
  std::array<std::vector<double>, kFieldCount> u;
  if (!options.model) {
    std::vector<double> random_counts =
        RandomPairPatterns(encoded, across, stats.all_pairs, options.u_sample_pairs, options.seed, options.comparison);
    ASSIGN_OR_RETURN(u, EstimateU(random_counts));
  }

  // 3. Count the comparison patterns of every candidate pair.
  struct ChunkCounts {
    std::vector<double> patterns;
    std::vector<int64_t> per_pass;
    int64_t pairs = 0, exact = 0, true_pairs = 0;
  };
  std::vector<ChunkCounts> chunk_counts(chunks);
  for (ChunkCounts& counts : chunk_counts) {
    counts.patterns.assign(kPatternCount, 0.0);
    counts.per_pass.assign(pass_count, 0);
  }
  stream_pairs([&](size_t chunk, uint32_t a, uint32_t b, double, uint16_t pattern, bool exact, uint8_t found_by) {
    ChunkCounts& counts = chunk_counts[chunk];
    counts.patterns[pattern] += 1;
    ++counts.per_pass[found_by];
    ++counts.pairs;
    counts.exact += exact;
    if (!options.truth.empty()) counts.true_pairs += options.truth[a] == options.truth[b];
  });
  std::vector<double> pattern_counts(kPatternCount, 0.0);
  stats.pass_new_pairs.assign(pass_count, 0);
  if (!options.truth.empty()) stats.true_pairs_compared = 0;
  for (const ChunkCounts& counts : chunk_counts) {
    for (int pattern = 0; pattern < kPatternCount; ++pattern) pattern_counts[pattern] += counts.patterns[pattern];
    for (size_t pass = 0; pass < pass_count; ++pass) stats.pass_new_pairs[pass] += counts.per_pass[pass];
    stats.pairs_compared += counts.pairs;
    stats.exact_pairs += counts.exact;
    if (!options.truth.empty()) stats.true_pairs_compared += counts.true_pairs;
  }
  std::vector<ChunkCounts>().swap(chunk_counts);
  stats.reduction_ratio = 1.0 - static_cast<double>(stats.pairs_compared) / stats.all_pairs;
  if (stats.pairs_compared == 0 && !incremental) return FailedPreconditionError("blocking found no candidate pairs");

  // 4. EM for m (in sessions) and lambda, u fixed — or the given model.
  if (options.model) {
    result.model = *options.model;
  } else {
    ASSIGN_OR_RETURN(EmResult fit, TrainModel(pattern_counts, u, stats, options));
    result.model = fit.model;
    stats.em_iterations = fit.iterations;
    stats.em_converged = fit.converged;
  }

  // 5. Keep the pairs that matter, with weights and probabilities.
  const std::vector<double> pattern_weights = result.model.PatternWeights();
  std::vector<float> pattern_probability(kPatternCount);
  for (int pattern = 0; pattern < kPatternCount; ++pattern) {
    pattern_probability[pattern] = static_cast<float>(ProbabilityFromWeight(pattern_weights[pattern]));
  }
  const float keep = static_cast<float>(std::min(options.keep_probability, options.clustering.link_probability));
  const float link = static_cast<float>(options.clustering.link_probability);
  std::vector<std::vector<ScoredPair>> chunk_pairs(chunks);
  stream_pairs([&](size_t chunk, uint32_t a, uint32_t b, double dice, uint16_t pattern, bool exact, uint8_t) {
    float probability = exact ? 1.0f : pattern_probability[pattern];
    if (!exact && probability < keep) return;
    chunk_pairs[chunk].push_back({a, b, static_cast<float>(dice), static_cast<float>(pattern_weights[pattern]),
                                  probability, pattern, exact});
  });
  size_t kept = 0;
  for (const auto& pairs : chunk_pairs) kept += pairs.size();
  result.pairs.reserve(kept);
  for (auto& pairs : chunk_pairs) {
    result.pairs.insert(result.pairs.end(), pairs.begin(), pairs.end());
    std::vector<ScoredPair>().swap(pairs);
  }
  stats.pairs_kept = static_cast<int64_t>(result.pairs.size());
  for (const ScoredPair& pair : result.pairs) stats.linked_pairs += pair.exact || pair.probability >= link;
  stats.seconds_comparing = SecondsSince(compare_start);

  // 6. Persons and households.
  auto cluster_start = std::chrono::steady_clock::now();
  std::vector<ClusterEdge> edges;
  edges.reserve(static_cast<size_t>(stats.linked_pairs));
  for (const ScoredPair& pair : result.pairs) {
    if (pair.exact || pair.probability >= link) edges.push_back({pair.a, pair.b, pair.weight, pair.probability, pair.exact});
  }
  auto pair_probability = [&](uint32_t a, uint32_t b) -> double {
    if (internal::IsExactLink(encoded, a, b)) return 1.0;
    double dice = internal::EncodedDice(encoded, a, b);
    return ProbabilityFromWeight(
        pattern_weights[PatternIndex(internal::CompareEncoded(encoded, a, b, dice, options.comparison))]);
  };
  result.person = ClusterPersons(records.size(), edges, pair_probability, encoded.bsn, options.clustering,
                                 &stats.clustering, options.initial_person);
  result.household = ClusterHouseholds(result.person, encoded.household);
  for (uint32_t record = 0; record < records.size(); ++record) {
    stats.persons += result.person[record] == record;
    stats.households += result.household[record] == record;
  }
  stats.seconds_clustering = SecondsSince(cluster_start);
  stats.seconds_total = SecondsSince(start);
  return result;
}

}  // namespace sz::linkage
