// AgeSpan: an inclusive range of ages as configuration, contracts and the catalogue write it —
// "0-17" (ages 0 to 17) or "85+" (85 and older, no `high`). One parser for the age bands of
// bevolking, the generator's bands and strata, and the catalogue's `leeftijd`.
//
//   std::optional<AgeSpan> minors = ParseAgeSpan("0-17");   // {0, 17}
//   minors->Contains(12);                                   // true
//
// ParseAgeSpan: "LOW-HIGH" or "LOW+", ASCII digits only, ages 0..150, LOW <= HIGH; nullopt for
// anything else ("", "18", "64-18", "a-b", "-3", "18 - 64", "0-999"). Thread safety: pure.
#pragma once

#include <optional>
#include <string_view>

namespace sz {

struct AgeSpan {
  int low = 0;
  std::optional<int> high;  // none: and older
  bool Contains(long long age) const { return age >= low && (!high || age <= *high); }
  // True when every age of `inner` lies in this span.
  bool Covers(const AgeSpan& inner) const {
    return inner.low >= low && (!high || (inner.high && *inner.high <= *high));
  }
  bool operator==(const AgeSpan&) const = default;
};

std::optional<AgeSpan> ParseAgeSpan(std::string_view text);

}  // namespace sz
