// Normalisation of Dutch personal names before anything is hashed, so that one person written in
// different ways gives the same normalised parts. Pure functions, table-driven tests in
// tests/privacy/name_normaliser_test.cc.
//
//   FoldName("Ëlise-Marie  O’Brien")                 // "elise-marie o'brien"
//   SplitSurname("", "van der Berg")                 // {tussenvoegsel "van der", surname "berg"}
//   SplitSurname("", "Berg, van der")                // same
//   SplitSurname("V.d.", "Berg")                     // same ("v.d." is read as "van der")
//   NormaliseGivenNames("J.P. (Jan)")                // initials "jp", no full first name
//   NormaliseGivenNames("Jan-Pieter Karel")          // names {"jan-pieter", "karel"}, initials "jk"
//
// Rules (what "the same" means):
// - Case is dropped. Latin diacritics are removed (é→e, ë→e, ç→c, ø→o), ligatures and special letters
//   spelled out (ĳ→ij, æ→ae, œ→oe, ß→ss, þ→th), combining marks dropped. Letters of other scripts are
//   kept (lowercased for Greek and Cyrillic).
// - Apostrophe look-alikes (’ ‘ ` ´ ʼ) become ', dash look-alikes become -, every other punctuation
//   mark or space run becomes one space; no leading or trailing space.
// - Tussenvoegsels (van, de, der, den, het, 't, 's, te, ten, ter, in, op, aan, bij, onder, over, uit,
//   voor, tot, toe, d', l', and the French/German/Romance la, le, les, du, des, da, di, del, della,
//   dos, das, von, vom, zu, zum, zur, am, auf, im; abbreviations v. = van, v.d./vd/v/d = van der) are
//   split from the surname whether they come in their own column, before the surname ("van der Berg",
//   "van't Hof", "d'Ancona") or after it ("Berg, van der", "Berg van der"). At least one word always
//   stays surname ("Van" alone is a surname). The surname itself loses apostrophes ("O'Brien" →
//   "obrien"); a double surname keeps its hyphen without spaces ("Jansen - de Vries" → "jansen-de vries").
// - Given names: a word followed by a dot or a single letter is an initial ("J.", "Th.", "P"); other
//   words are names. Initials are the first letters of all given names and initials, in order.
//   Nicknames ("Hans" for "Johannes") cannot be resolved by rules: that is what the CLK is for.
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sz::privacy {

// Folds case, diacritics, apostrophes, dashes, punctuation and spacing (rules above). Invalid UTF-8
// bytes are read as Windows-1252 characters.
std::string FoldName(std::string_view text);

struct SurnameParts {
  std::string tussenvoegsel;  // e.g. "van der", "van 't", "" if none
  std::string surname;        // e.g. "berg", "jansen-de vries"

  // The surname with only its letters and digits ("jansendevries"): what pseudonyms are made of.
  std::string CompactSurname() const;
  bool operator==(const SurnameParts&) const = default;
};

// `tussenvoegsel_column` may be empty; see the rules above for how the two columns combine.
SurnameParts SplitSurname(std::string_view tussenvoegsel_column, std::string_view surname_column);

struct GivenNames {
  std::vector<std::string> names;  // full names in order ("jan-pieter", "karel"), initials excluded
  std::string initials;            // first letters, in order: "jk"
  bool first_is_full_name = false;  // the first given name was written out (not an initial)

  std::string FirstName() const { return first_is_full_name && !names.empty() ? names.front() : std::string(); }
  std::string FirstInitial() const { return initials.empty() ? std::string() : initials.substr(0, 1); }
  bool operator==(const GivenNames&) const = default;
};

GivenNames NormaliseGivenNames(std::string_view given_names);

// Whether a folded word is a tussenvoegsel word (see the list above); "v" and "vd" are not (they are
// abbreviations, expanded by SplitSurname).
bool IsTussenvoegselWord(std::string_view folded_word);

}  // namespace sz::privacy
