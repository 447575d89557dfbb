// Tests of the synthetic Twente generator (issue 3): contracts, determinism, marginals, truth.
// One generation at scale 0.1 over 2019–2022 is shared by the tests (a few seconds).
#include "synth/generator.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/period.h"
#include "io/region_file.h"
#include "io/text_table.h"
#include "sources/contract.h"
#include "synth/config.h"

namespace sz::synth {
namespace {

namespace fs = std::filesystem;

const char* kDesks[] = {"veilig_thuis", "zorgwekkend_gedrag", "woningvervuiling", "wonen_verblijf", "jeugdhulp", "wmo"};
constexpr double kScale = 0.1;
constexpr int kFirstYear = 2019;
constexpr int kLastYear = 2022;

RegionTable Regions() {
  Result<RegionTable> regions =
      io::LoadRegionFile(std::string(SZ_SOURCE_DIR) + "/config/regions/twente-synthetic-2024.csv");
  EXPECT_TRUE(regions.ok()) << regions.status().ToString();
  return std::move(regions).value();
}

SynthConfig DefaultConfig() {
  Result<SynthConfig> config = LoadSynthConfig(std::string(SZ_SOURCE_DIR) + "/config/synthetic-twente.json");
  EXPECT_TRUE(config.ok()) << config.status().ToString();
  return std::move(config).value();
}

GeneratorOptions Options(const std::string& dir, uint64_t seed, double scale, int first, int last) {
  GeneratorOptions options;
  options.out_dir = dir;
  options.seed = seed;
  options.scale = scale;
  options.first_year = first;
  options.last_year = last;
  options.config = DefaultConfig();
  options.today = Date{2026, 6, 30};
  return options;
}

// Per process: ctest runs every test case in its own process, two at a time, and each process
// generates its own copy (a shared folder would be removed under the other process's feet).
std::string TempDir(const std::string& name) {
  std::string dir = std::string(SZ_BINARY_DIR) + "/synth_test_" + name + "_" + std::to_string(getpid());
  fs::remove_all(dir);
  return dir;
}

io::TextTable Read(const std::string& path) {
  Result<io::TextTable> table = io::ReadTextTable(path);
  EXPECT_TRUE(table.ok()) << path << ": " << table.status().ToString();
  return table.ok() ? std::move(table).value() : io::TextTable{};
}

// The shared generation.
class SynthTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(TempDir("main"));
    regions_ = new RegionTable(Regions());
    Result<GenerationReport> report = Generate(Options(*dir_, 20240601, kScale, kFirstYear, kLastYear), *regions_);
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    std::ifstream in(*dir_ + "/truth/summary.json");
    summary_ = new nlohmann::json(nlohmann::json::parse(in));
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
    delete regions_;
    delete summary_;
  }
  static std::string* dir_;
  static RegionTable* regions_;
  static nlohmann::json* summary_;
};
std::string* SynthTest::dir_ = nullptr;
RegionTable* SynthTest::regions_ = nullptr;
nlohmann::json* SynthTest::summary_ = nullptr;

