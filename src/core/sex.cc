#include "core/sex.h"

#include <string>

namespace sz {

std::string_view SexName(Sex sex) {
  switch (sex) {
    case Sex::kMan: return "man";
    case Sex::kVrouw: return "vrouw";
    case Sex::kUnknown:
    case Sex::kOther: return "onbekend";
  }
  return "onbekend";
}

const std::vector<std::pair<std::string_view, Sex>>& SexSpellings() {
  static const std::vector<std::pair<std::string_view, Sex>> spellings = {
      {"man", Sex::kMan},          {"m", Sex::kMan},        {"male", Sex::kMan},
      {"mannelijk", Sex::kMan},    {"jongen", Sex::kMan},   {"vrouw", Sex::kVrouw},
      {"v", Sex::kVrouw},          {"f", Sex::kVrouw},      {"female", Sex::kVrouw},
      {"vrouwelijk", Sex::kVrouw}, {"meisje", Sex::kVrouw}, {"onbekend", Sex::kUnknown},
      {"o", Sex::kUnknown},        {"u", Sex::kUnknown},    {"x", Sex::kOther},
      {"anders", Sex::kOther},     {"overig", Sex::kOther}, {"non-binair", Sex::kOther},
      {"divers", Sex::kOther},
  };
  return spellings;
}

std::optional<Sex> ParseSex(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty()) return Sex::kUnknown;
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  for (const auto& [spelling, sex] : SexSpellings()) {
    if (lower == spelling) return sex;
  }
  return std::nullopt;
}

}  // namespace sz
