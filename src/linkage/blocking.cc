#include "linkage/blocking.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <span>

#include "linkage/internal/parallel.h"

namespace sz::linkage {
namespace {

uint64_t Mix(uint64_t value) {  // splitmix64 finaliser
  value += 0x9e3779b97f4a7c15ULL;
  value = (value ^ (value >> 30)) * 0xbf58476d1ce4e5b9ULL;
  value = (value ^ (value >> 27)) * 0x94d049bb133111ebULL;
  return value ^ (value >> 31);
}

uint64_t Combine(uint64_t seed, uint64_t value) { return Mix(seed ^ Mix(value)); }

// Bit positions of each table of a kClkBits pass: `bits` distinct positions per table.
std::vector<std::vector<uint16_t>> SampleBitPositions(const BlockingPass& pass, uint64_t seed, int pass_index) {
  std::vector<std::vector<uint16_t>> tables(pass.tables);
  uint64_t state = Combine(seed, 0x1000 + static_cast<uint64_t>(pass_index));
  for (int table = 0; table < pass.tables; ++table) {
    std::vector<uint16_t>& positions = tables[table];
    while (positions.size() < static_cast<size_t>(pass.bits)) {
      state = Mix(state);
      auto position = static_cast<uint16_t>(state % kClkBits);
      if (std::find(positions.begin(), positions.end(), position) == positions.end()) positions.push_back(position);
    }
  }
  return tables;
}

// The values of the filter bits at `positions`, as one number (a bit-sampling key).
uint64_t SampleBits(const uint64_t* words, const std::vector<uint16_t>& positions) {
  uint64_t pattern = 0;
  for (uint16_t position : positions) pattern = (pattern << 1) | ((words[position >> 6] >> (position & 63)) & 1);
  return pattern;
}

int TableCount(const BlockingPass& pass) {
  return pass.kind == BlockingKind::kClkBits || pass.kind == BlockingKind::kYearSexClkBits ? pass.tables : 1;
}

// The keys of one record in one table of a pass (table 0 for passes without tables), sorted, unique.
void KeysOfTable(const internal::EncodedRecords& records, uint32_t record, const BlockingPass& pass, int pass_index,
                 const std::vector<std::vector<uint16_t>>& positions, int table, std::vector<uint64_t>& keys) {
  keys.clear();
  uint64_t pass_seed = Mix(static_cast<uint64_t>(pass_index) + 1);
  switch (pass.kind) {
    case BlockingKind::kBsn:
      if (records.bsn[record] != 0) keys.push_back(Combine(pass_seed, records.bsn[record]));
      break;
    case BlockingKind::kName:
      if (records.name[record] != 0) keys.push_back(Combine(pass_seed, records.name[record]));
      break;
    case BlockingKind::kHousehold:
      if (records.household[record] != 0) keys.push_back(Combine(pass_seed, records.household[record]));
      break;
    case BlockingKind::kYearSexWijk: {
      int year = records.birth_year[record];
      uint32_t wijk = records.wijk[record];
      if (year == 0 || wijk == 0) break;
      for (int sex : {1, 2}) {
        if (records.sex[record] != 0 && records.sex[record] != sex) continue;
        for (int block_year : {year, year + 1}) {
          uint64_t key = Combine(pass_seed, static_cast<uint64_t>(block_year));
          key = Combine(key, static_cast<uint64_t>(sex));
          keys.push_back(Combine(key, wijk));
        }
      }
      break;
    }
    case BlockingKind::kGivenName:
    case BlockingKind::kSurname:
    case BlockingKind::kBirthDate:
    case BlockingKind::kIdNumber:
    case BlockingKind::kPostcodeHouse:
    case BlockingKind::kStreetHouse:
    case BlockingKind::kPhoneticYear: {
      // On the interned ids of the tags (record_columns.h): within a kind, equal ids are equal tags.
      const FieldIds* fields = records.Fields(record);
      if (fields == nullptr) break;
      using privacy::TextField;
      auto add = [&](uint64_t id) {
        if (id != 0) keys.push_back(Combine(pass_seed, id));
      };
      auto add_both = [&](uint64_t first, uint64_t second) {
        if (first != 0 && second != 0) keys.push_back(Combine(Combine(pass_seed, first), second));
      };
      // `id` crossed with the sex; a record without one joins both sexes' blocks (as kYearSexWijk).
      auto add_with_sex = [&](uint64_t id) {
        for (int sex : {1, 2}) {
          if (records.sex[record] == 0 || records.sex[record] == sex) add_both(id, static_cast<uint64_t>(sex));
        }
      };
      switch (pass.kind) {
        case BlockingKind::kGivenName: add_both(fields->Text(TextField::kGivenName), fields->surname_phonetic); break;
        case BlockingKind::kSurname: add_both(fields->Text(TextField::kSurname), fields->given_phonetic); break;
        case BlockingKind::kBirthDate:
          // One date is held by about 90 of 3 million desk records of two national years: crossed with
          // the sex, those blocks (a fifth of all pairs compared there) halve.
          add_with_sex(fields->date);
          add_with_sex(fields->date_swapped);
          break;
        case BlockingKind::kIdNumber: add(fields->Text(TextField::kIdNumber)); break;
        case BlockingKind::kPostcodeHouse: add_both(fields->Text(TextField::kPostcode), fields->house_number); break;
        case BlockingKind::kStreetHouse:
          // A street name and house number alone recur in every town ("Kerkstraat 1"): with the locality,
          // and (for a typo in the locality) with either name's Soundex. Each in its own id space, so
          // the kind is part of the key.
          if (uint64_t street = fields->Text(TextField::kStreet); street != 0) {
            const uint64_t with[] = {fields->Text(TextField::kLocality), fields->surname_phonetic,
                                     fields->given_phonetic};
            for (uint64_t kind = 0; kind < std::size(with); ++kind) {
              if (with[kind] != 0) add_both(Combine(Combine(street, kind), with[kind]), fields->house_number);
            }
          }
          break;
        case BlockingKind::kPhoneticYear:
          if (records.birth_year[record] != 0 && fields->surname_phonetic != 0) {
            add_with_sex(Combine(fields->surname_phonetic, static_cast<uint64_t>(records.birth_year[record])));
          }
          break;
        default: break;
      }
      break;
    }
    case BlockingKind::kClkBits:
    case BlockingKind::kYearSexClkBits: {
      if (!records.HasClk(record)) break;
      uint64_t base = pass_seed;
      if (pass.kind == BlockingKind::kYearSexClkBits) {
        if (records.birth_year[record] == 0) break;
        base = Combine(base, static_cast<uint64_t>(records.birth_year[record]));
      }
      const uint64_t pattern = SampleBits(records.Clk(record), positions[table]);
      for (int sex : {1, 2}) {
        if (pass.kind == BlockingKind::kClkBits && sex == 2) break;
        if (pass.kind == BlockingKind::kYearSexClkBits && records.sex[record] != 0 && records.sex[record] != sex)
          continue;
        uint64_t sex_base = pass.kind == BlockingKind::kClkBits ? base : Combine(base, static_cast<uint64_t>(sex));
        keys.push_back(Combine(Combine(sex_base, static_cast<uint64_t>(table)), pattern));
      }
      break;
    }
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
}

}  // namespace

std::string BlockingPass::Name() const {
  switch (kind) {
    case BlockingKind::kBsn: return "bsn";
    case BlockingKind::kName: return "name";
    case BlockingKind::kHousehold: return "household";
    case BlockingKind::kYearSexWijk: return "year+-1*sex*wijk";
    case BlockingKind::kClkBits: return "clk-lsh(" + std::to_string(tables) + "x" + std::to_string(bits) + ")";
    case BlockingKind::kYearSexClkBits:
      return "year*sex*clk-lsh(" + std::to_string(tables) + "x" + std::to_string(bits) + ")";
    case BlockingKind::kGivenName: return "given-name*surname-soundex";
    case BlockingKind::kSurname: return "surname*given-soundex";
    case BlockingKind::kBirthDate: return "birth-date*sex";
    case BlockingKind::kIdNumber: return "id-number";
    case BlockingKind::kPostcodeHouse: return "postcode*house-no";
    case BlockingKind::kStreetHouse: return "street*house-no*(locality|soundex)";
    case BlockingKind::kPhoneticYear: return "surname-soundex*year*sex";
  }
  return "?";
}

std::vector<BlockingPass> BlockingOptions::Default() {
  return {{BlockingKind::kBsn},
          {BlockingKind::kName},
          {BlockingKind::kHousehold},
          {BlockingKind::kYearSexWijk},
          {BlockingKind::kClkBits, /*tables=*/32, /*bits=*/24},
          {BlockingKind::kYearSexClkBits, /*tables=*/8, /*bits=*/8}};
}

std::vector<BlockingPass> BlockingOptions::WithFieldLevel() {
  std::vector<BlockingPass> passes = Default();
  for (BlockingKind kind :
       {BlockingKind::kGivenName, BlockingKind::kSurname, BlockingKind::kBirthDate, BlockingKind::kIdNumber,
        BlockingKind::kPostcodeHouse, BlockingKind::kStreetHouse, BlockingKind::kPhoneticYear}) {
    passes.push_back({kind});
  }
  return passes;
}

std::vector<uint64_t> BlockingKeys(const internal::EncodedRecords& records, uint32_t record, const BlockingPass& pass,
                                   uint64_t seed, int pass_index) {
  std::vector<std::vector<uint16_t>> positions;
  if (pass.kind == BlockingKind::kClkBits || pass.kind == BlockingKind::kYearSexClkBits)
    positions = SampleBitPositions(pass, seed, pass_index);
  std::vector<uint64_t> keys, table_keys;
  for (int table = 0; table < TableCount(pass); ++table) {
    KeysOfTable(records, record, pass, pass_index, positions, table, table_keys);
    keys.insert(keys.end(), table_keys.begin(), table_keys.end());
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

std::vector<BlockingPass> EffectivePasses(const BlockingOptions& options, size_t record_count) {
  int extra_bits = 0;
  if (options.widen_from > 0 && record_count > options.widen_from) {
    extra_bits = static_cast<int>(std::lround(std::log2(static_cast<double>(record_count) / options.widen_from)));
  }
  std::vector<BlockingPass> passes = options.passes;
  for (BlockingPass& pass : passes) {
    if (pass.kind == BlockingKind::kClkBits || pass.kind == BlockingKind::kYearSexClkBits) {
      pass.bits = std::min(pass.bits + extra_bits, 64);
    }
  }
  return passes;
}

namespace {

// The blocks of one table of one pass (block_start relative to its own members).
struct TableBlocks {
  std::vector<uint32_t> block_start, members;
  int64_t oversized = 0, refined = 0;
  double pair_bound = 0;           // Σ s(s-1)/2 over the kept blocks
  double distinct_pair_bound = 0;  // the same without pairs of identical CLKs
};

using Entry = std::pair<uint64_t, uint32_t>;  // (block key, record)

// Sorts entries by (key, record), as std::sort would, given that entries with equal keys arrive in
// ascending record order (they do: records are visited in order). Large inputs go through a stable
// LSD radix sort on the key, 16 bits per pass, which is several times faster than std::sort on the
// millions of entries of a national index; passes whose digit is the same for every entry are skipped.
void SortEntries(std::vector<Entry>& entries, std::vector<Entry>& buffer) {
  constexpr size_t kSmall = 1 << 14;
  if (entries.size() < kSmall) {
    std::sort(entries.begin(), entries.end());
    return;
  }
  constexpr int kDigits = 4;
  constexpr size_t kRadix = 1 << 16;
  std::vector<uint64_t> counts(kDigits * kRadix, 0);
  for (const Entry& entry : entries) {
    for (int digit = 0; digit < kDigits; ++digit) ++counts[digit * kRadix + ((entry.first >> (16 * digit)) & 0xffff)];
  }
  buffer.resize(entries.size());
  for (int digit = 0; digit < kDigits; ++digit) {
    uint64_t* count = counts.data() + digit * kRadix;
    if (std::find(count, count + kRadix, entries.size()) != count + kRadix) continue;  // one value: no-op
    uint64_t offset = 0;
    for (size_t value = 0; value < kRadix; ++value) {
      uint64_t here = count[value];
      count[value] = offset;
      offset += here;
    }
    for (const Entry& entry : entries) buffer[count[(entry.first >> (16 * digit)) & 0xffff]++] = entry;
    entries.swap(buffer);
  }
  std::vector<Entry>().swap(buffer);
}

// A hash of each record's CLK (0 without one): records with equal hashes have identical filters
// (up to 64-bit collisions, which only make the budget a little more lenient).
std::vector<uint64_t> ClkHashes(const internal::EncodedRecords& records) {
  std::vector<uint64_t> hashes(records.size, 0);
  for (uint32_t record = 0; record < records.size; ++record) {
    if (!records.HasClk(record)) continue;
    const uint64_t* words = records.Clk(record);
    uint64_t hash = 0x243f6a8885a308d3ULL;
    for (size_t word = 0; word < kClkWords; ++word) hash = Combine(hash, words[word]);
    hashes[record] = hash | 1;
  }
  return hashes;
}

// `subset` (ascending; empty: every record) restricts the table to those records.
TableBlocks BuildTable(const internal::EncodedRecords& records, const BlockingPass& pass, int pass_index,
                       const std::vector<std::vector<uint16_t>>& positions, int table, const BlockingOptions& options,
                       const std::vector<uint64_t>& clk_hash, std::span<const uint32_t> subset = {}) {
  TableBlocks out;
  std::vector<Entry> entries, sub_entries, buffer;
  std::vector<uint64_t> keys, block_hashes;
  const size_t count = subset.empty() ? records.size : subset.size();
  // Keys per record: 4 for year±1 × sex (2 × 2 with unknown sex, else 2), 1–2 for the others.
  entries.reserve(count * (pass.kind == BlockingKind::kYearSexWijk ? 2 : 1) + count / 8);
  for (size_t i = 0; i < count; ++i) {
    const auto record = subset.empty() ? static_cast<uint32_t>(i) : subset[i];
    KeysOfTable(records, record, pass, pass_index, positions, table, keys);
    for (uint64_t key : keys) entries.emplace_back(key, record);
  }
  SortEntries(entries, buffer);
  auto add_block = [&](auto first, auto last) {  // iterators over (key, record), records ascending
    double size = static_cast<double>(last - first);
    out.pair_bound += size * (size - 1) / 2;
    // Pairs of identical CLKs (one person's involvements) meet in every table whatever its width, so
    // they do not count against the budget: only distinct pairs shrink when keys widen.
    block_hashes.clear();
    for (auto entry = first; entry != last; ++entry) block_hashes.push_back(clk_hash[entry->second]);
    std::sort(block_hashes.begin(), block_hashes.end());
    double identical = 0;
    for (size_t run = 0; run < block_hashes.size();) {
      size_t run_end = run;
      while (run_end < block_hashes.size() && block_hashes[run_end] == block_hashes[run]) ++run_end;
      double count = static_cast<double>(run_end - run);
      if (block_hashes[run] != 0) identical += count * (count - 1) / 2;
      run = run_end;
    }
    out.distinct_pair_bound += size * (size - 1) / 2 - identical;
    out.block_start.push_back(static_cast<uint32_t>(out.members.size()));
    for (auto entry = first; entry != last; ++entry) out.members.push_back(entry->second);
  };
  for (size_t begin = 0; begin < entries.size();) {
    size_t end = begin;
    while (end < entries.size() && entries[end].first == entries[begin].first) ++end;
    size_t block_size = end - begin;
    if (pass.kind == BlockingKind::kYearSexWijk && options.refine_above > 0 && block_size > options.refine_above) {
      ++out.refined;
      // Bits so that even the all-zero sub-block (the largest: Bloom filters are mostly zeros) keeps
      // about refine_target records: (1 - q)^bits * size = target, q the block's share of set bits.
      double set_bits = 0, with_clk = 0;
      for (size_t entry = begin; entry < end; ++entry) {
        uint32_t record = entries[entry].second;
        if (records.HasClk(record)) {
          set_bits += records.clk_popcount[record];
          with_clk += 1;
        }
      }
      double q = std::clamp(with_clk > 0 ? set_bits / (with_clk * kClkBits) : 0.5, 0.05, 0.5);
      double target = static_cast<double>(std::max<size_t>(options.refine_target, 2));
      int bits = static_cast<int>(std::ceil(std::log(target / static_cast<double>(block_size)) / std::log(1 - q)));
      bits = std::clamp(bits, 1, 64);
      BlockingPass sampler{BlockingKind::kClkBits, options.refine_tables, bits};
      std::vector<std::vector<uint16_t>> refine_positions =
          SampleBitPositions(sampler, options.seed, 0x100 + pass_index * 64 + bits);
      for (const std::vector<uint16_t>& positions_of_table : refine_positions) {
        sub_entries.clear();
        for (size_t entry = begin; entry < end; ++entry) {
          uint32_t record = entries[entry].second;
          if (!records.HasClk(record)) continue;
          sub_entries.emplace_back(SampleBits(records.Clk(record), positions_of_table), record);
        }
        std::sort(sub_entries.begin(), sub_entries.end());
        for (size_t sub_begin = 0; sub_begin < sub_entries.size();) {
          size_t sub_end = sub_begin;
          while (sub_end < sub_entries.size() && sub_entries[sub_end].first == sub_entries[sub_begin].first) ++sub_end;
          if (sub_end - sub_begin > options.max_block_size) {
            ++out.oversized;
          } else if (sub_end - sub_begin > 1) {
            add_block(sub_entries.begin() + static_cast<std::ptrdiff_t>(sub_begin),
                      sub_entries.begin() + static_cast<std::ptrdiff_t>(sub_end));
          }
          sub_begin = sub_end;
        }
      }
    } else if (block_size > options.max_block_size) {
      ++out.oversized;
    } else if (block_size > 1) {
      add_block(entries.begin() + static_cast<std::ptrdiff_t>(begin),
                entries.begin() + static_cast<std::ptrdiff_t>(end));  // ascending: sorted by (key, record)
    }
    begin = end;
  }
  return out;
}

}  // namespace

CandidateIndex::CandidateIndex(const internal::EncodedRecords& records, const BlockingOptions& options,
                               bool cross_source_only, int threads)
    : records_(records), cross_source_only_(cross_source_only), passes_(EffectivePasses(options, records.size)) {
  index_.resize(passes_.size());
  oversized_.assign(passes_.size(), 0);
  refined_.assign(passes_.size(), 0);
  threads = internal::ThreadCount(threads);
  pair_bound_.assign(passes_.size(), 0);
  distinct_pair_bound_.assign(passes_.size(), 0);
  widenings_.assign(passes_.size(), 0);
  const std::vector<uint64_t> clk_hash = ClkHashes(records);
  const double budget = static_cast<double>(options.max_pairs_per_record) * static_cast<double>(records.size);
  for (size_t pass_index = 0; pass_index < passes_.size(); ++pass_index) {
    BlockingPass& pass = passes_[pass_index];
    Pass& index = index_[pass_index];
    const bool bit_sampling = pass.kind == BlockingKind::kClkBits || pass.kind == BlockingKind::kYearSexClkBits;
    // Table by table (keys of different tables never meet), tables in parallel: each sorts one entry
    // per record (two for records of unknown sex). `subset`: only those records (empty: all).
    auto build_tables = [&](const BlockingOptions& table_options, std::span<const uint32_t> subset) {
      std::vector<std::vector<uint16_t>> positions;
      if (bit_sampling) positions = SampleBitPositions(pass, options.seed, static_cast<int>(pass_index));
      std::vector<TableBlocks> built(static_cast<size_t>(TableCount(pass)));
      internal::ParallelChunks(built.size(), 1, threads, [&](size_t table, size_t, size_t, int) {
        built[table] = BuildTable(records, pass, static_cast<int>(pass_index), positions, static_cast<int>(table),
                                  table_options, clk_hash, subset);
      });
      return built;
    };
    auto distinct_bound = [](const std::vector<TableBlocks>& built) {
      double distinct = 0;
      for (const TableBlocks& table : built) distinct += table.distinct_pair_bound;
      return distinct;
    };
    const bool budgeted = bit_sampling && options.max_pairs_per_record > 0;
    if (budgeted && options.sample_width_from > 0 && records.size >= options.sample_width_from) {
      // Choose the width on a sample first: pairs of distinct CLKs among an eighth of the records are
      // about 1/64 of all, so the sample's bound × (n / sample)² estimates the full one at an eighth of
      // the cost per try. The full build below checks the estimate (and widens further if it fell short).
      std::vector<uint32_t> sample;
      for (uint32_t record = 0; record < records.size; ++record) {
        if (Combine(options.seed, record) % 8 == 0) sample.push_back(record);
      }
      const double share = static_cast<double>(sample.size()) / static_cast<double>(records.size);
      BlockingOptions sample_options = options;  // blocks too big for the whole are too big in the sample
      sample_options.max_block_size =
          std::max<size_t>(2, static_cast<size_t>(std::llround(static_cast<double>(options.max_block_size) * share)));
      while (share > 0 && pass.bits < 64 &&
             distinct_bound(build_tables(sample_options, sample)) / (share * share) > budget) {
        pass.bits = std::min(64, pass.bits + 2);
        ++widenings_[pass_index];
      }
    }
    // A bit-sampling pass whose blocks would hold more pairs of distinct CLKs than the budget is built
    // again with wider keys (max_pairs_per_record).
    std::vector<TableBlocks> tables;
    for (;;) {
      tables = build_tables(options, {});
      pair_bound_[pass_index] = 0;
      for (const TableBlocks& table : tables) pair_bound_[pass_index] += table.pair_bound;
      distinct_pair_bound_[pass_index] = distinct_bound(tables);
      if (!budgeted || distinct_pair_bound_[pass_index] <= budget || pass.bits >= 64) break;
      pass.bits = std::min(64, pass.bits + 2);
      ++widenings_[pass_index];
    }
    size_t members = 0, blocks = 0;
    for (const TableBlocks& table : tables) {
      members += table.members.size();
      blocks += table.block_start.size();
    }
    index.members.reserve(members);
    index.block_start.reserve(blocks + 1);
    for (TableBlocks& table : tables) {
      auto offset = static_cast<uint32_t>(index.members.size());
      for (uint32_t start : table.block_start) index.block_start.push_back(offset + start);
      index.members.insert(index.members.end(), table.members.begin(), table.members.end());
      oversized_[pass_index] += table.oversized;
      refined_[pass_index] += table.refined;
      table = TableBlocks{};
    }
    index.block_start.push_back(static_cast<uint32_t>(index.members.size()));
    index.members.shrink_to_fit();
    index.block_start.shrink_to_fit();
    // The blocks of each record, by counting (no sort, no pair buffer).
    index.record_start.assign(records.size + 1, 0);
    for (uint32_t member : index.members) ++index.record_start[member + 1];
    for (size_t record = 0; record < records.size; ++record)
      index.record_start[record + 1] += index.record_start[record];
    index.record_blocks.resize(index.members.size());
    std::vector<uint32_t> fill(index.record_start.begin(), index.record_start.end() - 1);
    for (uint32_t block = 0; block + 1 < index.block_start.size(); ++block) {
      for (uint32_t slot = index.block_start[block]; slot < index.block_start[block + 1]; ++slot) {
        index.record_blocks[fill[index.members[slot]]++] = block;
      }
    }
  }
}

size_t CandidateIndex::memberships() const {
  size_t total = 0;
  for (const Pass& pass : index_) total += pass.members.size();
  return total;
}

void CandidateIndex::Partners(uint32_t record, uint32_t min_partner, Scratch& scratch, std::vector<uint32_t>& partners,
                              std::vector<uint8_t>* found_by) const {
  partners.clear();
  if (found_by) found_by->clear();
  if (scratch.mark.size() != records_.size) {
    scratch.mark.assign(records_.size, 0);
    scratch.stamp = 0;
  }
  if (++scratch.stamp == 0) {  // wrapped: clear the marks once every 2^32 calls
    std::fill(scratch.mark.begin(), scratch.mark.end(), 0);
    scratch.stamp = 1;
  }
  const uint32_t stamp = scratch.stamp;
  for (size_t pass = 0; pass < index_.size(); ++pass) {
    const Pass& index = index_[pass];
    for (uint32_t slot = index.record_start[record]; slot < index.record_start[record + 1]; ++slot) {
      uint32_t block = index.record_blocks[slot];
      const uint32_t* block_begin = index.members.data() + index.block_start[block];
      const uint32_t* block_end = index.members.data() + index.block_start[block + 1];
      for (const uint32_t* other = std::lower_bound(block_begin, block_end, min_partner); other != block_end; ++other) {
        if (scratch.mark[*other] == stamp) continue;
        scratch.mark[*other] = stamp;
        if (cross_source_only_ && records_.source[*other] == records_.source[record]) continue;
        partners.push_back(*other);
        if (found_by) found_by->push_back(static_cast<uint8_t>(pass));
      }
    }
  }
}

CandidatePairs GenerateCandidatePairs(const internal::EncodedRecords& records, const BlockingOptions& options,
                                      bool cross_source_only, int threads) {
  CandidateIndex index(records, options, cross_source_only, threads);
  const size_t pass_count = index.passes().size();
  threads = internal::ThreadCount(threads);
  constexpr size_t kChunk = 512;
  size_t chunks = (records.size + kChunk - 1) / kChunk;
  std::vector<std::vector<uint64_t>> chunk_pairs(chunks);
  std::vector<std::vector<int64_t>> chunk_counts(chunks, std::vector<int64_t>(pass_count, 0));
  std::vector<CandidateIndex::Scratch> scratch(threads);
  internal::ParallelChunks(records.size, kChunk, threads, [&](size_t chunk, size_t begin, size_t end, int worker) {
    std::vector<uint32_t> partners;
    std::vector<uint8_t> found_by;
    for (size_t first = begin; first < end; ++first) {
      auto record = static_cast<uint32_t>(first);
      index.Partners(record, record + 1, scratch[worker], partners, &found_by);
      for (size_t i = 0; i < partners.size(); ++i) {
        chunk_pairs[chunk].push_back(MakePair(record, partners[i]));
        ++chunk_counts[chunk][found_by[i]];
      }
    }
    std::sort(chunk_pairs[chunk].begin(), chunk_pairs[chunk].end());
  });

  CandidatePairs result;
  result.new_pairs_per_pass.assign(pass_count, 0);
  size_t total = 0;
  for (const auto& pairs : chunk_pairs) total += pairs.size();
  result.pairs.reserve(total);
  for (size_t chunk = 0; chunk < chunks; ++chunk) {
    result.pairs.insert(result.pairs.end(), chunk_pairs[chunk].begin(), chunk_pairs[chunk].end());
    for (size_t pass = 0; pass < pass_count; ++pass) result.new_pairs_per_pass[pass] += chunk_counts[chunk][pass];
    std::vector<uint64_t>().swap(chunk_pairs[chunk]);
  }
  result.oversized_blocks = index.oversized_blocks();
  result.refined_blocks = index.refined_blocks();
  return result;
}

}  // namespace sz::linkage
