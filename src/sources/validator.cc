#include "sources/validator.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>

#include "core/period.h"

namespace sz::sources {
namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// Column names that betray identities in a file that should be an extract.
bool LooksLikeIdentityColumn(const std::string& name) {
  static const char* const kIdentityNames[] = {"bsn",       "voornaam",    "voornamen", "achternaam", "naam",
                                               "geslachtsnaam", "geboortedatum", "straat",  "adres", "huisnummer",
                                               "postcode",  "toelichting", "telefoon",  "email",      "e-mail"};
  std::string lower = Lower(name);
  for (const char* identity : kIdentityNames) {
    if (lower == identity) return true;
  }
  return false;
}

bool ParseLong(const std::string& s, long long& out) {
  if (s.empty()) return false;
  const char* begin = s.data();
  const char* end = s.data() + s.size();
  if (*begin == '+') ++begin;
  auto [ptr, ec] = std::from_chars(begin, end, out);
  return ec == std::errc() && ptr == end;
}

bool ParseDecimal(const std::string& raw, double& out, std::string& normalised) {
  std::string s = raw;
  // Decimal comma: "1,5" → "1.5". A value with both '.' and ',' uses '.' as thousands separator ("1.234,5").
  if (s.find(',') != std::string::npos) {
    if (s.find('.') != std::string::npos) s.erase(std::remove(s.begin(), s.end(), '.'), s.end());
    std::replace(s.begin(), s.end(), ',', '.');
  }
  if (s.empty()) return false;
  char* end = nullptr;
  out = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || !std::isfinite(out)) return false;
  normalised = s;
  return true;
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

std::string JoinAllowed(const std::vector<std::string>& allowed) {
  std::string out;
  for (const auto& a : allowed) out += (out.empty() ? "" : ", ") + a;
  return out;
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
        return DataError("column '" + header[f] +
                         "' holds identities, which never enter Samenzicht; this looks like an identified desk "
                         "export. Run `samenzicht pseudonymise` at the desk and ingest its extract instead. "
                         "Nothing was stored");
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
    return DataError("required column(s) " + missing + " missing from the header (the header has: " + present +
                     "); see `samenzicht schema` for the expected columns");
  }
  for (size_t f = 0; f < header.size(); ++f) {
    if (!used[f]) mapping.ignored.push_back(header[f]);
  }
  return mapping;
}

RowValidator::RowValidator(const TableSpec& table, HeaderMapping mapping, const RegionTable& regions,
                           const Clock& clock)
    : table_(table), mapping_(std::move(mapping)), regions_(regions), today_(clock.Today()) {}

