#include "core/value.h"

#include <charconv>

#include "core/messages.h"

namespace sz {
namespace {

Status WrongKind(std::string_view column, Value::Kind expected, const Value& found) {
  return DataError(msg::WrongValueKind(column, ValueKindName(expected), ValueKindName(found.kind())));
}

}  // namespace

std::string_view ValueKindName(Value::Kind kind) {
  switch (kind) {
    case Value::Kind::kMissing: return "leeg";
    case Value::Kind::kInteger: return "geheel getal";
    case Value::Kind::kDecimal: return "getal";
    case Value::Kind::kDate: return "datum";
    case Value::Kind::kText: return "tekst";
  }
  return "?";
}

Result<int64_t> Value::AsInteger(std::string_view column) const {
  if (kind() != Kind::kInteger) return WrongKind(column, Kind::kInteger, *this);
  return integer();
}

Result<double> Value::AsNumber(std::string_view column) const {
  if (kind() == Kind::kInteger) return static_cast<double>(integer());
  if (kind() != Kind::kDecimal) return WrongKind(column, Kind::kDecimal, *this);
  return decimal();
}

Result<Date> Value::AsDate(std::string_view column) const {
  if (kind() != Kind::kDate) return WrongKind(column, Kind::kDate, *this);
  return date();
}

Result<std::string_view> Value::AsText(std::string_view column) const {
  if (kind() != Kind::kText) return WrongKind(column, Kind::kText, *this);
  return std::string_view(text());
}

std::string Value::ToString() const {
  switch (kind()) {
    case Kind::kMissing: return "";
    case Kind::kInteger: return std::to_string(integer());
    case Kind::kDecimal: {
      char buffer[32];
      auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, decimal());
      return error == std::errc() ? std::string(buffer, end) : std::string("NaN");
    }
    case Kind::kDate: return date().ToIso();
    case Kind::kText: return text();
  }
  return "";
}

}  // namespace sz
