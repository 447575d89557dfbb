#include "http/query.h"

#include <optional>

#include "core/unicode.h"
#include "http/messages.h"

namespace sz::http {
namespace {

int HexValue(char digit) {
  if (digit >= '0' && digit <= '9') return digit - '0';
  if (digit >= 'a' && digit <= 'f') return digit - 'a' + 10;
  if (digit >= 'A' && digit <= 'F') return digit - 'A' + 10;
  return -1;
}

enum class DecodeProblem { kNone, kBadEscape, kNul, kControl, kNotUtf8 };

// Percent-decodes `text` into `out` ('+' as a space when `plus_is_space`), then checks the result.
DecodeProblem Decode(std::string_view text, bool plus_is_space, std::string& out) {
  out.clear();
  out.reserve(text.size());
  for (size_t index = 0; index < text.size(); ++index) {
    char current = text[index];
    if (current == '%') {
      if (index + 2 >= text.size()) return DecodeProblem::kBadEscape;
      int high = HexValue(text[index + 1]);
      int low = HexValue(text[index + 2]);
      if (high < 0 || low < 0) return DecodeProblem::kBadEscape;
      out.push_back(static_cast<char>(high * 16 + low));
      index += 2;
    } else if (current == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(current);
    }
  }
  if (out.find('\0') != std::string::npos) return DecodeProblem::kNul;
  if (!IsValidUtf8(out)) return DecodeProblem::kNotUtf8;
  for (size_t index = 0; index < out.size(); ++index) {
    unsigned char byte = static_cast<unsigned char>(out[index]);
    if (byte < 0x20 || byte == 0x7F) return DecodeProblem::kControl;
    // C1 controls U+0080–U+009F are C2 80 … C2 9F in (already validated) UTF-8.
    if (byte == 0xC2 && index + 1 < out.size()) {
      unsigned char next = static_cast<unsigned char>(out[index + 1]);
      if (next >= 0x80 && next <= 0x9F) return DecodeProblem::kControl;
    }
  }
  return DecodeProblem::kNone;
}

std::string Describe(DecodeProblem problem, std::string_view where) {
  switch (problem) {
    case DecodeProblem::kBadEscape: return msg::BadPercentEscape(where);
    case DecodeProblem::kNul: return msg::NulByte(where);
    case DecodeProblem::kControl: return msg::ControlCharacter(where);
    case DecodeProblem::kNotUtf8: return msg::NotUtf8(where);
    case DecodeProblem::kNone: break;
  }
  return msg::BadRequest();
}

}  // namespace

Result<std::vector<std::pair<std::string, std::string>>> ParseQuery(std::string_view query) {
  std::vector<std::pair<std::string, std::string>> parameters;
  size_t position = 0;  // 1-based number of the non-empty part, for messages
  size_t start = 0;
  while (start <= query.size()) {
    size_t end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    std::string_view part = query.substr(start, end - start);
    start = end + 1;
    if (part.empty()) continue;
    ++position;
    if (parameters.size() == kMaxQueryParameters)
      return InvalidArgumentError(msg::TooManyParameters(kMaxQueryParameters));
    size_t equals = part.find('=');
    std::string_view raw_name = part.substr(0, equals);
    std::string_view raw_value = equals == std::string_view::npos ? std::string_view() : part.substr(equals + 1);
    std::string name;
    if (DecodeProblem problem = Decode(raw_name, true, name); problem != DecodeProblem::kNone) {
      return InvalidArgumentError(Describe(problem, msg::QueryParameterAt(position)));
    }
    if (name.empty()) return InvalidArgumentError(msg::ParameterWithoutName(position));
    if (name.size() > kMaxQueryNameBytes) return InvalidArgumentError(msg::NameTooLong(position, kMaxQueryNameBytes));
    std::string value;
    if (DecodeProblem problem = Decode(raw_value, true, value); problem != DecodeProblem::kNone) {
      return InvalidArgumentError(Describe(problem, msg::QueryParameter(name)));
    }
    if (value.size() > kMaxQueryValueBytes) {
      return InvalidArgumentError(msg::ValueTooLong(msg::QueryParameter(name), kMaxQueryValueBytes));
    }
    parameters.emplace_back(std::move(name), std::move(value));
  }
  return parameters;
}

Result<std::string> PercentDecodePath(std::string_view path) {
  std::string decoded;
  if (DecodeProblem problem = Decode(path, false, decoded); problem != DecodeProblem::kNone) {
    return InvalidArgumentError(Describe(problem, msg::Path()));
  }
  return decoded;
}

}  // namespace sz::http
