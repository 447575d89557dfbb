// The signal stage over stored indicator cells (pipeline/signals.h): a rise in one gemeente's weekly
// series becomes one ranked, explained signal; quiet series give none; triage lasts across reruns,
// a continued rise keeps the id and a closed signal that returns comes back as a follow-up.
#include "pipeline/signals.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

#include "core/period.h"
#include "io/region_file.h"
#include "store/memory/memory_store.h"
#include "store/sqlite/sqlite_store.h"

namespace sz::pipeline {
namespace {

constexpr const char* kIndicator = "zorgwekkend_gedrag_per_10000";

class SignalsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    regions_ = new RegionTable(io::LoadRegionFile(ConfigDir() + "/regions/twente-synthetic-2024.csv").value());
  }
  static void TearDownTestSuite() { delete regions_; }
  static std::string ConfigDir() { return std::string(SZ_SOURCE_DIR) + "/config"; }

  void SetUp() override {
    store_ = store::OpenMemoryStore().value();
    workspace_ = std::make_unique<Workspace>(Workspace::Borrowing(store_.get(), regions_, clock_, ConfigDir()));
  }

  // Weekly numerators from 2021-W01 for `weeks` weeks in Enschede (rising by `rise` per week in the
  // weeks from `rise_from` on, 0-based) and Hengelo (quiet), stored as a compute run.
  void StoreWeeks(int weeks, int rise_from, double rise, uint32_t seed = 7) {
    std::vector<store::IndicatorCell> cells;
    for (const char* region : {"GM0153", "GM0164"}) {
      std::mt19937 rng(seed + (region[5] - '0'));
      IsoWeek week{2021, 1};
      for (int i = 0; i < weeks; ++i, week = week.Next()) {
        double mean = 20 * (1 + 0.2 * std::sin(2 * M_PI * i / 52.0));
        if (std::string(region) == "GM0153" && i >= rise_from) mean += rise;
        std::poisson_distribution<int> draw(mean);
        cells.push_back({.indicator = kIndicator,
                         .level = RegionLevel::kGemeente,
                         .region = region,
                         .period = week.ToString(),
                         .numerator = static_cast<double>(draw(rng)),
                         .denominator = 160'000});
      }
    }
    auto tx = store_->Begin();
    ASSERT_TRUE(tx.ok());
    auto run = store_->indicator_values().AddRun({.computed_at = "2026-12-04T10:00:00Z"});
    ASSERT_TRUE(run.ok());
    ASSERT_TRUE(store_->indicator_values().ReplaceIndicator(*run, kIndicator, cells).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }

  static inline RegionTable* regions_ = nullptr;
  static inline FixedClock clock_{Date{2026, 12, 4}};
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Workspace> workspace_;
};

TEST_F(SignalsTest, ARiseInOneGemeenteIsOneExplainedSignal) {
  StoreWeeks(4 * 52, 4 * 52 - 2, 40);
  Result<SignalsReport> report = DetectSignals(*workspace_);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->series, 2);
  EXPECT_EQ(report->signals, 1);
  EXPECT_EQ(report->new_signals, 1);
  EXPECT_GE(report->tests, 4);
  Result<std::vector<store::StoredSignal>> list = ListSignals(*workspace_, std::nullopt);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  const store::StoredSignal& s = list->front();
  EXPECT_EQ(s.kind, "reeks");
  EXPECT_EQ(s.region, "GM0153");
  EXPECT_EQ(s.indicators, std::vector<std::string>{kIndicator});
  EXPECT_EQ(s.sources, std::vector<std::string>{"zorgwekkend_gedrag"});
  EXPECT_EQ(s.period_to, "2024-W52");
  EXPECT_EQ(s.method, "farringtonFlexible (Noufaily)");
  EXPECT_EQ(s.status, "nieuw");
  EXPECT_EQ(s.rank, 1);
  EXPECT_LE(*s.q_value, 0.05);
  EXPECT_GT(*s.observed, *s.threshold);
  EXPECT_NE(s.explanation.find("In Enschede kwamen in "), std::string::npos) << s.explanation;
  EXPECT_NE(s.explanation.find("meldingen zorgwekkend gedrag binnen, verwacht "), std::string::npos);

  const nlohmann::json json = nlohmann::json::parse(SignalsJson(*list));
  for (const char* key :
       {"id", "soort", "indicatoren", "bronnen", "regio", "periode_van", "periode_tot", "methode", "waargenomen",
        "verwacht", "drempel", "p_waarde", "q_waarde", "score", "rang", "uitleg", "status", "notities"})
    EXPECT_TRUE(json[0].contains(key)) << key;
  EXPECT_EQ(json[0]["periode_tot"], "2024-W52");
}

TEST_F(SignalsTest, ACategoryThatLiftsItsTotalIsOneSignal) {
  std::vector<store::IndicatorCell> cells;
  std::mt19937 rng(11);
  IsoWeek week{2021, 1};
  for (int i = 0; i < 4 * 52; ++i, week = week.Next()) {
    std::poisson_distribution<int> quiet(20), category(10 + (i >= 4 * 52 - 2 ? 40 : 0));
    const double other = quiet(rng), rising = category(rng);
    for (const auto& [breakdown, count] :
         std::vector<std::pair<std::string, double>>{{"totaal", other + rising}, {"categorie=overlast", rising}}) {
      cells.push_back({.indicator = kIndicator,
                       .level = RegionLevel::kGemeente,
                       .region = "GM0153",
                       .period = week.ToString(),
                       .breakdown = breakdown,
                       .numerator = count,
                       .denominator = 160'000});
    }
  }
  auto tx = store_->Begin();
  ASSERT_TRUE(tx.ok());
  auto run = store_->indicator_values().AddRun({.computed_at = "2026-12-04T10:00:00Z"});
  ASSERT_TRUE(run.ok() && store_->indicator_values().ReplaceIndicator(*run, kIndicator, cells).ok());
  ASSERT_TRUE(tx->Commit().ok());
  Result<SignalsReport> report = DetectSignals(*workspace_);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->folded_totals, 1);
  Result<std::vector<store::StoredSignal>> list = ListSignals(*workspace_, std::nullopt);
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->front().breakdown, "categorie=overlast");
  EXPECT_NE(list->front().explanation.find("(categorie overlast) binnen"), std::string::npos)
      << list->front().explanation;
  EXPECT_NE(list->front().explanation.find(" Het totaal steeg mee: "), std::string::npos) << list->front().explanation;
}

// Weekly wijk totals of three desks over two years in every wijk; `extra` reports per week in the last
// four weeks at zorgwekkend gedrag and woningvervuiling in WK015301 (Enschede).
void StoreWijkDesks(store::Store& store, const RegionTable& regions, double extra) {
  const std::vector<std::pair<std::string, double>> desks = {
      {"zorgwekkend_gedrag_per_10000", 0.4}, {"woningvervuiling_per_10000", 0.1}, {"wonen_verblijf_per_10000", 0.3}};
  auto tx = store.Begin();
  ASSERT_TRUE(tx.ok());
  auto run = store.indicator_values().AddRun({.computed_at = "2026-12-04T10:00:00Z"});
  ASSERT_TRUE(run.ok());
  std::mt19937 rng(5);
  for (size_t d = 0; d < desks.size(); ++d) {
    std::vector<store::IndicatorCell> cells;
    for (const Region* wijk : regions.AtLevel(RegionLevel::kWijk)) {
      IsoWeek week{2023, 1};
      for (int i = 0; i < 104; ++i, week = week.Next()) {
        std::poisson_distribution<int> draw(desks[d].second);
        double count = draw(rng);
        if (wijk->code == "WK015301" && i >= 100 && d < 2) count += extra;
        cells.push_back({.indicator = desks[d].first,
                         .level = RegionLevel::kWijk,
                         .region = wijk->code,
                         .period = week.ToString(),
                         .numerator = count,
                         .denominator = 6'000});
      }
    }
    ASSERT_TRUE(store.indicator_values().ReplaceIndicator(*run, desks[d].first, cells).ok());
  }
  ASSERT_TRUE(tx->Commit().ok());
}

TEST_F(SignalsTest, TwoDesksRisingTogetherInOneWijkAreADwarsverband) {
  StoreWijkDesks(*store_, *regions_, 3);
  Result<SignalsReport> report = DetectSignals(*workspace_);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_GE(report->crossdesk_tests, 1);
  EXPECT_EQ(report->crossdesk_signals, 1);
  Result<std::vector<store::StoredSignal>> list = ListSignals(*workspace_, std::nullopt);
  ASSERT_TRUE(list.ok());
  const store::StoredSignal* found = nullptr;
  for (const store::StoredSignal& s : *list)
    if (s.kind == "dwarsverband") found = &s;
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->sources, (std::vector<std::string>{"woningvervuiling", "zorgwekkend_gedrag"}));
  EXPECT_EQ(found->indicators,
            (std::vector<std::string>{"woningvervuiling_per_10000", "zorgwekkend_gedrag_per_10000"}));
  EXPECT_NE(found->breakdown.find("WK015301"), std::string::npos) << found->breakdown;
  EXPECT_EQ(found->key, "dwarsverband|" + found->region + "|woningvervuiling+zorgwekkend_gedrag");
  EXPECT_EQ(found->period_to, "2024-W52");
  EXPECT_LE(*found->q_value, 0.05);
  EXPECT_GT(*found->observed, 2 * *found->expected);
  EXPECT_NE(found->explanation.find(" stegen in "), std::string::npos) << found->explanation;
  EXPECT_NE(found->explanation.find("meldingen zorgwekkend gedrag "), std::string::npos) << found->explanation;
  EXPECT_NE(found->explanation.find("ruimte-tijdscan (Neill)"), std::string::npos) << found->explanation;
  // A rerun on the same cells keeps it as it is.
  Result<SignalsReport> again = DetectSignals(*workspace_);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->new_signals, 0);
}

TEST_F(SignalsTest, DesksThatRiseTogetherAcrossTheWijkenAreADwarsverbandOfTwente) {
  // In the last 13 weeks a factor per wijk (log-normal) lifts zorgwekkend gedrag and woningvervuiling
  // alike: where one is high, the other is too, with no single wijk standing out.
  auto tx = store_->Begin();
  ASSERT_TRUE(tx.ok());
  auto run = store_->indicator_values().AddRun({.computed_at = "2026-12-04T10:00:00Z"});
  ASSERT_TRUE(run.ok());
  std::mt19937 rng(8);
  std::map<std::string, double> factor;
  for (const Region* wijk : regions_->AtLevel(RegionLevel::kWijk))
    factor[wijk->code] = std::exp(std::normal_distribution<double>(0, 0.7)(rng));
  const std::vector<std::pair<std::string, double>> desks = {
      {"zorgwekkend_gedrag_per_10000", 1.0}, {"woningvervuiling_per_10000", 0.6}, {"wonen_verblijf_per_10000", 0.5}};
  for (size_t d = 0; d < desks.size(); ++d) {
    std::vector<store::IndicatorCell> cells;
    for (const Region* wijk : regions_->AtLevel(RegionLevel::kWijk)) {
      IsoWeek week{2023, 1};
      for (int i = 0; i < 104; ++i, week = week.Next()) {
        const double mean = desks[d].second * (i >= 91 && d < 2 ? factor[wijk->code] : 1.0);
        std::poisson_distribution<int> draw(mean);
        cells.push_back({.indicator = desks[d].first,
                         .level = RegionLevel::kWijk,
                         .region = wijk->code,
                         .period = week.ToString(),
                         .numerator = static_cast<double>(draw(rng)),
                         .denominator = 6'000});
      }
    }
    ASSERT_TRUE(store_->indicator_values().ReplaceIndicator(*run, desks[d].first, cells).ok());
  }
  ASSERT_TRUE(tx->Commit().ok());
  Result<SignalsReport> report = DetectSignals(*workspace_);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->comovement_tests, 3);
  Result<std::vector<store::StoredSignal>> list = ListSignals(*workspace_, std::nullopt);
  ASSERT_TRUE(list.ok());
  std::vector<const store::StoredSignal*> found;
  for (const store::StoredSignal& s : *list)
    if (s.breakdown == "samenhang") found.push_back(&s);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]->kind, "dwarsverband");
  EXPECT_EQ(found[0]->key, "dwarsverband|CR23|woningvervuiling+zorgwekkend_gedrag");
  EXPECT_EQ(found[0]->region, "CR23");
  EXPECT_EQ(found[0]->period_from, "2024-W40");
  EXPECT_EQ(found[0]->period_to, "2024-W52");
  EXPECT_LE(*found[0]->q_value, 0.05);
  EXPECT_NE(found[0]->explanation.find("In de wijken van Twente gingen in 13 weken"), std::string::npos)
      << found[0]->explanation;
  EXPECT_NE(found[0]->explanation.find("samenhang over wijken (permutatietoets)"), std::string::npos);
}

// eenzaam_pct (lager is beter) in two waves: Enschede rose from 40% to 47% with narrow intervals,
// Hengelo stayed at 40%, Twente at 41%.
TEST_F(SignalsTest, ASurveyEstimateThatWorsenedIsAGolfSignal) {
  auto cell = [](const std::string& region, RegionLevel level, int wave, double p, double half, double weighted) {
    return store::IndicatorCell{.indicator = "eenzaam_pct",
                                .level = level,
                                .region = region,
                                .period = std::to_string(wave),
                                .numerator = p / 100 * weighted,
                                .denominator = weighted,
                                .value = p,
                                .lower = p - half,
                                .upper = p + half,
                                .respondents = 1500};
  };
  std::vector<store::IndicatorCell> cells = {cell("CR23", RegionLevel::kRegio, 2022, 41, 1, 500'000),
                                             cell("CR23", RegionLevel::kRegio, 2024, 41.2, 1, 500'000),
                                             cell("GM0153", RegionLevel::kGemeente, 2022, 40, 2, 120'000),
                                             cell("GM0153", RegionLevel::kGemeente, 2024, 47, 2, 120'000),
                                             cell("GM0164", RegionLevel::kGemeente, 2022, 40, 2, 70'000),
                                             cell("GM0164", RegionLevel::kGemeente, 2024, 40.3, 2, 70'000)};
  auto tx = store_->Begin();
  ASSERT_TRUE(tx.ok());
  auto run = store_->indicator_values().AddRun({.computed_at = "2026-12-04T10:00:00Z"});
  ASSERT_TRUE(run.ok() && store_->indicator_values().ReplaceIndicator(*run, "eenzaam_pct", cells).ok());
  ASSERT_TRUE(tx->Commit().ok());
  Result<SignalsReport> report = DetectSignals(*workspace_);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->wave_tests, 3 + 2);  // three changes, two gemeenten against Twente
  EXPECT_EQ(report->wave_signals, 2);
  Result<std::vector<store::StoredSignal>> list = ListSignals(*workspace_, std::nullopt);
  ASSERT_TRUE(list.ok());
  std::set<std::string> keys;
  for (const store::StoredSignal& s : *list) {
    keys.insert(s.key);
    EXPECT_EQ(s.kind, "golf");
    EXPECT_EQ(s.region, "GM0153");
    EXPECT_NE(s.explanation.find("In Enschede was eenzaamheid in de gezondheidsmonitor van 2024 47%, hoger dan "),
              std::string::npos)
        << s.explanation;
  }
  EXPECT_EQ(keys, (std::set<std::string>{"golf|eenzaam_pct|GM0153|verandering", "golf|eenzaam_pct|GM0153|twente"}));
  for (const store::StoredSignal& s : *list) {
    if (s.key.ends_with("verandering")) {
      EXPECT_EQ(s.period_from, "2022");
      EXPECT_EQ(s.period_to, "2024");
    }
  }
}

TEST_F(SignalsTest, QuietDesksGiveNoDwarsverband) {
  StoreWijkDesks(*store_, *regions_, 0);
  Result<SignalsReport> report = DetectSignals(*workspace_);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->crossdesk_signals, 0);
}

TEST_F(SignalsTest, QuietSeriesGiveNoSignal) {
  StoreWeeks(4 * 52, 10'000, 0);
  Result<SignalsReport> report = DetectSignals(*workspace_);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->signals, 0);
  EXPECT_GE(report->tests, 1);
}

TEST_F(SignalsTest, TriageLastsAcrossRunsAndAClosedSignalReturnsAsAFollowUp) {
  StoreWeeks(4 * 52, 4 * 52 - 2, 40);
  ASSERT_TRUE(DetectSignals(*workspace_).ok());
  const int64_t id = ListSignals(*workspace_, std::nullopt)->front().id;
  Result<store::StoredSignal> triaged =
      TriageSignal(*workspace_, {.id = id, .status = "besproken", .note = "navragen bij het meldpunt", .by = "An"});
  ASSERT_TRUE(triaged.ok()) << triaged.status().ToString();
  ASSERT_EQ(triaged->steps.size(), 1u);
  EXPECT_EQ(triaged->steps[0].from_status, "nieuw");
  EXPECT_EQ(triaged->steps[0].to_status, "besproken");
  EXPECT_EQ(triaged->steps[0].by, "An");
  EXPECT_FALSE(triaged->steps[0].at.empty());

  // The same cells again, and then two more weeks of the rise: the same signal, status and note.
  ASSERT_TRUE(DetectSignals(*workspace_).ok());
  StoreWeeks(4 * 52 + 2, 4 * 52 - 2, 40);
  Result<SignalsReport> again = DetectSignals(*workspace_);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->new_signals, 0);
  Result<store::StoredSignal> kept = ShowSignal(*workspace_, id);
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(kept->status, "besproken");
  EXPECT_EQ(kept->steps.size(), 1u);
  EXPECT_EQ(kept->period_to, "2025-W02");
  EXPECT_EQ(kept->rank, 1);

  // Closed, it leaves the default list; the rise going on after it comes back as a follow-up.
  ASSERT_TRUE(TriageSignal(*workspace_, {.id = id, .status = "afgesloten"}).ok());
  EXPECT_TRUE(ListSignals(*workspace_, std::nullopt)->empty());
  EXPECT_EQ(ListSignals(*workspace_, "afgesloten")->size(), 1u);
  ASSERT_TRUE(DetectSignals(*workspace_).ok());  // the same data: it stays closed
  EXPECT_TRUE(ListSignals(*workspace_, std::nullopt)->empty());
  StoreWeeks(4 * 52 + 4, 4 * 52 - 2, 40);
  Result<SignalsReport> returned = DetectSignals(*workspace_);
  ASSERT_TRUE(returned.ok());
  EXPECT_EQ(returned->follow_ups, 1);
  Result<std::vector<store::StoredSignal>> open = ListSignals(*workspace_, std::nullopt);
  ASSERT_EQ(open->size(), 1u);
  EXPECT_EQ(open->front().follows, id);
  EXPECT_EQ(open->front().status, "nieuw");
}

TEST_F(SignalsTest, RefusedTriageStepsSayWhy) {
  StoreWeeks(4 * 52, 4 * 52 - 2, 40);
  ASSERT_TRUE(DetectSignals(*workspace_).ok());
  const int64_t id = ListSignals(*workspace_, std::nullopt)->front().id;
  EXPECT_EQ(TriageSignal(*workspace_, {.id = id + 100, .status = "besproken"}).status().code(), StatusCode::kNotFound);
  Result<store::StoredSignal> bad = TriageSignal(*workspace_, {.id = id, .status = "open"});
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("geagendeerd"), std::string::npos);
  ASSERT_TRUE(TriageSignal(*workspace_, {.id = id, .status = "geagendeerd"}).ok());
  EXPECT_EQ(TriageSignal(*workspace_, {.id = id, .status = "nieuw"}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ShowSignal(*workspace_, id)->steps.size(), 1u);  // a refused step leaves nothing
  EXPECT_EQ(ListSignals(*workspace_, std::string("open")).status().code(), StatusCode::kInvalidArgument);
}

// Two years of Veilig Thuis's weekly reports for Twente around 150 and a forecast rising from 150 to 246
// over 13 weeks, stored as the forecast indicator's cells.
void StoreLoad(store::Store& store) {
  std::vector<store::IndicatorCell> cells;
  std::mt19937 rng(3);
  std::poisson_distribution<int> draw(150);
  IsoWeek week{2024, 1};
  for (int i = 0; i < 104; ++i, week = week.Next()) {
    cells.push_back({.indicator = "meldingen_per_week",
                     .level = RegionLevel::kRegio,
                     .region = "CR23",
                     .period = week.ToString(),
                     .breakdown = "bron=veilig_thuis",
                     .numerator = static_cast<double>(draw(rng))});
  }
  for (int i = 0; i < 13; ++i, week = week.Next()) {
    cells.push_back({.indicator = "meldingen_per_week",
                     .level = RegionLevel::kRegio,
                     .region = "CR23",
                     .period = week.ToString(),
                     .breakdown = "bron=veilig_thuis&reeks=voorspelling",
                     .value = 150.0 + 8 * i});
  }
  auto tx = store.Begin();
  ASSERT_TRUE(tx.ok());
  auto run = store.indicator_values().AddRun({.computed_at = "2026-12-04T10:00:00Z"});
  ASSERT_TRUE(run.ok());
  ASSERT_TRUE(store.indicator_values().ReplaceIndicator(*run, "meldingen_per_week", cells).ok());
  ASSERT_TRUE(tx->Commit().ok());
}

TEST_F(SignalsTest, AForecastAboveTheDesksOwnNinetiethPercentileIsABelastingSignal) {
  StoreLoad(*store_);
  Result<SignalsReport> report = DetectSignals(*workspace_);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->load_signals, 1);
  Result<std::vector<store::StoredSignal>> list = ListSignals(*workspace_, std::nullopt);
  ASSERT_EQ(list->size(), 1u);
  const store::StoredSignal& s = list->front();
  EXPECT_EQ(s.kind, "belasting");
  EXPECT_EQ(s.sources, std::vector<std::string>{"veilig_thuis"});
  EXPECT_EQ(s.region, "CR23");
  EXPECT_EQ(s.method, "voorspelling boven eigen P90");
  EXPECT_EQ(s.period_to, "2026-W13");  // the forecast's last week
  EXPECT_DOUBLE_EQ(*s.expected, 246);
  EXPECT_GT(*s.threshold, 150);
  EXPECT_LT(*s.threshold, 175);
  EXPECT_FALSE(s.q_value.has_value());
  EXPECT_NE(s.explanation.find("Bij Veilig Thuis Twente komen in Twente volgens de voorspelling in "),
            std::string::npos)
      << s.explanation;
}

TEST_F(SignalsTest, ACapacityInSignalenTomlReplacesThePercentileForTwente) {
  const std::string dir = ::testing::TempDir() + "/signals-capacity-" + std::to_string(::getpid());
  std::filesystem::remove_all(dir);
  std::filesystem::copy(ConfigDir(), dir, std::filesystem::copy_options::recursive);
  StoreLoad(*store_);
  for (const auto& [capacity, expected] : std::vector<std::pair<int, size_t>>{{300, 0}, {200, 1}}) {
    std::ofstream(dir + "/signalen.toml") << "[capaciteit]\nveilig_thuis = " << capacity << "\n";
    Workspace workspace = Workspace::Borrowing(store_.get(), regions_, clock_, dir);
    Result<SignalsReport> report = DetectSignals(workspace);
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    EXPECT_EQ(static_cast<size_t>(report->load_signals), expected) << capacity;
  }
  const store::StoredSignal s = ListSignals(*workspace_, std::nullopt)->front();
  EXPECT_EQ(s.method, "voorspelling boven capaciteit");
  EXPECT_EQ(s.period_from, "2026-W08");  // 150 + 8·7 = 206 > 200
  EXPECT_NE(s.explanation.find("boven de capaciteit van 200 per week"), std::string::npos) << s.explanation;
  std::filesystem::remove_all(dir);
}

TEST_F(SignalsTest, TriageSurvivesARestart) {
  const std::string path = ::testing::TempDir() + "/signals-restart-" + std::to_string(::getpid()) + ".db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  store_ = store::OpenSqliteStore(path).value();
  workspace_ = std::make_unique<Workspace>(Workspace::Borrowing(store_.get(), regions_, clock_, ConfigDir()));
  StoreWeeks(4 * 52, 4 * 52 - 2, 40);
  ASSERT_TRUE(DetectSignals(*workspace_).ok());
  const int64_t id = ListSignals(*workspace_, std::nullopt)->front().id;
  ASSERT_TRUE(TriageSignal(*workspace_, {.id = id, .status = "geagendeerd", .note = "op de agenda van het AB"}).ok());

  workspace_.reset();
  store_ = store::OpenSqliteStore(path).value();  // a restart: the same file opened afresh
  workspace_ = std::make_unique<Workspace>(Workspace::Borrowing(store_.get(), regions_, clock_, ConfigDir()));
  Result<SignalsReport> again = DetectSignals(*workspace_);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->new_signals, 0);
  Result<store::StoredSignal> kept = ShowSignal(*workspace_, id);
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(kept->status, "geagendeerd");
  ASSERT_EQ(kept->steps.size(), 1u);
  EXPECT_EQ(kept->steps[0].note, "op de agenda van het AB");
  workspace_.reset();
  store_.reset();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

TEST_F(SignalsTest, NothingComputedIsAPrecondition) {
  EXPECT_EQ(DetectSignals(*workspace_).status().code(), StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace sz::pipeline
