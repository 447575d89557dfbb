// Linker: the whole linkage of a set of person-involvements — blocking, comparison, Fellegi–Sunter
// with u from random pairs, m by EM (or from BSN-labelled pairs) and lambda by EM, scoring every
// candidate pair, clustering into persons
// and households. This is the entry point; the other headers are its stages.
//
//   std::vector<LinkRecord> records = ...;               // e.g. via ExtractRowReader (link_record.h)
//   ASSIGN_OR_RETURN(LinkageResult result, Link(records, LinkageOptions{}));
//   result.person[i];       // person id of records[i] (the smallest record index of its cluster)
//   result.household[i];    // household id of records[i]
//   for (const ScoredPair& pair : result.pairs) ... // compared pairs with probability ≥ keep_probability
//
// Steps:
// 1. Encode (intern keys, CLKs back to back) and build the blocking index (blocking.h).
// 2. u-probabilities from `u_sample_pairs` random pairs drawn with `seed` (EstimateU, em.h).
// 3. Stream candidate pairs (comparison.h) on `threads` threads and count comparison patterns; no pair
//    is kept, so memory does not grow with the pairs compared. Beyond em_sample_pairs candidates, EM
//    learns from the pairs of a seeded random sample of record chunks (counts scaled to all chunks):
//    50 M pairs pin the pattern shares far below any difference that matters, and larger linkages then
//    pay for one comparison per pair, not two.
// 4. The model, u fixed. m by EM (FitEm, em.h) in Splink-style training sessions, because one EM over
//    all candidates lets the "match" class absorb relatives: members of one household share surname,
//    address and wijk, and EM then learns that a match may well differ in birth year. So:
//    a. m for every field but birth year and birth date by EM over the candidate pairs with the same
//       birth year, or a birth date agreeing in two of its three parts (birth year and date held out:
//       relatives rarely share them, so the latent class is the person);
//    b. m for birth year by EM over the candidate pairs with Dice ≥ the second band (CLK held out);
//    c. with field encodings (comparison.h), m for birth date by EM over the candidate pairs whose
//       given name and surname are both at least close, or swapped (names held out);
//    (in a–c u is estimated too, starting from the random-pair u, because the non-matches among
//    candidate pairs are not like random pairs — blocking made them similar — and a fixed u lets EM
//    explain them with a spurious "match" class; only m is kept from a session).
//    Or, with min_bsn_labelled_pairs > 0 and at least that many counted pairs with agreeing BSN
//    pseudonyms, m from those labelled matches (EstimateMFromMatches, em.h; Splink's
//    estimate_m_from_label_column): their levels of every other field are m; m for the BSN
//    from pairs with Dice ≥ the first band and the same birth year, sex and household.
//    Then, either way, lambda alone by EM over all candidate pairs with m and u fixed; lambda is the
//    prior over all pairs (dedupe: n(n-1)/2; link mode: pairs across sources), pairs left out by
//    blocking counting as non-matches. train_in_sessions = false: one EM for m and lambda over all
//    candidates.
// 5. Stream all candidate pairs again and keep those that are exact links (a BSN or name pseudonym
//    agrees: probability 1, flag `exact`, whatever the model says) or have probability ≥
//    keep_probability, with weight and probability. The cheap fields are compared first; the Dice
//    coefficient is skipped when no CLK level could lift the pair to the floor. With field encodings
//    the weight of a pair that agrees exactly on given name, surname or birth date is adjusted by that
//    value's frequency among the records (term_frequency.h, options.term_frequency), in this pass and
//    in clustering's cross pairs alike; EM and the model's threshold (ChooseLinkProbability) work on
//    the unadjusted patterns. Streaming twice costs less than holding every pair (28 bytes each; 231 M
//    pairs for the synthetic Twente). Record chunks are streamed in batches; after a batch that leaves
//    more kept pairs than max_kept_pairs_per_record allows, the floor rises (deterministically: batches
//    run in record order).
// 6. Persons by constrained clustering, households from household keys plus persons (clustering.h).
//    The blocking index is freed first.
//
// Incremental linking (pipeline/link.h): with `first_new` > 0 the records [0, first_new) were linked
// before. Only pairs with at least one record ≥ first_new are compared, `model` must be given (no EM:
// new records are scored with the model the earlier records were), and `initial_person` holds the
// earlier person labels of [0, first_new), which clustering starts from. Existing persons are never
// split; a new record joins or bridges them under the same anti-chaining rule.
// Results are deterministic for given records and options, whatever the thread count.
// Errors: kInvalidArgument for more than 2^32-1 records, first_new > 0 without a model or with
// initial_person not of size first_new; kFailedPrecondition when there are fewer
// than 2 records or no candidate pairs (EM has nothing to learn from).
// Checked in tests/linkage/linker_test.cc against a slow all-pairs reference linkage.
// Thread safety: Link may run concurrently on different inputs.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "linkage/blocking.h"
#include "linkage/clustering.h"
#include "linkage/comparison.h"
#include "linkage/em.h"
#include "linkage/fellegi_sunter.h"
#include "linkage/link_record.h"
#include "linkage/record_columns.h"
#include "linkage/term_frequency.h"

