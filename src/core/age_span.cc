#include "core/age_span.h"

namespace sz {
namespace {

constexpr int kOldest = 150;

std::optional<int> Age(std::string_view digits) {
  if (digits.empty() || digits.size() > 3) return std::nullopt;
  int value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (value > kOldest) return std::nullopt;
  return value;
}

}  // namespace

std::optional<AgeSpan> ParseAgeSpan(std::string_view text) {
  AgeSpan span;
  if (!text.empty() && text.back() == '+') {
    std::optional<int> low = Age(text.substr(0, text.size() - 1));
    if (!low) return std::nullopt;
    span.low = *low;
    return span;
  }
  const size_t dash = text.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  std::optional<int> low = Age(text.substr(0, dash)), high = Age(text.substr(dash + 1));
  if (!low || !high || *low > *high) return std::nullopt;
  span.low = *low;
  span.high = *high;
  return span;
}

}  // namespace sz
