// Sex: the one vocabulary for a person's sex in every module. The source contracts store "man",
// "vrouw" or "onbekend"; desks and outside data write it in many ways, all of which ParseSex knows.
//
//   ParseSex("V")           // Sex::kVrouw
//   ParseSex(" Mannelijk ") // Sex::kMan
//   ParseSex("x")           // Sex::kOther (stored as "onbekend": the contracts have no fourth value)
//   SexName(Sex::kMan)      // "man"
//
// Thread safety: pure functions over constant tables.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace sz {

enum class Sex : uint8_t { kUnknown = 0, kMan = 1, kVrouw = 2, kOther = 3 };

// The stored spelling: "man", "vrouw", or "onbekend" (for kUnknown and kOther).
std::string_view SexName(Sex sex);

// Case-insensitive (ASCII), surrounding spaces ignored. The empty text is kUnknown; an unrecognised
// text is nullopt. The accepted spellings are SexSpellings().
std::optional<Sex> ParseSex(std::string_view text);

// Every accepted spelling in lower case, with its meaning: man, m, male, mannelijk, jongen; vrouw, v,
// f, female, vrouwelijk, meisje; onbekend, o, u; x, anders, overig, non-binair, divers.
const std::vector<std::pair<std::string_view, Sex>>& SexSpellings();

}  // namespace sz
