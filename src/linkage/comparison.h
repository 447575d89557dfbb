// Comparison: how two person-involvements are compared — one comparison per field, each with a few
// ordered levels (level 0 = strongest agreement) and a null level when either side is missing, as in
// Splink's comparison-level design (Ministry of Justice, Splink 3 "comparisons and comparison levels").
// A null level carries no evidence (factor 1 in Fellegi–Sunter, fellegi_sunter.h).
//
//   ComparisonVector gamma = CompareRecords(record_a, record_b);   // e.g. {1, 0, 0, 2, -1}
//   Pattern pattern = PatternIndex(gamma);                           // the levels packed in 32 bits
//
// Record-level fields (what the stored desk extracts carry) and their levels (ComparisonSettings holds
// the Dice bands):
//   kClk       Dice similarity of the two CLKs: ≥0.95 / ≥0.90 / ≥0.80 / ≥0.70 / ≥0.60 / lower
//   kBirthYear exact / ±1 year / further apart
//   kSex       equal / different
//   kAddress   same household key / same wijk (other or unknown household) / different wijk
//              (household and wijk are one comparison because they are strongly dependent: a
//              shared address implies a shared wijk, which conditional independence cannot express)
//   kBsn       same BSN pseudonym / different BSN pseudonyms
// Field-level fields, from the keyed field encodings (privacy/field_encoder.h; "tag" = keyed exact tag,
// Dice on the 512-bit field filters, bands in ComparisonSettings):
//   kGivenName  same tag / Dice ≥ name_bounds[0] / ≥ name_bounds[1] / swapped with the surname (each
//               name ≥ name_bounds[0] against the other's other name) / different
//   kSurname    same tag / ≥ name_bounds[0] / ≥ name_bounds[1] / different; null when the given names
//               are "swapped" (that level carries the evidence of both names)
//   kBirthDate  same date / day and month swapped / two of year, month, day agree / birth year ±1 /
//               different
//   kPostcode   same tag / Dice ≥ postcode_close / different
//   kHouseNumber same tag / different
//   kStreet, kLocality  same tag / ≥ name_bounds[0] / ≥ name_bounds[1] / different
//   kIdNumber   same tag / Dice ≥ id_close / different: the BSN column's digits, compared only when not
//               both records have a BSN pseudonym (then kBsn decides)
// No double counting: when both records carry field encodings, the record-level comparisons that the
// field-level ones refine are null — kClk (its name and birth-date parts are compared field by field;
// the CLK still serves blocking), kBirthYear (in kBirthDate) and kAddress (in postcode and house
// number; the household key still serves blocking and households) — so each piece of evidence counts
// once. Without field encodings on both sides every field-level field is null and the levels are those
// of the record-level fields alone, as before field-level encodings existed.
//
// A comparison pattern packs the levels of all fields into 32 bits (3 or 2 bits per field, level + 1);
// the pattern space is sparse (PatternCounts holds the patterns that occur).
// Checked in tests/linkage/comparison_test.cc. Thread safety: pure functions.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "linkage/link_record.h"

namespace sz::linkage {

enum class ComparisonField : int {
  kClk = 0,
  kBirthYear,
  kSex,
  kAddress,
  kBsn,
  kGivenName,
  kSurname,
  kBirthDate,
  kPostcode,
  kHouseNumber,
  kStreet,
  kLocality,
  kIdNumber
};
inline constexpr int kFieldCount = 13;
inline constexpr int kRecordFieldCount = 5;  // kClk .. kBsn: the record-level fields
inline constexpr int kNullLevel = -1;

// Number of non-null levels of each field.
inline constexpr std::array<int, kFieldCount> kLevelCount = {6, 3, 2, 3, 2, 5, 4, 5, 3, 2, 4, 4, 3};
// Bits per field in a packed pattern (enough for level + 1, i.e. kLevelCount + 1 values); 32 in all.
inline constexpr std::array<int, kFieldCount> kPatternBits = {3, 2, 2, 2, 2, 3, 3, 3, 2, 2, 3, 3, 2};

// Named levels used outside comparison.cc.
inline constexpr int kGivenNameSwapped = 3;
inline constexpr int kBirthDateSwapped = 1;

using Pattern = uint32_t;
// Pairs per comparison pattern: only the patterns that occur, in pattern order.
using PatternCounts = std::map<Pattern, double>;

struct ComparisonSettings {
  // Lower bounds of the Dice bands for CLK levels 0..4 (level 5: below the last bound). Descending.
  std::array<double, 5> dice_bounds = {0.95, 0.90, 0.80, 0.70, 0.60};
  // Field filters (512 bits, 6 bits per bigram): one edit in a name of 8 or more letters gives Dice
  // about 0.75–0.85, one edit in a shorter name or two edits about 0.55–0.7, unrelated names 0.1–0.3.
  std::array<double, 2> name_bounds = {0.75, 0.55};
  double postcode_close = 0.55;  // one digit of four differs: 0.6
  double id_close = 0.6;         // one digit of seven differs: 0.75, two neighbours swapped: 0.63
};

struct ComparisonVector {
  std::array<int8_t, kFieldCount> level = Null();  // kNullLevel or 0..kLevelCount-1
  bool operator==(const ComparisonVector&) const = default;
  static constexpr std::array<int8_t, kFieldCount> Null() {
    std::array<int8_t, kFieldCount> levels{};
    levels.fill(kNullLevel);
    return levels;
  }
};

std::string_view FieldName(ComparisonField field);
// Human-readable label of a level, e.g. "dice >= 0.90" or "+-1 year".
std::string LevelLabel(ComparisonField field, int level, const ComparisonSettings& settings = {});

// The CLK level of a Dice coefficient (kNullLevel when `has_both` is false).
int DiceLevel(double dice, bool has_both, const ComparisonSettings& settings);

// Compares two records field by field (the definition; the linker uses an equivalent columnar form).
ComparisonVector CompareRecords(const LinkRecord& a, const LinkRecord& b, const ComparisonSettings& settings = {});

Pattern PatternIndex(const ComparisonVector& gamma);
ComparisonVector PatternVector(Pattern pattern);
// The level of one field in a packed pattern (PatternVector(pattern).level[field], without unpacking all).
int PatternLevel(Pattern pattern, int field);
// The pattern with one field's level replaced.
Pattern WithLevel(Pattern pattern, int field, int level);

}  // namespace sz::linkage
