#include "linkage/comparison.h"

#include <cstdio>
#include <cstdlib>

#include "linkage/internal/compare.h"
#include "privacy/dice.h"

namespace sz::linkage {
namespace {

int YearLevel(int year_a, int year_b) {
  if (year_a == 0 || year_b == 0) return kNullLevel;
  int distance = std::abs(year_a - year_b);
  return distance == 0 ? 0 : distance == 1 ? 1 : 2;
}

int SexLevel(int sex_a, int sex_b) {
  if (sex_a == 0 || sex_b == 0) return kNullLevel;
  return sex_a == sex_b ? 0 : 1;
}

// Keys are "" / 0 when missing; works for both strings and interned ids.
template <typename Key>
int AddressLevel(const Key& household_a, const Key& household_b, const Key& wijk_a, const Key& wijk_b,
                 const Key& missing) {
  if (household_a != missing && household_a == household_b) return 0;
  if (wijk_a == missing || wijk_b == missing) return kNullLevel;
  return wijk_a == wijk_b ? 1 : 2;
}

template <typename Key>
int KeyLevel(const Key& a, const Key& b, const Key& missing) {
  if (a == missing || b == missing) return kNullLevel;
  return a == b ? 0 : 1;
}

constexpr std::array<int, kFieldCount> kRadix = {7, 4, 3, 4, 3};

}  // namespace

std::string_view FieldName(ComparisonField field) {
  switch (field) {
    case ComparisonField::kClk: return "clk";
    case ComparisonField::kBirthYear: return "birth_year";
    case ComparisonField::kSex: return "sex";
    case ComparisonField::kAddress: return "address";
    case ComparisonField::kBsn: return "bsn";
  }
  return "?";
}

std::string LevelLabel(ComparisonField field, int level, const ComparisonSettings& settings) {
  if (level == kNullLevel) return "missing";
  switch (field) {
    case ComparisonField::kClk: {
      char text[32];
      if (level < 5) {
        std::snprintf(text, sizeof text, "dice >= %.2f", settings.dice_bounds[level]);
      } else {
        std::snprintf(text, sizeof text, "dice < %.2f", settings.dice_bounds[4]);
      }
      return text;
    }
    case ComparisonField::kBirthYear: return level == 0 ? "same year" : level == 1 ? "+-1 year" : "further apart";
    case ComparisonField::kSex: return level == 0 ? "same" : "different";
    case ComparisonField::kAddress: return level == 0 ? "same household" : level == 1 ? "same wijk" : "different wijk";
    case ComparisonField::kBsn: return level == 0 ? "same" : "different";
  }
  return "?";
}

int DiceLevel(double dice, bool has_both, const ComparisonSettings& settings) {
  if (!has_both) return kNullLevel;
  for (int level = 0; level < 5; ++level) {
    if (dice >= settings.dice_bounds[level]) return level;
  }
  return 5;
}

ComparisonVector CompareRecords(const LinkRecord& a, const LinkRecord& b, const ComparisonSettings& settings) {
  ComparisonVector gamma;
  bool has_both = a.clk.has_value() && b.clk.has_value();
  double dice = 0;
  if (has_both) {
    uint32_t popcount_a = privacy::Popcount1024(a.clk->data()), popcount_b = privacy::Popcount1024(b.clk->data());
    has_both = popcount_a != 0 && popcount_b != 0;
    float score = 0;
    privacy::Dice1024Batch(a.clk->data(), popcount_a, b.clk->data(), &popcount_b, 1, &score);
    dice = score;
  }
  gamma.level[0] = static_cast<int8_t>(DiceLevel(dice, has_both, settings));
  gamma.level[1] = static_cast<int8_t>(YearLevel(a.birth_year, b.birth_year));
  gamma.level[2] = static_cast<int8_t>(SexLevel(static_cast<int>(a.sex), static_cast<int>(b.sex)));
  const std::string missing;
  gamma.level[3] =
      static_cast<int8_t>(AddressLevel(a.household_pseudonym, b.household_pseudonym, a.wijk, b.wijk, missing));
  gamma.level[4] = static_cast<int8_t>(KeyLevel(a.bsn_pseudonym, b.bsn_pseudonym, missing));
  return gamma;
}

uint16_t PatternIndex(const ComparisonVector& gamma) {
  int index = 0;
  for (int field = 0; field < kFieldCount; ++field) index = index * kRadix[field] + (gamma.level[field] + 1);
  return static_cast<uint16_t>(index);
}

ComparisonVector PatternVector(uint16_t pattern) {
  ComparisonVector gamma;
  int rest = pattern;
  for (int field = kFieldCount - 1; field >= 0; --field) {
    gamma.level[field] = static_cast<int8_t>(rest % kRadix[field] - 1);
    rest /= kRadix[field];
  }
  return gamma;
}

namespace internal {

double EncodedDice(const EncodedRecords& records, uint32_t a, uint32_t b) {
  if (!records.HasClk(a) || !records.HasClk(b)) return 0.0;
  // The batch entry point with one filter: it dispatches to the fastest popcount the CPU has.
  float score = 0;
  privacy::Dice1024Batch(records.Clk(a), records.clk_popcount[a], records.Clk(b), &records.clk_popcount[b], 1, &score);
  return score;
}

ComparisonVector CompareEncoded(const EncodedRecords& records, uint32_t a, uint32_t b, double dice,
                                const ComparisonSettings& settings) {
  ComparisonVector gamma;
  gamma.level[0] = static_cast<int8_t>(DiceLevel(dice, records.HasClk(a) && records.HasClk(b), settings));
  gamma.level[1] = static_cast<int8_t>(YearLevel(records.birth_year[a], records.birth_year[b]));
  gamma.level[2] = static_cast<int8_t>(SexLevel(records.sex[a], records.sex[b]));
  gamma.level[3] = static_cast<int8_t>(
      AddressLevel(records.household[a], records.household[b], records.wijk[a], records.wijk[b], uint32_t{0}));
  gamma.level[4] = static_cast<int8_t>(KeyLevel(records.bsn[a], records.bsn[b], uint32_t{0}));
  return gamma;
}

}  // namespace internal
}  // namespace sz::linkage