// Checks every cell of a table against its contract; returns the number of rows checked.
size_t CheckTable(const io::TextTable& table, const sources::TableSpec& spec, const RegionTable& regions, Date end) {
  std::vector<std::string> expected;
  for (const auto& column : spec.columns) expected.push_back(column.name);
  EXPECT_EQ(table.header, expected) << table.path;
  if (table.header != expected) return 0;
  for (size_t row = 0; row < table.rows.size(); ++row) {
    for (size_t c = 0; c < spec.columns.size(); ++c) {
      const sources::ColumnSpec& column = spec.columns[c];
      const std::string& cell = table.rows[row][c];
      std::string where = table.path + " line " + std::to_string(table.line_numbers[row]) + " column " + column.name;
      if (cell.empty()) {
        EXPECT_TRUE(column.nullable) << where << ": empty";
        continue;
      }
      switch (column.type) {
        case sources::ColumnType::kCategory: {
          std::string value = cell;
          std::string lower = cell;
          for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
          if (auto alias = column.aliases.find(value); alias != column.aliases.end()) value = alias->second;
          if (auto alias = column.aliases.find(lower); alias != column.aliases.end())
            value = alias->second;  // as ingest does
          EXPECT_NE(std::find(column.allowed.begin(), column.allowed.end(), value), column.allowed.end())
              << where << ": '" << cell << "' not allowed";
          break;
        }
        case sources::ColumnType::kDate: {
          Result<Date> date = ParseDate(cell);
          EXPECT_TRUE(date.ok()) << where << ": " << cell;
          if (date.ok()) {
            EXPECT_LE(*date, end) << where << ": in the future";
          }
          break;
        }
        case sources::ColumnType::kInteger: {
          size_t used = 0;
          long long value = std::stoll(cell, &used);
          EXPECT_EQ(used, cell.size()) << where << ": " << cell;
          if (column.min) {
            EXPECT_GE(value, *column.min) << where;
          }
          if (column.max) {
            EXPECT_LE(value, *column.max) << where;
          }
          break;
        }
        case sources::ColumnType::kYesNo: EXPECT_TRUE(cell == "ja" || cell == "nee") << where << ": " << cell; break;
        case sources::ColumnType::kGemeenteCode:
        case sources::ColumnType::kWijkCode:
        case sources::ColumnType::kBuurtCode:
        case sources::ColumnType::kRegionCode:
          EXPECT_NE(regions.Find(cell), nullptr) << where << ": unknown region " << cell;
          break;
        case sources::ColumnType::kIsoWeek: EXPECT_TRUE(Period::Parse(cell).ok()) << where << ": " << cell; break;
        case sources::ColumnType::kPostcode: {
          std::string compact;
          for (char ch : cell)
            if (ch != ' ') compact += ch;
          EXPECT_EQ(compact.size(), 6u) << where << ": " << cell;
          if (compact.size() != 6) break;
          int pc4 = std::stoi(compact.substr(0, 4));
          EXPECT_TRUE(pc4 >= 7400 && pc4 <= 7699) << where << ": " << cell;
          EXPECT_TRUE(std::isupper(static_cast<unsigned char>(compact[4])) &&
                      std::isupper(static_cast<unsigned char>(compact[5])));
          break;
        }
        case sources::ColumnType::kCode:
          EXPECT_EQ(cell.find(' '), std::string::npos) << where << ": code with a space: " << cell;
          break;
        default: break;
      }
    }
  }
  return table.rows.size();
}

TEST_F(SynthTest, DeskExportsFollowTheirContracts) {
  Date end{kLastYear, 12, 31};
  for (const char* desk : kDesks) {
    const sources::SourceContract* contract = sources::FindContract(desk);
    ASSERT_NE(contract, nullptr);
    io::TextTable records = Read(*dir_ + "/" + desk + "/registraties.csv");
    io::TextTable persons = Read(*dir_ + "/" + desk + "/betrokkenen.csv");
    EXPECT_GT(CheckTable(records, *contract->records, *regions_, end), 0u) << desk;
    EXPECT_GT(CheckTable(persons, *contract->persons, *regions_, end), 0u) << desk;
    // Record ids are unique and every betrokkene belongs to a record.
    std::set<std::string> ids;
    for (const auto& row : records.rows) EXPECT_TRUE(ids.insert(row[0]).second) << desk << ": duplicate id " << row[0];
    for (const auto& row : persons.rows) EXPECT_TRUE(ids.count(row[0])) << desk << ": orphan betrokkene " << row[0];
  }
}

