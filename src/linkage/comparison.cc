#include "linkage/comparison.h"

#include <cstdio>
#include <cstdlib>
#include <span>

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

constexpr std::array<int, kFieldCount> kShift = [] {
  std::array<int, kFieldCount> shift{};
  int total = 0;
  for (int field = kFieldCount - 1; field >= 0; --field) {
    shift[field] = total;
    total += kPatternBits[field];
  }
  return shift;
}();
static_assert(kShift[0] + kPatternBits[0] == 32, "a pattern is 32 bits");

// One record's field encodings as the comparison reads them, over a LinkRecord's FieldEncodings or
// over the ids and tables of RecordColumns. Key(field) and the other keys are 0 when missing, and two
// records' keys of the same kind are equal exactly when their tags are; Tag(field) is the keyed tag
// itself, for comparing one text field with another (swapped names: the id spaces differ).
class EncodingsView {
 public:
  explicit EncodingsView(const privacy::FieldEncodings& fields) : fields_(fields) {}
  uint64_t Key(privacy::TextField field) const { return fields_.Text(field).exact; }
  uint64_t Tag(privacy::TextField field) const { return fields_.Text(field).exact; }
  const privacy::FieldFilterWords& Filter(privacy::TextField field) const { return fields_.Text(field).bits; }
  uint64_t HouseNumber() const { return fields_.house_number; }
  uint64_t Date() const { return fields_.date; }
  uint64_t DateSwapped() const { return fields_.date_swapped; }
  uint64_t YearMonth() const { return fields_.year_month; }
  uint64_t YearDay() const { return fields_.year_day; }
  uint64_t MonthDay() const { return fields_.month_day; }

 private:
  const privacy::FieldEncodings& fields_;
};

class ColumnsView {
 public:
  ColumnsView(const RecordColumns& columns, const FieldIds& ids) : columns_(columns), ids_(ids) {}
  uint32_t Key(privacy::TextField field) const { return ids_.Text(field); }
  uint64_t Tag(privacy::TextField field) const { return columns_.TextTag(field, ids_.Text(field)); }
  const privacy::FieldFilterWords& Filter(privacy::TextField field) const {
    return columns_.TextFilter(field, ids_.Text(field));
  }
  uint32_t HouseNumber() const { return ids_.house_number; }
  uint32_t Date() const { return ids_.date; }
  uint32_t DateSwapped() const { return ids_.date_swapped; }
  uint32_t YearMonth() const { return ids_.year_month; }
  uint32_t YearDay() const { return ids_.year_day; }
  uint32_t MonthDay() const { return ids_.month_day; }

 private:
  const RecordColumns& columns_;
  const FieldIds& ids_;
};

// Tag equal / Dice bands / different for text field field_a of a against field_b of b (kNullLevel when
// either is missing).
template <typename View>
int TextLevel(const View& a, privacy::TextField field_a, const View& b, privacy::TextField field_b,
              std::span<const double> bounds) {
  if (a.Key(field_a) == 0 || b.Key(field_b) == 0) return kNullLevel;
  const bool equal = field_a == field_b ? a.Key(field_a) == b.Key(field_b) : a.Tag(field_a) == b.Tag(field_b);
  if (equal) return 0;
  double dice = privacy::FieldDice(a.Filter(field_a), b.Filter(field_b));
  for (size_t band = 0; band < bounds.size(); ++band) {
    if (dice >= bounds[band]) return static_cast<int>(band) + 1;
  }
  return static_cast<int>(bounds.size()) + 1;
}

template <typename View>
int TextLevel(const View& a, const View& b, privacy::TextField field, std::span<const double> bounds) {
  return TextLevel(a, field, b, field, bounds);
}

template <typename View>
int BirthDateLevel(const View& a, const View& b, int year_a, int year_b) {
  if (a.Date() == 0 || b.Date() == 0) return kNullLevel;
  if (a.Date() == b.Date()) return 0;
  if (a.DateSwapped() != 0 && a.DateSwapped() == b.Date()) return kBirthDateSwapped;
  if (a.YearMonth() == b.YearMonth() || a.YearDay() == b.YearDay() || a.MonthDay() == b.MonthDay()) return 2;
  if (year_a != 0 && year_b != 0 && std::abs(year_a - year_b) <= 1) return 3;
  return 4;
}

