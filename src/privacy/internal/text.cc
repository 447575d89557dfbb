#include "privacy/internal/text.h"

#include <algorithm>
#include <array>
#include <limits>
#include <vector>

#include "core/unicode.h"
#include "privacy/messages.h"

namespace sz::privacy::internal {

std::wstring ToWide(std::u32string_view code_points) { return std::wstring(code_points.begin(), code_points.end()); }

char32_t SimpleLower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0x410 && c <= 0x42f) return c + 0x20;                // Cyrillic А–Я
  if (c >= 0x400 && c <= 0x40f) return c + 0x50;                // Cyrillic Ѐ–Џ
  if (c >= 0x391 && c <= 0x3ab && c != 0x3a2) return c + 0x20;  // Greek Α–Ϋ
  if (c >= 0xc0 && c <= 0xde && c != 0xd7) return c + 32;
  if (c >= 0x100 && c <= 0x17f) {
    // Pairs (even upper, odd lower) except the ranges U+0139–U+0148 and U+0179–U+017E (odd upper).
    bool odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17e);
    if (c == 0x130) return 'i';
    if (c == 0x178) return 0xff;
    if (c == 0x138 || c == 0x149 || c == 0x17f) return c;
    if (odd_upper) return (c % 2 == 1) ? c + 1 : c;
    return (c % 2 == 0) ? c + 1 : c;
  }
  return c;
}

char32_t SimpleUpper(char32_t c) {
  if (c >= 'a' && c <= 'z') return c - 32;
  if (c >= 0x430 && c <= 0x44f) return c - 0x20;
  if (c >= 0x450 && c <= 0x45f) return c - 0x50;
  if (c >= 0x3b1 && c <= 0x3cb && c != 0x3c2) return c - 0x20;
  if (c >= 0xe0 && c <= 0xfe && c != 0xf7) return c - 32;
  if (c == 0xff) return 0x178;
  if (c >= 0x100 && c <= 0x17f) {
    bool odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17e);
    if (c == 0x131) return 'I';
    if (c == 0x138 || c == 0x149 || c == 0x17f) return c;
    if (odd_upper) return (c % 2 == 0) ? c - 1 : c;
    return (c % 2 == 1) ? c - 1 : c;
  }
  return c;
}

Result<int64_t> ParsePythonInt(std::string_view text) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  bool negative = false;
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  if (text.empty()) return DataError(msg::NotAnInteger());
  __int128 value = 0;
  bool previous_digit = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '_') {
      if (!previous_digit || i + 1 == text.size()) return DataError(msg::NotAnInteger());
      previous_digit = false;
      continue;
    }
    if (c < '0' || c > '9') return DataError(msg::NotAnInteger());
    value = value * 10 + (c - '0');
    if (value > static_cast<__int128>(std::numeric_limits<int64_t>::max()) + 1) {
      return DataError(msg::IntegerTooLarge());
    }
    previous_digit = true;
  }
  if (!previous_digit) return DataError(msg::NotAnInteger());
  if (negative) value = -value;
  if (value > std::numeric_limits<int64_t>::max()) return DataError(msg::IntegerTooLarge());
  return static_cast<int64_t>(value);
}

namespace {

constexpr std::array<const char*, 12> kMonthAbbreviations = {"jan", "feb", "mar", "apr", "may", "jun",
                                                             "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr std::array<const char*, 12> kMonthNames = {"january",   "february", "march",    "april",
                                                     "may",       "june",     "july",     "august",
                                                     "september", "october",  "november", "december"};

bool IsSpace(char32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0d) || c == 0x1c || c == 0x1d || c == 0x1e || c == 0x1f || c == 0x85 ||
         c == 0xa0;
}
bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

enum class ElementKind { kLiteral, kWhitespace, kDirective };
struct Element {
  ElementKind kind;
  char32_t value;  // literal code point or directive letter
};

Result<std::vector<Element>> CompileFormat(std::string_view format) {
  ASSIGN_OR_RETURN(std::u32string code_points, DecodeUtf8(format));
  std::vector<Element> elements;
  for (size_t i = 0; i < code_points.size(); ++i) {
    char32_t c = code_points[i];
    if (c == '%') {
      if (i + 1 == code_points.size()) return InvalidArgumentError(msg::DateFormatLonePercent());
      char32_t directive = code_points[++i];
      switch (directive) {
        case 'Y':
        case 'y':
        case 'm':
        case 'd':
        case 'b':
        case 'B':
        case 'H':
        case 'M':
        case 'S': elements.push_back({ElementKind::kDirective, directive}); break;
        case '%': elements.push_back({ElementKind::kLiteral, '%'}); break;
        default:
          return InvalidArgumentError(msg::DateFormatDirectiveUnsupported(EncodeUtf8(std::u32string(1, directive))));
      }
    } else if (IsSpace(c)) {
      if (elements.empty() || elements.back().kind != ElementKind::kWhitespace) {
        elements.push_back({ElementKind::kWhitespace, ' '});
      }
    } else {
      elements.push_back({ElementKind::kLiteral, c});
    }
  }
  return elements;
}

struct Candidate {
  size_t length;
  int value;
};

int Digits(std::u32string_view v, size_t pos, size_t count) {
  int value = 0;
  for (size_t i = 0; i < count; ++i) value = value * 10 + static_cast<int>(v[pos + i] - '0');
  return value;
}

