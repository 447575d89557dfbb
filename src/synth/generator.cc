#include "synth/generator.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>

#include "io/csv_writer.h"
#include "synth/internal/chunk.h"
#include "synth/internal/crossdesk_clusters.h"
#include "synth/internal/identity.h"
#include "synth/internal/infections.h"
#include "synth/internal/model.h"
#include "synth/internal/netherlands.h"
#include "synth/internal/survey.h"
#include "synth/messages.h"

namespace sz::synth {
namespace {

using internal::Chunk;
using internal::DeskRecord;
using internal::kDeskCount;
using internal::kNever;
using internal::Model;

// Truth files and the postcode table are for machines: ';', UTF-8 without BOM, ISO dates, LF.
io::WriteDialect TruthDialect() {
  io::WriteDialect dialect = io::WriteDialect::Plain();
  dialect.separator = ';';
  return dialect;
}

std::string PersonId(uint64_t id) {
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "P%09llu", static_cast<unsigned long long>(id));
  return buffer;
}
std::string HouseholdId(uint64_t id) {
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "H%09llu", static_cast<unsigned long long>(id));
  return buffer;
}

struct Writers {
  std::array<std::unique_ptr<io::CsvWriter>, kDeskCount> records, persons;
  std::unique_ptr<io::CsvWriter> truth_persons, truth_households, truth_vt;
  std::map<std::string, int64_t> rows;
};

Status MakeDir(const std::string& path) {
  std::error_code ec;
  std::filesystem::create_directories(path, ec);
  if (ec) return IoError(msg::CannotCreateDirectory(path, ec.message()));
  return Status::Ok();
}

std::vector<std::string> Header(const sources::TableSpec& table) {
  std::vector<std::string> header;
  for (const sources::ColumnSpec& column : table.columns) header.push_back(column.name);
  return header;
}

Status OpenWriters(const Model& model, const GeneratorOptions& options, Writers& writers) {
  for (int desk = 0; desk < kDeskCount; ++desk) {
    const sources::SourceContract& contract = *model.contracts[desk];
    std::string dir = options.out_dir + "/" + contract.name;
    RETURN_IF_ERROR(MakeDir(dir));
    ASSIGN_OR_RETURN(writers.records[desk], io::CsvWriter::Create(dir + "/registraties.csv", options.dialect));
    ASSIGN_OR_RETURN(writers.persons[desk], io::CsvWriter::Create(dir + "/betrokkenen.csv", options.dialect));
    RETURN_IF_ERROR(writers.records[desk]->WriteRow(Header(*contract.records)));
    RETURN_IF_ERROR(writers.persons[desk]->WriteRow(Header(*contract.persons)));
  }
  std::string truth = options.out_dir + "/truth";
  ASSIGN_OR_RETURN(writers.truth_persons, io::CsvWriter::Create(truth + "/persons.csv", TruthDialect()));
  ASSIGN_OR_RETURN(writers.truth_households, io::CsvWriter::Create(truth + "/households.csv", TruthDialect()));
  ASSIGN_OR_RETURN(writers.truth_vt, io::CsvWriter::Create(truth + "/vt_classificatie.csv", TruthDialect()));
  RETURN_IF_ERROR(writers.truth_persons->WriteRow(
      {"bron", "registratie_id", "betrokkene_nr", "persoon_id", "huishouden_id", "fouten"}));
  RETURN_IF_ERROR(writers.truth_households->WriteRow({"huishouden_id", "vanaf", "tot", "gemeente", "wijk", "buurt",
                                                      "postcode", "huisnummer", "huisnummer_toevoeging"}));
  RETURN_IF_ERROR(
      writers.truth_vt->WriteRow({"melding_id", "ontvangen_op", "soort", "klasse", "bekend_ander_meldpunt_persoon",
                                  "bekend_ander_meldpunt_huishouden", "huishouden_id"}));
  return Status::Ok();
}

