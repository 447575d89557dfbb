#include "linkage/record_columns.h"

#include <algorithm>
#include <numeric>
#include <string>
#include <tuple>
#include <unordered_map>

namespace sz::linkage {
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

template <typename T>
std::vector<T> Gather(const std::vector<T>& values, std::span<const uint32_t> order) {
  std::vector<T> out;
  out.reserve(order.size());
  for (uint32_t index : order) out.push_back(values[index]);
  return out;
}

}  // namespace

struct RecordColumnsBuilder::Interners {
  Interner sources, bsns, names, households, wijken;
};

RecordColumnsBuilder::RecordColumnsBuilder() : interners_(std::make_unique<Interners>()) {}
RecordColumnsBuilder::~RecordColumnsBuilder() = default;
RecordColumnsBuilder::RecordColumnsBuilder(RecordColumnsBuilder&&) noexcept = default;
RecordColumnsBuilder& RecordColumnsBuilder::operator=(RecordColumnsBuilder&&) noexcept = default;

void RecordColumnsBuilder::Reserve(size_t records) {
  RecordColumns& out = columns_;
  out.source.reserve(records);
  out.bsn.reserve(records);
  out.name.reserve(records);
  out.household.reserve(records);
  out.wijk.reserve(records);
  out.birth_year.reserve(records);
  out.sex.reserve(records);
  out.stays_elsewhere.reserve(records);
  out.clk_words.reserve(records * kClkWords);
  out.clk_popcount.reserve(records);
}

void RecordColumnsBuilder::Add(const LinkRecord& record) {
  RecordColumns& out = columns_;
  Interners& ids = *interners_;
  out.source.push_back(ids.sources.Id(record.source.empty() ? std::string("-") : record.source));
  out.bsn.push_back(ids.bsns.Id(record.bsn_pseudonym));
  out.name.push_back(ids.names.Id(record.name_pseudonym));
  out.household.push_back(ids.households.Id(record.household_pseudonym));
  out.wijk.push_back(ids.wijken.Id(record.wijk));
  out.birth_year.push_back(record.birth_year);
  out.sex.push_back(static_cast<uint8_t>(record.sex));
  out.stays_elsewhere.push_back(record.stays_elsewhere ? 1 : 0);
  uint32_t popcount = 0;
  for (size_t word = 0; word < kClkWords; ++word) {
    uint64_t bits = record.clk ? (*record.clk)[word] : 0;
    out.clk_words.push_back(bits);
    popcount += static_cast<uint32_t>(__builtin_popcountll(bits));
  }
  out.clk_popcount.push_back(popcount);
  if (record.fields && !with_fields_) {  // the first record with field encodings
    with_fields_ = true;
    out.fields.resize(out.size);
    out.has_fields.resize(out.size, 0);
  }
  if (with_fields_) {
    out.fields.push_back(record.fields.value_or(privacy::FieldEncodings{}));
    out.has_fields.push_back(record.fields ? 1 : 0);
  }
  ++out.size;
}

RecordColumns RecordColumnsBuilder::Finish() && {
  interners_.reset();
  columns_.clk_words.shrink_to_fit();
  return std::move(columns_);
}

RecordColumns Encode(std::span<const LinkRecord> records) {
  RecordColumnsBuilder builder;
  builder.Reserve(records.size());
  for (const LinkRecord& record : records) builder.Add(record);
  return std::move(builder).Finish();
}

RecordColumns Permute(const RecordColumns& columns, std::span<const uint32_t> order) {
  RecordColumns out;
  out.size = order.size();
  out.source = Gather(columns.source, order);
  out.bsn = Gather(columns.bsn, order);
  out.name = Gather(columns.name, order);
  out.household = Gather(columns.household, order);
  out.wijk = Gather(columns.wijk, order);
  out.birth_year = Gather(columns.birth_year, order);
  out.sex = Gather(columns.sex, order);
  out.stays_elsewhere = Gather(columns.stays_elsewhere, order);
  out.clk_popcount = Gather(columns.clk_popcount, order);
  if (!columns.fields.empty()) {
    out.fields = Gather(columns.fields, order);
    out.has_fields = Gather(columns.has_fields, order);
  }
  out.clk_words.reserve(order.size() * kClkWords);
  for (uint32_t index : order) {
    const uint64_t* words = columns.Clk(index);
    out.clk_words.insert(out.clk_words.end(), words, words + kClkWords);
  }
  return out;
}

std::vector<uint32_t> LocalityOrder(const RecordColumns& columns) {
  std::vector<uint32_t> order(columns.size);
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
    return std::tie(columns.birth_year[x], columns.sex[x], columns.wijk[x]) <
           std::tie(columns.birth_year[y], columns.sex[y], columns.wijk[y]);
  });
  return order;
}

}  // namespace sz::linkage
