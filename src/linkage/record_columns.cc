#include "linkage/record_columns.h"

#include <algorithm>
#include <array>
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

class TagInterner {
 public:
  // 0 for the tag 0 (missing), else a stable id from 1 in order of first appearance; `inserted` tells
  // whether the tag was new.
  uint32_t Id(uint64_t tag, bool* inserted = nullptr) {
    if (tag == 0) {
      if (inserted != nullptr) *inserted = false;
      return 0;
    }
    auto [it, is_new] = ids_.try_emplace(tag, static_cast<uint32_t>(ids_.size() + 1));
    if (inserted != nullptr) *inserted = is_new;
    return it->second;
  }

 private:
  std::unordered_map<uint64_t, uint32_t> ids_;
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
  // Field tags, one id space per kind (FieldIds); `dates` holds date and date_swapped.
  std::array<TagInterner, privacy::kTextFieldCount> text;
  TagInterner house_numbers, surname_phonetics, given_phonetics, dates, year_months, year_days, month_days;
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
    out.field_ids.reserve(std::max(out.source.capacity(), out.size + 1));
    out.has_fields.reserve(std::max(out.source.capacity(), out.size + 1));
    out.field_ids.resize(out.size);
    out.has_fields.resize(out.size, 0);
    for (int field = 0; field < privacy::kTextFieldCount; ++field) {
      out.text_tags[field].assign(1, 0);  // id 0: missing
      out.text_filters[field].assign(1, privacy::FieldFilterWords{});
    }
  }
  if (with_fields_) {
    out.field_ids.push_back(record.fields ? InternFields(*record.fields) : FieldIds{});
    out.has_fields.push_back(record.fields ? 1 : 0);
  }
  ++out.size;
}

static_assert(sizeof(FieldIds) == 56, "the bytes per record in record_columns.h");

FieldIds RecordColumnsBuilder::InternFields(const privacy::FieldEncodings& fields) {
  RecordColumns& out = columns_;
  Interners& ids = *interners_;
  FieldIds row;
  for (int field = 0; field < privacy::kTextFieldCount; ++field) {
    const privacy::FieldFilter& text = fields.text[field];
    bool inserted = false;
    uint32_t id = ids.text[field].Id(text.exact, &inserted);
    if (inserted) {
      out.text_tags[field].push_back(text.exact);
      out.text_filters[field].push_back(text.bits);
    } else if (id != 0 && out.text_filters[field][id] != text.bits) {
      ++out.filter_conflicts;  // the same tag with another filter: keep the first (record_columns.h)
    }
    row.text[field] = id;
  }
  row.house_number = ids.house_numbers.Id(fields.house_number);
  row.surname_phonetic = ids.surname_phonetics.Id(fields.surname_phonetic);
  row.given_phonetic = ids.given_phonetics.Id(fields.given_phonetic);
  row.date = ids.dates.Id(fields.date);
  row.date_swapped = ids.dates.Id(fields.date_swapped);
  row.year_month = ids.year_months.Id(fields.year_month);
  row.year_day = ids.year_days.Id(fields.year_day);
  row.month_day = ids.month_days.Id(fields.month_day);
  return row;
}

RecordColumns RecordColumnsBuilder::Finish() && {
  interners_.reset();
  columns_.clk_words.shrink_to_fit();
  for (int field = 0; field < privacy::kTextFieldCount; ++field) {
    columns_.text_tags[field].shrink_to_fit();
    columns_.text_filters[field].shrink_to_fit();
  }
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
  if (!columns.field_ids.empty()) {  // ids keep their meaning: the tables come along unchanged
    out.field_ids = Gather(columns.field_ids, order);
    out.has_fields = Gather(columns.has_fields, order);
    out.text_tags = columns.text_tags;
    out.text_filters = columns.text_filters;
    out.filter_conflicts = columns.filter_conflicts;
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