std::string RecordCell(const Model& model, const DeskRecord& record, const sources::TableSpec& table,
                       const sources::ColumnSpec& column, const io::WriteDialect& dialect) {
  if (&column == &table.columns.front()) return record.id;
  if (column.name == table.date_column) return io::FormatDate(Date::FromDayNumber(record.day), dialect.date_format);
  if (column.type == sources::ColumnType::kGemeenteCode) return model.geography->gemeenten[record.gemeente].code;
  if (column.identity == sources::IdentityKind::kFreeText) return record.toelichting;
  for (const auto& [name, value] : record.fields) {
    if (name == column.name) return value;
  }
  switch (column.type) {
    case sources::ColumnType::kDate:  // closing/end dates
      return record.end_day == kNever ? "" : io::FormatDate(Date::FromDayNumber(record.end_day), dialect.date_format);
    case sources::ColumnType::kYesNo: return "nee";
    case sources::ColumnType::kInteger: return std::to_string(static_cast<long long>(column.min.value_or(0)));
    case sources::ColumnType::kDecimal: return "0";
    case sources::ColumnType::kCategory: return column.nullable ? "" : column.allowed.front();
    case sources::ColumnType::kCode: return column.nullable ? "" : "ONBEKEND";
    default: return "";
  }
}

std::string PersonCell(const sources::ColumnSpec& column, const DeskRecord& record, size_t number,
                       std::string_view role, const internal::WrittenIdentity& identity) {
  const std::string& name = column.name;
  if (name == "betrokkene_nr") return std::to_string(number);
  if (name == "rol") return std::string(role);
  if (name == "bsn") return identity.bsn;
  if (name == "voornamen") return identity.voornamen;
  if (name == "tussenvoegsel") return identity.tussenvoegsel;
  if (name == "achternaam") return identity.achternaam;
  if (name == "geboortedatum") return identity.geboortedatum;
  if (name == "geslacht") return identity.geslacht;
  if (name == "postcode") return identity.postcode;
  if (name == "huisnummer") return identity.huisnummer;
  if (name == "huisnummer_toevoeging") return identity.huisnummer_toevoeging;
  if (name == "straat") return identity.straat;
  if (name == "woonplaats") return identity.woonplaats;
  return record.id;  // the record id column (first column)
}

