// Comparison: how two person-involvements are compared — one comparison per field, each with a few
// ordered levels (level 0 = strongest agreement) and a null level when either side is missing, as in
// Splink's comparison-level design (Ministry of Justice, Splink 3 "comparisons and comparison levels").
// A null level carries no evidence (factor 1 in Fellegi–Sunter, fellegi_sunter.h).
//
//   ComparisonVector gamma = CompareRecords(record_a, record_b);   // e.g. {1, 0, 0, 2, -1}
//   uint16_t pattern = PatternIndex(gamma);                          // 0 .. kPatternCount-1
//
// Fields and levels (ComparisonSettings holds the Dice bands):
//   kClk       Dice similarity of the two CLKs: ≥0.95 / ≥0.90 / ≥0.80 / ≥0.70 / ≥0.60 / lower
//   kBirthYear exact / ±1 year / further apart
//   kSex       equal / different
//   kAddress   same household key / same wijk (other or unknown household) / different wijk
//              (household and wijk are one comparison because they are strongly dependent: a
//              shared address implies a shared wijk, which conditional independence cannot express)
//   kBsn       same BSN pseudonym / different BSN pseudonyms
// Checked in tests/linkage/comparison_test.cc. Thread safety: pure functions.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "linkage/link_record.h"

namespace sz::linkage {

enum class ComparisonField : int { kClk = 0, kBirthYear, kSex, kAddress, kBsn };
inline constexpr int kFieldCount = 5;
inline constexpr int kNullLevel = -1;

// Number of non-null levels of each field.
inline constexpr std::array<int, kFieldCount> kLevelCount = {6, 3, 2, 3, 2};
// Mixed-radix pattern space: (levels + null) per field.
inline constexpr int kPatternCount = 7 * 4 * 3 * 4 * 3;

struct ComparisonSettings {
  // Lower bounds of the Dice bands for CLK levels 0..4 (level 5: below the last bound). Descending.
  std::array<double, 5> dice_bounds = {0.95, 0.90, 0.80, 0.70, 0.60};
};

struct ComparisonVector {
  std::array<int8_t, kFieldCount> level{};  // kNullLevel or 0..kLevelCount-1
  bool operator==(const ComparisonVector&) const = default;
};

std::string_view FieldName(ComparisonField field);
// Human-readable label of a level, e.g. "dice >= 0.90" or "+-1 year".
std::string LevelLabel(ComparisonField field, int level, const ComparisonSettings& settings = {});

// The CLK level of a Dice coefficient (kNullLevel when `has_both` is false).
int DiceLevel(double dice, bool has_both, const ComparisonSettings& settings);

// Compares two records field by field (the definition; the linker uses an equivalent columnar form).
ComparisonVector CompareRecords(const LinkRecord& a, const LinkRecord& b, const ComparisonSettings& settings = {});

uint16_t PatternIndex(const ComparisonVector& gamma);
ComparisonVector PatternVector(uint16_t pattern);

}  // namespace sz::linkage