std::optional<CellProblem> RowValidator::NormaliseValue(const ColumnSpec& spec, const std::string& raw,
                                                        std::string& out) const {
  auto problem = [&](std::string reason, std::string hint) {
    return CellProblem{-1, spec.name, raw, std::move(reason), std::move(hint)};
  };
  out.clear();
  if (raw.empty()) {
    if (spec.nullable) return std::nullopt;
    return problem("empty value in a required column", "fill in '" + spec.name + "' (" + spec.description + ")");
  }
  switch (spec.type) {
    case ColumnType::kText: out = raw; return std::nullopt;
    case ColumnType::kCode:
      if (raw.find_first_of(" \t\r\n") != std::string::npos) {
        return problem("a code may not contain spaces or line breaks", "check the value of '" + spec.name + "'");
      }
      out = raw;
      return std::nullopt;
    case ColumnType::kInteger: {
      long long value = 0;
      if (!ParseLong(raw, value)) {
        double d;
        std::string norm;
        if (ParseDecimal(raw, d, norm) && d == std::floor(d) && std::abs(d) < 1e15) {
          value = static_cast<long long>(d);
        } else {
          return problem("'" + raw + "' is not a whole number", "use digits only, e.g. 12");
        }
      }
      if (spec.min && value < *spec.min) {
        return problem(raw + " is below the minimum " + std::to_string(static_cast<long long>(*spec.min)) +
                           (*spec.min == 0 ? " (counts cannot be negative)" : ""),
                       "correct the value of '" + spec.name + "'");
      }
      if (spec.max && value > *spec.max) {
        return problem(raw + " is above the maximum " + std::to_string(static_cast<long long>(*spec.max)),
                       "correct the value of '" + spec.name + "'");
      }
      out = std::to_string(value);
      return std::nullopt;
    }
    case ColumnType::kDecimal: {
      double value = 0;
      std::string norm;
      if (!ParseDecimal(raw, value, norm)) {
        return problem("'" + raw + "' is not a number", "use digits with ',' or '.' as decimal separator, e.g. 1,25");
      }
      if (spec.min && value < *spec.min) {
        return problem(raw + " is below the minimum", "correct the value of '" + spec.name + "'");
      }
      out = norm;
      return std::nullopt;
    }
    case ColumnType::kDate: {
      auto date = ParseDate(raw);
      if (!date.ok()) return problem(date.status().message(), "write dates as dd-mm-jjjj (e.g. 28-02-2024)");
      if (*date > today_) {
        return problem(raw + " lies in the future (today is " + today_.ToIso() + ")",
                       "check the date; day and month may be swapped");
      }
      out = date->ToIso();
      return std::nullopt;
    }
    case ColumnType::kCategory: {
      for (const auto& allowed : spec.allowed) {
        if (raw == allowed) {
          out = raw;
          return std::nullopt;
        }
      }
      if (auto alias = spec.aliases.find(raw); alias != spec.aliases.end()) {
        out = alias->second;
        return std::nullopt;
      }
      std::string lower = Lower(raw);
      for (const auto& allowed : spec.allowed) {
        if (lower == allowed) {
          out = allowed;
          return std::nullopt;
        }
      }
      return problem("'" + raw + "' is not an allowed value", "use one of: " + JoinAllowed(spec.allowed));
    }
    case ColumnType::kYesNo: {
      std::string lower = Lower(raw);
      if (lower == "ja" || lower == "j" || lower == "1" || lower == "true" || lower == "yes" || lower == "y") {
        out = "ja";
        return std::nullopt;
      }
      if (lower == "nee" || lower == "n" || lower == "0" || lower == "false" || lower == "no") {
        out = "nee";
        return std::nullopt;
      }
      return problem("'" + raw + "' is not ja or nee", "use ja or nee");
    }
    case ColumnType::kGemeenteCode:
    case ColumnType::kWijkCode:
    case ColumnType::kBuurtCode:
    case ColumnType::kRegionCode: {
      const Region* region = regions_.Find(raw);
      if (region == nullptr) {
        return problem("unknown region code '" + raw + "'",
                       "use a CBS code from the region file (e.g. GM0153, WK015300); is the region file of the "
                       "right year loaded?");
      }
      RegionLevel wanted = spec.type == ColumnType::kGemeenteCode ? RegionLevel::kGemeente
                           : spec.type == ColumnType::kWijkCode   ? RegionLevel::kWijk
                           : spec.type == ColumnType::kBuurtCode  ? RegionLevel::kBuurt
                                                                  : region->level;
      if (region->level != wanted) {
        return problem("'" + raw + "' is a " + std::string(RegionLevelName(region->level)) + ", not a " +
                           std::string(RegionLevelName(wanted)),
                       "use a " + std::string(RegionLevelName(wanted)) + " code");
      }
      out = raw;
      return std::nullopt;
    }
    case ColumnType::kIsoWeek: {
      auto period = Period::Parse(raw);
      if (!period.ok() || period->kind() != PeriodKind::kWeek) {
        return problem("'" + raw + "' is not an ISO week", "write weeks as 2024-W05");
      }
      if (period->first_day() > today_) {
        return problem(raw + " lies in the future (today is " + today_.ToIso() + ")", "check the week");
      }
      out = period->ToString();
      return std::nullopt;
    }
    case ColumnType::kPseudonym:
      if (!IsHex64(raw)) {
        return problem("not a pseudonym (64 lowercase hexadecimal characters)",
                       "deliver the extract exactly as `samenzicht pseudonymise` wrote it");
      }
      out = raw;
      return std::nullopt;
    case ColumnType::kClk:
      if (!IsBase64(raw)) {
        return problem("not a base64 Bloom-filter encoding", "deliver the extract exactly as `samenzicht pseudonymise` wrote it");
      }
      out = raw;
      return std::nullopt;
    case ColumnType::kPostcode: out = raw; return std::nullopt;
  }
  return std::nullopt;
}

std::optional<CellProblem> RowValidator::Validate(const std::vector<std::string>& cells,
                                                  std::vector<std::string>& out) const {
  out.assign(table_.columns.size(), std::string());
  static const std::string kEmpty;
  for (size_t c = 0; c < table_.columns.size(); ++c) {
    int file_col = mapping_.file_column_of[c];
    const std::string& raw = file_col >= 0 && static_cast<size_t>(file_col) < cells.size() ? cells[file_col] : kEmpty;
    if (auto problem = NormaliseValue(table_.columns[c], raw, out[c])) {
      problem->contract_column = static_cast<int>(c);
      return problem;
    }
  }
  return std::nullopt;
}

}  // namespace sz::sources
