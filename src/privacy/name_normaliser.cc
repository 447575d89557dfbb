#include "privacy/name_normaliser.h"

#include <array>
#include <set>

#include "core/unicode.h"
#include "privacy/internal/text.h"

namespace sz::privacy {
namespace {

// ASCII spelling of U+00C0 … U+017F (generated from Unicode decompositions; special letters by hand).
constexpr std::array<const char*, 192> kLatinFold = {
    "a", "a", "a",  "a", "a", "a", "ae", "c",  "e", "e", "e",  "e",  "i", "i", "i",  "i",  "d", "n",  "o",  "o",
    "o", "o", "o",  "",  "o", "u", "u",  "u",  "u", "y", "th", "ss", "a", "a", "a",  "a",  "a", "a",  "ae", "c",
    "e", "e", "e",  "e", "i", "i", "i",  "i",  "d", "n", "o",  "o",  "o", "o", "o",  "",   "o", "u",  "u",  "u",
    "u", "y", "th", "y", "a", "a", "a",  "a",  "a", "a", "c",  "c",  "c", "c", "c",  "c",  "c", "c",  "d",  "d",
    "d", "d", "e",  "e", "e", "e", "e",  "e",  "e", "e", "e",  "e",  "g", "g", "g",  "g",  "g", "g",  "g",  "g",
    "h", "h", "h",  "h", "i", "i", "i",  "i",  "i", "i", "i",  "i",  "i", "i", "ij", "ij", "j", "j",  "k",  "k",
    "k", "l", "l",  "l", "l", "l", "l",  "l",  "l", "l", "l",  "n",  "n", "n", "n",  "n",  "n", "'n", "n",  "n",
    "o", "o", "o",  "o", "o", "o", "oe", "oe", "r", "r", "r",  "r",  "r", "r", "s",  "s",  "s", "s",  "s",  "s",
    "s", "s", "t",  "t", "t", "t", "t",  "t",  "u", "u", "u",  "u",  "u", "u", "u",  "u",  "u", "u",  "u",  "u",
    "w", "w", "y",  "y", "y", "z", "z",  "z",  "z", "z", "z",  "s"};

// UTF-8 if the text is valid UTF-8, else Windows-1252 byte by byte (a byte the code page leaves
// undefined stays the code point of the same number).
std::u32string DecodeLenient(std::string_view text) {
  Result<std::u32string> strict = DecodeUtf8(text);
  if (strict.ok()) return std::move(strict).value();
  std::u32string out;
  for (char c : text) {
    unsigned char byte = static_cast<unsigned char>(c);
    char32_t code_point = Windows1252ToUnicode(byte);
    out.push_back(code_point != 0 ? code_point : char32_t{byte});
  }
  return out;
}

bool IsApostrophe(char32_t c) {
  return c == '\'' || c == 0x2019 || c == 0x2018 || c == '`' || c == 0xb4 || c == 0x2bc || c == 0x2032 || c == 0x2bb;
}
bool IsDash(char32_t c) { return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xad; }
bool IsCombiningMark(char32_t c) { return c >= 0x300 && c <= 0x36f; }

// Folds to lowercase ASCII (rules in the header); characters in `keep` are kept, other punctuation
// becomes a space; spaces are collapsed and trimmed.
std::string Fold(std::string_view text, std::u32string_view keep) {
  std::string out;
  out.reserve(text.size());
  auto add_space = [&] {
    if (!out.empty() && out.back() != ' ') out.push_back(' ');
  };
  for (char32_t c : DecodeLenient(text)) {
    if (c < 0x80) {
      char ascii = static_cast<char>(c);
      if (ascii >= 'A' && ascii <= 'Z') {
        out.push_back(static_cast<char>(ascii + 32));
      } else if ((ascii >= 'a' && ascii <= 'z') || (ascii >= '0' && ascii <= '9')) {
        out.push_back(ascii);
      } else if (keep.find(c) != std::u32string_view::npos) {
        out.push_back(ascii);
      } else if (IsApostrophe(c)) {
        out.push_back('\'');
      } else if (IsDash(c)) {
        out.push_back('-');
      } else {
        add_space();
      }
    } else if (c >= 0xc0 && c <= 0x17f) {
      out += kLatinFold[c - 0xc0];
    } else if (c == 0x218 || c == 0x219) {
      out.push_back('s');
    } else if (c == 0x21a || c == 0x21b) {
      out.push_back('t');
    } else if (IsCombiningMark(c)) {
      // dropped: "e" + U+0308 is "ë" decomposed
    } else if (IsApostrophe(c)) {
      out.push_back('\'');
    } else if (IsDash(c)) {
      out.push_back('-');
    } else if (c == 0xa0 || (c >= 0x2000 && c <= 0x200b) || c == 0x3000 || c == 0x202f || (c >= 0x80 && c < 0xc0)) {
      add_space();  // no-break and other spaces, Latin-1 punctuation
    } else {
      AppendUtf8(internal::SimpleLower(c), out);  // other scripts stay as written
    }
  }
  // Collapse spaces, trim.
  std::string collapsed;
  for (char c : out) {
    if (c == ' ' && (collapsed.empty() || collapsed.back() == ' ')) continue;
    collapsed.push_back(c);
  }
  while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
  return collapsed;
}

std::vector<std::string> SplitWords(std::string_view text, char separator = ' ') {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (c == separator) {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word.push_back(c);
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::string Join(const std::vector<std::string>& words, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to; ++i) {
    if (!out.empty()) out.push_back(' ');
    out += words[i];
  }
  return out;
}

const std::set<std::string_view>& TussenvoegselWords() {
  static const std::set<std::string_view> words = {
      "van",   "de",   "der", "den",   "het",  "'t",  "'s",  "te",  "ten", "ter", "in",  "op",  "aan", "bij",
      "onder", "over", "uit", "uijt",  "voor", "tot", "toe", "d'",  "l'",  "la",  "le",  "les", "du",  "des",
      "da",    "di",   "del", "della", "dos",  "das", "von", "vom", "zu",  "zum", "zur", "am",  "auf", "im"};
  return words;
}

// Surname words: dots and slashes of abbreviations expanded, attached apostrophe forms split.
std::vector<std::string> SurnameWords(std::string_view folded) {
  std::vector<std::string> out;
  for (std::string word : SplitWords(folded)) {
    std::string bare;
    for (char c : word) {
      if (c != '.' && c != '/') bare.push_back(c);
    }
    if (bare == "v") {
      out.push_back("van");
      continue;
    }
    if (bare == "vd" || bare == "vdr") {
      out.push_back("van");
      out.push_back("der");
      continue;
    }
    // "van't" → "van" "'t"; "d'ancona" → "d'" "ancona"
    size_t apostrophe = bare.find('\'');
    if (apostrophe != std::string::npos && apostrophe > 0 && apostrophe + 1 < bare.size()) {
      std::string head = bare.substr(0, apostrophe);
      std::string tail = bare.substr(apostrophe);  // starts with '
      if ((tail == "'t" || tail == "'s") && IsTussenvoegselWord(head)) {
        out.push_back(head);
        out.push_back(tail);
        continue;
      }
      if (head == "d" || head == "l") {
        out.push_back(head + "'");
        out.push_back(bare.substr(apostrophe + 1));
        continue;
      }
    }
    if (!bare.empty()) out.push_back(bare);
  }
  return out;
}

// Drops apostrophes and turns every run of spaces and hyphens into one separator: a hyphen if the run
// held one ("jansen - de vries" → "jansen-de vries"), else a space; none at either end.
std::string CleanSurnameCore(const std::string& core) {
  std::string out;
  bool pending_space = false, pending_hyphen = false;
  for (char c : core) {
    if (c == '\'') continue;
    if (c == ' ') {
      pending_space = true;
    } else if (c == '-') {
      pending_hyphen = true;
    } else {
      if (!out.empty() && (pending_hyphen || pending_space)) out.push_back(pending_hyphen ? '-' : ' ');
      pending_space = pending_hyphen = false;
      out.push_back(c);
    }
  }
  return out;
}

bool AllTussenvoegsel(const std::vector<std::string>& words, size_t from, size_t to) {
  if (from >= to) return false;
  for (size_t i = from; i < to; ++i) {
    if (!IsTussenvoegselWord(words[i])) return false;
  }
  return true;
}

}  // namespace

bool IsTussenvoegselWord(std::string_view folded_word) { return TussenvoegselWords().count(folded_word) > 0; }

std::string FoldName(std::string_view text) { return Fold(text, U""); }

std::string SurnameParts::CompactSurname() const {
  std::string out;
  for (char c : surname) {
    if (c != ' ' && c != '-' && c != '\'') out.push_back(c);
  }
  return out;
}

SurnameParts SplitSurname(std::string_view tussenvoegsel_column, std::string_view surname_column) {
  std::string folded = Fold(surname_column, U",./");
  std::string main = folded;
  std::string after;
  size_t comma = folded.find(',');
  if (comma != std::string::npos) {
    main = folded.substr(0, comma);
    after = folded.substr(comma + 1);
  }
  std::vector<std::string> words = SurnameWords(main);
  std::vector<std::string> after_words = SurnameWords(after);

  std::string found;
  size_t begin = 0, end = words.size();
  // Prefix: leading tussenvoegsel words, leaving at least one word.
  while (begin + 1 < end && IsTussenvoegselWord(words[begin])) ++begin;
  if (begin > 0) {
    found = Join(words, 0, begin);
  } else if (!after_words.empty() && AllTussenvoegsel(after_words, 0, after_words.size())) {
    found = Join(after_words, 0, after_words.size());  // "Berg, van der"
  } else if (comma == std::string::npos) {
    // Postfix without comma: "Berg van der".
    size_t tail = end;
    while (tail > 1 && IsTussenvoegselWord(words[tail - 1])) --tail;
    if (tail < end) {
      found = Join(words, tail, end);
      end = tail;
    }
  }
  SurnameParts parts;
  parts.surname = CleanSurnameCore(Join(words, begin, end));

  std::vector<std::string> column_words = SurnameWords(Fold(tussenvoegsel_column, U",./"));
  std::string column = Join(column_words, 0, column_words.size());
  if (found.empty()) {
    parts.tussenvoegsel = column;
  } else if (column.empty() || found == column || found.rfind(column + " ", 0) == 0) {
    parts.tussenvoegsel = found;  // the column repeated in the surname, or a part of it
  } else if (column.size() > found.size() && column.compare(column.size() - found.size(), found.size(), found) == 0) {
    parts.tussenvoegsel = column;
  } else {
    parts.tussenvoegsel = column + " " + found;  // "van" + "der Berg"
  }
  return parts;
}

GivenNames NormaliseGivenNames(std::string_view given_names) {
  GivenNames out;
  // Keep dots to recognise initials; brackets and other punctuation (e.g. a call name "(Jan)") become
  // spaces, so a bracketed call name counts as one more given name only if it is written out.
  std::string folded = Fold(given_names, U".");
  std::vector<std::string> segments;
  std::vector<bool> abbreviated;
  std::string current;
  auto flush = [&](bool dotted) {
    if (!current.empty()) {
      segments.push_back(current);
      abbreviated.push_back(dotted);
    }
    current.clear();
  };
  for (char c : folded) {
    if (c == '.') {
      flush(true);
    } else if (c == ' ') {
      flush(false);
    } else {
      current.push_back(c);
    }
  }
  flush(false);
  for (size_t i = 0; i < segments.size(); ++i) {
    std::string word = segments[i];
    while (!word.empty() && (word.front() == '-' || word.front() == '\'')) word.erase(word.begin());
    while (!word.empty() && (word.back() == '-' || word.back() == '\'')) word.pop_back();
    if (word.empty()) continue;
    bool initial = abbreviated[i] || word.size() == 1;
    // The first letter (a code point: may be a multi-byte letter of another script).
    size_t length = 1;
    unsigned char lead = static_cast<unsigned char>(word[0]);
    if (lead >= 0xf0) {
      length = 4;
    } else if (lead >= 0xe0) {
      length = 3;
    } else if (lead >= 0xc0) {
      length = 2;
    }
    if (out.initials.empty()) out.first_is_full_name = !initial;
    out.initials += word.substr(0, length);
    if (!initial) out.names.push_back(word);
  }
  return out;
}

}  // namespace sz::privacy
