#include "sources/validator.h"

#include <algorithm>
#include <cmath>

#include "core/numbers.h"
#include "core/period.h"
#include "privacy/field_encoder.h"
#include "sources/messages.h"

namespace sz::sources {
namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// Column names that betray identities in a file that should be an extract.
bool LooksLikeIdentityColumn(const std::string& name) {
  static const char* const kIdentityNames[] = {
      "bsn",   "voornaam",   "voornamen", "achternaam",  "naam",     "geslachtsnaam", "geboortedatum", "straat",
      "adres", "huisnummer", "postcode",  "toelichting", "telefoon", "email",         "e-mail"};
  std::string lower = Lower(name);
  for (const char* identity : kIdentityNames) {
    if (lower == identity) return true;
  }
  return false;
}

bool IsHex64(const std::string& s) {
  if (s.size() != 64) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool IsBase64(const std::string& s) {
  if (s.empty() || s.size() % 4 != 0) return false;
  size_t pad = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
    if (c == '=') {
      ++pad;
      if (i < s.size() - 2) return false;
    } else if (!ok || pad > 0) {
      return false;
    }
  }
  return pad <= 2;
}

}  // namespace

Result<HeaderMapping> MapHeader(const TableSpec& table, const std::vector<std::string>& header) {
  HeaderMapping mapping;
  mapping.file_column_of.assign(table.columns.size(), -1);
  std::vector<bool> used(header.size(), false);
  for (size_t c = 0; c < table.columns.size(); ++c) {
    for (size_t f = 0; f < header.size(); ++f) {
      if (header[f] == table.columns[c].name) {
        mapping.file_column_of[c] = static_cast<int>(f);
        used[f] = true;
        break;
      }
    }
  }
  if (table.name == "extract") {
    for (size_t f = 0; f < header.size(); ++f) {
      if (!used[f] && LooksLikeIdentityColumn(header[f])) {
        return DataError(msg::IdentityColumnInExtract(header[f]));
      }
    }
  }
  std::string missing;
  for (size_t c = 0; c < table.columns.size(); ++c) {
    if (mapping.file_column_of[c] < 0 && table.columns[c].required) {
      missing += (missing.empty() ? "'" : ", '") + table.columns[c].name + "'";
    }
  }
  if (!missing.empty()) {
    std::string present;
    for (const auto& h : header) present += (present.empty() ? "" : ", ") + h;
    return DataError(msg::MissingColumns(missing, present));
  }
  for (size_t f = 0; f < header.size(); ++f) {
    if (!used[f]) mapping.ignored.push_back(header[f]);
  }
  return mapping;
}

RowValidator::RowValidator(const TableSpec& table, HeaderMapping mapping, const RegionTable& regions,
                           const Clock& clock)
    : table_(table), mapping_(std::move(mapping)), regions_(regions), today_(clock.Today()) {}

