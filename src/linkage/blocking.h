// Blocking: which pairs of person-involvements get compared. Several passes, each putting records into
// blocks by a key; a pair is a candidate when the two records share a block in at least one pass
// (Christen 2012, "A survey of indexing techniques for scalable record linkage and deduplication").
// The union of passes keeps recall high while each pass stays small.
//
//   CandidateIndex index(encoded, BlockingOptions{}, /*cross_source_only=*/false);
//   CandidateIndex::Scratch scratch;                       // one per thread
//   std::vector<uint32_t> partners; std::vector<uint8_t> found_by;
//   index.Partners(record, record + 1, scratch, partners, &found_by);  // record's candidates > record (unsorted)
//
// The index holds the blocks, not the pairs: a caller streams the pairs record by record (the linker
// compares them as they come and keeps only the ones it needs), so memory grows with the records and
// block memberships, never with the candidate pairs. GenerateCandidatePairs materialises them all, for
// tests and small inputs:
//   CandidatePairs candidates = GenerateCandidatePairs(encoded, BlockingOptions{}, /*cross_source_only=*/false, 2);
//   candidates.pairs;                 // sorted, each (a << 32 | b) with a < b
//   candidates.new_pairs_per_pass;    // how many pairs each pass added beyond the passes before it
//
// Passes (BlockingOptions::Default):
//   kBsn            same BSN pseudonym
//   kName           same name+birth-date pseudonym
//   kHousehold      same household key
//   kYearSexWijk    birth year (±1: a record sits in the blocks of its year and the next) × sex × wijk;
//                   records missing any of these are not blocked in this pass (unknown sex joins both);
//                   dense blocks are refined by CLK bits (BlockingOptions::refine_above)
//   kClkBits        Hamming LSH on the CLK by bit sampling (Indyk & Motwani 1998; Karapiperis & Verykios
//                   2015 for Bloom filters): `tables` keys per record, each the values of `bits` filter
//                   positions drawn with a fixed seed. Two filters at Hamming distance d share a table's
//                   key with probability (1 - d/1024)^bits, so similar CLKs meet whatever their year,
//                   sex or wijk say — this pass catches recording errors in those fields.
//   kYearSexClkBits birth year × sex × a coarse bit-sampling key (`tables` × `bits`, few bits): people of
//                   the same year and sex whose CLKs are only moderately alike (typos in both names,
//                   a missing wijk) — the pairs a model that trusts year and sex may still link.
// Field-level passes (BlockingOptions::WithFieldLevel; they block only records with field encodings,
// privacy/field_encoder.h, so for records without them they cost nothing): the keyed tags of given name ×
// surname Soundex, surname × given-name Soundex (a name alone makes blocks as large as its frequency:
// on FEBRL dataset2 the two name tags alone added 88,000 pairs), birth date (and its day/month
// swap) × sex, id number, postcode × house number, street × house number × (locality, surname Soundex or given-name
// Soundex: a street name and house number alone recur in every town), and surname Soundex × birth year × sex (a record
// without a sex joins the blocks of both, so data without sex, such as FEBRL, blocks as without it). A pair escapes
// them all only when every one of those fields differs, and then the CLK passes may still catch it. Blocks beyond
// max_block_size (a common given name at national scale) are skipped as in every pass. Bit-sampling keys widen by one
// bit per doubling of the records beyond widen_from (EffectivePasses). Blocks larger than max_block_size are skipped
// (counted in oversized_blocks): a key shared by that many records carries no information and would cost quadratic
// work. Blocks of one record are not kept. Each table of a bit-sampling pass is sorted on its own (large tables by a
// radix sort), so building the index needs 32 bytes per record per table being built transiently and 8 bytes per kept
// block membership. Determinism: the result does not depend on the thread count. Checked in
// tests/linkage/blocking_test.cc and against all pairs in tests/linkage/linker_test.cc. Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "linkage/internal/encoded_records.h"

namespace sz::linkage {

enum class BlockingKind {
  kBsn,
  kName,
  kHousehold,
  kYearSexWijk,
  kClkBits,
  kYearSexClkBits,
  // Field-level passes (records with field encodings only; BlockingOptions::WithFieldLevel):
  kGivenName,      // same given-name tag and surname Soundex tag
  kSurname,        // same surname tag and given-name Soundex tag
  kBirthDate,      // same birth-date tag, or one's date is the other's with day and month swapped; same sex
  kIdNumber,       // same id-number tag
  kPostcodeHouse,  // same postcode tag and house-number tag
  kStreetHouse,    // same street tag and house-number tag, and same locality or either name's Soundex
  kPhoneticYear,   // same surname Soundex tag, birth year and sex
};

struct BlockingPass {
  BlockingKind kind = BlockingKind::kBsn;
  int tables = 0;  // kClkBits, kYearSexClkBits
  int bits = 0;    // kClkBits, kYearSexClkBits
  std::string Name() const;
};

struct BlockingOptions {
  std::vector<BlockingPass> passes = Default();
  size_t max_block_size = 2000;
  uint64_t seed = 0x5a3e2c1d;  // bit positions of kClkBits
  // Bit-sampling keys get one more bit per doubling of the number of records beyond `widen_from`
  // (rounded log2(n / widen_from)): random pairs then meet about half as often per doubling, which keeps
  // the pairs per record roughly constant instead of growing with n. 0 disables.
  size_t widen_from = 25000;
  // Dense year×sex×wijk blocks (more than refine_above records: a big-city wijk, or a population far
  // denser per wijk than the real one, such as the synthetic Netherlands on Twente's 88 wijken) are
  // refined instead of compared whole: `refine_tables` bit-sampling keys on the CLK, each of
  // ceil(log2(size / refine_target)) bits, split the block, and each sub-block is a block. Pairs in a
  // dense block then grow with its size, not its square; similar CLKs still share a sub-block in at
  // least one table (the LSH argument above). 0 disables.
  // A bit-sampling pass whose blocks would hold more than this many pairs of distinct CLKs per record
  // (Σ s(s−1)/2 over its tables' blocks minus the pairs of identical CLKs: an upper bound on the pairs
  // of different filters it adds) is built again with keys two bits wider, until it fits: at national
  // scale namesakes, not chance, fill the blocks, and widening by the number of records alone does not
  // keep the pairs per record in check. Pairs of identical CLKs (mostly one person's involvements) are
  // not counted: they share a key in every table however wide, so counting them would widen the keys
  // without end and cost the near matches their recall. 0 disables.
  size_t max_pairs_per_record = 400;
  // From this many records on, the width that fits max_pairs_per_record is first searched on a seeded
  // eighth of the records (the sample's bound × 64 estimates the whole), and only the chosen width is
  // built for all records: at national scale each try of a 32-table pass costs about a minute. 0: never.
  size_t sample_width_from = 1'000'000;
  size_t refine_above = 256;
  size_t refine_target = 64;
  int refine_tables = 4;

