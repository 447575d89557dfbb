// Rate indicators: hand-computed cells, and every gemeente × year cell of random data against a
// slow reference that counts the stored rows directly.
#include "indicators/rate.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "indicators/catalog_file.h"
#include "io/region_file.h"

namespace sz::indicators {
namespace {

const sources::SourceContract& Contract(const char* name) { return *sources::FindContract(name); }

// A row of `source` with the given columns set (the others missing).
std::vector<Value> MakeRow(const char* source, const std::map<std::string, Value>& cells) {
  const sources::TableSpec& table = Contract(source).extract;
  std::vector<Value> row(table.columns.size());
  for (const auto& [column, value] : cells) {
    int index = table.IndexOf(column);
    EXPECT_GE(index, 0) << column;
    if (index >= 0) row[index] = value;
  }
  return row;
}

Value T(const char* text) { return Value::Text(text); }
Value D(int y, int m, int d) { return Value::OfDate(Date{y, m, d}); }
Value I(int64_t v) { return Value::Integer(v); }

std::vector<Value> Vt(const char* id, int nr, Value date, const char* soort, const char* vorm, const char* melder,
                      const char* gemeente, const char* wijk) {
  return MakeRow("veilig_thuis", {{"melding_id", T(id)},
                                  {"betrokkene_nr", I(nr)},
                                  {"ontvangen_op", date},
                                  {"soort", T(soort)},
                                  {"geweldsvorm", T(vorm)},
                                  {"melder", T(melder)},
                                  {"gemeente", T(gemeente)},
                                  {"wijk", wijk[0] ? T(wijk) : Value()}});
}

std::vector<Value> Pop(int year, const char* regio, const char* band, const char* sex, int64_t count) {
  return MakeRow("bevolking", {{"jaar", I(year)},
                               {"regio", T(regio)},
                               {"leeftijdsklasse", T(band)},
                               {"geslacht", T(sex)},
                               {"aantal", I(count)}});
}

Indicator ParseOne(const std::string& text) {
  CatalogCheck check = CheckCatalogText(text, "test.toml");
  for (const CatalogProblem& p : check.problems) ADD_FAILURE() << p.ToString();
  EXPECT_EQ(check.catalog.indicators.size(), 1u);
  return check.catalog.indicators.empty() ? Indicator{} : check.catalog.indicators[0];
}

const std::string kVtRate = R"([[indicator]]
id = "vt_km_per_1000"
titel = "t"
definitie = "d"
thema = "opgroeien"
ontwikkelrichting = "zorgpreventie"
soort = "verhouding"
bronnen = ["veilig_thuis", "bevolking"]
factor = 1000
eenheid = "per 1.000 minderjarigen"
richting = "lager_is_beter"
periodes = ["kwartaal", "jaar"]
niveaus = ["twente", "gemeente", "wijk"]
uitsplitsingen = ["melder"]

[indicator.teller]
bron = "veilig_thuis"
filter = { soort = "melding", geweldsvorm = "kindermishandeling" }

[indicator.noemer]
bron = "bevolking"
tel = "som"
kolom = "aantal"
leeftijd = "0-17"
)";

class RateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto regions = io::LoadRegionFile(std::string(SZ_SOURCE_DIR) + "/config/regions/twente-synthetic-2024.csv");
    ASSERT_TRUE(regions.ok()) << regions.status().ToString();
    regions_ = std::move(regions).value();
  }
  const IndicatorValue* Find(const std::vector<IndicatorValue>& cells, RegionLevel level, const std::string& region,
                             const std::string& period, const std::string& breakdown = "totaal") {
    for (const IndicatorValue& cell : cells) {
      if (cell.level == level && cell.region == region && cell.period == period && cell.breakdown == breakdown)
        return &cell;
    }
    return nullptr;
  }
  RegionTable regions_;
};

