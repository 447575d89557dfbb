#include "pipeline/truth.h"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <tuple>
#include <unordered_map>

#include "core/numbers.h"
#include "io/csv_reader.h"
#include "pipeline/internal/involvement_index.h"
#include "pipeline/messages.h"

namespace sz::pipeline {

using indicators::LinkedInvolvement;
using indicators::SynthTruth;
using indicators::SynthTruthVt;
using indicators::VtClass;

namespace {

// A CSV file as header → column index, read completely.
struct Table {
  std::string path;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<long> lines;

  Result<int> Column(const std::string& name) const {
    auto it = std::find(header.begin(), header.end(), name);
    if (it == header.end()) return DataError(msg::NoSuchColumn(path, name));
    return static_cast<int>(it - header.begin());
  }
  int OptionalColumn(const std::string& name) const {
    auto it = std::find(header.begin(), header.end(), name);
    return it == header.end() ? -1 : static_cast<int>(it - header.begin());
  }
};

Result<Table> ReadTable(const std::string& path) {
  ASSIGN_OR_RETURN(std::unique_ptr<io::CsvReader> reader, io::CsvReader::Open(path));
  Table table;
  table.path = path;
  table.header = reader->header();
  io::CsvRecord record;
  while (reader->Next(record)) {
    if (!record.error.empty()) return DataError(msg::AtLine(path, record.line, record.error));
    table.rows.push_back(std::move(record.cells));
    table.lines.push_back(record.line);
  }
  return table;
}

Result<std::optional<Date>> OptionalDate(const std::string& text, const std::string& where) {
  if (text.empty()) return std::optional<Date>();
  Result<Date> date = ParseDate(text);
  if (!date.ok()) return date.status().WithContext(where);
  return std::optional<Date>(*date);
}

bool YesNo(const std::string& text) {
  return text == "ja" || text == "j" || text == "Ja" || text == "J" || text == "1" || text == "true" || text == "yes";
}

Result<VtClass> ParseClass(const std::string& text) {
  if (text == "vervolgmelding") return VtClass::kVervolgmelding;
  if (text == "hermelding") return VtClass::kHermelding;
  if (text == "nieuw") return VtClass::kNieuw;
  return DataError(msg::UnknownVtClass(text));
}

struct Episode {
  int64_t from = 0, until = 0;
  std::string wijk;
};

// A whole number in a truth file, or kDataError naming the file and line.
Result<int> ParseCount(const Table& table, size_t row, int column) {
  std::optional<int64_t> value = ParseInteger(table.rows[row][column]);
  if (!value)
    return DataError(msg::AtLine(table.path, table.lines[row], msg::NotAWholeNumber(table.rows[row][column])));
  return static_cast<int>(*value);
}

Result<IsoWeek> ParseWeekCell(const Table& table, size_t row, int column) {
  Result<Period> period = Period::Parse(table.rows[row][column]);
  if (!period.ok() || period->kind() != PeriodKind::kWeek) {
    return DataError(msg::AtLine(table.path, table.lines[row], msg::NotAnIsoWeek(table.rows[row][column])));
  }
  return IsoWeek{period->year(), period->number()};
}

Result<int64_t> ParseCountCell(const Table& table, size_t row, int column) {
  std::optional<int64_t> count = ParseInteger(table.rows[row][column]);
  if (!count || *count < 0) {
    return DataError(msg::AtLine(table.path, table.lines[row], msg::NotACount(table.rows[row][column])));
  }
  return *count;
}

}  // namespace

Result<TruePersons> ReadTruePersons(const std::string& persons_csv, std::span<const InvolvementKey> involvements) {
  ASSIGN_OR_RETURN(std::unique_ptr<io::CsvReader> reader, io::CsvReader::Open(persons_csv));
  auto find = [&](std::initializer_list<const char*> names) -> int {
    for (const char* name : names) {
      auto it = std::find(reader->header().begin(), reader->header().end(), name);
      if (it != reader->header().end()) return static_cast<int>(it - reader->header().begin());
    }
    return -1;
  };
  const int source = find({"bron", "source"}), record = find({"registratie_id", "record_id", "registratie", "id"}),
            number = find({"betrokkene_nr"}), person = find({"persoon_id", "person_id", "true_person_id"}),
            household = find({"huishouden_id", "household_id", "true_household_id"});
  if (source < 0 || record < 0 || number < 0 || person < 0 || household < 0) {
    return DataError(msg::TruthPersonsColumns(persons_csv));
  }
  // The involvements by the hash of their key (internal/involvement_index.h): a national truth file has
  // millions of rows, so neither it nor a map of string keys is held in memory.
  const internal::InvolvementIndex index(involvements);
  // Labels are numbered as the file first names them, and renumbered below in involvement order.
  std::unordered_map<std::string, uint32_t> person_ids, household_ids;
  TruePersons out;
  out.person.assign(involvements.size(), UINT32_MAX);
  out.household.assign(involvements.size(), UINT32_MAX);
  io::CsvRecord row;
  while (reader->Next(row)) {
    if (!row.error.empty()) return DataError(msg::AtLine(persons_csv, row.line, row.error));
    std::optional<int64_t> betrokkene_nr = ParseInteger(row.cells[number]);
    if (!betrokkene_nr) continue;  // matches no involvement
    index.ForEachMatch(involvements, row.cells[source], row.cells[record], *betrokkene_nr, [&](uint32_t i) {
      // A key the file names twice: its last row counts.
      out.person[i] = person_ids.emplace(row.cells[person], static_cast<uint32_t>(person_ids.size())).first->second;
      out.household[i] =
          household_ids.emplace(row.cells[household], static_cast<uint32_t>(household_ids.size())).first->second;
    });
  }
  auto renumber = [](std::vector<uint32_t>& labels, size_t distinct) {
    std::vector<uint32_t> in_order(distinct, UINT32_MAX);
    uint32_t next = 0;
    for (uint32_t& label : labels) {
      if (in_order[label] == UINT32_MAX) in_order[label] = next++;
      label = in_order[label];
    }
  };
  for (size_t i = 0; i < involvements.size(); ++i) {
    if (out.person[i] == UINT32_MAX) {
      return DataError(msg::NoTruthFor(persons_csv, involvements[i].source, involvements[i].record_id,
                                       involvements[i].betrokkene_nr));
    }
  }
  renumber(out.person, person_ids.size());
  renumber(out.household, household_ids.size());
  return out;
}

Result<std::vector<SynthTruthVt>> ReadVtClassificationTruth(const std::string& dir) {
  std::vector<SynthTruthVt> out;
  ASSIGN_OR_RETURN(Table vt, ReadTable(dir + "/truth/vt_classificatie.csv"));
  ASSIGN_OR_RETURN(int id, vt.Column("melding_id"));
  ASSIGN_OR_RETURN(int date, vt.Column("ontvangen_op"));
  ASSIGN_OR_RETURN(int soort, vt.Column("soort"));
  ASSIGN_OR_RETURN(int klasse, vt.Column("klasse"));
  ASSIGN_OR_RETURN(int person, vt.Column("bekend_ander_meldpunt_persoon"));
  ASSIGN_OR_RETURN(int household, vt.Column("bekend_ander_meldpunt_huishouden"));
  for (const auto& row : vt.rows) {
    SynthTruthVt entry;
    entry.melding_id = row[id];
    ASSIGN_OR_RETURN(std::optional<Date> received, OptionalDate(row[date], vt.path));
    if (received) entry.ontvangen_op = *received;
    entry.soort = row[soort];
    ASSIGN_OR_RETURN(entry.vt_class, ParseClass(row[klasse]));
    entry.known_elsewhere_person = YesNo(row[person]);
    entry.known_elsewhere_household = YesNo(row[household]);
    out.push_back(std::move(entry));
  }
  return out;
}

Result<SynthTruth> ReadSynthTruth(const std::string& dir) {
  SynthTruth truth;
  // Household address episodes: the true wijk on a date.
  ASSIGN_OR_RETURN(Table households, ReadTable(dir + "/truth/households.csv"));
  std::unordered_map<std::string, std::vector<Episode>> episodes;
  {
    ASSIGN_OR_RETURN(int id, households.Column("huishouden_id"));
    ASSIGN_OR_RETURN(int from, households.Column("vanaf"));
    ASSIGN_OR_RETURN(int until, households.Column("tot"));
    ASSIGN_OR_RETURN(int wijk, households.Column("wijk"));
    for (const auto& row : households.rows) {
      ASSIGN_OR_RETURN(std::optional<Date> from_date, OptionalDate(row[from], households.path));
      ASSIGN_OR_RETURN(std::optional<Date> until_date, OptionalDate(row[until], households.path));
      episodes[row[id]].push_back(Episode{from_date ? from_date->DayNumber() : INT64_MIN,
                                          until_date ? until_date->DayNumber() : INT64_MAX, row[wijk]});
    }
  }
  // True person and household per (source, record, betrokkene_nr).
  ASSIGN_OR_RETURN(Table persons, ReadTable(dir + "/truth/persons.csv"));
  std::map<std::tuple<std::string, std::string, int>, std::pair<std::string, std::string>> true_ids;
  {
    ASSIGN_OR_RETURN(int source, persons.Column("bron"));
    ASSIGN_OR_RETURN(int record, persons.Column("registratie_id"));
    ASSIGN_OR_RETURN(int nr, persons.Column("betrokkene_nr"));
    ASSIGN_OR_RETURN(int person, persons.Column("persoon_id"));
    ASSIGN_OR_RETURN(int household, persons.Column("huishouden_id"));
    for (size_t row_idx = 0; row_idx < persons.rows.size(); ++row_idx) {
      const auto& row = persons.rows[row_idx];
      ASSIGN_OR_RETURN(int number, ParseCount(persons, row_idx, nr));
      true_ids[{row[source], row[record], number}] = {row[person], row[household]};
    }
  }
  for (std::string_view source_view : indicators::kDeskSources) {
    std::string source(source_view);
    ASSIGN_OR_RETURN(Table records, ReadTable(dir + "/" + source + "/registraties.csv"));
    ASSIGN_OR_RETURN(Table betrokkenen, ReadTable(dir + "/" + source + "/betrokkenen.csv"));
    std::string date_name = records.OptionalColumn("ontvangen_op") >= 0 ? "ontvangen_op" : "startdatum";
    ASSIGN_OR_RETURN(int date_column, records.Column(date_name));
    ASSIGN_OR_RETURN(int gemeente_column, records.Column("gemeente"));
    int end_column = std::max(records.OptionalColumn("afgesloten_op"), records.OptionalColumn("einddatum"));
    int soort_column = records.OptionalColumn("soort");
    int placement_column = records.OptionalColumn("uithuisplaatsing");
    int provider_column = records.OptionalColumn("aanbieder");
    std::unordered_map<std::string, LinkedInvolvement> registration;  // record id → its fields
    for (const auto& row : records.rows) {
      LinkedInvolvement fields;
      fields.source = source;
      fields.record_id = row[0];
      std::string where = records.path + " " + row[0];
      ASSIGN_OR_RETURN(std::optional<Date> date, OptionalDate(row[date_column], where));
      if (!date) return DataError(msg::MissingTruthValue(where, date_name));
      fields.event_date = *date;
      if (end_column >= 0) {
        ASSIGN_OR_RETURN(fields.end_date, OptionalDate(row[end_column], where));
      }
      if (soort_column >= 0) fields.soort = row[soort_column];
      if (placement_column >= 0) fields.uithuisplaatsing = YesNo(row[placement_column]);
      if (provider_column >= 0) fields.aanbieder = row[provider_column];
      fields.gemeente = row[gemeente_column];
      registration.emplace(fields.record_id, std::move(fields));
    }
    ASSIGN_OR_RETURN(int nr_column, betrokkenen.Column("betrokkene_nr"));
    ASSIGN_OR_RETURN(int rol_column, betrokkenen.Column("rol"));
    for (size_t row_idx = 0; row_idx < betrokkenen.rows.size(); ++row_idx) {
      const auto& row = betrokkenen.rows[row_idx];
      std::string where = betrokkenen.path + " " + row[0] + " betrokkene " + row[nr_column];
      auto fields = registration.find(row[0]);
      if (fields == registration.end()) return DataError(msg::NoSuchRegistration(where));
      LinkedInvolvement involvement = fields->second;
      ASSIGN_OR_RETURN(involvement.betrokkene_nr, ParseCount(betrokkenen, row_idx, nr_column));
      involvement.rol = row[rol_column];
      auto ids = true_ids.find({source, row[0], involvement.betrokkene_nr});
      if (ids == true_ids.end()) return DataError(msg::NotInTruth(where));
      involvement.person_id = ids->second.first;
      involvement.household_id = ids->second.second;
      int64_t day = involvement.event_date.DayNumber();
      for (const Episode& episode : episodes[involvement.household_id]) {
        if (episode.from <= day && day <= episode.until) involvement.wijk = episode.wijk;
      }
      truth.involvements.push_back(std::move(involvement));
    }
  }
  ASSIGN_OR_RETURN(truth.vt, ReadVtClassificationTruth(dir));
  return truth;
}

Result<std::vector<TrueOutbreak>> ReadOutbreakTruth(const std::string& dir) {
  ASSIGN_OR_RETURN(Table truth, ReadTable(dir + "/truth/outbreaks.csv"));
  ASSIGN_OR_RETURN(int disease, truth.Column("ziekte"));
  ASSIGN_OR_RETURN(int gemeente, truth.Column("gemeente"));
  ASSIGN_OR_RETURN(int first, truth.Column("eerste_week"));
  ASSIGN_OR_RETURN(int last, truth.Column("laatste_week"));
  const Result<int> extra = truth.Column("extra_gevallen");  // optional: older truth files lack it
  std::vector<TrueOutbreak> out;
  for (size_t row = 0; row < truth.rows.size(); ++row) {
    TrueOutbreak outbreak;
    outbreak.ziekte = truth.rows[row][disease];
    outbreak.gemeente = truth.rows[row][gemeente];
    ASSIGN_OR_RETURN(outbreak.first, ParseWeekCell(truth, row, first));
    ASSIGN_OR_RETURN(outbreak.last, ParseWeekCell(truth, row, last));
    if (extra.ok()) {
      ASSIGN_OR_RETURN(outbreak.extra, ParseCountCell(truth, row, *extra));
    }
    out.push_back(std::move(outbreak));
  }
  return out;
}

Result<std::vector<TrueCrossDeskCluster>> ReadCrossDeskTruth(const std::string& dir) {
  ASSIGN_OR_RETURN(Table truth, ReadTable(dir + "/truth/dwarsverbanden.csv"));
  ASSIGN_OR_RETURN(int gemeente, truth.Column("gemeente"));
  ASSIGN_OR_RETURN(int wijk, truth.Column("wijk"));
  ASSIGN_OR_RETURN(int sources, truth.Column("bronnen"));
  ASSIGN_OR_RETURN(int first, truth.Column("eerste_week"));
  ASSIGN_OR_RETURN(int last, truth.Column("laatste_week"));
  ASSIGN_OR_RETURN(int extra, truth.Column("extra_meldingen"));
  std::vector<TrueCrossDeskCluster> out;
  for (size_t row = 0; row < truth.rows.size(); ++row) {
    TrueCrossDeskCluster cluster;
    cluster.gemeente = truth.rows[row][gemeente];
    cluster.wijk = truth.rows[row][wijk];
    for (std::string_view rest = truth.rows[row][sources]; !rest.empty();) {
      const size_t plus = rest.find('+');
      cluster.sources.emplace_back(rest.substr(0, plus));
      rest = plus == std::string_view::npos ? std::string_view() : rest.substr(plus + 1);
    }
    ASSIGN_OR_RETURN(cluster.first, ParseWeekCell(truth, row, first));
    ASSIGN_OR_RETURN(cluster.last, ParseWeekCell(truth, row, last));
    ASSIGN_OR_RETURN(cluster.extra, ParseCountCell(truth, row, extra));
    out.push_back(std::move(cluster));
  }
  return out;
}

}  // namespace sz::pipeline