TEST_F(SynthTest, AggregateSourcesFollowTheirContracts) {
  Date end{kLastYear, 12, 31};
  EXPECT_GT(
      CheckTable(Read(*dir_ + "/bevolking/bevolking.csv"), sources::FindContract("bevolking")->extract, *regions_, end),
      0u);
  EXPECT_GT(CheckTable(Read(*dir_ + "/infectieziekten/infectieziekten.csv"),
                       sources::FindContract("infectieziekten")->extract, *regions_, end),
            0u);
  for (int wave : {2020, 2022}) {
    std::string base = *dir_ + "/gezondheidsmonitor/monitor-" + std::to_string(wave);
    io::TextTable csv = Read(base + ".csv");
    EXPECT_GT(CheckTable(csv, sources::FindContract("gezondheidsmonitor")->extract, *regions_, end), 1000u);
    io::TextTable sav = Read(base + ".sav");
    ASSERT_EQ(sav.rows.size(), csv.rows.size());
    EXPECT_EQ(sav.header, csv.header);
    int weight = csv.ColumnIndex("gewicht");
    for (size_t row = 0; row < csv.rows.size(); row += 97) {
      EXPECT_EQ(sav.rows[row][0], csv.rows[row][0]);
      std::string dotted = csv.rows[row][weight];
      std::replace(dotted.begin(), dotted.end(), ',', '.');
      EXPECT_NEAR(std::stod(sav.rows[row][weight]), std::stod(dotted), 1e-3);
    }
  }
  EXPECT_FALSE(fs::exists(*dir_ + "/gezondheidsmonitor/monitor-2016.csv"));  // outside the years
  // Postcode table: one row per postcode, 1234AB form, codes in the region table, buurt inside wijk inside gemeente.
  io::TextTable postcodes = Read(*dir_ + "/postcodes.csv");
  ASSERT_EQ(postcodes.header, (std::vector<std::string>{"postcode", "gemeente", "wijk", "buurt"}));
  std::set<std::string> seen;
  for (const auto& row : postcodes.rows) {
    EXPECT_TRUE(seen.insert(row[0]).second) << "duplicate postcode " << row[0];
    ASSERT_EQ(row[0].size(), 6u);
    const Region* buurt = regions_->Find(row[3]);
    ASSERT_NE(buurt, nullptr) << row[3];
    EXPECT_EQ(buurt->parent_code, row[2]);
    EXPECT_EQ(regions_->GemeenteOf(row[3])->code, row[1]);
  }
  EXPECT_GT(postcodes.rows.size(), 500u);
}

