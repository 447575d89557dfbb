// EncodedRecords: the LinkRecords of one linkage run in columnar form — every key interned to a small
// integer (0 = missing) and the CLKs back to back — so blocking and comparison touch only arrays.
// Internal to linkage.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "linkage/link_record.h"

namespace sz::linkage::internal {

struct EncodedRecords {
  size_t size = 0;
  std::vector<uint32_t> source;        // interned source name (always present)
  std::vector<uint32_t> bsn;           // 0 = missing
  std::vector<uint32_t> name;          // 0 = missing
  std::vector<uint32_t> household;     // 0 = missing
  std::vector<uint32_t> wijk;          // 0 = missing
  std::vector<int32_t> birth_year;     // 0 = missing
  std::vector<uint8_t> sex;            // Sex as integer, 0 = unknown
  std::vector<uint64_t> clk_words;     // kClkWords per record; zeros when missing
  std::vector<uint32_t> clk_popcount;  // 0 = missing (an empty filter carries no information)

  const uint64_t* Clk(uint32_t record) const { return clk_words.data() + size_t{record} * kClkWords; }
  bool HasClk(uint32_t record) const { return clk_popcount[record] != 0; }
};

EncodedRecords Encode(std::span<const LinkRecord> records);

}  // namespace sz::linkage::internal