// Candidates for one directive at `pos`, in the order Python's regular expression tries them.
std::vector<Candidate> DirectiveCandidates(char32_t directive, std::u32string_view v, size_t pos) {
  std::vector<Candidate> out;
  auto digit = [&](size_t offset) { return pos + offset < v.size() && IsDigit(v[pos + offset]); };
  auto at = [&](size_t offset) { return v[pos + offset]; };
  auto two = [&](auto accept) {
    if (digit(0) && digit(1) && accept(at(0), at(1))) out.push_back({2, Digits(v, pos, 2)});
  };
  switch (directive) {
    case 'Y':
      if (digit(0) && digit(1) && digit(2) && digit(3)) out.push_back({4, Digits(v, pos, 4)});
      break;
    case 'y':
      if (digit(0) && digit(1)) out.push_back({2, Digits(v, pos, 2)});
      break;
    case 'm':  // 1[0-2]|0[1-9]|[1-9]
      two([](char32_t a, char32_t b) { return (a == '1' && b <= '2') || (a == '0' && b != '0'); });
      if (digit(0) && at(0) != '0') out.push_back({1, Digits(v, pos, 1)});
      break;
    case 'd':  // 3[01]|[12]\d|0[1-9]|[1-9]| [1-9]
      two([](char32_t a, char32_t b) {
        return (a == '3' && b <= '1') || a == '1' || a == '2' || (a == '0' && b != '0');
      });
      if (digit(0) && at(0) != '0') out.push_back({1, Digits(v, pos, 1)});
      if (pos < v.size() && at(0) == ' ' && digit(1) && at(1) != '0') out.push_back({2, Digits(v, pos + 1, 1)});
      break;
    case 'H':  // 2[0-3]|[0-1]\d|\d
      two([](char32_t a, char32_t b) { return (a == '2' && b <= '3') || a == '0' || a == '1'; });
      if (digit(0)) out.push_back({1, Digits(v, pos, 1)});
      break;
    case 'M':  // [0-5]\d|\d
      two([](char32_t a, char32_t) { return a <= '5'; });
      if (digit(0)) out.push_back({1, Digits(v, pos, 1)});
      break;
    case 'S':  // 6[0-1]|[0-5]\d|\d
      two([](char32_t a, char32_t b) { return (a == '6' && b <= '1') || a <= '5'; });
      if (digit(0)) out.push_back({1, Digits(v, pos, 1)});
      break;
    case 'b':
    case 'B': {
      const auto& names = directive == 'b' ? kMonthAbbreviations : kMonthNames;
      // Python sorts the alternatives longest first.
      std::vector<int> order(12);
      for (int i = 0; i < 12; ++i) order[i] = i;
      std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return std::char_traits<char>::length(names[a]) > std::char_traits<char>::length(names[b]);
      });
      for (int month : order) {
        std::string_view name = names[month];
        if (pos + name.size() > v.size()) continue;
        bool match = true;
        for (size_t i = 0; i < name.size() && match; ++i) match = SimpleLower(v[pos + i]) == char32_t(name[i]);
        if (match) out.push_back({name.size(), month + 1});
      }
      break;
    }
  }
  return out;
}

struct MatchState {
  int year = 1900;
  int month = 1;
  int day = 1;
};

bool Match(const std::vector<Element>& elements, size_t index, std::u32string_view v, size_t pos, MatchState& state,
           size_t& end) {
  if (index == elements.size()) {
    end = pos;
    return true;
  }
  const Element& element = elements[index];
  switch (element.kind) {
    case ElementKind::kLiteral:
      if (pos < v.size() && SimpleLower(v[pos]) == SimpleLower(element.value)) {
        return Match(elements, index + 1, v, pos + 1, state, end);
      }
      return false;
    case ElementKind::kWhitespace: {
      size_t run = 0;
      while (pos + run < v.size() && IsSpace(v[pos + run])) ++run;
      // \s+ is greedy and backtracks.
      for (size_t take = run; take >= 1; --take) {
        if (Match(elements, index + 1, v, pos + take, state, end)) return true;
      }
      return false;
    }
    case ElementKind::kDirective:
      for (const Candidate& candidate : DirectiveCandidates(element.value, v, pos)) {
        MatchState saved = state;
        switch (element.value) {
          case 'Y': state.year = candidate.value; break;
          case 'y': state.year = candidate.value <= 68 ? 2000 + candidate.value : 1900 + candidate.value; break;
          case 'm':
          case 'b':
          case 'B': state.month = candidate.value; break;
          case 'd': state.day = candidate.value; break;
          default: break;  // hours, minutes, seconds do not change the date
        }
        if (Match(elements, index + 1, v, pos + candidate.length, state, end)) return true;
        state = saved;
      }
      return false;
  }
  return false;
}

bool IsLeap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

}  // namespace

Status CheckStrptimeFormat(std::string_view format) { return CompileFormat(format).status(); }

Result<StrptimeDate> Strptime(std::u32string_view value, std::string_view format) {
  ASSIGN_OR_RETURN(std::vector<Element> elements, CompileFormat(format));
  MatchState state;
  size_t end = 0;
  if (!Match(elements, 0, value, 0, state, end)) return DataError(msg::DateFormatMismatch(format));
  if (end != value.size()) return DataError(msg::DateFormatUnconverted(format));
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int days = kDays[state.month - 1] + (state.month == 2 && IsLeap(state.year) ? 1 : 0);
  if (state.year < 1) return DataError(msg::YearOutOfRange());
  if (state.day > days) return DataError(msg::DayOutOfRange());
  return StrptimeDate{state.year, state.month, state.day};
}

}  // namespace sz::privacy::internal
