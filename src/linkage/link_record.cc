#include "linkage/link_record.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "privacy/clk.h"

namespace sz::linkage {
namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

Result<int> ParseInt(std::string_view text, std::string_view column) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) {
    return DataError("column " + std::string(column) + ": not a whole number");
  }
  return value;
}

}  // namespace

Result<Sex> ParseSex(std::string_view text) {
  std::string lower = Lower(text);
  if (lower.empty() || lower == "onbekend" || lower == "o" || lower == "u" || lower == "x") return Sex::kUnknown;
  if (lower == "man" || lower == "m" || lower == "male") return Sex::kMan;
  if (lower == "vrouw" || lower == "v" || lower == "f" || lower == "female") return Sex::kVrouw;
  return DataError("unknown sex value (expected man, vrouw or onbekend)");
}

Result<ClkWords> DecodeClk(std::string_view base64) {
  ASSIGN_OR_RETURN(privacy::Clk clk, privacy::Clk::FromBase64(base64, kClkBits));
  ClkWords words{};
  std::copy(clk.words().begin(), clk.words().end(), words.begin());
  return words;
}

Result<ExtractRowReader> ExtractRowReader::Create(std::string source, std::span<const std::string> column_names,
                                                  std::string_view record_id_column,
                                                  std::string_view event_date_column) {
  ExtractRowReader reader;
  reader.source_ = std::move(source);
  reader.width_ = column_names.size();
  auto index_of = [&](std::string_view name) -> int {
    for (size_t col = 0; col < column_names.size(); ++col) {
      if (column_names[col] == name) return static_cast<int>(col);
    }
    return -1;
  };
  struct Required {
    std::string_view name;
    int* slot;
  };
  for (const Required& required :
       {Required{record_id_column, &reader.record_id_}, Required{"betrokkene_nr", &reader.betrokkene_nr_},
        Required{"bsn_pseudoniem", &reader.bsn_}, Required{"naam_pseudoniem", &reader.name_},
        Required{"huishouden_pseudoniem", &reader.household_}, Required{"clk", &reader.clk_},
        Required{"geboortejaar", &reader.birth_year_}, Required{"geslacht", &reader.sex_},
        Required{"wijk", &reader.wijk_}}) {
    *required.slot = index_of(required.name);
    if (*required.slot < 0) {
      return InvalidArgumentError("extract of " + reader.source_ + " has no column " + std::string(required.name));
    }
  }
  reader.placement_ = index_of("uithuisplaatsing");
  reader.role_ = index_of("rol");
  if (!event_date_column.empty()) {
    reader.event_date_ = index_of(event_date_column);
    if (reader.event_date_ < 0) {
      return InvalidArgumentError("extract of " + reader.source_ + " has no column " + std::string(event_date_column));
    }
  }
  return reader;
}

Result<LinkRecord> ExtractRowReader::Read(std::span<const std::string> row) const {
  if (row.size() != width_) {
    return DataError("extract row has " + std::to_string(row.size()) + " values, expected " + std::to_string(width_));
  }
  LinkRecord record;
  record.source = source_;
  record.record_id = row[record_id_];
  ASSIGN_OR_RETURN(record.betrokkene_nr, ParseInt(row[betrokkene_nr_], "betrokkene_nr"));
  record.bsn_pseudonym = row[bsn_];
  record.name_pseudonym = row[name_];
  record.household_pseudonym = row[household_];
  if (!row[clk_].empty()) {
    Result<ClkWords> clk = DecodeClk(row[clk_]);
    if (!clk.ok()) return DataError("column clk: " + clk.status().message());
    record.clk = *clk;
  }
  if (!row[birth_year_].empty()) {
    ASSIGN_OR_RETURN(record.birth_year, ParseInt(row[birth_year_], "geboortejaar"));
  }
  Result<Sex> sex = ParseSex(row[sex_]);
  if (!sex.ok()) return DataError("column geslacht: " + sex.status().message());
  record.sex = *sex;
  record.wijk = row[wijk_];
  record.stays_elsewhere =
      placement_ >= 0 && row[placement_] == "ja" && (role_ < 0 || row[role_] == "jeugdige");
  if (event_date_ >= 0 && !row[event_date_].empty()) {
    Result<Date> date = ParseDate(row[event_date_]);
    if (!date.ok()) return DataError("event date column: not a date");
    record.event_date = *date;
  }
  return record;
}

}  // namespace sz::linkage
