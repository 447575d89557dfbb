// The indicator catalogue: the shipped files are sound and hold every id issue 13 names; a wrong
// entry is a problem naming the file, the line and what is wrong.
#include "indicators/catalog_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "indicators/cross_desk_measures.h"
#include "indicators/measure_table.h"
#include "involvement_builder.h"

namespace sz::indicators {
namespace {

const std::string kShipped = std::string(SZ_SOURCE_DIR) + "/config/indicatoren";

// A sound rate entry; the cases below break one thing at a time.
const std::string kRate = R"([[indicator]]
id = "vt_test_per_1000"
titel = "Test"
definitie = "Een test."
thema = "opgroeien"
ontwikkelrichting = "zorgpreventie"
soort = "verhouding"
bronnen = ["veilig_thuis", "bevolking"]
factor = 1000
eenheid = "per 1.000 minderjarigen"
richting = "lager_is_beter"
periodes = ["maand", "jaar"]
niveaus = ["twente", "gemeente", "wijk"]
uitsplitsingen = ["melder"]

[indicator.teller]
bron = "veilig_thuis"
filter = { soort = "melding", geweldsvorm = ["kindermishandeling", "partnergeweld"] }

[indicator.noemer]
bron = "bevolking"
tel = "som"
kolom = "aantal"
leeftijd = "0-17"
)";

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

int LineOf(const std::string& text, const std::string& needle) {
  size_t at = text.find(needle);
  if (at == std::string::npos) return -1;
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

TEST(CatalogFileTest, TheShippedCatalogueIsSoundAndHoldsEveryRequiredId) {
  CatalogCheck check = CheckCatalogDir(kShipped);
  for (const CatalogProblem& problem : check.problems) ADD_FAILURE() << problem.ToString();
  ASSERT_TRUE(check.ok());
  EXPECT_EQ(check.files.size(), 4u);
  const std::vector<std::string> required = {
      // Opgroeien
      "vt_meldingen_kindermishandeling_per_1000_minderjarigen", "vt_hermelding_pct", "vt_vervolgmelding_pct",
      "vt_nieuw_pct", "vt_bekend_ander_meldpunt_pct", "uithuisplaatsingen_per_1000_minderjarigen",
      "plaatsingen_per_geplaatst_kind", "organisaties_per_gezin_12m", "gezinnen_3plus_organisaties_pct",
      "plaatsingen_na_vt_melding_pct",
      // Meedoen
      "ervaren_gezondheid_goed_pct", "eenzaam_pct", "ernstig_eenzaam_pct", "psychisch_ongezond_pct", "roker_pct",
      "zware_drinker_pct", "overgewicht_pct", "obesitas_pct", "beweegrichtlijn_pct", "zorgwekkend_gedrag_per_10000",
      "woningvervuiling_per_10000", "wonen_verblijf_per_10000", "huishoudens_2plus_meldpunten_12m_pct",
      "meldpunt_overlap", "dagen_tot_volgende_melding_mediaan",
      // Ouder worden
      "mantelzorger_pct", "ontvangt_mantelzorg_65plus_pct", "eenzaam_75plus_pct",
      "vt_ouderenmishandeling_per_1000_65plus", "wmo_75plus_per_1000",
      // Organisatie
      "meldingen_per_week", "vt_doorlooptijd_dagen_mediaan", "levering_volledigheid_pct", "levering_tijdigheid_dagen"};
  for (const std::string& id : required) EXPECT_NE(FindIndicator(check.catalog, id), nullptr) << id;
  for (const char* survey :
       {"ervaren_gezondheid_goed_pct", "eenzaam_pct", "ernstig_eenzaam_pct", "psychisch_ongezond_pct", "roker_pct",
        "zware_drinker_pct", "overgewicht_pct", "obesitas_pct", "beweegrichtlijn_pct"}) {
    const Indicator* gap = FindIndicator(check.catalog, std::string(survey) + "_kloof_inkomen");
    ASSERT_NE(gap, nullptr) << survey;
    EXPECT_EQ(gap->kind, IndicatorKind::kSurveyIncomeGap);
    EXPECT_EQ(gap->survey->variable, FindIndicator(check.catalog, survey)->survey->variable);
  }
  // Every shipped 2030 target is marked as an example the board still has to set.
  for (const Indicator& indicator : check.catalog.indicators) {
    if (indicator.target_2030) {
      EXPECT_TRUE(indicator.target_2030->example) << indicator.id;
    }
  }
}

TEST(CatalogFileTest, ARateEntryIsReadWithItsFiltersAgeAndDefaults) {
  CatalogCheck check = CheckCatalogText(kRate, "test.toml");
  for (const CatalogProblem& problem : check.problems) ADD_FAILURE() << problem.ToString();
  ASSERT_EQ(check.catalog.indicators.size(), 1u);
  const Indicator& ind = check.catalog.indicators[0];
  EXPECT_EQ(ind.kind, IndicatorKind::kRate);
  EXPECT_EQ(ind.theme, Theme::kOpgroeien);
  EXPECT_EQ(ind.factor, 1000);
  EXPECT_EQ(ind.interval, IntervalMethod::kPoissonExact);  // the default of a rate
  EXPECT_EQ(ind.levels, (std::vector<RegionLevel>{RegionLevel::kRegio, RegionLevel::kGemeente, RegionLevel::kWijk}));
  EXPECT_EQ(ind.periods, (std::vector<CatalogPeriod>{CatalogPeriod::kMonth, CatalogPeriod::kYear}));
  ASSERT_TRUE(ind.numerator && ind.denominator);
  EXPECT_EQ(ind.numerator->sources, std::vector<std::string>{"veilig_thuis"});
  EXPECT_EQ(ind.numerator->unit, CountUnit::kRegistrations);  // the default at a desk
  EXPECT_EQ(ind.numerator->filters.at("soort"), std::vector<std::string>{"melding"});
  EXPECT_EQ(ind.numerator->filters.at("geweldsvorm"),
            (std::vector<std::string>{"kindermishandeling", "partnergeweld"}));
  EXPECT_EQ(ind.denominator->unit, CountUnit::kSum);
  EXPECT_EQ(ind.denominator->sum_column, "aantal");
  EXPECT_EQ(ind.denominator->age, (AgeSpan{0, 17}));
  EXPECT_EQ(ind.file, "test.toml");
  EXPECT_EQ(ind.line, 1);
  EXPECT_EQ(ind.signal_method, "");  // automatisch

  CatalogCheck named = CheckCatalogText(
      Replace(kRate, "uitsplitsingen = [\"melder\"]", "uitsplitsingen = [\"melder\"]\nsignaalmethode = \"cusum\""),
      "test.toml");
  ASSERT_TRUE(named.problems.empty() && named.catalog.indicators.size() == 1u);
  EXPECT_EQ(named.catalog.indicators[0].signal_method, "cusum");
}

TEST(CatalogFileTest, AWrongEntryNamesTheFileLineAndProblem) {
  struct Case {
    std::string name;
    std::string text;
    std::string at_line;  // the text on the line the problem must name
    std::string message;  // part of the message
  };
  const std::vector<Case> cases = {
      {"unknown signal method",
       Replace(kRate, "uitsplitsingen = [\"melder\"]",
               "uitsplitsingen = [\"melder\"]\nsignaalmethode = \"farrington2\""),
       "signaalmethode", "'farrington2' is geen toegestane waarde"},
      {"unknown column", Replace(kRate, "soort = \"melding\",", "soortt = \"melding\","), "soortt",
       "veilig_thuis heeft geen kolom 'soortt'"},
      {"value the contract does not allow", Replace(kRate, "\"partnergeweld\"", "\"pesten\""), "pesten",
       "'pesten' is geen toegestane waarde van veilig_thuis.geweldsvorm"},
      {"missing denominator",
       Replace(kRate,
               "[indicator.noemer]\nbron = \"bevolking\"\ntel = \"som\"\nkolom = \"aantal\"\nleeftijd = \"0-17\"\n",
               ""),
       "soort = \"verhouding\"", "heeft een noemer nodig"},
      {"unknown key (a typo)", Replace(kRate, "factor = 1000", "factr = 1000"), "factr", "onbekende sleutel 'factr'"},
      {"closed vocabulary", Replace(kRate, "thema = \"opgroeien\"", "thema = \"jeugd\""), "thema",
       "'jeugd' is geen toegestane waarde (toegestaan: meedoen, opgroeien, ouder_worden, organisatie)"},
      {"age that cuts a bevolking band", Replace(kRate, "leeftijd = \"0-17\"", "leeftijd = \"0-16\""), "0-16",
       "valt niet samen met hele leeftijdsklassen"},
      {"sum of a text column", Replace(kRate, "kolom = \"aantal\"", "kolom = \"regio\""), "kolom = \"regio\"",
       "bevolking.regio is geen getal"},
      {"persons counted where nobody is linked", Replace(kRate, "tel = \"som\"", "tel = \"personen\""),
       "tel = \"personen\"", "kan alleen bij een meldpunt"},
      {"bronnen that differ from what is read",
       Replace(kRate, "[\"veilig_thuis\", \"bevolking\"]", "[\"veilig_thuis\"]"), "bronnen",
       "bronnen moet de bronnen noemen die de indicator leest: bevolking, veilig_thuis"},
      {"a wave period for a rate", Replace(kRate, "[\"maand\", \"jaar\"]", "[\"golf\"]"), "periodes",
       "'golf' past niet bij soort verhouding"},
      {"a breakdown that is not a category", Replace(kRate, "[\"melder\"]", "[\"melding_id\"]"), "uitsplitsingen",
       "veilig_thuis.melding_id is geen categorie"},
      {"a target without its example mark", kRate + "\n[indicator.doel_2030]\nwaarde = 5.0\n", "[indicator.doel_2030]",
       "doel_2030.voorbeeld ontbreekt"},
      {"several sources outside a forecast",
       Replace(kRate, "bron = \"veilig_thuis\"", "bron = [\"veilig_thuis\", \"wmo\"]"), "bron = [",
       "hier hoort één bron"},
      {"bad id", Replace(kRate, "id = \"vt_test_per_1000\"", "id = \"VT-test\""),
       "id = ", "id 'VT-test' moet beginnen"},
      {"TOML syntax", Replace(kRate, "titel = \"Test\"", "titel = \"Test"), "titel", "geen geldige TOML"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    CatalogCheck check = CheckCatalogText(c.text, "config/indicatoren/test.toml");
    ASSERT_FALSE(check.ok());
    bool found = false;
    for (const CatalogProblem& problem : check.problems) {
      if (problem.message.find(c.message) == std::string::npos) continue;
      found = true;
      EXPECT_EQ(problem.file, "config/indicatoren/test.toml");
      EXPECT_EQ(problem.line, LineOf(c.text, c.at_line)) << problem.ToString();
      EXPECT_GT(problem.column, 0) << problem.ToString();
      EXPECT_EQ(problem.ToString().rfind("config/indicatoren/test.toml:" + std::to_string(problem.line) + ":", 0), 0u);
    }
    EXPECT_TRUE(found) << "no problem with '" << c.message << "' among:\n"
                       << [&] {
                            std::string all;
                            for (const CatalogProblem& p : check.problems) all += p.ToString() + "\n";
                            return all;
                          }();
    EXPECT_TRUE(check.catalog.indicators.empty()) << "an entry with a problem is left out";
  }
}

TEST(CatalogFileTest, SurveyLinkedAndForecastEntriesAreCheckedByKind) {
  const std::string survey = R"([[indicator]]
id = "eenzaam_test_pct"
titel = "Eenzaam"
definitie = "Test."
thema = "meedoen"
ontwikkelrichting = "veerkracht"
soort = "enquete"
bronnen = ["gezondheidsmonitor"]
factor = 100
eenheid = "%"
richting = "lager_is_beter"
periodes = ["golf"]
niveaus = ["twente", "gemeente"]
uitsplitsingen = ["inkomen_kwintiel"]

[indicator.enquete]
variabele = "eenzaam"
leeftijd = "18+"
kloof_inkomen = true
)";
  CatalogCheck good = CheckCatalogText(survey, "s.toml");
  for (const CatalogProblem& problem : good.problems) ADD_FAILURE() << problem.ToString();
  ASSERT_EQ(good.catalog.indicators.size(), 2u);
  EXPECT_EQ(good.catalog.indicators[0].survey->age, (AgeSpan{18, std::nullopt}));
  EXPECT_EQ(good.catalog.indicators[0].interval, IntervalMethod::kDesign);
  EXPECT_EQ(good.catalog.indicators[1].id, "eenzaam_test_pct_kloof_inkomen");
  EXPECT_EQ(good.catalog.indicators[1].direction, Direction::kCloserToZeroIsBetter);

  CatalogCheck not_zero_one =
      CheckCatalogText(Replace(survey, "variabele = \"eenzaam\"", "variabele = \"leeftijd\""), "s.toml");
  ASSERT_FALSE(not_zero_one.ok());
  EXPECT_NE(not_zero_one.problems[0].message.find("'leeftijd' is geen 0/1-variabele"), std::string::npos);

  const std::string linked = R"([[indicator]]
id = "hermelding_test_pct"
titel = "Hermelding"
definitie = "Test."
thema = "opgroeien"
ontwikkelrichting = "zorgpreventie"
soort = "gekoppeld"
bronnen = ["veilig_thuis", "zorgwekkend_gedrag", "woningvervuiling", "wonen_verblijf", "jeugdhulp", "wmo"]
factor = 100
eenheid = "%"
richting = "lager_is_beter"
periodes = ["jaar"]
niveaus = ["gemeente"]

[indicator.gekoppeld]
maat = "vt_meldingen_klasse"
categorie = "hermeldingen"
)";
  CatalogCheck bad_category = CheckCatalogText(linked, "l.toml");
  ASSERT_FALSE(bad_category.ok());
  EXPECT_EQ(bad_category.problems[0].line, LineOf(linked, "categorie ="));
  EXPECT_NE(bad_category.problems[0].message.find("'hermeldingen' is geen categorie van vt_meldingen_klasse"),
            std::string::npos);
  EXPECT_TRUE(CheckCatalogText(Replace(linked, "hermeldingen", "hermelding"), "l.toml").ok());

  const std::string forecast = R"([[indicator]]
id = "per_week_test"
titel = "Per week"
definitie = "Test."
thema = "organisatie"
ontwikkelrichting = "ontzorgen"
soort = "voorspelling"
bronnen = ["veilig_thuis", "wmo"]
eenheid = "meldingen per week"
richting = "lager_is_beter"
periodes = ["week"]
niveaus = ["twente"]

[indicator.teller]
bron = ["veilig_thuis", "wmo"]
filter = { soort = "melding" }
)";
  CatalogCheck no_horizon = CheckCatalogText(forecast, "f.toml");
  ASSERT_FALSE(no_horizon.ok());
  bool needs_forecast = false, filter_in_wmo = false;
  for (const CatalogProblem& p : no_horizon.problems) {
    needs_forecast |= p.message.find("soort voorspelling heeft [indicator.voorspelling] nodig") != std::string::npos;
    // wmo's soort has no value "melding": a filter must hold in every source listed
    filter_in_wmo |= p.message.find("'melding' is geen toegestane waarde van wmo.soort") != std::string::npos;
  }
  EXPECT_TRUE(needs_forecast);
  EXPECT_TRUE(filter_in_wmo);
}

