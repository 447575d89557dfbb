#include "linkage/linker.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <functional>
#include <map>
#include <memory>
#include <numeric>
#include <random>
#include <unordered_map>

#include "linkage/internal/compare.h"
#include "linkage/internal/encoded_records.h"
#include "linkage/internal/parallel.h"
#include "linkage/messages.h"
#include "linkage/term_frequency.h"

namespace sz::linkage {
namespace {

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Pattern counts of random pairs (all pairs when there are no more than `sample` of them).
PatternCounts RandomPairPatterns(const internal::EncodedRecords& records, bool across_sources, double all_pairs,
                                 int64_t sample, uint64_t seed, const ComparisonSettings& settings) {
  PatternCounts counts;
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

double Sum(const PatternCounts& counts) {
  double total = 0;
  for (const auto& [pattern, count] : counts) total += count;
  return total;
}

// The counts of the patterns `keep` accepts.
template <typename Predicate>
PatternCounts Select(const PatternCounts& counts, Predicate keep) {
  PatternCounts out;
  for (const auto& [pattern, count] : counts) {
    if (keep(pattern)) out.emplace_hint(out.end(), pattern, count);
  }
  return out;
}

int Level(Pattern pattern, ComparisonField field) { return PatternLevel(pattern, static_cast<int>(field)); }

// m from labelled matches (linker.h, step 4): candidate pairs whose BSN pseudonyms agree are the same
// person, so the levels of their other fields are m; m for the BSN itself from the pairs that agree on
// CLK (≥ the first band), birth year, sex and household and both have a BSN — without the household,
// namesakes dominate at national density (77% of such pairs at scale 28). False (model unchanged) when
// fewer than `min_labelled` pairs agree on the BSN.
Result<bool> SetMFromBsnLabels(const PatternCounts& pattern_counts, int64_t min_labelled, FellegiSunterModel& model) {
  PatternCounts bsn_same = Select(pattern_counts, [](Pattern p) { return Level(p, ComparisonField::kBsn) == 0; });
  PatternCounts confident = Select(pattern_counts, [](Pattern p) {
    return Level(p, ComparisonField::kClk) == 0 && Level(p, ComparisonField::kBirthYear) == 0 &&
           Level(p, ComparisonField::kSex) != 1 && Level(p, ComparisonField::kAddress) == 0 &&
           Level(p, ComparisonField::kBsn) != kNullLevel;
  });
  if (Sum(bsn_same) < static_cast<double>(min_labelled) || Sum(confident) <= 0) return false;
  ASSIGN_OR_RETURN(auto m, EstimateMFromMatches(bsn_same));
  ASSIGN_OR_RETURN(auto m_confident, EstimateMFromMatches(confident));
  for (int field = 0; field < kFieldCount; ++field) {
    if (field != static_cast<int>(ComparisonField::kBsn)) model.m[field] = m[field];
  }
  model.m[static_cast<int>(ComparisonField::kBsn)] = m_confident[static_cast<int>(ComparisonField::kBsn)];
  return true;
}

// Kept pairs below the link probability, per probability, the most probable first.
using GreyPairs = std::map<float, int64_t, std::greater<float>>;

// The floor that leaves at most `room` kept pairs below `link`: probabilities from the highest down
// (pairs of equal probability stay or go together) until the next group would not fit; `link` when
// none fits. Without term-frequency adjustment every pair of a comparison pattern has the same
// probability, so this is the choice over patterns.
float RaisedKeepFloor(const GreyPairs& grey, double room, float link) {
  for (const auto& [probability, count] : grey) {
    if (static_cast<double>(count) > room) return std::nextafter(probability, 2.0f);
    room -= static_cast<double>(count);
  }
  return link;
}

// Training sessions (linker.h): m for every field but birth year and date among candidate pairs with
// the same birth year (or, with field encodings, a birth date agreeing in two of its three parts); m for
// birth year among candidate pairs with Dice ≥ the second band; m for birth date among pairs whose given
// name and surname are both at least close (or swapped); then lambda alone over all pairs.
Result<EmResult> TrainModel(const PatternCounts& pattern_counts, const std::array<std::vector<double>, kFieldCount>& u,
                            const LinkageStats& stats, const LinkageOptions& options) {
  FellegiSunterModel model = FellegiSunterModel::Initial();
  model.u = u;
  int iterations = 0;
  bool converged = true;
  bool from_labels = false;
  if (options.train_in_sessions && !options.em.estimate_u && options.min_bsn_labelled_pairs > 0) {
    ASSIGN_OR_RETURN(from_labels, SetMFromBsnLabels(pattern_counts, options.min_bsn_labelled_pairs, model));
  }
  if (options.train_in_sessions && !options.em.estimate_u && !from_labels) {
    using F = ComparisonField;
    auto close = [](int level) { return level != kNullLevel && level <= 1; };
    PatternCounts same_year = Select(pattern_counts, [](Pattern p) {
      int date = Level(p, F::kBirthDate);
      return Level(p, F::kBirthYear) == 0 || (date != kNullLevel && date <= 2);
    });
    PatternCounts similar_clk = Select(pattern_counts, [&](Pattern p) { return close(Level(p, F::kClk)); });
    PatternCounts similar_names = Select(pattern_counts, [&](Pattern p) {
      int given = Level(p, F::kGivenName);
      return given == kGivenNameSwapped || (close(given) && close(Level(p, F::kSurname)));
    });
    std::vector<F> all_but_date;
    for (int field = 0; field < kFieldCount; ++field) {
      if (field != static_cast<int>(F::kBirthYear) && field != static_cast<int>(F::kBirthDate)) {
        all_but_date.push_back(static_cast<F>(field));
      }
    }
    struct Session {
      const PatternCounts* counts;
      std::vector<F> held_out;
      std::vector<F> take;
    };
    for (const Session& session : {Session{&same_year, {F::kBirthYear, F::kBirthDate}, all_but_date},
                                   Session{&similar_clk, {F::kClk}, {F::kBirthYear}},
                                   Session{&similar_names, {F::kGivenName, F::kSurname}, {F::kBirthDate}}}) {
      if (Sum(*session.counts) <= 0) continue;
      EmOptions em = options.em;
      em.total_pairs = 0;
      em.estimate_u = true;  // candidate pairs are not random pairs: their non-matches differ from u
      em.use_field = AllFields();
      for (F field : session.held_out) em.use_field[static_cast<int>(field)] = false;
      // Start from a small match share (the exact links' share of the session's pairs): a large start
      // lets EM settle on a "match" class of merely similar people when blocking made most pairs similar.
      double session_pairs = Sum(*session.counts);
      FellegiSunterModel start = model;
      start.lambda = std::clamp(static_cast<double>(stats.exact_pairs) / session_pairs, 0.01, 0.3);
      ASSIGN_OR_RETURN(EmResult fit, FitEm(*session.counts, start, em));
      for (F field : session.take) model.m[static_cast<int>(field)] = fit.model.m[static_cast<int>(field)];
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
  fit.m_from_labels = from_labels;
  return fit;
}

}  // namespace

Result<LinkageResult> Link(std::span<const LinkRecord> records, const LinkageOptions& options) {
  if (records.size() >= UINT32_MAX) return InvalidArgumentError(msg::TooManyRecords());
  return Link(Encode(records), options);
}

Result<LinkageResult> Link(RecordColumns encoded, const LinkageOptions& options) {
  auto start = std::chrono::steady_clock::now();
  const size_t record_count = encoded.size;
  if (record_count >= UINT32_MAX) return InvalidArgumentError(msg::TooManyRecords());
  if (record_count < 2) return FailedPreconditionError(msg::TooFewRecords());
  const bool incremental = options.first_new > 0;
  if (incremental) {
    if (!options.model) return InvalidArgumentError(msg::IncrementalNeedsModel());
    if (options.initial_person.size() != options.first_new || options.first_new > record_count) {
      return InvalidArgumentError(msg::IncrementalNeedsEarlierPersons());
    }
  }
  if (!options.truth.empty() && options.truth.size() != record_count) {
    return InvalidArgumentError(msg::TruthNeedsOneLabelPerRecord());
  }
  const bool across = options.mode == LinkMode::kAcrossSources;
  const int threads = internal::ThreadCount(options.threads);

  LinkageResult result;
  LinkageStats& stats = result.stats;
  const double n = static_cast<double>(record_count);
  stats.records = static_cast<int64_t>(record_count);
  stats.all_pairs = n * (n - 1) / 2;
  if (across) {
    std::map<uint32_t, double> per_source;
    for (uint32_t source : encoded.source) per_source[source] += 1;
    double same = 0;
    for (const auto& [source, count] : per_source) same += count * (count - 1) / 2;
    stats.all_pairs -= same;
    if (stats.all_pairs <= 0) return FailedPreconditionError(msg::AcrossSourcesNeedsTwoSources());
  }

  // 1. Blocking index (freed before clustering).
  auto owned_index = std::make_unique<CandidateIndex>(encoded, options.blocking, across, threads);
  const CandidateIndex& index = *owned_index;
  for (const BlockingPass& pass : index.passes()) stats.pass_names.push_back(pass.Name());
  stats.pass_oversized_blocks = index.oversized_blocks();
  stats.pass_refined_blocks = index.refined_blocks();
  stats.pass_pair_bounds = index.pair_bounds();
  stats.pass_distinct_pair_bounds = index.distinct_pair_bounds();
  stats.pass_widenings = index.widenings();
  stats.block_memberships = static_cast<int64_t>(index.memberships());
  stats.seconds_blocking = SecondsSince(start);
  bool have_model = false;
  auto stage = [&](std::string_view name) {
    if (options.on_stage) options.on_stage(name, stats, have_model ? &result.model : nullptr);
  };
  stage("index");

  // Streams the candidate pairs of the records in the listed chunks, `kChunk` records each, calling
  // visit(slot, a, b, found_by) for each pair, where slot is the position in `chunk_list`; each slot is
  // filled by one thread, so per-slot results concatenated in slot order do not depend on the threads.
  const size_t pass_count = index.passes().size();
  constexpr size_t kChunk = 256;
  const size_t chunks = (record_count + kChunk - 1) / kChunk;
  std::vector<CandidateIndex::Scratch> scratch(threads);
  auto stream_pairs = [&](std::span<const size_t> chunk_list,
                          const std::function<void(size_t, uint32_t, uint32_t, uint8_t)>& visit) {
    internal::ParallelChunks(chunk_list.size(), 1, threads, [&](size_t slot, size_t, size_t, int worker) {
      std::vector<uint32_t> partners;
      std::vector<uint8_t> found_by;
      size_t begin = chunk_list[slot] * kChunk, end = std::min(record_count, begin + kChunk);
      for (size_t first = begin; first < end; ++first) {
        auto a = static_cast<uint32_t>(first);
        uint32_t min_partner = incremental ? std::max(a + 1, options.first_new) : a + 1;
        index.Partners(a, min_partner, scratch[worker], partners, &found_by);
        for (size_t i = 0; i < partners.size(); ++i) visit(slot, a, partners[i], found_by[i]);
      }
    });
  };
  auto pattern_of = [&](uint32_t a, uint32_t b, double* dice) {
    *dice = internal::EncodedDice(encoded, a, b);
    return PatternIndex(internal::CompareEncoded(encoded, a, b, *dice, options.comparison));
  };

  // 2. u from random pairs (not needed when the model is given).
  auto compare_start = std::chrono::steady_clock::now();
  std::array<std::vector<double>, kFieldCount> u;
  if (!options.model) {
    PatternCounts random_counts =
        RandomPairPatterns(encoded, across, stats.all_pairs, options.u_sample_pairs, options.seed, options.comparison);
    ASSIGN_OR_RETURN(u, EstimateU(random_counts));
    stage("u");
  }

  // 3. Pattern counts for EM, from record chunks in a seeded random order, batch by batch, until
  //    em_sample_pairs pairs are counted (all chunks when there are fewer pairs). The counts are scaled
  //    to all chunks: every pair is counted from its first record, so a uniform sample of chunks is a
  //    uniform sample of pairs.
  PatternCounts pattern_counts;
  double sampled_exact = 0, sampled_pairs = 0;
  if (!options.model) {
    std::vector<size_t> order(chunks);
    std::iota(order.begin(), order.end(), size_t{0});
    std::shuffle(order.begin(), order.end(), std::mt19937_64(options.seed ^ 0x5eed5eedULL));
    constexpr size_t kBatch = 64;
    size_t done = 0;
    while (done < chunks && sampled_pairs < static_cast<double>(options.em_sample_pairs)) {
      std::span<const size_t> batch(order.data() + done, std::min(kBatch, chunks - done));
      std::vector<std::unordered_map<Pattern, double>> slot_counts(batch.size());
      std::vector<double> slot_exact(batch.size(), 0.0);
      stream_pairs(batch, [&](size_t slot, uint32_t a, uint32_t b, uint8_t) {
        double dice;
        slot_counts[slot][pattern_of(a, b, &dice)] += 1;
        slot_exact[slot] += internal::IsExactLink(encoded, a, b);
      });
      for (size_t slot = 0; slot < batch.size(); ++slot) {
        for (const auto& [pattern, count] : slot_counts[slot]) {
          pattern_counts[pattern] += count;
          sampled_pairs += count;
        }
        sampled_exact += slot_exact[slot];
      }
      done += batch.size();
    }
    double scale = static_cast<double>(chunks) / static_cast<double>(done);
    for (auto& [pattern, count] : pattern_counts) count *= scale;
    stats.em_sample_share = static_cast<double>(done) / static_cast<double>(chunks);
    if (sampled_pairs == 0) return FailedPreconditionError(msg::NoCandidatePairs());
    // The training sessions read these two from stats; pass 5 replaces them with the exact counts.
    stats.pairs_compared = static_cast<int64_t>(std::llround(sampled_pairs * scale));
    stats.exact_pairs = static_cast<int64_t>(std::llround(sampled_exact * scale));
    stage("em-sample");
  }

  // 4. EM for m (in sessions) and lambda, u fixed — or the given model.
  if (options.model) {
    result.model = *options.model;
  } else {
    ASSIGN_OR_RETURN(EmResult fit, TrainModel(pattern_counts, u, stats, options));
    result.model = fit.model;
    stats.em_iterations = fit.iterations;
    stats.em_converged = fit.converged;
    stats.m_from_bsn_labels = fit.m_from_labels;
  }
  have_model = true;
  stage("model");

  // 5. Every candidate pair again: counted, and kept when it is an exact link or its probability
  //    reaches the floor. The non-CLK fields are compared first; when even the best CLK level could
  //    not lift the pair to the floor, the Dice coefficient (the costly part) is not computed.
  const PatternScorer scorer(result.model);
  // Term-frequency adjustment (term_frequency.h): empty, so nothing, without field encodings.
  const TermFrequencies frequencies = TermFrequencies::Count(encoded, options.term_frequency);
  for (int field = 0; field < kTermFrequencyFieldCount; ++field) {
    stats.term_frequency_values[field] = frequencies.DistinctValues(field);
  }
  const TermFrequencyScorer adjust(result.model, frequencies);
  constexpr int kClkField = static_cast<int>(ComparisonField::kClk);
  ClusteringOptions clustering = options.clustering;
  if (!options.model) {
    ModelThreshold chosen = ChooseLinkProbability(result.model, pattern_counts);
    stats.model_link_probability = chosen.link_probability;
    stats.model_expected_f1 = chosen.expected_f1;
    if (options.link_probability_from_model) clustering.link_probability = chosen.link_probability;
  }
  stats.link_probability = clustering.link_probability;
  float keep = static_cast<float>(std::min(options.keep_probability, clustering.link_probability));
  const float link = static_cast<float>(clustering.link_probability);
  struct Slot {
    std::vector<ScoredPair> pairs;
    std::vector<int64_t> per_pass;
    int64_t compared = 0, exact = 0, true_pairs = 0, without_dice = 0;
  };
  std::vector<size_t> all_chunks(chunks);
  std::iota(all_chunks.begin(), all_chunks.end(), size_t{0});
  std::vector<Slot> slots(chunks);
  for (Slot& slot : slots) slot.per_pass.assign(pass_count, 0);
  stats.pairs_compared = 0;
  const double kept_budget = options.max_kept_pairs_per_record > 0 ? options.max_kept_pairs_per_record * n : 0;
  const size_t kKeepBatch = std::max<size_t>(1, (options.keep_batch_records + kChunk - 1) / kChunk);
  size_t kept_so_far = 0;
  for (size_t done = 0; done < chunks; done += kKeepBatch) {
    const size_t batch = std::min(kKeepBatch, chunks - done);
    stream_pairs(std::span<const size_t>(all_chunks.data() + done, batch), [&](size_t index_in_batch, uint32_t a,
                                                                               uint32_t b, uint8_t found_by) {
      Slot& slot = slots[done + index_in_batch];
      ++slot.compared;
      ++slot.per_pass[found_by];
      if (!options.truth.empty()) slot.true_pairs += options.truth[a] == options.truth[b];
      bool exact = internal::IsExactLink(encoded, a, b);
      slot.exact += exact;
      if (!exact && keep > 0) {
        // CLK level 0 stands in for "some CLK level" (null when either CLK is missing: then it is final).
        // With field encodings on both records the CLK is no model field (comparison.h), so the bound is
        // the pattern's own weight. The CLK level does not change the fields that term frequencies adjust.
        Pattern without_clk = PatternIndex(internal::CompareEncoded(encoded, a, b, 1.0, options.comparison));
        const bool field_level = encoded.Fields(a) != nullptr && encoded.Fields(b) != nullptr;
        double best = (field_level ? scorer.Weight(without_clk) : scorer.BestWeightOver(without_clk, kClkField)) +
                      adjust.Adjustment(without_clk, a);
        if (ProbabilityFromWeight(best) < keep) {
          ++slot.without_dice;
          return;
        }
      }
      double dice;
      Pattern pattern = pattern_of(a, b, &dice);
      double weight = scorer.Weight(pattern) + adjust.Adjustment(pattern, a);
      float probability = exact ? 1.0f : static_cast<float>(ProbabilityFromWeight(weight));
      if (!exact && probability < keep) return;
      slot.pairs.push_back({a, b, static_cast<float>(dice), static_cast<float>(weight), probability, pattern, exact});
    });
    for (size_t slot = done; slot < done + batch; ++slot) {
      std::sort(slots[slot].pairs.begin(), slots[slot].pairs.end(),  // partners stream unsorted
                [](const ScoredPair& x, const ScoredPair& y) { return x.a != y.a ? x.a < y.a : x.b < y.b; });
      kept_so_far += slots[slot].pairs.size();
      stats.pairs_compared += slots[slot].compared;  // progress only: recounted below
    }
    stats.pairs_kept = static_cast<int64_t>(kept_so_far);
    stats.keep_floor = keep;
    if (done + batch < chunks && (done + batch) * kChunk / (1 << 20) != done * kChunk / (1 << 20)) {
      stage("keep");  // progress of long runs, every 2^20 records
    }
    if (kept_budget <= 0 || static_cast<double>(kept_so_far) <= kept_budget || keep >= link) continue;
    // Over the budget: raise the floor so that the kept pairs fill half of it.
    GreyPairs grey;
    int64_t must_keep = 0;
    for (size_t slot = 0; slot < done + batch; ++slot) {
      for (const ScoredPair& pair : slots[slot].pairs) {
        if (pair.exact || pair.probability >= link) {
          ++must_keep;
        } else {
          ++grey[pair.probability];
        }
      }
    }
    const float raised = RaisedKeepFloor(grey, kept_budget / 2 - static_cast<double>(must_keep), link);
    keep = std::min(std::max(raised, keep), link);
    ++stats.keep_floor_raises;
    kept_so_far = 0;
    for (size_t slot = 0; slot < done + batch; ++slot) {
      std::vector<ScoredPair>& pairs = slots[slot].pairs;
      std::erase_if(pairs, [&](const ScoredPair& pair) { return !pair.exact && pair.probability < keep; });
      pairs.shrink_to_fit();
      kept_so_far += pairs.size();
    }
  }
  stats.keep_floor = keep;
  owned_index.reset();  // the pairs are all streamed: the index goes before the kept pairs are gathered
  std::vector<CandidateIndex::Scratch>().swap(scratch);
  stats.pairs_compared = 0;
  stats.exact_pairs = 0;
  stats.pass_new_pairs.assign(pass_count, 0);
  if (!options.truth.empty()) stats.true_pairs_compared = 0;
  size_t kept = 0;
  for (const Slot& slot : slots) kept += slot.pairs.size();
  result.pairs.reserve(kept);
  for (Slot& slot : slots) {
    result.pairs.insert(result.pairs.end(), slot.pairs.begin(), slot.pairs.end());
    std::vector<ScoredPair>().swap(slot.pairs);
    stats.pairs_compared += slot.compared;
    stats.exact_pairs += slot.exact;
    stats.pairs_without_dice += slot.without_dice;
    for (size_t pass = 0; pass < pass_count; ++pass) stats.pass_new_pairs[pass] += slot.per_pass[pass];
    if (!options.truth.empty()) stats.true_pairs_compared += slot.true_pairs;
  }
  std::vector<Slot>().swap(slots);
  stats.reduction_ratio = 1.0 - static_cast<double>(stats.pairs_compared) / stats.all_pairs;
  stats.pairs_kept = static_cast<int64_t>(result.pairs.size());
  for (const ScoredPair& pair : result.pairs) stats.linked_pairs += pair.exact || pair.probability >= link;
  stats.seconds_comparing = SecondsSince(compare_start);
  stage("pairs");

  // 6. Persons and households.
  auto cluster_start = std::chrono::steady_clock::now();
  std::vector<ClusterEdge> edges;
  edges.reserve(static_cast<size_t>(stats.linked_pairs));
  for (const ScoredPair& pair : result.pairs) {
    if (pair.exact || pair.probability >= link)
      edges.push_back({pair.a, pair.b, pair.weight, pair.probability, pair.exact});
  }
  auto pair_probability = [&](uint32_t a, uint32_t b) -> double {
    if (internal::IsExactLink(encoded, a, b)) return 1.0;
    double dice = internal::EncodedDice(encoded, a, b);
    Pattern pattern = PatternIndex(internal::CompareEncoded(encoded, a, b, dice, options.comparison));
    return ProbabilityFromWeight(scorer.Weight(pattern) + adjust.Adjustment(pattern, a));
  };
  result.person = ClusterPersons(record_count, edges, pair_probability, encoded.bsn, clustering, &stats.clustering,
                                 options.initial_person);
  std::vector<uint32_t> home = encoded.household;  // addresses that are households (not placements)
  for (uint32_t record = 0; record < record_count; ++record) {
    if (encoded.stays_elsewhere[record]) home[record] = 0;
  }
  result.household = ClusterHouseholds(result.person, home);
  for (uint32_t record = 0; record < record_count; ++record) {
    stats.persons += result.person[record] == record;
    stats.households += result.household[record] == record;
  }
  stats.seconds_clustering = SecondsSince(cluster_start);
  stats.seconds_total = SecondsSince(start);
  stage("clusters");
  return result;
}

void SetLinkThreshold(std::optional<double> requested, bool every_record_has_field_encodings, LinkageOptions& options) {
  options.link_probability_from_model = requested ? *requested <= 0 : every_record_has_field_encodings;
  if (requested && *requested > 0) options.clustering.link_probability = *requested;
}

}  // namespace sz::linkage
