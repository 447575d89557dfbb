#include "pipeline/pseudonymise.h"

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "core/sex.h"
#include "io/csv_reader.h"
#include "io/csv_writer.h"
#include "io/postcode_table.h"
#include "pipeline/messages.h"
#include "privacy/clk_schema.h"
#include "privacy/field_encoder.h"
#include "privacy/key.h"
#include "privacy/pseudonymiser.h"
#include "sources/contract.h"
#include "sources/messages.h"
#include "sources/validator.h"

namespace sz::pipeline {
namespace {

using sources::ColumnSpec;
using sources::IdentityKind;
using sources::TableSpec;

struct RecordRow {
  long line = 0;
  std::vector<Value> values;  // contract `records` column order, normalised
  Date event_date;
  bool has_persons = false;
};

// Rejected rows at the desk. They may contain identities, so they go to a file beside the extract
// that stays at the desk, never into the extract.
class DeskRejects {
 public:
  explicit DeskRejects(std::string path) : path_(std::move(path)) {}
  Status Add(const std::string& file, long line, const std::string& column, const std::string& reason,
             const std::string& raw) {
    if (!writer_) {
      ASSIGN_OR_RETURN(writer_, io::CsvWriter::Create(path_, io::WriteDialect::DutchExcel()));
      RETURN_IF_ERROR(writer_->WriteComment("AFGEWEZEN RIJEN — BEVAT IDENTITEITEN: blijft bij het meldpunt"));
      RETURN_IF_ERROR(writer_->WriteRow({"bestand", "regel", "kolom", "reden", "rij"}));
    }
    ++count_;
    return writer_->WriteRow({file, std::to_string(line), column, reason, raw});
  }
  Status Close() { return writer_ ? writer_->Close() : Status::Ok(); }
  long count() const { return count_; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::unique_ptr<io::CsvWriter> writer_;
  long count_ = 0;
};

// Validates the non-identity columns of a row; identity columns are copied raw as text (the
// Pseudonymiser decides what is usable). Returns the first problem.
std::optional<sources::CellProblem> ValidateDeskRow(const sources::RowValidator& validator, const TableSpec& table,
                                                    const sources::HeaderMapping& mapping,
                                                    const std::vector<std::string>& cells, std::vector<Value>& out) {
  out.assign(table.columns.size(), Value());
  for (size_t c = 0; c < table.columns.size(); ++c) {
    int file_col = mapping.file_column_of[c];
    std::string raw = file_col >= 0 ? cells[file_col] : "";
    if (table.columns[c].identity != IdentityKind::kNone) {
      out[c] = Value::Text(std::move(raw));
      continue;
    }
    if (auto problem = validator.NormaliseValue(table.columns[c], raw, out[c])) {
      problem->column_name = table.columns[c].name;
      return problem;
    }
  }
  return std::nullopt;
}

// The extract's geslacht from the pseudonymiser's code (privacy/pseudonymiser.h: "m", "v", "x" or "").
std::string SexForContract(const std::string& pseudonymiser_sex) {
  if (pseudonymiser_sex.empty()) return "";
  std::optional<Sex> sex = ParseSex(pseudonymiser_sex);
  return std::string(SexName(sex.value_or(Sex::kUnknown)));
}

Result<std::unique_ptr<io::CsvReader>> OpenDeskFile(const std::string& path, const TableSpec& table,
                                                    sources::HeaderMapping& mapping) {
  ASSIGN_OR_RETURN(auto reader, io::CsvReader::Open(path));
  auto mapped = sources::MapHeader(table, reader->header());
  if (!mapped.ok()) return mapped.status().WithContext(path + ": line " + std::to_string(reader->header_line()));
  mapping = std::move(mapped).value();
  return reader;
}

// The postcode table: the given one, else postcodes.csv beside the records file or one folder up.
Result<std::string> FindPostcodeTable(const std::string& given, const std::string& records_file) {
  namespace fs = std::filesystem;
  if (!given.empty()) return given;
  fs::path dir = fs::path(records_file).parent_path();
  for (const fs::path& candidate : {dir / "postcodes.csv", dir.parent_path() / "postcodes.csv"}) {
    if (fs::exists(candidate)) return candidate.string();
  }
  return InvalidArgumentError(msg::NoPostcodeTable());
}

}  // namespace

Result<PseudonymiseReport> Pseudonymise(Workspace& workspace, const PseudonymiseRequest& request) {
  const sources::SourceContract* contract = sources::FindContract(request.source);
  if (contract == nullptr) {
    return InvalidArgumentError(sources::msg::UnknownSource(request.source, sources::ContractNames()));
  }
  if (!contract->is_desk) return InvalidArgumentError(msg::NotADeskSource(contract->name));
  ASSIGN_OR_RETURN(const RegionTable* region_table, workspace.Regions());
  const RegionTable& regions = *region_table;
  const Clock& clock = workspace.clock();
  const TableSpec& records_table = *contract->records;
  const TableSpec& persons_table = *contract->persons;
  const TableSpec& extract_table = contract->extract;

  ASSIGN_OR_RETURN(privacy::Key key, privacy::Key::ReadFile(request.key_file));
  std::string schema_path =
      request.clk_schema_file.empty() ? workspace.ConfigFile(kClkSchemaFile) : request.clk_schema_file;
  ASSIGN_OR_RETURN(privacy::ClkSchema schema, privacy::ReadClkSchemaFile(schema_path));
  ASSIGN_OR_RETURN(privacy::Pseudonymiser pseudonymiser,
                   privacy::Pseudonymiser::Create(key, schema, {.field_encodings = request.field_encodings}));
  PseudonymiseReport report;
  ASSIGN_OR_RETURN(report.postcode_file, FindPostcodeTable(request.postcode_file, request.records_file));
  ASSIGN_OR_RETURN(io::PostcodeTable postcodes, io::PostcodeTable::Load(report.postcode_file, regions));

  report.key_fingerprint = pseudonymiser.key_fingerprint();
  DeskRejects rejects(request.output_file + ".rejects.csv");

  // 1. Records, keyed by their id.
  sources::HeaderMapping records_mapping;
  ASSIGN_OR_RETURN(auto records_reader, OpenDeskFile(request.records_file, records_table, records_mapping));
  sources::RowValidator records_validator(records_table, records_mapping, regions, clock);
  const int id_col = records_table.IndexOf(records_table.key.front());
  const int date_col = records_table.IndexOf(records_table.date_column);
  std::map<std::string, RecordRow> records;
  io::CsvRecord row;
  while (records_reader->Next(row)) {
    ++report.records_read;
    if (!row.error.empty()) {
      RETURN_IF_ERROR(rejects.Add(request.records_file, row.line, "", row.error, row.raw));
      continue;
    }
    RecordRow record;
    record.line = row.line;
    if (auto problem = ValidateDeskRow(records_validator, records_table, records_mapping, row.cells, record.values)) {
      RETURN_IF_ERROR(rejects.Add(request.records_file, row.line, problem->column_name, problem->reason, row.raw));
      continue;
    }
    record.event_date = record.values[date_col].date();
    const std::string id = record.values[id_col].text();
    if (records.count(id)) {
      RETURN_IF_ERROR(rejects.Add(request.records_file, row.line, records_table.key.front(),
                                  msg::DuplicateRecordId(records[id].line), row.raw));
      continue;
    }
    records.emplace(id, std::move(record));
  }
  report.records_rejected = rejects.count();

  // 2. Persons, joined to their record, pseudonymised, written to the extract.
  sources::HeaderMapping persons_mapping;
  ASSIGN_OR_RETURN(auto persons_reader, OpenDeskFile(request.persons_file, persons_table, persons_mapping));
  sources::RowValidator persons_validator(persons_table, persons_mapping, regions, clock);
  auto person_col = [&](const char* name) { return persons_table.IndexOf(name); };

  io::WriteDialect dialect = io::WriteDialect::Plain();
  dialect.separator = ';';
  ASSIGN_OR_RETURN(auto writer, io::CsvWriter::Create(request.output_file, dialect));
  std::vector<std::string> header;
  for (const ColumnSpec& column : extract_table.columns) header.push_back(column.name);
  std::vector<std::vector<std::string>> extract_rows;

  std::vector<Value> person;
  std::map<std::string, long> seen_person_keys;
  while (persons_reader->Next(row)) {
    ++report.persons_read;
    if (!row.error.empty()) {
      ++report.persons_rejected;
      RETURN_IF_ERROR(rejects.Add(request.persons_file, row.line, "", row.error, row.raw));
      continue;
    }
    if (auto problem = ValidateDeskRow(persons_validator, persons_table, persons_mapping, row.cells, person)) {
      ++report.persons_rejected;
      RETURN_IF_ERROR(rejects.Add(request.persons_file, row.line, problem->column_name, problem->reason, row.raw));
      continue;
    }
    const std::string& record_id = person[0].text();
    auto record = records.find(record_id);
    if (record == records.end()) {
      ++report.persons_rejected;
      RETURN_IF_ERROR(rejects.Add(request.persons_file, row.line, persons_table.columns[0].name,
                                  msg::NoRecordForPerson(request.records_file), row.raw));
      continue;
    }
    std::string person_key = record_id + "|" + person[person_col("betrokkene_nr")].ToString();
    if (auto [it, inserted] = seen_person_keys.emplace(person_key, row.line); !inserted) {
      ++report.persons_rejected;
      RETURN_IF_ERROR(
          rejects.Add(request.persons_file, row.line, "betrokkene_nr", msg::PersonNumberTwice(it->second), row.raw));
      continue;
    }
    record->second.has_persons = true;

    auto cell = [&](const char* name) { return person[person_col(name)].ToString(); };
    privacy::PersonIdentity identity{.bsn = cell("bsn"),
                                     .given_names = cell("voornamen"),
                                     .tussenvoegsel = cell("tussenvoegsel"),
                                     .surname = cell("achternaam"),
                                     .birth_date = cell("geboortedatum"),
                                     .sex = cell("geslacht"),
                                     .postcode = cell("postcode"),
                                     .house_number = cell("huisnummer"),
                                     .house_number_addition = cell("huisnummer_toevoeging"),
                                     .street = cell("straat"),
                                     .locality = cell("woonplaats")};
    ASSIGN_OR_RETURN(privacy::Pseudonyms pseudonyms, pseudonymiser.Pseudonymise(identity));
    switch (pseudonyms.bsn_status) {
      case privacy::BsnStatus::kValid: ++report.bsn_valid; break;
      case privacy::BsnStatus::kInvalid: ++report.bsn_invalid; break;
      case privacy::BsnStatus::kMissing: ++report.bsn_missing; break;
    }
    const io::PostcodeArea* area = postcodes.Find(identity.postcode);
    if (area == nullptr) ++report.postcode_unknown;

    std::vector<std::string> out;
    out.reserve(extract_table.columns.size());
    for (const ColumnSpec& column : extract_table.columns) {
      const std::string& name = column.name;
      int record_index = records_table.IndexOf(name);
      if (name == "betrokkene_nr" || name == "rol") {
        out.push_back(person[person_col(name.c_str())].ToString());
      } else if (record_index >= 0) {
        out.push_back(record->second.values[record_index].ToString());
      } else if (name == "bsn_pseudoniem") {
        out.push_back(pseudonyms.bsn_pseudonym);
      } else if (name == "bsn_status") {
        out.push_back(pseudonyms.bsn_status == privacy::BsnStatus::kValid     ? "geldig"
                      : pseudonyms.bsn_status == privacy::BsnStatus::kInvalid ? "ongeldig"
                                                                              : "ontbreekt");
      } else if (name == "naam_pseudoniem") {
        out.push_back(pseudonyms.name_pseudonym);
      } else if (name == "huishouden_pseudoniem") {
        out.push_back(pseudonyms.address_pseudonym);
      } else if (name == "clk") {
        out.push_back(pseudonyms.clk);
      } else if (name == "veldcodering") {
        out.push_back(pseudonyms.fields ? privacy::FieldEncodingsToText(*pseudonyms.fields) : "");
      } else if (name == "geboortejaar") {
        out.push_back(pseudonyms.birth_year ? std::to_string(*pseudonyms.birth_year) : "");
      } else if (name == "leeftijd") {
        std::optional<int> age;
        if (pseudonyms.birth_date) age = privacy::AgeInYears(*pseudonyms.birth_date, record->second.event_date);
        out.push_back(age ? std::to_string(*age) : "");
      } else if (name == "geslacht") {
        out.push_back(SexForContract(pseudonyms.sex));
      } else if (name == "wijk") {
        out.push_back(area ? area->wijk : "");
      } else if (name == "buurt") {
        out.push_back(area ? area->buurt : "");
      } else {
        return InternalError(msg::UnknownExtractColumn(name));
      }
    }
    extract_rows.push_back(std::move(out));
  }

  // Records without any person cannot be delivered (the extract has a row per person).
  for (const auto& [id, record] : records) {
    if (!record.has_persons) {
      ++report.records_rejected;
      RETURN_IF_ERROR(
          rejects.Add(request.records_file, record.line, records_table.key.front(), msg::RecordWithoutPersons(), ""));
    }
  }
  report.extract_rows = static_cast<long>(extract_rows.size());

  // 3. The extract: header lines, then the rows.
  RETURN_IF_ERROR(writer->WriteComment("samenzicht-extract: 1"));
  RETURN_IF_ERROR(writer->WriteComment("source: " + contract->name));
  RETURN_IF_ERROR(writer->WriteComment("contract_version: " + std::to_string(contract->version)));
  RETURN_IF_ERROR(writer->WriteComment("key_fingerprint: " + report.key_fingerprint));
  RETURN_IF_ERROR(writer->WriteComment("clk_schema_sha256: " + pseudonymiser.linkage_schema().digest));
  long records_delivered = 0;
  for (const auto& [id, record] : records) records_delivered += record.has_persons;
  RETURN_IF_ERROR(writer->WriteComment("records: " + std::to_string(records_delivered)));
  RETURN_IF_ERROR(writer->WriteComment("persons: " + std::to_string(report.extract_rows)));
  RETURN_IF_ERROR(writer->WriteComment("made_on: " + clock.Today().ToIso()));
  RETURN_IF_ERROR(writer->WriteRow(header));
  for (const auto& out : extract_rows) RETURN_IF_ERROR(writer->WriteRow(out));
  RETURN_IF_ERROR(writer->Close());
  RETURN_IF_ERROR(rejects.Close());
  if (rejects.count() > 0) report.rejects_file = rejects.path();
  return report;
}

}  // namespace sz::pipeline
