// BSN (burgerservicenummer) check with the elfproef, before a BSN is ever pseudonymised.
//
//   BsnCheck check = CheckBsn("11122.2333");   // separators ignored
//   check.status == BsnStatus::kValid;          // check.bsn == "111222333"
//
// Rules: spaces, dots and hyphens are ignored; 9 digits, or 8 digits read with a leading zero (as
// spreadsheets drop it); the elfproef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is divisible by 11 and not zero
// (so 000000000 is invalid). Empty input is kMissing; anything else that fails is kInvalid — an
// invalid BSN is flagged and never used for a pseudonym.
// Thread safety: pure function.
#pragma once

#include <string>
#include <string_view>

namespace sz::privacy {

enum class BsnStatus { kValid, kInvalid, kMissing };

std::string_view BsnStatusName(BsnStatus status);  // "valid", "invalid", "missing"

struct BsnCheck {
  BsnStatus status = BsnStatus::kMissing;
  std::string bsn;  // the 9 digits when valid, else empty
};

BsnCheck CheckBsn(std::string_view text);

}  // namespace sz::privacy