  static std::vector<BlockingPass> Default();
  // Default() followed by the field-level passes.
  static std::vector<BlockingPass> WithFieldLevel();
};

struct CandidatePairs {
  std::vector<uint64_t> pairs;              // sorted; (a << 32) | b with a < b
  std::vector<int64_t> new_pairs_per_pass;  // per pass, pairs not found by an earlier pass
  std::vector<int64_t> oversized_blocks;    // per pass, blocks skipped for their size
  std::vector<int64_t> refined_blocks;      // per pass, dense blocks split by CLK bits (refine_above)
};

inline uint32_t PairFirst(uint64_t pair) { return static_cast<uint32_t>(pair >> 32); }
inline uint32_t PairSecond(uint64_t pair) { return static_cast<uint32_t>(pair); }
inline uint64_t MakePair(uint32_t a, uint32_t b) { return a < b ? (uint64_t{a} << 32) | b : (uint64_t{b} << 32) | a; }

// The blocks of every pass, and for each record the blocks it sits in (CSR arrays).
class CandidateIndex {
 public:
  // Builds the blocks of the tables of each pass on `threads` threads (0: hardware concurrency); the
  // index does not depend on the thread count.
  CandidateIndex(const internal::EncodedRecords& records, const BlockingOptions& options, bool cross_source_only,
                 int threads = 1);

  // Per-thread work area of Partners (a mark per record).
  struct Scratch {
    std::vector<uint32_t> mark;
    uint32_t stamp = 0;
  };

  // The candidate partners of `record` with index ≥ min_partner (callers pass record + 1, or more to
  // skip pairs already linked), each once, in index order (by pass, then block, then member): fixed
  // for a given index, but not sorted — sorting every record's few hundred partners cost a tenth of the
  // linkage, and callers sort the few pairs they keep. found_by (optional): per partner, the index of
  // the first pass whose blocks hold both.
  void Partners(uint32_t record, uint32_t min_partner, Scratch& scratch, std::vector<uint32_t>& partners,
                std::vector<uint8_t>* found_by) const;

  const std::vector<BlockingPass>& passes() const { return passes_; }  // as built (widths after widening)
  const std::vector<int64_t>& oversized_blocks() const { return oversized_; }
  const std::vector<int64_t>& refined_blocks() const { return refined_; }  // per pass, see refine_above
  const std::vector<double>& pair_bounds() const { return pair_bound_; }   // per pass, Σ s(s−1)/2
  // Per pass, Σ s(s−1)/2 minus the pairs of identical CLKs (what max_pairs_per_record bounds).
  const std::vector<double>& distinct_pair_bounds() const { return distinct_pair_bound_; }
  const std::vector<int>& widenings() const { return widenings_; }  // per pass, rebuilds 2 bits wider
  size_t memberships() const;  // kept block memberships over all passes (index size)

 private:
  struct Pass {
    std::vector<uint32_t> block_start, members;         // members of each block, ascending
    std::vector<uint32_t> record_start, record_blocks;  // blocks of each record
  };
  const internal::EncodedRecords& records_;
  bool cross_source_only_;
  std::vector<BlockingPass> passes_;
  std::vector<Pass> index_;
  std::vector<int64_t> oversized_;
  std::vector<int64_t> refined_;
  std::vector<double> pair_bound_;
  std::vector<double> distinct_pair_bound_;
  std::vector<int> widenings_;
};

// The passes as run on `record_count` records (bit-sampling widths widened, see widen_from).
std::vector<BlockingPass> EffectivePasses(const BlockingOptions& options, size_t record_count);

// `cross_source_only`: only pairs of records from different sources (linking files, not deduplicating).
CandidatePairs GenerateCandidatePairs(const internal::EncodedRecords& records, const BlockingOptions& options,
                                      bool cross_source_only, int threads);

// The block keys of one record in one pass (empty: not blocked in this pass). For tests.
std::vector<uint64_t> BlockingKeys(const internal::EncodedRecords& records, uint32_t record, const BlockingPass& pass,
                                   uint64_t seed, int pass_index);

}  // namespace sz::linkage