Status WriteChunk(Model& model, Chunk& chunk, const GeneratorOptions& options, Writers& writers) {
  // Records are in (day, desk) order after classification; ids are numbered per desk and year.
  const io::WriteDialect& dialect = options.dialect;
  internal::Rng identity_rng = internal::Rng::Derive(model.seed, 0x1D, static_cast<uint64_t>(chunk.index));
  std::set<int32_t> households;
  for (int desk = 0; desk < kDeskCount; ++desk) {
    const sources::SourceContract& contract = *model.contracts[desk];
    const sources::TableSpec& records = *contract.records;
    const sources::TableSpec& persons = *contract.persons;
    for (DeskRecord& record : chunk.records) {
      if (record.desk != desk) continue;
      Date date = Date::FromDayNumber(record.day);
      int64_t number = ++model.next_record_number[desk][date.year];
      char id[32];
      std::snprintf(id, sizeof id, "%s%04d-%07lld", internal::DeskIdPrefix(desk), date.year,
                    static_cast<long long>(number));
      record.id = id;
      std::vector<std::string> row;
      for (const sources::ColumnSpec& column : records.columns)
        row.push_back(RecordCell(model, record, records, column, dialect));
      RETURN_IF_ERROR(writers.records[desk]->WriteRow(row));
      ++writers.rows[contract.name + "/registraties.csv"];
      households.insert(record.household);
      for (size_t k = 0; k < record.persons.size(); ++k) {
        const internal::PersonInRecord& involved = record.persons[k];
        bool at_placement = record.placement_gemeente >= 0 && k == 0;
        internal::WrittenIdentity identity = internal::WriteIdentity(model, chunk, identity_rng, involved.person,
                                                                     record.day, desk, record, at_placement, dialect);
        std::vector<std::string> person_row;
        for (const sources::ColumnSpec& column : persons.columns) {
          person_row.push_back(PersonCell(column, record, k + 1, involved.role, identity));
        }
        RETURN_IF_ERROR(writers.persons[desk]->WriteRow(person_row));
        ++writers.rows[contract.name + "/betrokkenen.csv"];
        std::string tags;
        for (const char* tag : identity.errors) {
          if (!tags.empty()) tags += "|";
          tags += tag;
          ++model.acc.identity_errors[tag];
        }
        ++model.acc.betrokkenen_rows;
        const internal::Person& person = chunk.persons[involved.person];
        RETURN_IF_ERROR(
            writers.truth_persons->WriteRow({contract.name, record.id, std::to_string(k + 1), PersonId(person.id),
                                             HouseholdId(chunk.households[record.household].id), tags}));
        ++writers.rows["truth/persons.csv"];
      }
      if (desk == internal::kVeiligThuis) {
        static const char* kClasses[] = {"vervolgmelding", "hermelding", "nieuw"};
        std::string soort;
        for (const auto& [name, value] : record.fields)
          if (name == "soort") soort = value;
        RETURN_IF_ERROR(writers.truth_vt->WriteRow(
            {record.id, Date::FromDayNumber(record.day).ToIso(), soort, kClasses[record.vt_class],
             record.known_elsewhere_person ? "ja" : "nee", record.known_elsewhere_household ? "ja" : "nee",
             HouseholdId(chunk.households[record.household].id)}));
        ++writers.rows["truth/vt_classificatie.csv"];
      }
    }
  }
  const internal::Geography& geo = *model.geography;
  for (int32_t h : households) {
    const internal::Household& household = chunk.households[h];
    for (size_t e = 0; e < household.episodes.size(); ++e) {
      const internal::Episode& episode = household.episodes[e];
      int32_t until = e + 1 < household.episodes.size() ? household.episodes[e + 1].from_day - 1 : household.ended_day;
      internal::DwellingAddress address = geo.Address(episode.gemeente, episode.dwelling);
      const internal::PostcodeGeo& postcode = geo.postcodes[address.postcode];
      const internal::BuurtGeo& buurt = geo.buurten[postcode.buurt];
      RETURN_IF_ERROR(writers.truth_households->WriteRow(
          {HouseholdId(household.id), Date::FromDayNumber(episode.from_day).ToIso(),
           until == kNever || until > model.end_day ? "" : Date::FromDayNumber(until).ToIso(),
           geo.gemeenten[episode.gemeente].code, geo.wijken[buurt.wijk].code, buurt.code, postcode.code,
           std::to_string(address.house_number), address.addition}));
      ++writers.rows["truth/households.csv"];
    }
  }
  return Status::Ok();
}