TEST_F(RateTest, HandComputedCellsWithBreakdownZerosAndExactPoissonInterval) {
  SourceRows vt{.contract = &Contract("veilig_thuis")};
  vt.rows = {
      // VT1: a melding kindermishandeling with two betrokkenen in two wijken of Enschede: one registration.
      Vt("VT1", 1, D(2024, 2, 10), "melding", "kindermishandeling", "politie", "GM0153", "WK015301"),
      Vt("VT1", 2, D(2024, 2, 10), "melding", "kindermishandeling", "politie", "GM0153", "WK015300"),
      Vt("VT2", 1, D(2024, 5, 1), "melding", "kindermishandeling", "huisarts", "GM0153", ""),
      Vt("VT3", 1, D(2024, 5, 2), "advies", "kindermishandeling", "politie", "GM0153", ""),     // an advies
      Vt("VT4", 1, D(2024, 6, 3), "melding", "partnergeweld", "politie", "GM0153", ""),         // other violence
      Vt("VT5", 1, D(2024, 7, 4), "melding", "kindermishandeling", "onderwijs", "GM0141", ""),  // Almelo
      // a wijk outside the registration's gemeente does not count at wijk level
      Vt("VT6", 1, D(2024, 8, 5), "melding", "kindermishandeling", "politie", "GM0141", "WK015301"),
  };
  SourceRows pop{.contract = &Contract("bevolking")};
  for (const char* band : {"0-3", "4-11", "12-17"}) {
    pop.rows.push_back(Pop(2024, "GM0153", band, "man", 100));
    pop.rows.push_back(Pop(2024, "GM0153", band, "vrouw", 100));
    pop.rows.push_back(Pop(2024, "GM0141", band, "man", 50));
    pop.rows.push_back(Pop(2024, "WK015301", band, "man", 10));
  }
  pop.rows.push_back(Pop(2024, "GM0153", "18-24", "man", 9999));  // not a minor

  Indicator indicator = ParseOne(kVtRate);
  auto cells = ComputeRate(indicator, vt, pop, regions_, "CR23");
  ASSERT_TRUE(cells.ok()) << cells.status().ToString();

  const IndicatorValue* enschede = Find(*cells, RegionLevel::kGemeente, "GM0153", "2024");
  ASSERT_NE(enschede, nullptr);
  EXPECT_EQ(enschede->numerator, 2);      // VT1 (once) and VT2
  EXPECT_EQ(enschede->denominator, 600);  // 0-17 only
  EXPECT_DOUBLE_EQ(*enschede->value, 2.0 / 600 * 1000);
  // R: poisson.test(2)$conf.int
  EXPECT_NEAR(*enschede->lower, 0.24220927854396501 / 600 * 1000, 1e-9);
  EXPECT_NEAR(*enschede->upper, 7.22468766772395821 / 600 * 1000, 1e-9);

  const IndicatorValue* twente = Find(*cells, RegionLevel::kRegio, "CR23", "2024");
  ASSERT_NE(twente, nullptr);
  EXPECT_EQ(twente->numerator, 4);  // VT1, VT2, VT5, VT6
  EXPECT_EQ(twente->denominator, 750);

  const IndicatorValue* politie = Find(*cells, RegionLevel::kGemeente, "GM0153", "2024", "melder=politie");
  ASSERT_NE(politie, nullptr);
  EXPECT_EQ(politie->numerator, 1);
  EXPECT_EQ(politie->denominator, 600) << "bevolking has no melder: the breakdown takes the total";

  const IndicatorValue* wijk = Find(*cells, RegionLevel::kWijk, "WK015301", "2024-Q1");
  ASSERT_NE(wijk, nullptr);
  EXPECT_EQ(wijk->numerator, 1);
  EXPECT_EQ(wijk->denominator, 30);
  EXPECT_EQ(Find(*cells, RegionLevel::kWijk, "WK015301", "2024-Q3")->numerator, 0) << "VT6 lives outside its gemeente";

  // Every gemeente has its zero cells; one without population has no value.
  const IndicatorValue* losser = Find(*cells, RegionLevel::kGemeente, "GM0168", "2024-Q2");
  ASSERT_NE(losser, nullptr);
  EXPECT_EQ(losser->numerator, 0);
  EXPECT_FALSE(losser->denominator.has_value());
  EXPECT_FALSE(losser->value.has_value());
  const IndicatorValue* almelo_q1 = Find(*cells, RegionLevel::kGemeente, "GM0141", "2024-Q1");
  ASSERT_NE(almelo_q1, nullptr);
  EXPECT_EQ(almelo_q1->value, 0.0);
  EXPECT_EQ(almelo_q1->lower, 0.0);
  EXPECT_NEAR(*almelo_q1->upper, 3.6888794541139354 / 150 * 1000, 1e-9);  // poisson.test(0)
}