TEST_F(SynthTest, DutchDialectAndFreeText) {
  std::ifstream in(*dir_ + "/veilig_thuis/registraties.csv", std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(bytes.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(bytes.find("\r\n"), std::string::npos);
  io::TextTable table = Read(*dir_ + "/veilig_thuis/registraties.csv");
  int text = table.ColumnIndex("toelichting");
  int with_separator = 0, with_quote = 0, with_newline = 0;
  for (const auto& row : table.rows) {
    with_separator += row[text].find(';') != std::string::npos;
    with_quote += row[text].find('"') != std::string::npos;
    with_newline += row[text].find('\n') != std::string::npos;
  }
  EXPECT_GT(with_separator, 0);
  EXPECT_GT(with_quote, 0);
  EXPECT_GT(with_newline, 0);
  EXPECT_TRUE(ParseDate(table.rows[0][table.ColumnIndex("ontvangen_op")], DateFormat::kDutch).ok());
}

TEST_F(SynthTest, PopulationMatchesConfiguration) {
  SynthConfig config = DefaultConfig();
  io::TextTable table = Read(*dir_ + "/bevolking/bevolking.csv");
  std::map<std::string, int64_t> gemeente_total;
  std::map<std::string, int64_t> band_total;
  std::map<std::string, int64_t> wijk_total_by_gemeente;
  int64_t total = 0;
  for (const auto& row : table.rows) {
    if (row[0] != std::to_string(kFirstYear)) continue;
    int64_t count = std::stoll(row[4]);
    if (row[1].rfind("GM", 0) == 0) {
      gemeente_total[row[1]] += count;
      band_total[row[2]] += count;
      total += count;
    } else {
      wijk_total_by_gemeente[regions_->GemeenteOf(row[1])->code] += count;
    }
  }
  for (const auto& [code, inhabitants] : config.population.gemeenten) {
    EXPECT_NEAR(gemeente_total[code], inhabitants * kScale, inhabitants * kScale * 0.01 + 5) << code;
    EXPECT_EQ(wijk_total_by_gemeente[code], gemeente_total[code]) << code << ": wijken do not add up";
  }
  for (size_t b = 0; b < config.population.age_bands.size(); ++b) {
    double share = static_cast<double>(band_total[config.population.age_bands[b]]) / total;
    EXPECT_NEAR(share, config.population.age_band_shares[b], 0.015) << config.population.age_bands[b];
  }
  // Later years stay near the configured structure (births, deaths and moves).
  const auto& last = (*summary_)["bevolking"][std::to_string(kLastYear)];
  EXPECT_NEAR(last["totaal"].get<double>(), 639000 * kScale, 639000 * kScale * 0.03);
  for (size_t b = 0; b < config.population.age_bands.size(); ++b) {
    EXPECT_NEAR(last["leeftijdsklassen"][config.population.age_bands[b]]["gerealiseerd"].get<double>(),
                config.population.age_band_shares[b], 0.025);
  }
  EXPECT_NEAR((*summary_)["personen_per_huishouden_bij_start"].get<double>(), config.population.persons_per_household,
              0.1);
}

TEST_F(SynthTest, YearlyDeskVolumesMatchConfiguration) {
  SynthConfig config = DefaultConfig();
  for (const char* desk : {"veilig_thuis", "zorgwekkend_gedrag", "woningvervuiling", "wonen_verblijf"}) {
    io::TextTable table = Read(*dir_ + "/" + desk + "/registraties.csv");
    std::map<int, int64_t> per_year;
    for (const auto& row : table.rows) per_year[ParseDate(row[1])->year]++;
    const DeskConfig& desk_config = config.desks.at(desk);
    // Steady-state years (after recurrences have built up).
    for (int year = kFirstYear + 1; year <= kLastYear; ++year) {
      double expected = desk_config.reports_per_year * kScale *
                        std::pow(1 + desk_config.trend_per_year, year - config.population.reference_year);
      double tolerance = 0.12 * expected + 3 * std::sqrt(expected);
      EXPECT_NEAR(per_year[year], expected, tolerance) << desk << " " << year;
    }
  }
  // VT: ~4,000 meldingen and ~4,500 adviezen, child abuse about half of the meldingen.
  io::TextTable vt = Read(*dir_ + "/veilig_thuis/registraties.csv");
  int soort = vt.ColumnIndex("soort"), vorm = vt.ColumnIndex("geweldsvorm");
  int64_t meldingen = 0, km = 0;
  for (const auto& row : vt.rows) {
    if (row[soort] != "melding") continue;
    ++meldingen;
    km += row[vorm] == "kindermishandeling";
  }
  EXPECT_NEAR(static_cast<double>(meldingen) / vt.rows.size(), 4000.0 / 8500, 0.04);
  EXPECT_NEAR(static_cast<double>(km) / meldingen, 0.5, 0.07);
}

TEST_F(SynthTest, VeiligThuisRecurrenceFollowsCbsSplit) {
  // From the truth file, for the last year (earlier contacts are inside the generated period).
  io::TextTable truth = Read(*dir_ + "/truth/vt_classificatie.csv");
  std::map<std::string, int64_t> classes;
  int64_t total = 0;
  for (const auto& row : truth.rows) {
    if (row[1].substr(0, 4) != std::to_string(kLastYear)) continue;
    ++classes[row[3]];
    ++total;
  }
  ASSERT_GT(total, 300);
  double known = static_cast<double>(classes["hermelding"] + classes["vervolgmelding"]) / total;
  EXPECT_NEAR(known, 2.0 / 3.0, 0.07);
  EXPECT_NEAR(static_cast<double>(classes["hermelding"]) / total, 0.38, 0.07);
  EXPECT_NEAR(static_cast<double>(classes["vervolgmelding"]) / total, 0.27, 0.07);
  // The first year has no history: nearly everything is new.
  int64_t first_new = 0, first_total = 0;
  for (const auto& row : truth.rows) {
    if (row[1].substr(0, 4) != std::to_string(kFirstYear)) continue;
    ++first_total;
    first_new += row[3] == "nieuw";
  }
  EXPECT_GT(static_cast<double>(first_new) / first_total, 0.5);
}

TEST_F(SynthTest, DesksOverlapInHouseholds) {
  const auto& overlap = (*summary_)["overlap_meldpunten"][std::to_string(kLastYear)];
  EXPECT_GT(overlap["aandeel_bij_2_of_meer_meldpunten"].get<double>(), 0.02);
  const auto& vt = (*summary_)["veilig_thuis_klassen"]["gerealiseerd_per_jaar"][std::to_string(kLastYear)];
  EXPECT_GT(vt["bekend_ander_meldpunt_huishouden"].get<double>(), 0.05);
}

TEST_F(SynthTest, YouthCareReachAndPlacements) {
  const auto& jeugd = (*summary_)["jeugdhulp"]["gerealiseerd_per_jaar"][std::to_string(kLastYear)];
  EXPECT_NEAR(jeugd["bereik"].get<double>(), 0.10, 0.015);
  EXPECT_NEAR(jeugd["uithuisgeplaatst"].get<double>(), 0.01, 0.006);
  EXPECT_GT((*summary_)["jeugdhulp"]["plaatsingen_per_geplaatst_kind_afgeronde_trajecten"].get<double>(), 3.0);
  const auto& wmo = (*summary_)["wmo_75_plus"][std::to_string(kLastYear)];
  EXPECT_GT(wmo["aandeel_met_voorziening"].get<double>(), 0.15);
}

// Weighted prevalence of an item in a wave, computed from the delivered file.
double Prevalence(const io::TextTable& table, const std::string& item, int quintile = 0) {
  int column = table.ColumnIndex(item), weight = table.ColumnIndex("gewicht"),
      income = table.ColumnIndex("inkomen_kwintiel");
  double sum = 0, total = 0;
  for (const auto& row : table.rows) {
    if (row[column].empty()) continue;
    if (quintile > 0 && row[income] != std::to_string(quintile)) continue;
    std::string w = row[weight];
    std::replace(w.begin(), w.end(), ',', '.');
    sum += std::stod(w) * std::stod(row[column]);
    total += std::stod(w);
  }
  return sum / total;
}

TEST_F(SynthTest, SurveyPrevalencesAndDesign) {
  SynthConfig config = DefaultConfig();
  io::TextTable monitor = Read(*dir_ + "/gezondheidsmonitor/monitor-2020.csv");
  EXPECT_NEAR(static_cast<double>(monitor.rows.size()), 25000 * kScale, 25000 * kScale * 0.15);
  for (const SurveyItemConfig& item : config.survey.items) {
    EXPECT_NEAR(Prevalence(monitor, item.name), item.prevalence_2020, 0.03) << item.name;
  }
  EXPECT_NEAR(Prevalence(monitor, "mantelzorger"), 0.165, 0.025);
  // Income gradient: good health higher, smoking lower in the highest quintile.
  EXPECT_GT(Prevalence(monitor, "ervaren_gezondheid_goed", 5),
            Prevalence(monitor, "ervaren_gezondheid_goed", 1) + 0.05);
  EXPECT_LT(Prevalence(monitor, "roker", 5), Prevalence(monitor, "roker", 1) - 0.03);
  // Weights sum to the adult population per stratum; ernstig eenzaam implies eenzaam; items sometimes missing.
  int weight = monitor.ColumnIndex("gewicht"), eenzaam = monitor.ColumnIndex("eenzaam"),
      ernstig = monitor.ColumnIndex("ernstig_eenzaam");
  double weight_total = 0;
  int missing = 0;
  for (const auto& row : monitor.rows) {
    std::string w = row[weight];
    std::replace(w.begin(), w.end(), ',', '.');
    weight_total += std::stod(w);
    if (row[ernstig] == "1" && !row[eenzaam].empty()) {
      EXPECT_EQ(row[eenzaam], "1");
    }
    missing += row[eenzaam].empty();
  }
  EXPECT_NEAR(weight_total, 639000 * kScale * 0.81, 639000 * kScale * 0.05);
  EXPECT_GT(missing, 0);
  double response = (*summary_)["gezondheidsmonitor"]["2020"]["respons"].get<double>();
  EXPECT_NEAR(response, 0.44, 0.06);
}

TEST_F(SynthTest, TruthAccountsForEveryRow) {
  std::set<std::tuple<std::string, std::string, std::string>> truth_keys;
  std::set<std::string> truth_households;
  io::TextTable truth = Read(*dir_ + "/truth/persons.csv");
  for (const auto& row : truth.rows) {
    EXPECT_TRUE(truth_keys.insert({row[0], row[1], row[2]}).second) << "duplicate truth row " << row[1];
    EXPECT_EQ(row[3].size(), 10u);
    truth_households.insert(row[4]);
  }
  size_t betrokkenen = 0;
  for (const char* desk : kDesks) {
    io::TextTable persons = Read(*dir_ + "/" + desk + "/betrokkenen.csv");
    for (const auto& row : persons.rows) EXPECT_TRUE(truth_keys.count({desk, row[0], row[1]})) << desk << " " << row[0];
    betrokkenen += persons.rows.size();
  }
  EXPECT_EQ(betrokkenen, truth.rows.size());
  io::TextTable vt = Read(*dir_ + "/veilig_thuis/registraties.csv");
  io::TextTable classes = Read(*dir_ + "/truth/vt_classificatie.csv");
  ASSERT_EQ(classes.rows.size(), vt.rows.size());
  std::set<std::string> classified;
  for (const auto& row : classes.rows) classified.insert(row[0]);
  for (const auto& row : vt.rows) EXPECT_TRUE(classified.count(row[0])) << row[0];
  std::set<std::string> households;
  for (const auto& row : Read(*dir_ + "/truth/households.csv").rows) households.insert(row[0]);
  for (const std::string& h : truth_households) EXPECT_TRUE(households.count(h)) << h;
  io::TextTable outbreaks = Read(*dir_ + "/truth/outbreaks.csv");
  EXPECT_GT(outbreaks.rows.size(), 5u);
}

TEST_F(SynthTest, NoTwoHouseholdsShareAnAddressAtTheSameTime) {
  // The address is the household key of the linkage: it must not join unrelated households.
  io::TextTable households = Read(*dir_ + "/truth/households.csv");
  std::map<std::string, std::vector<std::tuple<std::string, std::string, std::string>>> by_address;
  for (const auto& row : households.rows)
    by_address[row[6] + " " + row[7] + row[8]].push_back({row[1], row[2], row[0]});
  int clashes = 0;
  for (auto& [address, episodes] : by_address) {
    std::sort(episodes.begin(), episodes.end());
    for (size_t k = 1; k < episodes.size(); ++k) {
      const std::string& previous_end = std::get<1>(episodes[k - 1]);
      if (std::get<2>(episodes[k - 1]) != std::get<2>(episodes[k]) &&
          (previous_end.empty() || previous_end >= std::get<0>(episodes[k]))) {
        ++clashes;
      }
    }
  }
  EXPECT_EQ(clashes, 0);
  EXPECT_GT(households.rows.size(), 1000u);
}

bool Elfproef(const std::string& bsn) {
  if (bsn.size() != 9) return false;
  int sum = 0;
  for (int i = 0; i < 8; ++i) sum += (9 - i) * (bsn[i] - '0');
  sum -= bsn[8] - '0';
  return sum % 11 == 0;
}

TEST_F(SynthTest, BsnsPassTheElfproefExceptInjectedErrors) {
  io::TextTable persons = Read(*dir_ + "/veilig_thuis/betrokkenen.csv");
  io::TextTable truth = Read(*dir_ + "/truth/persons.csv");
  std::map<std::pair<std::string, std::string>, std::string> errors;
  for (const auto& row : truth.rows)
    if (row[0] == "veilig_thuis") errors[{row[1], row[2]}] = row[5];
  int bsn = persons.ColumnIndex("bsn");
  int present = 0, missing = 0;
  std::map<std::string, std::set<std::string>> bsns_of_person;
  for (const auto& row : persons.rows) {
    const std::string& tags = errors[{row[0], row[1]}];
    if (row[bsn].empty()) {
      ++missing;
      continue;
    }
    ++present;
    EXPECT_EQ(Elfproef(row[bsn]), tags.find("bsn_typefout") == std::string::npos) << row[bsn] << " " << tags;
  }
  EXPECT_NEAR(static_cast<double>(missing) / (present + missing), 0.45, 0.05);
  // The same true person keeps the same BSN across reports (apart from injected errors).
  std::map<std::pair<std::string, std::string>, std::string> person_of;
  for (const auto& row : truth.rows)
    if (row[0] == "veilig_thuis") person_of[{row[1], row[2]}] = row[3];
  for (const auto& row : persons.rows) {
    const std::string& tags = errors[{row[0], row[1]}];
    if (!row[bsn].empty() && tags.find("bsn_") == std::string::npos)
      bsns_of_person[person_of[{row[0], row[1]}]].insert(row[bsn]);
  }
  for (const auto& [person, bsns] : bsns_of_person) EXPECT_EQ(bsns.size(), 1u) << person;
}

std::map<std::string, std::string> Files(const std::string& dir) {
  std::map<std::string, std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    out[fs::relative(entry.path(), dir).string()] =
        std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }
  return out;
}

TEST(SynthDeterminismTest, SameSeedSameBytesOtherSeedOtherBytes) {
  RegionTable regions = Regions();
  std::string a = TempDir("seed_a"), b = TempDir("seed_b"), c = TempDir("seed_c");
  ASSERT_TRUE(Generate(Options(a, 7, 0.02, 2021, 2022), regions).ok());
  ASSERT_TRUE(Generate(Options(b, 7, 0.02, 2021, 2022), regions).ok());
  ASSERT_TRUE(Generate(Options(c, 8, 0.02, 2021, 2022), regions).ok());
  std::map<std::string, std::string> first = Files(a), second = Files(b), third = Files(c);
  ASSERT_GT(first.size(), 20u);
  EXPECT_TRUE(first.count("gezondheidsmonitor/monitor-2022.sav"));
  for (const auto& [path, bytes] : first) {
    ASSERT_TRUE(second.count(path)) << path;
    EXPECT_TRUE(second[path] == bytes) << path << " differs between two runs with the same seed";
  }
  int differing = 0;
  for (const auto& [path, bytes] : first) differing += third[path] != bytes;
  EXPECT_GT(differing, 15);
}

// The injected dwarsverbanden only add reports: every report of a generation without them is in the
// generation with them (ids aside), and the extra reports lie in a cluster's gemeente, desks and weeks
// and add up to the truth's extra_meldingen.
TEST(SynthCrossDeskTest, InjectedClustersOnlyAddReportsInTheirGemeenteDesksAndWeeks) {
  RegionTable regions = Regions();
  std::string with = TempDir("clusters_on"), without = TempDir("clusters_off");
  GeneratorOptions on = Options(with, 11, 0.05, 2021, 2022);
  on.config.dwarsverbanden.clusters_per_year = 8;
  GeneratorOptions off = Options(without, 11, 0.05, 2021, 2022);
  off.config.dwarsverbanden.clusters_per_year = 0;
  ASSERT_TRUE(Generate(on, regions).ok());
  ASSERT_TRUE(Generate(off, regions).ok());
  EXPECT_EQ(Read(without + "/truth/dwarsverbanden.csv").rows.size(), 0u);
  io::TextTable clusters = Read(with + "/truth/dwarsverbanden.csv");
  ASSERT_EQ(clusters.header, (std::vector<std::string>{"gemeente", "wijk", "bronnen", "eerste_week", "laatste_week",
                                                       "extra_meldingen"}));
  ASSERT_GE(clusters.rows.size(), 5u);
  // The same seed without clusters leaves every other source untouched.
  EXPECT_EQ(Files(with)["infectieziekten/infectieziekten.csv"], Files(without)["infectieziekten/infectieziekten.csv"]);
  int64_t truth_extra = 0;
  for (const auto& row : clusters.rows) {
    EXPECT_EQ(row[1].substr(2, 4), row[0].substr(2, 4)) << "the wijk lies in its gemeente";
    EXPECT_NE(row[2].find('+'), std::string::npos) << "two or more desks: " << row[2];
    EXPECT_LE(row[3], row[4]);
    truth_extra += std::stoll(row[5]);
  }
  EXPECT_GT(truth_extra, 0);
  int64_t extra_reports = 0;
  for (const char* desk : {"veilig_thuis", "zorgwekkend_gedrag", "woningvervuiling", "wonen_verblijf"}) {
    io::TextTable a = Read(with + "/" + desk + "/registraties.csv");
    io::TextTable b = Read(without + "/" + desk + "/registraties.csv");
    size_t gemeente_column = std::find(a.header.begin(), a.header.end(), "gemeente") - a.header.begin();
    ASSERT_LT(gemeente_column, a.header.size());
    std::multiset<std::vector<std::string>> base;
    for (auto row : b.rows) base.insert(std::vector<std::string>(row.begin() + 1, row.end()));
    for (auto row : a.rows) {
      std::vector<std::string> key(row.begin() + 1, row.end());
      auto found = base.find(key);
      if (found != base.end()) {
        base.erase(found);
        continue;
      }
      ++extra_reports;
      Result<Date> day = ParseDate(row[1], DateFormat::kDutch);
      ASSERT_TRUE(day.ok()) << row[1];
      std::string week = IsoWeek::FromDate(*day).ToString();
      bool in_a_cluster = false;
      for (const auto& cluster : clusters.rows) {
        in_a_cluster =
            in_a_cluster || (cluster[0] == row[gemeente_column] &&
                             ("+" + cluster[2] + "+").find(std::string("+") + desk + "+") != std::string::npos &&
                             cluster[3] <= week && week <= cluster[4]);
      }
      EXPECT_TRUE(in_a_cluster) << desk << " " << row[0] << " " << row[1] << " " << row[gemeente_column];
    }
    EXPECT_TRUE(base.empty()) << desk << ": " << base.size()
                              << " reports of the generation without clusters are missing";
  }
  EXPECT_EQ(extra_reports, truth_extra);
}

TEST(SynthDialectTest, PlainDialectWritesCommasAndIsoDates) {
  RegionTable regions = Regions();
  std::string dir = TempDir("plain");
  GeneratorOptions options = Options(dir, 3, 0.01, 2022, 2022);
  options.dialect = io::WriteDialect::Plain();
  ASSERT_TRUE(Generate(options, regions).ok());
  io::TextTable table = Read(dir + "/wmo/registraties.csv");
  ASSERT_GT(table.rows.size(), 0u);
  EXPECT_NE(table.description.find("','"), std::string::npos) << table.description;
  EXPECT_TRUE(ParseDate(table.rows[0][1], DateFormat::kIso).ok()) << table.rows[0][1];
}

TEST(SynthDialectTest, FutureDatesAreNeverWritten) {
  RegionTable regions = Regions();
  std::string dir = TempDir("future");
  GeneratorOptions options = Options(dir, 5, 0.01, 2026, 2026);
  options.today = Date{2026, 3, 15};
  Result<GenerationReport> report = Generate(options, regions);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->end_date, (Date{2026, 3, 15}));
  for (const char* desk : kDesks) {
    io::TextTable table = Read(dir + "/" + desk + "/registraties.csv");
    for (const auto& row : table.rows) {
      for (const auto& cell : row) {
        Result<Date> date = ParseDate(cell, DateFormat::kDutch);
        if (date.ok()) {
          EXPECT_LE(*date, (Date{2026, 3, 15})) << desk << " " << cell;
        }
      }
    }
  }
  options.first_year = options.last_year = 2027;
  EXPECT_EQ(Generate(options, regions).status().code(), StatusCode::kInvalidArgument);
}

