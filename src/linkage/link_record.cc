#include "linkage/link_record.h"

#include <algorithm>

#include "linkage/messages.h"
#include "privacy/clk.h"

namespace sz::linkage {

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
      return InvalidArgumentError(msg::ExtractLacksColumn(reader.source_, required.name));
    }
  }
  reader.placement_ = index_of("uithuisplaatsing");
  reader.role_ = index_of("rol");
  reader.fields_ = index_of("veldcodering");
  if (!event_date_column.empty()) {
    reader.event_date_ = index_of(event_date_column);
    reader.event_date_name_ = event_date_column;
    if (reader.event_date_ < 0) {
      return InvalidArgumentError(msg::ExtractLacksColumn(reader.source_, event_date_column));
    }
  }
  return reader;
}

Result<LinkRecord> ExtractRowReader::Read(std::span<const Value> row) const {
  if (row.size() != width_) {
    return DataError(msg::ExtractRowWrongWidth(row.size(), width_));
  }
  LinkRecord record;
  record.source = source_;
  record.record_id = row[record_id_].TextOrEmpty();
  ASSIGN_OR_RETURN(int64_t betrokkene_nr, row[betrokkene_nr_].AsInteger("betrokkene_nr"));
  record.betrokkene_nr = static_cast<int>(betrokkene_nr);
  record.bsn_pseudonym = row[bsn_].TextOrEmpty();
  record.name_pseudonym = row[name_].TextOrEmpty();
  record.household_pseudonym = row[household_].TextOrEmpty();
  if (!row[clk_].missing()) {
    ASSIGN_OR_RETURN(std::string_view text, row[clk_].AsText("clk"));
    Result<ClkWords> clk = DecodeClk(text);
    if (!clk.ok()) return DataError(msg::ClkColumn(clk.status().message()));
    record.clk = *clk;
  }
  if (!row[birth_year_].missing()) {
    ASSIGN_OR_RETURN(int64_t year, row[birth_year_].AsInteger("geboortejaar"));
    record.birth_year = static_cast<int>(year);
  }
  if (!row[sex_].missing()) {
    ASSIGN_OR_RETURN(std::string_view text, row[sex_].AsText("geslacht"));
    std::optional<Sex> sex = ParseSex(text);
    if (!sex) return DataError(msg::UnknownSex());
    record.sex = *sex == Sex::kOther ? Sex::kUnknown : *sex;
  }
  if (fields_ >= 0 && !row[fields_].missing()) {
    ASSIGN_OR_RETURN(std::string_view text, row[fields_].AsText("veldcodering"));
    Result<privacy::FieldEncodings> fields = privacy::FieldEncodingsFromText(text);
    if (!fields.ok()) return DataError(msg::FieldEncodingsColumn(fields.status().message()));
    record.fields = *fields;
  }
  record.wijk = row[wijk_].TextOrEmpty();
  record.stays_elsewhere =
      placement_ >= 0 && row[placement_].TextOrEmpty() == "ja" && (role_ < 0 || row[role_].TextOrEmpty() == "jeugdige");
  if (event_date_ >= 0 && !row[event_date_].missing()) {
    ASSIGN_OR_RETURN(record.event_date, row[event_date_].AsDate(event_date_name_));
  }
  return record;
}

}  // namespace sz::linkage