TEST_F(RateTest, RunningRegistrationsCountInEveryPeriodTheyOverlap) {
  const std::string text = R"([[indicator]]
id = "wmo_75_test"
titel = "t"
definitie = "d"
thema = "ouder_worden"
ontwikkelrichting = "ontzorgen"
soort = "verhouding"
bronnen = ["wmo", "bevolking"]
factor = 1000
eenheid = "per 1.000"
richting = "lager_is_beter"
periodes = ["jaar"]
niveaus = ["gemeente"]

[indicator.teller]
bron = "wmo"
tel = "personen"
loopt_tot = "einddatum"
leeftijd = "75+"

[indicator.noemer]
bron = "bevolking"
tel = "som"
kolom = "aantal"
leeftijd = "75+"
)";
  auto wmo = [](const char* id, Value start, Value end, int age) {
    return MakeRow("wmo", {{"voorziening_id", T(id)},
                           {"betrokkene_nr", I(1)},
                           {"startdatum", start},
                           {"einddatum", end},
                           {"soort", T("begeleiding")},
                           {"gemeente", T("GM0153")},
                           {"leeftijd", I(age)}});
  };
  SourceRows rows{.contract = &Contract("wmo")};
  rows.rows = {wmo("W1", D(2022, 11, 1), D(2024, 1, 31), 80),  // 2022, 2023, 2024
               wmo("W2", D(2023, 3, 1), Value(), 90),          // running: 2023 and 2024 (the data's end)
               wmo("W3", D(2023, 4, 1), D(2023, 5, 1), 80),    // the same person as W1: counted once
               wmo("W4", D(2024, 6, 1), D(2024, 7, 1), 60)};   // too young
  rows.person_keys = {"p1", "p2", "p1", "p4"};
  SourceRows pop{.contract = &Contract("bevolking")};
  for (int year : {2022, 2023, 2024}) {
    for (const char* band : {"75-84", "85+"}) pop.rows.push_back(Pop(year, "GM0153", band, "vrouw", 500));
  }
  auto cells = ComputeRate(ParseOne(text), rows, pop, regions_, "CR23");
  ASSERT_TRUE(cells.ok()) << cells.status().ToString();
  EXPECT_EQ(Find(*cells, RegionLevel::kGemeente, "GM0153", "2022")->numerator, 1);
  EXPECT_EQ(Find(*cells, RegionLevel::kGemeente, "GM0153", "2023")->numerator, 2);
  EXPECT_EQ(Find(*cells, RegionLevel::kGemeente, "GM0153", "2024")->numerator, 2);
  EXPECT_EQ(Find(*cells, RegionLevel::kGemeente, "GM0153", "2024")->denominator, 1000);
}