// The levels that need both records' field encodings; clears the record-level ones they refine.
template <typename View>
void CompareFields(const View& a, const View& b, int year_a, int year_b, bool both_bsn,
                   const ComparisonSettings& settings, ComparisonVector& gamma) {
  using privacy::TextField;
  auto level = [&](ComparisonField field) -> int8_t& { return gamma.level[static_cast<int>(field)]; };
  auto set = [&](ComparisonField field, int value) { level(field) = static_cast<int8_t>(value); };
  const std::span<const double> names(settings.name_bounds);
  const double postcode[] = {settings.postcode_close};
  const double id[] = {settings.id_close};

  set(ComparisonField::kClk, kNullLevel);
  int given = TextLevel(a, b, TextField::kGivenName, names);
  int surname = TextLevel(a, b, TextField::kSurname, names);
  if (given == 3) given = 4;         // "different" is level 4: level 3 is the swap
  if (given >= 2 && surname >= 2) {  // neither name close: are they swapped?
    const double close[] = {settings.name_bounds[0]};
    int given_surname = TextLevel(a, TextField::kGivenName, b, TextField::kSurname, close);
    int surname_given = TextLevel(a, TextField::kSurname, b, TextField::kGivenName, close);
    if (given_surname != kNullLevel && given_surname <= 1 && surname_given != kNullLevel && surname_given <= 1) {
      given = kGivenNameSwapped;
      surname = kNullLevel;
    }
  }
  set(ComparisonField::kGivenName, given);
  set(ComparisonField::kSurname, surname);
  int date = BirthDateLevel(a, b, year_a, year_b);
  set(ComparisonField::kBirthDate, date);
  if (date != kNullLevel) set(ComparisonField::kBirthYear, kNullLevel);
  // The same household key is the whole address agreeing: it counts once, in kAddress, and the four
  // address fields (which would then all agree, strongly dependent) stay null. Otherwise they give
  // the fuzzy evidence (a typo, a move within the street or town) and replace kAddress's wijk levels.
  if (level(ComparisonField::kAddress) != 0) {
    int postcode_level = TextLevel(a, b, TextField::kPostcode, postcode);
    set(ComparisonField::kPostcode, postcode_level);
    int house = a.HouseNumber() == 0 || b.HouseNumber() == 0 ? kNullLevel : a.HouseNumber() == b.HouseNumber() ? 0 : 1;
    set(ComparisonField::kHouseNumber, house);
    if (postcode_level != kNullLevel || house != kNullLevel) set(ComparisonField::kAddress, kNullLevel);
    set(ComparisonField::kStreet, TextLevel(a, b, TextField::kStreet, names));
    set(ComparisonField::kLocality, TextLevel(a, b, TextField::kLocality, names));
  }
  set(ComparisonField::kIdNumber, both_bsn ? kNullLevel : TextLevel(a, b, TextField::kIdNumber, id));
}

}  // namespace

std::string_view FieldName(ComparisonField field) {
  switch (field) {
    case ComparisonField::kClk: return "clk";
    case ComparisonField::kBirthYear: return "birth_year";
    case ComparisonField::kSex: return "sex";
    case ComparisonField::kAddress: return "address";
    case ComparisonField::kBsn: return "bsn";
    case ComparisonField::kGivenName: return "given_name";
    case ComparisonField::kSurname: return "surname";
    case ComparisonField::kBirthDate: return "birth_date";
    case ComparisonField::kPostcode: return "postcode";
    case ComparisonField::kHouseNumber: return "house_no";
    case ComparisonField::kStreet: return "street";
    case ComparisonField::kLocality: return "locality";
    case ComparisonField::kIdNumber: return "id_number";
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
    case ComparisonField::kGivenName:
    case ComparisonField::kSurname:
    case ComparisonField::kStreet:
    case ComparisonField::kLocality: {
      if (field == ComparisonField::kGivenName && level == kGivenNameSwapped) return "swapped names";
      if (level == 0) return "same";
      char text[32];
      if (level <= 2) {
        std::snprintf(text, sizeof text, "dice >= %.2f", settings.name_bounds[level - 1]);
        return text;
      }
      return "different";
    }
    case ComparisonField::kBirthDate: {
      static constexpr const char* kLabels[] = {"same date", "day/month swapped", "2 of 3 parts", "+-1 year",
                                                "different"};
      return kLabels[level];
    }
    case ComparisonField::kPostcode:
    case ComparisonField::kIdNumber: {
      if (level == 0) return "same";
      if (level == 2) return "different";
      char text[32];
      std::snprintf(text, sizeof text, "dice >= %.2f",
                    field == ComparisonField::kPostcode ? settings.postcode_close : settings.id_close);
      return text;
    }
    case ComparisonField::kHouseNumber: return level == 0 ? "same" : "different";
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
  if (a.fields && b.fields) {
    CompareFields(EncodingsView(*a.fields), EncodingsView(*b.fields), a.birth_year, b.birth_year,
                  !a.bsn_pseudonym.empty() && !b.bsn_pseudonym.empty(), settings, gamma);
  }
  return gamma;
}

Pattern PatternIndex(const ComparisonVector& gamma) {
  Pattern pattern = 0;
  for (int field = 0; field < kFieldCount; ++field) {
    pattern |= static_cast<Pattern>(gamma.level[field] + 1) << kShift[field];
  }
  return pattern;
}

int PatternLevel(Pattern pattern, int field) {
  return static_cast<int>((pattern >> kShift[field]) & ((1u << kPatternBits[field]) - 1)) - 1;
}

Pattern WithLevel(Pattern pattern, int field, int level) {
  Pattern mask = ((1u << kPatternBits[field]) - 1) << kShift[field];
  return (pattern & ~mask) | (static_cast<Pattern>(level + 1) << kShift[field]);
}

ComparisonVector PatternVector(Pattern pattern) {
  ComparisonVector gamma;
  for (int field = 0; field < kFieldCount; ++field)
    gamma.level[field] = static_cast<int8_t>(PatternLevel(pattern, field));
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
  const FieldIds* fields_a = records.Fields(a);
  const FieldIds* fields_b = records.Fields(b);
  if (fields_a != nullptr && fields_b != nullptr) {
    CompareFields(ColumnsView(records, *fields_a), ColumnsView(records, *fields_b), records.birth_year[a],
                  records.birth_year[b], records.bsn[a] != 0 && records.bsn[b] != 0, settings, gamma);
  }
  return gamma;
}

}  // namespace internal
}  // namespace sz::linkage