// The region table the generation used (docs/regions.md format), so every later command can be given
// it: at scale > 1 it holds the synthetic gemeenten that ingest's region validation must know.
Status WriteRegionFile(const RegionTable& regions, const std::string& out_dir, bool national,
                       std::map<std::string, int64_t>& rows) {
  const std::string path = out_dir + "/regio-indeling.csv";
  auto field = [](const std::string& text) {
    if (text.find_first_of(";\"\r\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
  };
  std::ofstream out(path + ".tmp", std::ios::binary | std::ios::trunc);
  out << "# Samenzicht region file v1 (format: docs/regions.md), written by samenzicht generate.\n";
  if (national) {
    out << "# A SYNTHETIC Netherlands: Twente's gemeenten and synthetic gemeenten GM5001 and above, with\n"
           "# synthetic wijken and buurten in CBS code format. Use it with --regions or SAMENZICHT_REGIONS.\n";
  }
  out << "code;naam;niveau;ouder\n";
  for (RegionLevel level :
       {RegionLevel::kLand, RegionLevel::kRegio, RegionLevel::kGemeente, RegionLevel::kWijk, RegionLevel::kBuurt}) {
    for (const Region* region : regions.AtLevel(level)) {
      out << field(region->code) << ';' << field(region->name) << ';' << RegionLevelName(level) << ';'
          << field(region->parent_code) << '\n';
      ++rows["regio-indeling.csv"];
    }
  }
  out.close();
  if (!out) return IoError(msg::WriteFailed(path));
  std::error_code ec;
  std::filesystem::rename(path + ".tmp", path, ec);
  if (ec) return IoError(msg::CannotRename(path, ec.message()));
  return Status::Ok();
}

Status WritePostcodes(const Model& model, const std::string& out_dir, std::map<std::string, int64_t>& rows) {
  ASSIGN_OR_RETURN(auto writer, io::CsvWriter::Create(out_dir + "/postcodes.csv", TruthDialect()));
  RETURN_IF_ERROR(writer->WriteRow({"postcode", "gemeente", "wijk", "buurt"}));
  const internal::Geography& geo = *model.geography;
  for (const internal::PostcodeGeo& postcode : geo.postcodes) {
    const internal::BuurtGeo& buurt = geo.buurten[postcode.buurt];
    const internal::WijkGeo& wijk = geo.wijken[buurt.wijk];
    RETURN_IF_ERROR(writer->WriteRow({postcode.code, geo.gemeenten[wijk.gemeente].code, wijk.code, buurt.code}));
    ++rows["postcodes.csv"];
  }
  return writer->Close();
}

Status WriteBevolking(const Model& model, const GeneratorOptions& options, std::map<std::string, int64_t>& rows) {
  const sources::SourceContract& contract = *sources::FindContract("bevolking");
  RETURN_IF_ERROR(MakeDir(options.out_dir + "/bevolking"));
  ASSIGN_OR_RETURN(auto writer, io::CsvWriter::Create(options.out_dir + "/bevolking/bevolking.csv", options.dialect));
  RETURN_IF_ERROR(writer->WriteRow(Header(contract.extract)));
  const internal::Geography& geo = *model.geography;
  const auto& bands = model.config->population.age_bands;
  const sources::ColumnSpec* sex_column = contract.extract.Find("geslacht");
  auto write = [&](int year, const std::string& region, size_t band, const std::string& sex, int64_t count) -> Status {
    std::vector<std::string> row;
    for (const sources::ColumnSpec& column : contract.extract.columns) {
      if (column.name == "jaar")
        row.push_back(std::to_string(year));
      else if (column.name == "regio")
        row.push_back(region);
      else if (column.name == "leeftijdsklasse")
        row.push_back(bands[band]);
      else if (column.name == "geslacht")
        row.push_back(sex);
      else if (column.name == "aantal")
        row.push_back(std::to_string(count));
      else
        row.push_back("");
    }
    ++rows["bevolking/bevolking.csv"];
    return writer->WriteRow(row);
  };
  for (int y = 0; y < model.years(); ++y) {
    if (internal::DayOf(model.first_year + y, 1, 1) > model.end_day) break;
    const auto& counts = model.acc.population[y];
    for (size_t g = 0; g < geo.gemeenten.size(); ++g) {
      for (size_t band = 0; band < bands.size(); ++band) {
        for (const std::string& sex : sex_column->allowed) {
          int index = sex == "vrouw" ? 1 : 0;
          int64_t total = 0;
          for (int wijk : geo.gemeenten[g].wijken) total += counts[wijk][band][index];
          RETURN_IF_ERROR(write(model.first_year + y, geo.gemeenten[g].code, band, sex, total));
        }
      }
      for (int wijk : geo.gemeenten[g].wijken) {
        for (size_t band = 0; band < bands.size(); ++band) {
          for (const std::string& sex : sex_column->allowed) {
            RETURN_IF_ERROR(write(model.first_year + y, geo.wijken[wijk].code, band, sex,
                                  counts[wijk][band][sex == "vrouw" ? 1 : 0]));
          }
        }
      }
    }
  }
  return writer->Close();
}

nlohmann::json Summary(const Model& model, const GeneratorOptions& options, const nlohmann::json& infections,
                       const nlohmann::json& crossdesk_clusters) {
  using nlohmann::json;
  const SynthConfig& config = *model.config;
  const internal::Geography& geo = *model.geography;
  json out;
  out["seed"] = model.seed;
  out["schaal"] = model.scale;
  out["jaren"] = {model.first_year, model.last_year};
  out["einddatum"] = model.end_date.ToIso();
  // Population: configured vs realised on 1 January of the first and last year.
  json population;
  int last = 0;
  for (int y = 0; y < model.years(); ++y)
    if (internal::DayOf(model.first_year + y, 1, 1) <= model.end_day) last = y;
  for (int y : {0, last}) {
    json year;
    const auto& counts = model.acc.population[y];
    int64_t total = 0;
    std::vector<int64_t> bands(config.population.age_bands.size(), 0);
    for (size_t g = 0; g < geo.gemeenten.size(); ++g) {
      int64_t gemeente_total = 0;
      for (int wijk : geo.gemeenten[g].wijken) {
        for (size_t b = 0; b < bands.size(); ++b) {
          int64_t n = counts[wijk][b][0] + counts[wijk][b][1];
          gemeente_total += n;
          bands[b] += n;
        }
      }
      total += gemeente_total;
      year["gemeenten"][geo.gemeenten[g].code] = {{"geconfigureerd", std::llround(geo.gemeenten[g].population)},
                                                  {"gerealiseerd", gemeente_total}};
    }
    for (size_t b = 0; b < bands.size(); ++b) {
      year["leeftijdsklassen"][config.population.age_bands[b]] = {
          {"geconfigureerd", config.population.age_band_shares[b]},
          {"gerealiseerd", total > 0 ? static_cast<double>(bands[b]) / total : 0.0}};
    }
    year["totaal"] = total;
    population[std::to_string(model.first_year + y)] = year;
  }
  out["bevolking"] = population;
  out["huishoudens_bij_start"] = model.acc.households_start;
  out["personen_per_huishouden_bij_start"] =
      model.acc.households_start ? static_cast<double>(model.acc.persons_start) / model.acc.households_start : 0.0;
  out["geboorten"] = model.acc.births;
  out["sterfgevallen"] = model.acc.deaths;
  out["verhuizingen"] = model.acc.household_moves;
  out["verhuizingen_naar_andere_gemeente"] = model.acc.moves_between_gemeenten;
  out["gedeelde_adressen"] = model.acc.shared_addresses;
  // Desks per year: configured expectation (scale, trend, population) vs realised records.
  const double twente = model.reference_population;
  json desks;
  for (int desk = 0; desk < kDeskCount; ++desk) {
    const DeskConfig& desk_config = config.desks.at(internal::DeskName(desk));
    json per_year;
    for (int y = 0; y <= last; ++y) {
      int year = model.first_year + y;
      json entry = {{"gerealiseerd", model.acc.desk_records[desk][y]}};
      if (desk_config.reports_per_year > 0) {
        int64_t population_total = 0;
        for (const auto& wijk : model.acc.population[y])
          for (const auto& band : wijk) population_total += band[0] + band[1];
        double expected = desk_config.reports_per_year * population_total / twente *
                          std::pow(1 + desk_config.trend_per_year, year - config.population.reference_year);
        if (year == model.end_date.year) expected *= model.end_date.DayOfYear() / (IsLeapYear(year) ? 366.0 : 365.0);
        entry["geconfigureerd"] = expected;
      }
      per_year[std::to_string(year)] = entry;
    }
    desks[internal::DeskName(desk)] = per_year;
  }
  out["meldpunten"] = desks;
  json vt;
  for (int y = 0; y <= last; ++y) {
    const auto& c = model.acc.vt_classes[y];
    int64_t total = c[0] + c[1] + c[2];
    vt[std::to_string(model.first_year + y)] = {
        {"meldingen", model.acc.vt_meldingen[y]},
        {"adviezen", model.acc.vt_adviezen[y]},
        {"vervolgmelding", total ? static_cast<double>(c[0]) / total : 0.0},
        {"hermelding", total ? static_cast<double>(c[1]) / total : 0.0},
        {"nieuw", total ? static_cast<double>(c[2]) / total : 0.0},
        {"bekend", total ? static_cast<double>(c[0] + c[1]) / total : 0.0},
        {"bekend_ander_meldpunt_persoon", total ? static_cast<double>(c[3]) / total : 0.0},
        {"bekend_ander_meldpunt_huishouden", total ? static_cast<double>(c[4]) / total : 0.0}};
  }
  out["veilig_thuis_klassen"] = {
      {"geconfigureerd",
       {{"vervolgmelding", config.veilig_thuis.vervolg_probability},
        {"hermelding", config.veilig_thuis.hermelding_probability},
        {"nieuw", 1 - config.veilig_thuis.vervolg_probability - config.veilig_thuis.hermelding_probability}}},
      {"gerealiseerd_per_jaar", vt},
      {"toelichting",
       "de eerste drie jaren zijn links gecensureerd: eerdere contacten liggen voor de gegenereerde periode"}};
  json jeugd;
  for (int y = 0; y <= last; ++y) {
    const auto& j = model.acc.jeugd[y];
    jeugd[std::to_string(model.first_year + y)] = {{"minderjarigen", j[0]},
                                                   {"bereik", j[0] ? static_cast<double>(j[1]) / j[0] : 0.0},
                                                   {"uithuisgeplaatst", j[0] ? static_cast<double>(j[2]) / j[0] : 0.0}};
  }
  out["jeugdhulp"] = {
      {"geconfigureerd",
       {{"bereik", config.jeugdhulp.reach_share_minors},
        {"uithuisgeplaatst", config.jeugdhulp.placement_share_minors},
        {"plaatsingen_per_geplaatst_kind", config.jeugdhulp.placements_per_placed_child}}},
      {"gerealiseerd_per_jaar", jeugd},
      {"plaatsingstrajecten", model.acc.placement_careers},
      {"plaatsingen", model.acc.placements},
      {"plaatsingen_per_geplaatst_kind_afgeronde_trajecten",
       model.acc.placement_careers_completed
           ? static_cast<double>(model.acc.placements_in_completed_careers) / model.acc.placement_careers_completed
           : 0.0}};
  json wmo;
  for (int y = 0; y <= last; ++y) {
    const auto& w = model.acc.wmo75[y];
    wmo[std::to_string(model.first_year + y)] = {
        {"inwoners_75_plus", w[0]}, {"aandeel_met_voorziening", w[0] ? static_cast<double>(w[1]) / w[0] : 0.0}};
  }
  out["wmo_75_plus"] = wmo;
  json overlap;
  for (int y = 0; y <= last; ++y) {
    const auto& o = model.acc.overlap[y];
    overlap[std::to_string(model.first_year + y)] = {
        {"huishoudens_bekend", o[0]},
        {"aandeel_bij_2_of_meer_meldpunten", o[0] ? static_cast<double>(o[1]) / o[0] : 0.0}};
  }
  out["overlap_meldpunten"] = overlap;
  json errors;
  for (const auto& [tag, count] : model.acc.identity_errors) {
    errors[tag] = model.acc.betrokkenen_rows ? static_cast<double>(count) / model.acc.betrokkenen_rows : 0.0;
  }
  out["identiteitsfouten_aandeel_betrokkenen"] = errors;
  out["gezondheidsmonitor"] = internal::SurveySummary(model);
  out["infectieziekten"] = infections;
  out["dwarsverbanden"] = crossdesk_clusters;
  return out;
}

}  // namespace

Result<std::pair<int, int>> ParseYearRange(std::string_view text) {
  auto parse = [](std::string_view part) -> int {
    if (part.size() != 4) return -1;
    int value = 0;
    for (char c : part) {
      if (c < '0' || c > '9') return -1;
      value = value * 10 + (c - '0');
    }
    return value;
  };
  size_t dash = text.find('-');
  int first = parse(dash == std::string_view::npos ? text : text.substr(0, dash));
  int last = dash == std::string_view::npos ? first : parse(text.substr(dash + 1));
  if (first < 1990 || last > 2100 || first > last) {
    return InvalidArgumentError(msg::BadYears(text));
  }
  return std::make_pair(first, last);
}

Result<GenerationReport> Generate(const GeneratorOptions& options, const RegionTable& regions) {
  if (options.out_dir.empty()) return InvalidArgumentError(msg::OutRequired());
  if (!(options.scale > 0 && options.scale <= 100)) return InvalidArgumentError(msg::BadScale());
  if (options.first_year < 1990 || options.last_year > 2100 || options.first_year > options.last_year) {
    return InvalidArgumentError(msg::YearsReversed());
  }
  if (options.last_year - options.first_year + 1 > 30) return InvalidArgumentError(msg::AtMost30Years());
  RETURN_IF_ERROR(ValidateSynthConfig(options.config, regions));
  Date today = options.today.value_or(SystemClock().Today());
  Date end = std::min(Date{options.last_year, 12, 31}, today);
  if (end < Date{options.first_year, 1, 1}) {
    return InvalidArgumentError(msg::PeriodAfterToday(today.ToIso()));
  }
  int years = options.last_year - options.first_year + 1;
  // Above scale 1: Twente as configured plus synthetic gemeenten for the rest of the population.
  std::optional<internal::NationalPlan> national;
  if (options.scale > 1) {
    ASSIGN_OR_RETURN(national, internal::ExtendToNetherlands(options.config, regions, options.scale));
  }
  const SynthConfig& config = national ? national->config : options.config;
  const RegionTable& used_regions = national ? national->regions : regions;
  ASSIGN_OR_RETURN(internal::Geography geography,
                   national ? internal::BuildGeography(config, used_regions, 1.0, years, national->synthetic)
                            : internal::BuildGeography(config, used_regions, options.scale, years));

  auto model = std::make_unique<Model>();  // large accumulators: keep off the stack
  model->config = &config;
  model->geography = &geography;
  model->seed = options.seed;
  model->scale = options.scale;
  for (const auto& [code, inhabitants] : options.config.population.gemeenten) {
    model->reference_population += inhabitants;
  }
  model->event_size_scale = national ? 1.0 : options.scale;
  model->event_count_scale = national ? options.scale : 1.0;
  model->first_year = options.first_year;
  model->last_year = options.last_year;
  model->end_date = end;
  model->start_day = internal::DayOf(options.first_year, 1, 1);
  model->end_day = static_cast<int32_t>(end.DayNumber());
  for (int desk = 0; desk < kDeskCount; ++desk) {
    model->contracts[desk] = sources::FindContract(internal::DeskName(desk));
    if (model->contracts[desk] == nullptr || !model->contracts[desk]->records || !model->contracts[desk]->persons) {
      return InternalError(msg::NoDeskContract(internal::DeskName(desk)));
    }
  }
  for (const auto& [name, weight] : config.population.origin) {
    model->origin_weights[static_cast<int>(internal::OriginFromName(name))] += weight;
  }
  double origin_total = 0;
  for (double w : model->origin_weights) origin_total += w;
  if (origin_total <= 0) model->origin_weights[0] = 1;
  const size_t bands = config.population.age_bands.size();
  if (bands != 9) return InvalidArgumentError(msg::Config("population.age_band_shares", msg::NineAgeBands()));
  model->acc.population.assign(years, std::vector<std::array<std::array<int64_t, 2>, 9>>(geography.wijken.size()));
  for (auto& year : model->acc.population)
    for (auto& wijk : year)
      for (auto& band : wijk) band = {0, 0};
  for (auto& per_desk : model->acc.desk_records) per_desk.assign(years, 0);
  model->acc.vt_meldingen.assign(years, 0);
  model->acc.vt_adviezen.assign(years, 0);
  model->acc.vt_classes.assign(years, {0, 0, 0, 0, 0});
  model->acc.jeugd.assign(years, {0, 0, 0});
  model->acc.wmo75.assign(years, {0, 0});
  model->acc.overlap.assign(years, {0, 0});
  RETURN_IF_ERROR(internal::PrepareParams(*model));
  RETURN_IF_ERROR(internal::PrepareDeskParams(*model));
  RETURN_IF_ERROR(internal::PrepareSurvey(*model));
  internal::PlanCrossDeskClusters(*model);

  RETURN_IF_ERROR(MakeDir(options.out_dir));
  RETURN_IF_ERROR(MakeDir(options.out_dir + "/truth"));
  Writers writers;
  RETURN_IF_ERROR(WriteRegionFile(used_regions, options.out_dir, national.has_value(), writers.rows));
  RETURN_IF_ERROR(WritePostcodes(*model, options.out_dir, writers.rows));
  RETURN_IF_ERROR(OpenWriters(*model, options, writers));

  for (size_t c = 0; c < geography.chunks.size(); ++c) {
    Chunk chunk;
    chunk.index = static_cast<int>(c);
    chunk.gemeente = geography.chunks[c].gemeente;
    chunk.rng = internal::Rng::Derive(options.seed, 0xC4, c);
    chunk.free_dwellings.assign(geography.gemeenten.size(), {});
    chunk.free_initialised.assign(geography.gemeenten.size(), false);
    internal::SimulatePopulation(*model, chunk);
    internal::GenerateDeskRecords(*model, chunk);
    RETURN_IF_ERROR(WriteChunk(*model, chunk, options, writers));
    if (options.progress && (c + 1 == geography.chunks.size() || (c + 1) % 10 == 0)) {
      options.progress("chunk " + std::to_string(c + 1) + "/" + std::to_string(geography.chunks.size()) + " (" +
                       geography.gemeenten[chunk.gemeente].name + ")");
    }
  }
  for (int desk = 0; desk < kDeskCount; ++desk) {
    RETURN_IF_ERROR(writers.records[desk]->Close());
    RETURN_IF_ERROR(writers.persons[desk]->Close());
  }
  RETURN_IF_ERROR(writers.truth_persons->Close());
  RETURN_IF_ERROR(writers.truth_households->Close());
  RETURN_IF_ERROR(writers.truth_vt->Close());

  RETURN_IF_ERROR(WriteBevolking(*model, options, writers.rows));
  int64_t survey_rows = 0;
  RETURN_IF_ERROR(internal::WriteSurvey(*model, options.out_dir, options.dialect, survey_rows));
  writers.rows["gezondheidsmonitor/*.csv"] = survey_rows;
  int64_t infection_rows = 0, outbreak_rows = 0;
  nlohmann::json infections;
  RETURN_IF_ERROR(internal::WriteInfections(*model, options.out_dir, options.dialect, TruthDialect(), infection_rows,
                                            outbreak_rows, infections));
  writers.rows["infectieziekten/infectieziekten.csv"] = infection_rows;
  writers.rows["truth/outbreaks.csv"] = outbreak_rows;
  int64_t cluster_rows = 0;
  nlohmann::json clusters;
  RETURN_IF_ERROR(internal::WriteCrossDeskClusters(*model, options.out_dir, TruthDialect(), cluster_rows, clusters));
  writers.rows["truth/dwarsverbanden.csv"] = cluster_rows;

  std::string summary_path = options.out_dir + "/truth/summary.json";
  {
    std::ofstream out(summary_path + ".tmp", std::ios::binary);
    out << Summary(*model, options, infections, clusters).dump(2) << "\n";
    if (!out) return IoError(msg::WriteFailed(summary_path));
  }
  std::error_code ec;
  std::filesystem::rename(summary_path + ".tmp", summary_path, ec);
  if (ec) return IoError(msg::CannotRename(summary_path, ec.message()));

  GenerationReport report;
  report.end_date = end;
  report.persons = model->acc.persons_total;
  report.rows_per_file = writers.rows;
  for (const auto& [file, rows] : writers.rows) report.rows_written += rows;
  return report;
}

}  // namespace sz::synth
