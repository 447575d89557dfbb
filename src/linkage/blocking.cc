#include "linkage/blocking.h"

#include <algorithm>
#include <cmath>
#include <limits>

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

void KeysOf(const internal::EncodedRecords& records, uint32_t record, const BlockingPass& pass, int pass_index,
            const std::vector<std::vector<uint16_t>>& positions, std::vector<uint64_t>& keys) {
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
    case BlockingKind::kClkBits:
    case BlockingKind::kYearSexClkBits: {
      if (!records.HasClk(record)) break;
      uint64_t base = pass_seed;
      if (pass.kind == BlockingKind::kYearSexClkBits) {
        if (records.birth_year[record] == 0) break;
        base = Combine(base, static_cast<uint64_t>(records.birth_year[record]));
      }
      const uint64_t* words = records.Clk(record);
      for (int sex : {1, 2}) {
        if (pass.kind == BlockingKind::kClkBits && sex == 2) break;
        if (pass.kind == BlockingKind::kYearSexClkBits && records.sex[record] != 0 && records.sex[record] != sex)
          continue;
        uint64_t sex_base = pass.kind == BlockingKind::kClkBits ? base : Combine(base, static_cast<uint64_t>(sex));
        for (size_t table = 0; table < positions.size(); ++table) {
          uint64_t pattern = 0;
          for (uint16_t position : positions[table]) {
            pattern = (pattern << 1) | ((words[position >> 6] >> (position & 63)) & 1);
          }
          keys.push_back(Combine(Combine(sex_base, table), pattern));
        }
      }
      break;
    }
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
}

// One pass's blocks in CSR form, and for each record the blocks it sits in.
struct PassIndex {
  std::vector<uint32_t> block_start, members;
  std::vector<uint32_t> record_start, record_blocks;
  int64_t oversized = 0;
};

PassIndex BuildPass(const internal::EncodedRecords& records, const BlockingPass& pass, int pass_index,
                    const BlockingOptions& options) {
  std::vector<std::vector<uint16_t>> positions;
  if (pass.kind == BlockingKind::kClkBits || pass.kind == BlockingKind::kYearSexClkBits)
    positions = SampleBitPositions(pass, options.seed, pass_index);
  std::vector<std::pair<uint64_t, uint32_t>> entries;
  std::vector<uint64_t> keys;
  for (uint32_t record = 0; record < records.size; ++record) {
    KeysOf(records, record, pass, pass_index, positions, keys);
    for (uint64_t key : keys) entries.emplace_back(key, record);
  }
  std::sort(entries.begin(), entries.end());
  PassIndex index;
  std::vector<std::pair<uint32_t, uint32_t>> record_block;  // (record, block)
  for (size_t begin = 0; begin < entries.size();) {
    size_t end = begin;
    while (end < entries.size() && entries[end].first == entries[begin].first) ++end;
    size_t block_size = end - begin;
    if (block_size > options.max_block_size) {
      ++index.oversized;
    } else if (block_size > 1) {
      auto block = static_cast<uint32_t>(index.block_start.size());
      index.block_start.push_back(static_cast<uint32_t>(index.members.size()));
      for (size_t entry = begin; entry < end; ++entry) {
        index.members.push_back(entries[entry].second);  // ascending: entries sorted by (key, record)
        record_block.emplace_back(entries[entry].second, block);
      }
    }
    begin = end;
  }
  index.block_start.push_back(static_cast<uint32_t>(index.members.size()));
  std::sort(record_block.begin(), record_block.end());
  index.record_start.assign(records.size + 1, 0);
  for (const auto& [record, block] : record_block) ++index.record_start[record + 1];
  for (size_t record = 0; record < records.size; ++record) index.record_start[record + 1] += index.record_start[record];
  index.record_blocks.reserve(record_block.size());
  for (const auto& [record, block] : record_block) index.record_blocks.push_back(block);
  return index;
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

std::vector<uint64_t> BlockingKeys(const internal::EncodedRecords& records, uint32_t record, const BlockingPass& pass,
                                   uint64_t seed, int pass_index) {
  std::vector<std::vector<uint16_t>> positions;
  if (pass.kind == BlockingKind::kClkBits || pass.kind == BlockingKind::kYearSexClkBits)
    positions = SampleBitPositions(pass, seed, pass_index);
  std::vector<uint64_t> keys;
  KeysOf(records, record, pass, pass_index, positions, keys);
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

CandidatePairs GenerateCandidatePairs(const internal::EncodedRecords& records, const BlockingOptions& options,
                                      bool cross_source_only, int threads) {
  const std::vector<BlockingPass> effective = EffectivePasses(options, records.size);
  const size_t pass_count = effective.size();
  std::vector<PassIndex> passes;
  passes.reserve(pass_count);
  for (size_t pass = 0; pass < pass_count; ++pass) {
    passes.push_back(BuildPass(records, effective[pass], static_cast<int>(pass), options));
  }

  threads = internal::ThreadCount(threads);
  constexpr size_t kChunk = 512;
  size_t chunks = (records.size + kChunk - 1) / kChunk;
  std::vector<std::vector<uint64_t>> chunk_pairs(chunks);
  std::vector<std::vector<int64_t>> chunk_counts(chunks, std::vector<int64_t>(pass_count, 0));
  std::vector<std::vector<uint32_t>> marks(threads);
  internal::ParallelChunks(records.size, kChunk, threads, [&](size_t chunk, size_t begin, size_t end, int worker) {
    std::vector<uint32_t>& mark = marks[worker];
    if (mark.empty()) mark.assign(records.size, std::numeric_limits<uint32_t>::max());
    std::vector<uint64_t>& out = chunk_pairs[chunk];
    for (size_t first = begin; first < end; ++first) {
      auto record = static_cast<uint32_t>(first);
      size_t record_begin = out.size();
      for (size_t pass = 0; pass < pass_count; ++pass) {
        const PassIndex& index = passes[pass];
        for (uint32_t slot = index.record_start[record]; slot < index.record_start[record + 1]; ++slot) {
          uint32_t block = index.record_blocks[slot];
          const uint32_t* block_begin = index.members.data() + index.block_start[block];
          const uint32_t* block_end = index.members.data() + index.block_start[block + 1];
          for (const uint32_t* other = std::upper_bound(block_begin, block_end, record); other != block_end; ++other) {
            if (mark[*other] == record) continue;
            mark[*other] = record;
            if (cross_source_only && records.source[*other] == records.source[record]) continue;
            out.push_back(MakePair(record, *other));
            ++chunk_counts[chunk][pass];
          }
        }
      }
      std::sort(out.begin() + static_cast<std::ptrdiff_t>(record_begin), out.end());
    }
  });

  CandidatePairs result;
  result.new_pairs_per_pass.assign(pass_count, 0);
  result.oversized_blocks.assign(pass_count, 0);
  size_t total = 0;
  for (const auto& pairs : chunk_pairs) total += pairs.size();
  result.pairs.reserve(total);
  for (size_t chunk = 0; chunk < chunks; ++chunk) {
    result.pairs.insert(result.pairs.end(), chunk_pairs[chunk].begin(), chunk_pairs[chunk].end());
    for (size_t pass = 0; pass < pass_count; ++pass) result.new_pairs_per_pass[pass] += chunk_counts[chunk][pass];
    std::vector<uint64_t>().swap(chunk_pairs[chunk]);
  }
  for (size_t pass = 0; pass < pass_count; ++pass) result.oversized_blocks[pass] = passes[pass].oversized;
  return result;
}

}  // namespace sz::linkage
