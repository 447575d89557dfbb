// Value: one typed cell of a validated row, as the store keeps it and every stage reads it back:
// missing, a whole number, a decimal number, a calendar date or text. Nothing downstream of
// validation re-parses a cell: a stage asks for the kind it expects and gets a clear error when the
// store holds another.
//
//   Value count = Value::Integer(12);
//   Value day = Value::OfDate(Date{2024, 2, 29});
//   count.integer();                       // 12 (precondition: kind() == kInteger)
//   ASSIGN_OR_RETURN(Date d, day.AsDate("ontvangen_op"));   // kDataError naming the column otherwise
//   day.ToString();                        // "2024-02-29": the canonical text (CSV, messages)
//
// Text covers every non-numeric column kind of the source contracts (codes, categories, ja/nee,
// region codes, ISO weeks, pseudonyms, CLKs); the contract says which (sources/contract.h).
// Thread safety: values only.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "core/date.h"
#include "core/status.h"

namespace sz {

class Value {
 public:
  enum class Kind : uint8_t { kMissing, kInteger, kDecimal, kDate, kText };

  Value() = default;  // missing
  static Value Integer(int64_t value) { return Value(Data(std::in_place_index<1>, value)); }
  static Value Decimal(double value) { return Value(Data(std::in_place_index<2>, value)); }
  static Value OfDate(Date value) { return Value(Data(std::in_place_index<3>, value)); }
  static Value Text(std::string value) { return Value(Data(std::in_place_index<4>, std::move(value))); }

  Kind kind() const { return static_cast<Kind>(data_.index()); }
  bool missing() const { return data_.index() == 0; }

  // Unchecked access: the kind must match (asserted in debug builds).
  int64_t integer() const { return std::get<1>(data_); }
  double decimal() const { return std::get<2>(data_); }
  Date date() const { return std::get<3>(data_); }
  const std::string& text() const { return std::get<4>(data_); }
  std::string& mutable_text() { return std::get<4>(data_); }

  // Checked access for rows read from a store: kDataError naming `column` when the value is missing
  // or of another kind. AsNumber accepts integers and decimals.
  Result<int64_t> AsInteger(std::string_view column) const;
  Result<double> AsNumber(std::string_view column) const;
  Result<Date> AsDate(std::string_view column) const;
  Result<std::string_view> AsText(std::string_view column) const;
  // The text, or "" when missing (text columns that may be empty).
  std::string_view TextOrEmpty() const { return data_.index() == 4 ? std::string_view(text()) : std::string_view(); }

  // Canonical text: "" for missing, decimal digits for integers, the shortest round-trip form with
  // '.' for decimals ("1.5", "0.1"), YYYY-MM-DD for dates, text as it is.
  std::string ToString() const;

  bool operator==(const Value& other) const = default;

 private:
  using Data = std::variant<std::monostate, int64_t, double, Date, std::string>;
  explicit Value(Data data) : data_(std::move(data)) {}
  Data data_;
};

std::string_view ValueKindName(Value::Kind kind);  // "leeg", "geheel getal", "getal", "datum", "tekst"

}  // namespace sz
