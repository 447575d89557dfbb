// Name pools for synthetic persons: Dutch given names by birth cohort and sex (with the roepnamen and
// nicknames Dutch desks write instead), surnames with tussenvoegsels, and pools for residents of
// Turkish, Moroccan, German, Polish and other origin. Includes names with diacritics (Zoë, Şahin).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sz::synth::internal {

enum class Origin : uint8_t { kNl = 0, kTr, kMa, kDe, kPl, kOther };
inline constexpr int kOriginCount = 6;
Origin OriginFromName(std::string_view name);  // "nl", "tr", … ; unknown → kOther

struct Surname {
  std::string_view tussenvoegsel;  // "" or "van der", "de", "ter" …
  std::string_view name;           // "Berg", "Oude Nijhuis"
};

// Pool sizes and lookups; indices are stable for a build.
size_t GivenNameCount(Origin origin, bool female, int birth_year);
std::string_view GivenName(Origin origin, bool female, int birth_year, size_t index);
size_t SurnameCount(Origin origin);
Surname SurnameAt(Origin origin, size_t index);

// Informal forms of a formal given name ("Johannes" → {"Hans", "Jan", "Joop"}); empty if none.
std::vector<std::string_view> Nicknames(std::string_view given_name);

// Dutch street names for synthetic postcodes.
size_t StreetCount();
std::string_view StreetAt(size_t index);

// Removes diacritics from UTF-8 text (ë → e, Ş → S, ü → u); other text unchanged.
std::string StripDiacritics(std::string_view text);
bool HasDiacritics(std::string_view text);

}  // namespace sz::synth::internal
