#include "linkage/internal/encoded_records.h"

#include <string>
#include <unordered_map>

namespace sz::linkage::internal {
namespace {

class Interner {
 public:
  // 0 for the empty string, else a stable id from 1 in order of first appearance.
  uint32_t Id(const std::string& value) {
    if (value.empty()) return 0;
    auto [it, inserted] = ids_.try_emplace(value, static_cast<uint32_t>(ids_.size() + 1));
    return it->second;
  }

 private:
  std::unordered_map<std::string, uint32_t> ids_;
};

}  // namespace

EncodedRecords Encode(std::span<const LinkRecord> records) {
  EncodedRecords out;
  out.size = records.size();
  out.source.resize(out.size);
  out.bsn.resize(out.size);
  out.name.resize(out.size);
  out.household.resize(out.size);
  out.wijk.resize(out.size);
  out.birth_year.resize(out.size);
  out.sex.resize(out.size);
  out.clk_words.assign(out.size * kClkWords, 0);
  out.clk_popcount.assign(out.size, 0);
  Interner sources, bsns, names, households, wijken;
  for (size_t idx = 0; idx < records.size(); ++idx) {
    const LinkRecord& record = records[idx];
    out.source[idx] = sources.Id(record.source.empty() ? std::string("-") : record.source);
    out.bsn[idx] = bsns.Id(record.bsn_pseudonym);
    out.name[idx] = names.Id(record.name_pseudonym);
    out.household[idx] = households.Id(record.household_pseudonym);
    out.wijk[idx] = wijken.Id(record.wijk);
    out.birth_year[idx] = record.birth_year;
    out.sex[idx] = static_cast<uint8_t>(record.sex);
    if (record.clk) {
      uint32_t popcount = 0;
      for (size_t word = 0; word < kClkWords; ++word) {
        out.clk_words[idx * kClkWords + word] = (*record.clk)[word];
        popcount += static_cast<uint32_t>(__builtin_popcountll((*record.clk)[word]));
      }
      out.clk_popcount[idx] = popcount;
    }
  }
  return out;
}

}  // namespace sz::linkage::internal