TEST_F(RateTest, WeeklyCountsWithoutADateAreDatedByTheirWeeksThursday) {
  const std::string text = R"([[indicator]]
id = "infectie_test"
titel = "t"
definitie = "d"
thema = "meedoen"
ontwikkelrichting = "zorgpreventie"
soort = "verhouding"
bronnen = ["infectieziekten", "bevolking"]
factor = 100000
eenheid = "per 100.000"
richting = "lager_is_beter"
periodes = ["week", "maand", "jaar"]
niveaus = ["twente", "gemeente"]
uitsplitsingen = ["ziekte"]

[indicator.teller]
bron = "infectieziekten"
tel = "som"
kolom = "aantal"

[indicator.noemer]
bron = "bevolking"
tel = "som"
kolom = "aantal"
)";
  auto week = [](const char* w, const char* ziekte, int n) {
    return MakeRow("infectieziekten",
                   {{"week", T(w)}, {"gemeente", T("GM0153")}, {"ziekte", T(ziekte)}, {"aantal", I(n)}});
  };
  SourceRows rows{.contract = &Contract("infectieziekten")};
  // 2020-W53 runs from Mon 28 Dec 2020 to Sun 3 Jan 2021; its Thursday (31 Dec) puts it in 2020 and December.
  rows.rows = {week("2020-W53", "mazelen", 3), week("2021-W01", "mazelen", 2), week("2021-W01", "bof", 4)};
  SourceRows pop{.contract = &Contract("bevolking")};
  for (int year : {2020, 2021}) pop.rows.push_back(Pop(year, "GM0153", "18-64", "vrouw", 100'000));
  auto cells = ComputeRate(ParseOne(text), rows, pop, regions_, "CR23");
  ASSERT_TRUE(cells.ok()) << cells.status().ToString();
  EXPECT_EQ(Find(*cells, RegionLevel::kGemeente, "GM0153", "2020-W53")->numerator, 3);
  EXPECT_EQ(Find(*cells, RegionLevel::kGemeente, "GM0153", "2021-W01")->numerator, 6);
  EXPECT_EQ(Find(*cells, RegionLevel::kGemeente, "GM0153", "2021-W01", "ziekte=bof")->numerator, 4);
  EXPECT_EQ(Find(*cells, RegionLevel::kGemeente, "GM0153", "2020-12")->numerator, 3);
  EXPECT_EQ(Find(*cells, RegionLevel::kGemeente, "GM0153", "2021")->numerator, 6);
  EXPECT_EQ(Find(*cells, RegionLevel::kRegio, "CR23", "2020")->numerator, 3);
  EXPECT_EQ(Find(*cells, RegionLevel::kGemeente, "GM0153", "2021-W01")->denominator, 100'000);
}

// Every gemeente × year × melder cell of random VT data against a direct count of the rows.
TEST_F(RateTest, RandomDataAgreesWithASlowReference) {
  std::mt19937 random(20261203);
  const std::vector<std::string> gemeenten = {"GM0141", "GM0147", "GM0153", "GM0158", "GM0163"};
  const std::vector<std::string> soorten = {"advies", "melding"};
  const std::vector<std::string> vormen = {"kindermishandeling", "partnergeweld", "ouderenmishandeling"};
  const std::vector<std::string> melders = {"politie", "onderwijs", "huisarts"};
  SourceRows vt{.contract = &Contract("veilig_thuis")};
  struct Registration {
    std::string id, gemeente, soort, vorm, melder;
    Date date;
  };
  std::vector<Registration> registrations;
  for (int i = 0; i < 3000; ++i) {
    Registration r{"VT" + std::to_string(i), gemeenten[random() % gemeenten.size()],
                   soorten[random() % 2],    vormen[random() % 3],
                   melders[random() % 3],    Date::FromDayNumber(Date{2020, 1, 1}.DayNumber() + random() % 1800)};
    registrations.push_back(r);
    const int betrokkenen = 1 + static_cast<int>(random() % 3);
    for (int nr = 1; nr <= betrokkenen; ++nr) {
      vt.rows.push_back(Vt(r.id.c_str(), nr, Value::OfDate(r.date), r.soort.c_str(), r.vorm.c_str(), r.melder.c_str(),
                           r.gemeente.c_str(), ""));
    }
  }
  SourceRows pop{.contract = &Contract("bevolking")};
  std::map<std::pair<std::string, int>, int64_t> minors;
  for (int year = 2020; year <= 2024; ++year) {
    for (const std::string& gm : gemeenten) {
      for (const char* band : {"0-3", "4-11", "12-17", "18-24"}) {
        int64_t count = 100 + static_cast<int64_t>(random() % 900);
        pop.rows.push_back(Pop(year, gm.c_str(), band, "man", count));
        if (std::string(band) != "18-24") minors[{gm, year}] += count;
      }
    }
  }
  auto cells = ComputeRate(ParseOne(kVtRate), vt, pop, regions_, "CR23");
  ASSERT_TRUE(cells.ok()) << cells.status().ToString();
  size_t compared = 0;
  for (const std::string& gm : gemeenten) {
    for (int year = 2020; year <= 2024; ++year) {
      for (const std::string& breakdown :
           {std::string("totaal"), std::string("melder=politie"), std::string("melder=huisarts")}) {
        // The reference: registrations (not rows) that pass the filters, in this gemeente and year.
        std::set<std::string> ids;
        for (const Registration& r : registrations) {
          if (r.gemeente != gm || r.date.year != year || r.soort != "melding" || r.vorm != "kindermishandeling")
            continue;
          if (breakdown != "totaal" && "melder=" + r.melder != breakdown) continue;
          ids.insert(r.id);
        }
        const IndicatorValue* cell = Find(*cells, RegionLevel::kGemeente, gm, std::to_string(year), breakdown);
        if (ids.empty() && breakdown != "totaal") {
          EXPECT_EQ(cell, nullptr);
          continue;
        }
        ASSERT_NE(cell, nullptr) << gm << " " << year << " " << breakdown;
        EXPECT_EQ(cell->numerator, static_cast<double>(ids.size())) << gm << " " << year << " " << breakdown;
        EXPECT_EQ(cell->denominator, static_cast<double>(minors[{gm, year}]));
        const double expected = ids.size() * 1000.0 / minors[{gm, year}];
        EXPECT_DOUBLE_EQ(*cell->value, expected);
        ++compared;
      }
    }
  }
  EXPECT_GE(compared, 70u);
}

TEST(IntervalsTest, MatchR) {
  // R: poisson.test(23)$conf.int; prop.test(7, 40, correct = FALSE)$conf.int; prop.test(0, 12, correct = FALSE)
  auto [pl, pu] = PoissonExactInterval(23, 0.95);
  EXPECT_NEAR(pl, 14.580027037044680, 1e-9);
  EXPECT_NEAR(pu, 34.511292894833034, 1e-9);
  auto [wl, wu] = WilsonInterval(7, 40, 0.95);
  EXPECT_NEAR(wl, 0.087454137460359196, 1e-12);
  EXPECT_NEAR(wu, 0.319499903317877032, 1e-12);
  auto [zl, zu] = WilsonInterval(0, 12, 0.95);
  EXPECT_NEAR(zl, 0.0, 1e-15);
  EXPECT_NEAR(zu, 0.24249400665524079, 1e-12);
  EXPECT_TRUE(std::isnan(WilsonInterval(0, 0, 0.95).first));
}

}  // namespace
}  // namespace sz::indicators
