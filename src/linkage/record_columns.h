// RecordColumns: the LinkRecords of one linkage run in columnar form — every key interned to a small
// integer (0 = missing) and the CLKs back to back — so blocking and comparison touch only arrays
// (about 160 bytes per record, against about 600 for a LinkRecord with its strings).
//
//   RecordColumnsBuilder builder;
//   for (...) builder.Add(record);          // records may be streamed: none needs to be kept
//   RecordColumns columns = std::move(builder).Finish();
//   ASSIGN_OR_RETURN(LinkageResult result, Link(std::move(columns), options));   // linker.h
//
// Encode(records) does the same for records held in a vector. Permute reorders the columns (the
// pipeline puts the records linked before first, linker.h "incremental linking").
// Ids are stable in order of first appearance, so the same records in the same order encode the same.
// Thread safety: values; the builder is not thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "linkage/link_record.h"

namespace sz::linkage {

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
  // Field-level encodings: empty when no record has them (the stored path), else one per record with
  // has_fields telling which are real.
  std::vector<privacy::FieldEncodings> fields;
  std::vector<uint8_t> has_fields;

  const uint64_t* Clk(uint32_t record) const { return clk_words.data() + size_t{record} * kClkWords; }
  bool HasClk(uint32_t record) const { return clk_popcount[record] != 0; }
  // The record's field encodings, or nullptr.
  const privacy::FieldEncodings* Fields(uint32_t record) const {
    return fields.empty() || !has_fields[record] ? nullptr : &fields[record];
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
