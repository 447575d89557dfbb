// RecordColumns: the LinkRecords of one linkage run in columnar form — every key interned to a small
// integer (0 = missing) and the CLKs back to back — so blocking and comparison touch only arrays
// (158 bytes per record, against about 600 for a LinkRecord with its strings). Field encodings add
// 57 bytes per record plus 72 per distinct value of each text field; held as FieldEncodings they took
// 497 bytes per record.
//
//   RecordColumnsBuilder builder;
//   for (...) builder.Add(record);          // records may be streamed: none needs to be kept
//   RecordColumns columns = std::move(builder).Finish();
//   ASSIGN_OR_RETURN(LinkageResult result, Link(std::move(columns), options));   // linker.h
//
// Encode(records) does the same for records held in a vector. Permute reorders the columns (the
// pipeline puts the records linked before first, linker.h "incremental linking").
// Ids are stable in order of first appearance, so the same records in the same order encode the same.
//
// Field encodings (privacy/field_encoder.h) are held as ids too: each keyed tag is interned per kind of
// tag (FieldIds), so equal ids mean equal tags and comparing or blocking on ids gives what comparing or
// blocking on the tags gives. The 64-byte filter of a text field is kept once per distinct tag of that
// field, in a table indexed by the id (TextFilter): the desk makes a field's tag and filter from the
// same normalised value under fixed keys, so one tag always comes with one filter. Should a record
// break that (a damaged or forged extract, or two values whose 63-bit tags collide), the first record's
// filter is kept and the disagreement is counted in `filter_conflicts`. RecordColumnsTest.FieldIds…
// (tests/linkage/record_columns_test.cc) checks that the columns compare exactly as the encodings do.
// Thread safety: values; the builder is not thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "linkage/link_record.h"
#include "privacy/field_encoder.h"

namespace sz::linkage {

// One record's field encodings (privacy::FieldEncodings) with every tag replaced by its interned id
// (0 = missing). Each kind of tag has its own id space — each text field's exact tag, house number, the
// two Soundex tags, year-month, year-day, month-day — except that date and date_swapped share one,
// because a record's swapped date is compared with another record's date. 56 bytes, side by side
// because a comparison reads them together.
struct FieldIds {
  std::array<uint32_t, privacy::kTextFieldCount> text{};  // exact tag of each text field (TextField order)
  uint32_t house_number = 0;
  uint32_t surname_phonetic = 0;
  uint32_t given_phonetic = 0;
  uint32_t date = 0;
  uint32_t date_swapped = 0;  // in date's id space
  uint32_t year_month = 0, year_day = 0, month_day = 0;

  uint32_t Text(privacy::TextField field) const { return text[static_cast<int>(field)]; }
  bool operator==(const FieldIds&) const = default;
};

struct RecordColumns {
  size_t size = 0;
  std::vector<uint32_t> source;          // interned source name (always present)
  std::vector<uint32_t> bsn;             // 0 = missing
  std::vector<uint32_t> name;            // 0 = missing
  std::vector<uint32_t> household;       // 0 = missing
  std::vector<uint32_t> wijk;            // 0 = missing
  std::vector<int32_t> birth_year;       // 0 = missing
  std::vector<uint8_t> sex;              // Sex as integer, 0 = unknown
  std::vector<uint8_t> stays_elsewhere;  // LinkRecord::stays_elsewhere
  std::vector<uint64_t> clk_words;       // kClkWords per record; zeros when missing
  std::vector<uint32_t> clk_popcount;    // 0 = missing (an empty filter carries no information)
  // Field-level encodings: empty when no record has them (no desk pseudonymised with
  // --veldcoderingen), else one FieldIds per record with has_fields telling which are real.
  std::vector<FieldIds> field_ids;
  std::vector<uint8_t> has_fields;
  // Per text field, indexed by that field's id: the tag and the filter of each distinct value (entry 0,
  // the missing value: tag 0 and an empty filter). Empty when field_ids is.
  std::array<std::vector<uint64_t>, privacy::kTextFieldCount> text_tags;
  std::array<std::vector<privacy::FieldFilterWords>, privacy::kTextFieldCount> text_filters;
  int64_t filter_conflicts = 0;  // text fields whose filter differed from the one kept for their tag

  const uint64_t* Clk(uint32_t record) const { return clk_words.data() + size_t{record} * kClkWords; }
  bool HasClk(uint32_t record) const { return clk_popcount[record] != 0; }
  // The record's field encodings as ids, or nullptr when it has none.
  const FieldIds* Fields(uint32_t record) const {
    return field_ids.empty() || !has_fields[record] ? nullptr : &field_ids[record];
  }
  // The keyed tag and the filter behind a text field's id (0: tag 0 and an empty filter).
  uint64_t TextTag(privacy::TextField field, uint32_t id) const { return text_tags[static_cast<int>(field)][id]; }
  const privacy::FieldFilterWords& TextFilter(privacy::TextField field, uint32_t id) const {
    return text_filters[static_cast<int>(field)][id];
  }
};

class RecordColumnsBuilder {
 public:
  RecordColumnsBuilder();
  ~RecordColumnsBuilder();
  RecordColumnsBuilder(RecordColumnsBuilder&&) noexcept;
  RecordColumnsBuilder& operator=(RecordColumnsBuilder&&) noexcept;

  void Reserve(size_t records);
  void Add(const LinkRecord& record);
  size_t size() const { return columns_.size; }
  RecordColumns Finish() &&;  // the interning tables are freed

 private:
  struct Interners;
  FieldIds InternFields(const privacy::FieldEncodings& fields);

  RecordColumns columns_;
  std::unique_ptr<Interners> interners_;
  bool with_fields_ = false;  // a record with field encodings was added
};

RecordColumns Encode(std::span<const LinkRecord> records);

// The columns of records order[0], order[1], …; `order` must be a permutation of [0, size).
RecordColumns Permute(const RecordColumns& columns, std::span<const uint32_t> order);

// An order of the records (a permutation of [0, size)) by birth year, sex and wijk, ties in record
// order. Linking records in this order is faster, not different in kind: the members of a
// year×sex×wijk block, and most of a year×sex×clk-lsh block's, then lie together in memory, so
// streaming their pairs stays in cache (step 5 twice as fast for the synthetic Twente). Results may
// differ slightly from another order (EM's chunk sample and clustering ties follow the order).
std::vector<uint32_t> LocalityOrder(const RecordColumns& columns);

}  // namespace sz::linkage
