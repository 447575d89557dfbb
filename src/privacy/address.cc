#include "privacy/address.h"

#include "privacy/messages.h"

namespace sz::privacy {
namespace {

bool IsSeparator(char c) { return c == ' ' || c == '-' || c == '\t' || c == '/' || c == '.' || c == ','; }
char Upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c; }

}  // namespace

Result<std::string> NormalisePostcode(std::string_view text) {
  std::string compact;
  for (char c : text) {
    if (c == ' ' || c == '-' || c == '\t' || c == '\r' || c == '\n') continue;
    compact.push_back(Upper(c));
  }
  if (compact.empty()) return DataError(msg::PostcodeEmpty());
  if (compact.size() != 6) return DataError(msg::PostcodeShape());
  for (int i = 0; i < 4; ++i) {
    if (compact[i] < '0' || compact[i] > '9') return DataError(msg::PostcodeStartsWithDigits());
  }
  if (compact[0] == '0') return DataError(msg::PostcodeLeadingZero());
  for (int i = 4; i < 6; ++i) {
    if (compact[i] < 'A' || compact[i] > 'Z') return DataError(msg::PostcodeEndsWithLetters());
  }
  std::string letters = compact.substr(4);
  if (letters == "SA" || letters == "SD" || letters == "SS") return DataError(msg::PostcodeLettersNotIssued());
  return compact;
}

Result<HouseNumber> ParseHouseNumber(std::string_view number, std::string_view addition) {
  size_t i = 0;
  while (i < number.size() && IsSeparator(number[i])) ++i;
  HouseNumber out;
  size_t digits = 0;
  while (i < number.size() && number[i] >= '0' && number[i] <= '9') {
    if (digits == 5) return DataError(msg::HouseNumberTooLong());
    out.number = out.number * 10 + (number[i] - '0');
    ++digits;
    ++i;
  }
  if (digits == 0) return DataError(msg::HouseNumberStartsWithDigits());
  if (out.number == 0) return DataError(msg::HouseNumberZero());
  auto append = [&](std::string_view text) -> Status {
    for (char c : text) {
      if (IsSeparator(c) || c == '\r' || c == '\n') continue;
      char upper = Upper(c);
      if (!((upper >= 'A' && upper <= 'Z') || (upper >= '0' && upper <= '9'))) {
        return DataError(msg::AdditionCharacters());
      }
      out.addition.push_back(upper);
    }
    return Status::Ok();
  };
  RETURN_IF_ERROR(append(number.substr(i)));
  RETURN_IF_ERROR(append(addition));
  if (out.addition.size() > 6) return DataError(msg::AdditionTooLong());
  return out;
}

}  // namespace sz::privacy
