#include "core/numbers.h"

#include <charconv>
#include <cmath>
#include <string>

namespace sz {
namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// "1.234.567" (the part before a decimal comma): groups of three digits after the first.
bool IsThousandsGrouped(std::string_view text) {
  size_t first_dot = text.find('.');
  if (first_dot == 0 || first_dot > 3) return false;
  for (size_t i = 0; i < first_dot; ++i) {
    if (!IsDigit(text[i])) return false;
  }
  for (size_t pos = first_dot; pos < text.size(); pos += 4) {
    if (text[pos] != '.' || pos + 4 > text.size()) return false;
    for (size_t i = pos + 1; i < pos + 4; ++i) {
      if (!IsDigit(text[i])) return false;
    }
  }
  return true;
}

}  // namespace

std::optional<int64_t> ParseInteger(std::string_view text) {
  text = Trim(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty() || text.front() == '+') return std::nullopt;
  int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<double> ParseNumber(std::string_view text) {
  text = Trim(text);
  std::string normalised;
  size_t comma = text.find(',');
  if (comma != std::string_view::npos) {
    if (text.find(',', comma + 1) != std::string_view::npos) return std::nullopt;
    std::string_view integral = text.substr(0, comma);
    std::string sign;
    if (!integral.empty() && (integral.front() == '-' || integral.front() == '+')) {
      sign = integral.front();
      integral.remove_prefix(1);
    }
    if (integral.find('.') != std::string_view::npos) {
      if (!IsThousandsGrouped(integral)) return std::nullopt;
      std::string digits;
      for (char c : integral) {
        if (c != '.') digits.push_back(c);
      }
      normalised = sign + digits;
    } else {
      normalised = sign + std::string(integral);
    }
    normalised += '.';
    normalised += text.substr(comma + 1);
  } else {
    normalised = text;
  }
  std::string_view number = normalised;
  if (!number.empty() && number.front() == '+') number.remove_prefix(1);
  // from_chars accepts "inf" and "nan": only digits, one '.', a sign and an exponent may appear.
  for (char c : number) {
    if (!IsDigit(c) && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') return std::nullopt;
  }
  double value = 0;
  auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (error != std::errc() || end != number.data() + number.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

}  // namespace sz
