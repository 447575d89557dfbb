#include "privacy/bsn.h"

namespace sz::privacy {

std::string_view BsnStatusName(BsnStatus status) {
  switch (status) {
    case BsnStatus::kValid: return "valid";
    case BsnStatus::kInvalid: return "invalid";
    case BsnStatus::kMissing: return "missing";
  }
  return "missing";
}

BsnCheck CheckBsn(std::string_view text) {
  std::string digits;
  bool other = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
    } else if (c != ' ' && c != '.' && c != '-' && c != '\t' && c != '\r' && c != '\n') {
      other = true;
    }
  }
  if (digits.empty() && !other) return {BsnStatus::kMissing, ""};
  if (other) return {BsnStatus::kInvalid, ""};
  if (digits.size() == 8) digits.insert(digits.begin(), '0');
  if (digits.size() != 9) return {BsnStatus::kInvalid, ""};
  int sum = 0;
  for (int i = 0; i < 8; ++i) sum += (9 - i) * (digits[i] - '0');
  sum -= digits[8] - '0';
  if (sum == 0 || sum % 11 != 0) return {BsnStatus::kInvalid, ""};
  return {BsnStatus::kValid, digits};
}

}  // namespace sz::privacy