TEST(CatalogFileTest, IdsAreUniqueOverAllFilesAndAnEmptyFolderIsAProblem) {
  const std::string dir = ::testing::TempDir() + "/catalog-" + std::to_string(getpid());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  EXPECT_FALSE(CheckCatalogDir(dir).ok());
  EXPECT_FALSE(CheckCatalogDir(dir + "/none").ok());
  for (const char* name : {"a.toml", "b.toml"}) std::ofstream(dir + "/" + name) << kRate;
  CatalogCheck check = CheckCatalogDir(dir);
  ASSERT_EQ(check.problems.size(), 1u);
  EXPECT_EQ(check.problems[0].file, dir + "/b.toml");
  EXPECT_EQ(check.problems[0].line, 1);
  EXPECT_NE(check.problems[0].message.find("staat er al, in " + dir + "/a.toml regel 1"), std::string::npos);
  Result<Catalog> loaded = LoadCatalog(dir);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), StatusCode::kDataError);
  EXPECT_NE(loaded.status().message().find("1 fout"), std::string::npos);
  std::filesystem::remove_all(dir);
}

// The measures the catalogue may name are the ones the computation makes.
TEST(CatalogFileTest, KnownMeasuresCoverWhatTheCrossDeskComputationEmits) {
  using testing::Row;
  std::vector<LinkedInvolvement> rows;
  for (const Row& row : {Row("veilig_thuis", "VT1", "2023-02-01", "p1", "h1").Soort("melding").End("2023-03-01"),
                         Row("veilig_thuis", "VT2", "2024-02-01", "p1", "h1").Soort("melding"),
                         Row("zorgwekkend_gedrag", "Z1", "2023-06-01", "p1", "h1"),
                         Row("jeugdhulp", "J1", "2024-03-01", "p2", "h1").Rol("jeugdige")}) {
    rows.push_back(row.involvement);
  }
  Result<MeasureTable> table = ComputeCrossDeskMeasures(rows, MeasureOptions{});
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  std::set<std::string> emitted;
  for (const MeasureRow& row : *table) {
    const MeasureInfo* info = FindMeasure(row.measure);
    ASSERT_NE(info, nullptr) << row.measure;
    EXPECT_NE(std::find(info->categories.begin(), info->categories.end(), row.category), info->categories.end())
        << row.measure << " / " << row.category;
    emitted.insert(row.measure);
  }
  EXPECT_GE(emitted.size(), 5u);
}

}  // namespace
}  // namespace sz::indicators