namespace sz::linkage {

enum class LinkMode {
  kDeduplicate,    // every pair of records may be the same person
  kAcrossSources,  // only pairs of records from different `source` values (linking files)
};

struct LinkageStats {
  int64_t records = 0;
  double all_pairs = 0;              // pairs the mode allows
  int64_t pairs_compared = 0;        // candidate pairs from blocking
  int64_t pairs_kept = 0;            // in LinkageResult::pairs
  int64_t pairs_without_dice = 0;    // step 5: dropped on the cheap fields alone (no CLK level could lift them)
  int64_t true_pairs_compared = -1;  // with options.truth: compared pairs of one entity (-1 without)
  int64_t block_memberships = 0;     // size of the blocking index
  double reduction_ratio = 0;        // 1 - pairs_compared / all_pairs
  std::vector<std::string> pass_names;
  std::vector<int64_t> pass_new_pairs;
  std::vector<int64_t> pass_oversized_blocks;
  std::vector<int64_t> pass_refined_blocks;
  std::vector<double> pass_pair_bounds;           // Σ s(s−1)/2 over each pass's blocks (before de-duplication)
  std::vector<double> pass_distinct_pair_bounds;  // the same without pairs of identical CLKs
  std::vector<int> pass_widenings;                // rebuilds 2 bits wider under max_pairs_per_record
  // Step 4: the link probability the fitted model would choose (ChooseLinkProbability, fellegi_sunter.h)
  // over the counted candidate pairs, and the F1 it expects there; used when
  // LinkageOptions::link_probability_from_model, else reported only. 0 with a given model.
  double model_link_probability = 0;
  double model_expected_f1 = 0;
  double link_probability = 0;  // the one used (options.clustering.link_probability or the model's)
  // Step 5: distinct tags counted per term-frequency field (kTermFrequencyFields: given name, surname,
  // birth date); all 0 when no pair was adjusted (no field encodings, or options.term_frequency off).
  std::array<int64_t, kTermFrequencyFieldCount> term_frequency_values{};
  double keep_floor = 0;  // step 5: the floor in force at the end (≥ keep_probability; see max_kept_pairs_per_record)
  int keep_floor_raises = 0;
  int64_t exact_pairs = 0;
  int64_t linked_pairs = 0;    // probability ≥ clustering.link_probability (incl. exact)
  double em_sample_share = 1;  // share of the record chunks whose candidate pairs EM counted
  int em_iterations = 0;
  bool em_converged = false;
  bool m_from_bsn_labels = false;  // step 4: m from BSN-labelled pairs (else EM sessions)
  int64_t persons = 0;
  int64_t households = 0;
  ClusteringStats clustering;
  double seconds_blocking = 0, seconds_comparing = 0, seconds_clustering = 0, seconds_total = 0;
};

struct LinkageOptions {
  LinkMode mode = LinkMode::kDeduplicate;
  BlockingOptions blocking;
  ComparisonSettings comparison;
  // Term-frequency adjustment of exact agreement on given name, surname and birth date (term_frequency.h);
  // on by default, effective only where records carry field encodings.
  TermFrequencyOptions term_frequency;
  EmOptions em;                        // total_pairs is set by the linker
  int64_t u_sample_pairs = 1'000'000;  // random pairs for u (all pairs if fewer)
  // Candidate pairs whose comparison patterns EM learns from (all candidates if fewer; see step 3).
  int64_t em_sample_pairs = 50'000'000;
  uint64_t seed = 20260101;
  bool train_in_sessions = true;
  // Step 4: m from BSN-labelled pairs when the counted candidate pairs hold at least this many with
  // agreeing BSN pseudonyms (CLI: link --m-from-bsn-labels uses 1,000). 0 (the default): the EM
  // sessions, which linked the synthetic Netherlands better (person F1 0.977 against 0.969; the same
  // 0.988 for Twente; docs/linkage.md "Estimation").
  int64_t min_bsn_labelled_pairs = 0;
  ClusteringOptions clustering;
  // Link at the probability the fitted model chooses (stats.model_link_probability, between 0.5 and
  // 0.99) instead of clustering.link_probability. Not with a given model (incremental runs keep the
  // threshold they were linked with).
  bool link_probability_from_model = false;
  int threads = 0;  // 0: hardware concurrency (at most 8)
  // Pairs kept in LinkageResult::pairs: exact links and pairs with probability ≥ this (capped at
  // clustering.link_probability). 0 keeps every compared pair (small inputs, tests).
  double keep_probability = 0;
  // Bound on the pairs kept in step 5, per record (28 bytes each): when the kept pairs outgrow
  // max_kept_pairs_per_record × records, the floor rises to the least probability that leaves at most
  // half of that (stats.keep_floor), and pairs below it are dropped; exact links and pairs at or above
  // clustering.link_probability are always kept. The result is then exactly the pairs at or above the
  // final floor, as if it had been asked for. At national scale the prior is so small that millions of
  // "same name, same year" pairs fall between 0.01 and 0.5; the bound keeps them from filling memory.
  // 0: no bound (the pipeline uses 8: about 5 per record are kept at 0.01 for the synthetic Twente).
  double max_kept_pairs_per_record = 0;
  // Records per batch of step 5 (rounded up to whole chunks of 256): the kept pairs are checked against
  // their bound after each batch, so they exceed it by at most one batch's worth.
  size_t keep_batch_records = 131'072;
  // Optional ground truth (a label per record, equal = same entity): fills stats.true_pairs_compared
  // while streaming, so pair completeness is known without keeping every pair.
  std::span<const uint32_t> truth;
  // Incremental linking (see above).
  uint32_t first_new = 0;
  std::optional<FellegiSunterModel> model;
  std::span<const uint32_t> initial_person;
  // Called on the calling thread after each stage ("index", "u", "em-sample", "model", "pairs",
  // "clusters", and "keep" as progress every ~1 M records of step 5) with the statistics so far and the model once it
  // is known (else nullptr): progress for long runs.
  std::function<void(std::string_view stage, const LinkageStats& stats, const FellegiSunterModel* model)> on_stage;
};

struct ScoredPair {
  uint32_t a = 0, b = 0;  // record indices, a < b
  float dice = 0;         // 0 when either CLK is missing
  float weight = 0;       // match weight (log2 odds, prior included; term-frequency adjusted)
  float probability = 0;  // 1 for exact links
  Pattern pattern = 0;    // comparison pattern (PatternVector gives the levels)
  bool exact = false;     // BSN or name+birth-date pseudonym agrees
};

struct LinkageResult {
  std::vector<ScoredPair> pairs;  // sorted by (a, b); see LinkageOptions::keep_probability
  FellegiSunterModel model;
  std::vector<uint32_t> person;     // per record
  std::vector<uint32_t> household;  // per record
  LinkageStats stats;
};

Result<LinkageResult> Link(std::span<const LinkRecord> records, const LinkageOptions& options = {});
// The same on records already in columns (record_columns.h), for callers that stream their records.
Result<LinkageResult> Link(RecordColumns records, const LinkageOptions& options = {});

// The link threshold a caller asks for (CLI: link and link-eval --threshold), set on `options`: a value
// above 0 is used as it is; 0 or below is the fitted model's choice (link_probability_from_model); none
// is the default, the model's choice when every record brings field encodings and otherwise
// clustering.link_probability (0.9). Without field encodings the model is over-confident and its choice
// linked worse (person F1 0.9919 against 0.9924 for Twente, 0.9884 against 0.9901 for the Netherlands);
// with them it linked as well or better (0.9939 against 0.9936, 0.9920 against 0.9915, FEBRL the same).
void SetLinkThreshold(std::optional<double> requested, bool every_record_has_field_encodings, LinkageOptions& options);

}  // namespace sz::linkage