TEST(SynthConfigTest, RejectsBadConfigurations) {
  EXPECT_EQ(ParseSynthConfig("{ not json").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseSynthConfig(R"({"population": {"household_move_rate": 2}})").status().code(),
            StatusCode::kInvalidArgument);
  RegionTable regions = Regions();
  SynthConfig config = DefaultConfig();
  EXPECT_TRUE(ValidateSynthConfig(config, regions).ok());
  SynthConfig bad_value = config;
  bad_value.desks["veilig_thuis"].categories["melder"]["postduif"] = 1;
  Status status = ValidateSynthConfig(bad_value, regions);
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(status.message().find("postduif"), std::string::npos);
  SynthConfig bad_gemeente = config;
  bad_gemeente.population.gemeenten["GM9999"] = 100;
  EXPECT_EQ(ValidateSynthConfig(bad_gemeente, regions).code(), StatusCode::kInvalidArgument);
  SynthConfig bad_desk = config;
  bad_desk.desks["meldpunt_onbekend"] = DeskConfig{};
  EXPECT_EQ(ValidateSynthConfig(bad_desk, regions).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseYearRange("2016-2025")->first, 2016);
  EXPECT_EQ(ParseYearRange("2024")->second, 2024);
  EXPECT_FALSE(ParseYearRange("2025-2016").ok());
  EXPECT_FALSE(ParseYearRange("abc").ok());
}

}  // namespace
}  // namespace sz::synth
