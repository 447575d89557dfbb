// Dutch address parts as pseudonymised for the household key: postcode and house number + addition.
//
//   ASSIGN_OR_RETURN(std::string postcode, NormalisePostcode(" 7511 jd "));   // "7511JD"
//   ASSIGN_OR_RETURN(HouseNumber number, ParseHouseNumber("12-a"));            // {12, "A"}
//   ASSIGN_OR_RETURN(HouseNumber number, ParseHouseNumber("12", "bis"));       // {12, "BIS"}
//
// Postcode: 4 digits (first not 0) and 2 letters, in any case, with or without spaces or a hyphen in
// between; the letter pairs SA, SD and SS are never issued (PostNL) and rejected.
// House number: 1..99999 followed by an optional addition ("12a", "12 A", "12-a", "12/2", "12 hs",
// "12-II"), or the addition in its own column. The addition is kept as uppercase letters and digits
// without separators ("12 - 2 hg" → {12, "2HG"}).
// Errors: kDataError with a reason; messages never repeat the value (it is part of an address).
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace sz::privacy {

Result<std::string> NormalisePostcode(std::string_view text);

struct HouseNumber {
  int number = 0;
  std::string addition;  // "" if none
  bool operator==(const HouseNumber&) const = default;
};

Result<HouseNumber> ParseHouseNumber(std::string_view number, std::string_view addition = {});

}  // namespace sz::privacy
