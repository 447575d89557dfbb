// Name pools for synthetic persons: Dutch given names by birth cohort and sex (with the roepnamen and
// nicknames Dutch desks write instead), surnames with tussenvoegsels, and pools for residents of
// Turkish, Moroccan, German, Polish and other origin. Includes names with diacritics (Zoë, Şahin).
//
// A pool is ranked, most common first, and names are drawn with a Zipf law with offset over the ranks
// (zipf.h), so frequencies fall off as in real name statistics instead of being uniform:
//   given names  60–100 real names per Dutch cohort (born < 1955, 1955–1974, 1975–2004, 2005+) and sex,
//                30–50 per other origin and sex; the most common name of the oldest Dutch cohort holds about
//                8%, of the youngest about 2%;
//   surnames     the real names of each origin first, then a generated tail of plausible names: Dutch 235,090
//                distinct names (Twente farm names, place names with tussenvoegsel, Frisian names,
//                patronymics), Turkish 6,012, Moroccan 5,010, Polish 5,008, German 3,510, other 2,510.
//                "de Jong" holds about 0.5% of Dutch persons, the ten most common about 3.5%.
// The laws and the shares they realise are in docs/synthetic-twente.md ("Persons and households") and are
// checked by tests/synth/names_test.cc.
//
//   size_t given = DrawGivenName(Origin::kNl, /*female=*/true, 1948, rng);
//   std::string_view name = GivenName(Origin::kNl, true, 1948, given);   // "Maria" most often
//   Surname surname = SurnameAt(Origin::kNl, DrawSurname(Origin::kNl, rng));
//
// Pools are built on first use (the surname tails take a few hundred milliseconds) and never change;
// every function is thread-safe and every returned string_view stays valid for the life of the process.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "synth/internal/rng.h"
#include "synth/internal/zipf.h"

namespace sz::synth::internal {

enum class Origin : uint8_t { kNl = 0, kTr, kMa, kDe, kPl, kOther };
inline constexpr int kOriginCount = 6;
Origin OriginFromName(std::string_view name);  // "nl", "tr", … ; unknown → kOther

struct Surname {
  std::string_view tussenvoegsel;  // "" or "van der", "de", "ter" …
  std::string_view name;           // "Berg", "Oude Nijhuis"
};

// Pool sizes and lookups; an index is a rank (0 = most common) and stable for a build. Lookups take the
// index modulo the pool size.
size_t GivenNameCount(Origin origin, bool female, int birth_year);
std::string_view GivenName(Origin origin, bool female, int birth_year, size_t index);
size_t SurnameCount(Origin origin);
size_t SurnameHeadCount(Origin origin);  // the real names at ranks 0 … head−1; generated ones after them
Surname SurnameAt(Origin origin, size_t index);

// The frequency laws over the ranks, and draws from them (one rng.Uniform() each).
const ZipfWithOffset& GivenNameLaw(Origin origin, bool female, int birth_year);
size_t DrawGivenName(Origin origin, bool female, int birth_year, Rng& rng);
const ZipfWithOffset& SurnameLaw(Origin origin);
size_t DrawSurname(Origin origin, Rng& rng);

// Informal forms of a formal given name ("Johannes" → {"Hans", "Jan", "Joop"}); empty if none.
std::vector<std::string_view> Nicknames(std::string_view given_name);

// Dutch street names for synthetic postcodes.
size_t StreetCount();
std::string_view StreetAt(size_t index);

// Removes diacritics from UTF-8 text (ë → e, Ş → S, ü → u); other text unchanged.
std::string StripDiacritics(std::string_view text);
bool HasDiacritics(std::string_view text);

}  // namespace sz::synth::internal
