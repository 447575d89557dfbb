#include "indicators/synth_truth.h"

#include <algorithm>
#include <memory>
#include <tuple>
#include <unordered_map>

#include "io/csv_reader.h"

namespace sz::indicators {
namespace {

// A CSV file as header → column index, read completely.
struct Table {
  std::string path;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;

  Result<int> Column(const std::string& name) const {
    auto it = std::find(header.begin(), header.end(), name);
    if (it == header.end()) return DataError(path + ": no column '" + name + "'");
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
    if (!record.error.empty()) {
      return DataError(path + " line " + std::to_string(record.line) + ": " + record.error);
    }
    table.rows.push_back(std::move(record.cells));
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
  return DataError("unknown VT class '" + text + "'");
}

struct Episode {
  int64_t from = 0, until = 0;
  std::string wijk;
};

}  // namespace

Result<std::vector<SynthTruthVt>> LoadVtClassificationTruth(const std::string& dir) {
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

Result<SynthTruth> LoadSynthTruth(const std::string& dir) {
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
    for (const auto& row : persons.rows) {
      true_ids[{row[source], row[record], std::stoi(row[nr])}] = {row[person], row[household]};
    }
  }
  for (std::string_view source_view : kDeskSources) {
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
      if (!date) return DataError(where + ": no " + date_name);
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
    for (const auto& row : betrokkenen.rows) {
      std::string where = betrokkenen.path + " " + row[0] + " betrokkene " + row[nr_column];
      auto fields = registration.find(row[0]);
      if (fields == registration.end()) return DataError(where + ": no such registration");
      LinkedInvolvement involvement = fields->second;
      involvement.betrokkene_nr = std::stoi(row[nr_column]);
      involvement.rol = row[rol_column];
      auto ids = true_ids.find({source, row[0], involvement.betrokkene_nr});
      if (ids == true_ids.end()) return DataError(where + ": not in truth/persons.csv");
      involvement.person_id = ids->second.first;
      involvement.household_id = ids->second.second;
      int64_t day = involvement.event_date.DayNumber();
      for (const Episode& episode : episodes[involvement.household_id]) {
        if (episode.from <= day && day <= episode.until) involvement.wijk = episode.wijk;
      }
      truth.involvements.push_back(std::move(involvement));
    }
  }
  ASSIGN_OR_RETURN(truth.vt, LoadVtClassificationTruth(dir));
  return truth;
}

VtTruthComparison CompareWithTruth(std::span<const VtClassification> ours, std::span<const SynthTruthVt> truth) {
  VtTruthComparison comparison;
  std::unordered_map<std::string, const VtClassification*> by_id;
  for (const VtClassification& entry : ours) by_id[entry.record_id] = &entry;
  auto count = [](VtShares& shares, VtClass vt_class) {
    ++shares.meldingen;
    ++shares.counts[static_cast<int>(vt_class)];
  };
  for (const SynthTruthVt& expected : truth) {
    auto it = by_id.find(expected.melding_id);
    if (it == by_id.end()) {
      ++comparison.missing;
      continue;
    }
    const VtClassification& got = *it->second;
    by_id.erase(it);
    ++comparison.compared;
    if (got.vt_class == expected.vt_class) {
      ++comparison.class_agreements;
    } else if (comparison.disagreements.size() < 20) {
      comparison.disagreements.push_back(expected.melding_id + ": ours " + std::string(VtClassName(got.vt_class)) +
                                         ", truth " + std::string(VtClassName(expected.vt_class)));
    }
    if (got.known_elsewhere_person == expected.known_elsewhere_person) ++comparison.person_elsewhere_agreements;
    if (got.known_elsewhere_household == expected.known_elsewhere_household) {
      ++comparison.household_elsewhere_agreements;
    }
    if (expected.soort == "melding") {
      count(comparison.ours, got.vt_class);
      count(comparison.truth, expected.vt_class);
      auto& year = comparison.by_year[expected.ontvangen_op.year];
      count(year.first, got.vt_class);
      count(year.second, expected.vt_class);
    }
  }
  comparison.missing += static_cast<int64_t>(by_id.size());
  return comparison;
}

}  // namespace sz::indicators