std::optional<CellProblem> RowValidator::NormaliseValue(const ColumnSpec& spec, std::string& raw, Value& out) const {
  auto problem = [&](std::string reason, std::string hint) {
    return CellProblem{-1, spec.name, raw, std::move(reason), std::move(hint)};
  };
  out = Value();
  if (raw.empty()) {
    if (spec.nullable) return std::nullopt;
    return problem(msg::EmptyRequired(), msg::FillIn(spec.name, spec.description));
  }
  switch (spec.type) {
    case ColumnType::kText:
    case ColumnType::kPostcode: out = Value::Text(std::move(raw)); return std::nullopt;
    case ColumnType::kCode:
      if (raw.find_first_of(" \t\r\n") != std::string::npos)
        return problem(msg::CodeWithSpaces(), msg::CheckValueOf(spec.name));
      out = Value::Text(std::move(raw));
      return std::nullopt;
    case ColumnType::kInteger: {
      std::optional<int64_t> value = ParseInteger(raw);
      if (!value) {
        std::optional<double> number = ParseNumber(raw);  // "12,0" and "12.0" are whole numbers too
        if (!number || *number != std::floor(*number) || std::abs(*number) >= 1e15) {
          return problem(msg::NotAWholeNumber(raw), msg::UseDigits());
        }
        value = static_cast<int64_t>(*number);
      }
      if (spec.min && *value < *spec.min) {
        return problem(msg::BelowMinimum(raw, static_cast<long long>(*spec.min), *spec.min == 0),
                       msg::CorrectValueOf(spec.name));
      }
      if (spec.max && *value > *spec.max) {
        return problem(msg::AboveMaximum(raw, static_cast<long long>(*spec.max)), msg::CorrectValueOf(spec.name));
      }
      out = Value::Integer(*value);
      return std::nullopt;
    }
    case ColumnType::kDecimal: {
      std::optional<double> value = ParseNumber(raw);
      if (!value) return problem(msg::NotANumber(raw), msg::UseDecimalSeparator());
      if (spec.min && *value < *spec.min) return problem(msg::BelowMinimumDecimal(raw), msg::CorrectValueOf(spec.name));
      out = Value::Decimal(*value);
      return std::nullopt;
    }
    case ColumnType::kDate: {
      auto date = ParseDate(raw);
      if (!date.ok()) return problem(date.status().message(), msg::WriteDatesDutch());
      if (*date > today_) return problem(msg::InTheFuture(raw, today_.ToIso()), msg::CheckDateDayMonth());
      out = Value::OfDate(*date);
      return std::nullopt;
    }
    case ColumnType::kCategory: {
      for (const auto& allowed : spec.allowed) {
        if (raw == allowed) {
          out = Value::Text(std::move(raw));
          return std::nullopt;
        }
      }
      if (auto alias = spec.aliases.find(raw); alias != spec.aliases.end()) {
        out = Value::Text(alias->second);
        return std::nullopt;
      }
      std::string lower = Lower(raw);
      if (auto alias = spec.aliases.find(lower); alias != spec.aliases.end()) {
        out = Value::Text(alias->second);
        return std::nullopt;
      }
      for (const auto& allowed : spec.allowed) {
        if (lower == allowed) {
          out = Value::Text(allowed);
          return std::nullopt;
        }
      }
      return problem(msg::NotAllowed(raw), msg::UseOneOf(spec.allowed));
    }
    case ColumnType::kYesNo: {
      std::string lower = Lower(raw);
      if (lower == "ja" || lower == "j" || lower == "1" || lower == "true" || lower == "yes" || lower == "y") {
        out = Value::Text("ja");
        return std::nullopt;
      }
      if (lower == "nee" || lower == "n" || lower == "0" || lower == "false" || lower == "no") {
        out = Value::Text("nee");
        return std::nullopt;
      }
      return problem(msg::NotYesNo(raw), msg::UseYesNo());
    }
    case ColumnType::kGemeenteCode:
    case ColumnType::kWijkCode:
    case ColumnType::kBuurtCode:
    case ColumnType::kRegionCode: {
      const Region* region = regions_.Find(raw);
      if (region == nullptr) return problem(msg::UnknownRegion(raw), msg::UseRegionCode());
      RegionLevel wanted = spec.type == ColumnType::kGemeenteCode ? RegionLevel::kGemeente
                           : spec.type == ColumnType::kWijkCode   ? RegionLevel::kWijk
                           : spec.type == ColumnType::kBuurtCode  ? RegionLevel::kBuurt
                                                                  : region->level;
      if (region->level != wanted) {
        return problem(msg::WrongRegionLevel(raw, RegionLevelName(region->level), RegionLevelName(wanted)),
                       msg::UseRegionLevel(RegionLevelName(wanted)));
      }
      out = Value::Text(std::move(raw));
      return std::nullopt;
    }
    case ColumnType::kIsoWeek: {
      auto period = Period::Parse(raw);
      if (!period.ok() || period->kind() != PeriodKind::kWeek)
        return problem(msg::NotAnIsoWeek(raw), msg::WriteWeeks());
      if (period->first_day() > today_) return problem(msg::InTheFuture(raw, today_.ToIso()), msg::CheckWeek());
      out = Value::Text(period->ToString());
      return std::nullopt;
    }
    case ColumnType::kPseudonym:
      if (!IsHex64(raw)) return problem(msg::NotAPseudonym(), msg::DeliverExtractAsIs());
      out = Value::Text(std::move(raw));
      return std::nullopt;
    case ColumnType::kClk:
      if (!IsBase64(raw)) return problem(msg::NotAClk(), msg::DeliverExtractAsIs());
      out = Value::Text(std::move(raw));
      return std::nullopt;
    case ColumnType::kFieldEncodings: {
      Result<privacy::FieldEncodings> encodings = privacy::FieldEncodingsFromText(raw);
      if (!encodings.ok()) return problem(encodings.status().message(), msg::DeliverExtractAsIs());
      out = Value::Text(std::move(raw));
      return std::nullopt;
    }
  }
  return std::nullopt;
}

std::optional<CellProblem> RowValidator::Validate(std::vector<std::string>& cells, std::vector<Value>& out) const {
  out.resize(table_.columns.size());
  for (size_t c = 0; c < table_.columns.size(); ++c) {
    int file_col = mapping_.file_column_of[c];
    std::string absent;
    std::string& raw = file_col >= 0 && static_cast<size_t>(file_col) < cells.size() ? cells[file_col] : absent;
    if (auto problem = NormaliseValue(table_.columns[c], raw, out[c])) {
      problem->contract_column = static_cast<int>(c);
      return problem;
    }
  }
  return std::nullopt;
}

}  // namespace sz::sources
