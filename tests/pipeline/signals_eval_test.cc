// The signal stage replayed week by week (pipeline/signals_eval.h): an injected outbreak and an injected
// dwarsverband in stored cells are found, and the truth files are read as `samenzicht generate` writes
// them.
#include "pipeline/signals_eval.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>

#include "core/period.h"
#include "io/region_file.h"
#include "store/memory/memory_store.h"

namespace sz::pipeline {
namespace {

namespace fs = std::filesystem;

class SignalsEvalTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    regions_ = new RegionTable(io::LoadRegionFile(ConfigDir() + "/regions/twente-synthetic-2024.csv").value());
  }
  static void TearDownTestSuite() { delete regions_; }
  static std::string ConfigDir() { return std::string(SZ_SOURCE_DIR) + "/config"; }

  void SetUp() override {
    store_ = store::OpenMemoryStore().value();
    workspace_ = std::make_unique<Workspace>(Workspace::Borrowing(store_.get(), regions_, clock_, ConfigDir()));
    dir_ = std::string(SZ_BINARY_DIR) + "/signals_eval_test_" + std::to_string(getpid());
    fs::remove_all(dir_);
    fs::create_directories(dir_ + "/truth");
  }
  void TearDown() override { fs::remove_all(dir_); }

  void WriteTruth(const std::string& outbreaks, const std::string& clusters) {
    std::ofstream(dir_ + "/truth/outbreaks.csv") << "ziekte;gemeente;eerste_week;laatste_week;extra_gevallen\n"
                                                 << outbreaks;
    std::ofstream(dir_ + "/truth/dwarsverbanden.csv")
        << "gemeente;wijk;bronnen;eerste_week;laatste_week;extra_meldingen\n"
        << clusters;
  }

  // Five years of weekly salmonellose in Enschede (2021-W01 to 2025-W52) with `extra` cases a week in
  // 2025-W40–W42, and two years of three desks in every wijk with `desk_extra` reports a week at
  // zorgwekkend gedrag and woningvervuiling in WK015301 in 2025-W45–W48. With `shared_factor`, in the
  // last 13 weeks (2025-W40–W52) a log-normal factor per wijk lifts those two desks alike: where one is
  // high, the other is too, with no single wijk standing out (co-movement across wijken).
  void StoreCells(double extra, double desk_extra, bool shared_factor = false) {
    auto tx = store_->Begin();
    ASSERT_TRUE(tx.ok());
    auto run = store_->indicator_values().AddRun({.computed_at = "2026-12-04T10:00:00Z"});
    ASSERT_TRUE(run.ok());
    std::mt19937 rng(3);
    std::map<std::string, double> factor;
    for (const Region* wijk : regions_->AtLevel(RegionLevel::kWijk))
      factor[wijk->code] = shared_factor ? std::exp(std::normal_distribution<double>(0, 0.7)(rng)) : 1.0;
    {
      std::vector<store::IndicatorCell> cells;
      IsoWeek week{2021, 1};
      for (; week.year <= 2025; week = week.Next()) {
        std::poisson_distribution<int> draw(3);
        double count = draw(rng);
        if (week.year == 2025 && week.week >= 40 && week.week <= 42) count += extra;
        cells.push_back({.indicator = "infectieziekten_per_100000",
                         .level = RegionLevel::kGemeente,
                         .region = "GM0153",
                         .period = week.ToString(),
                         .breakdown = "ziekte=salmonellose",
                         .numerator = count,
                         .denominator = 160'000});
      }
      ASSERT_TRUE(store_->indicator_values().ReplaceIndicator(*run, "infectieziekten_per_100000", cells).ok());
    }
    // Weekly means per wijk; busier desks for the co-movement (as in signals_test's), so that 13 weeks
    // give every wijk a few reports.
    const std::vector<std::pair<std::string, double>> desks = {
        {"zorgwekkend_gedrag_per_10000", shared_factor ? 1.0 : 0.4},
        {"woningvervuiling_per_10000", shared_factor ? 0.6 : 0.1},
        {"wonen_verblijf_per_10000", shared_factor ? 0.5 : 0.3}};
    for (size_t d = 0; d < desks.size(); ++d) {
      std::vector<store::IndicatorCell> cells;
      for (const Region* wijk : regions_->AtLevel(RegionLevel::kWijk)) {
        for (IsoWeek week{2024, 1}; week.year <= 2025; week = week.Next()) {
          const bool lifted = d < 2 && week.year == 2025 && week.week >= 40;
          std::poisson_distribution<int> draw(desks[d].second * (lifted ? factor[wijk->code] : 1.0));
          double count = draw(rng);
          if (wijk->code == "WK015301" && d < 2 && week.year == 2025 && week.week >= 45 && week.week <= 48)
            count += desk_extra;
          cells.push_back({.indicator = desks[d].first,
                           .level = RegionLevel::kWijk,
                           .region = wijk->code,
                           .period = week.ToString(),
                           .numerator = count,
                           .denominator = 6'000});
        }
      }
      ASSERT_TRUE(store_->indicator_values().ReplaceIndicator(*run, desks[d].first, cells).ok());
    }
    ASSERT_TRUE(tx->Commit().ok());
  }

  static inline RegionTable* regions_ = nullptr;
  static inline FixedClock clock_{Date{2026, 12, 4}};
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Workspace> workspace_;
  std::string dir_;
};

TEST_F(SignalsEvalTest, FindsTheInjectedOutbreakAndDwarsverband) {
  StoreCells(10, 3);
  WriteTruth("salmonellose;GM0153;2025-W40;2025-W42;30\n",
             "GM0153;WK015301;zorgwekkend_gedrag+woningvervuiling;2025-W45;2025-W48;24\n"
             "GM0153;WK015301;zorgwekkend_gedrag+woningvervuiling;2023-W45;2023-W48;24\n");  // before the replay
  Result<SignalsEvalReport> r = EvaluateSignals(*workspace_, {.data_dir = dir_, .weeks = 26, .replications = 199});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->first_week, "2025-W27");
  EXPECT_EQ(r->last_week, "2025-W52");
  EXPECT_EQ(r->outbreaks, 1);
  EXPECT_EQ(r->outbreaks_found, 1);
  EXPECT_EQ(r->clusters, 1);
  EXPECT_EQ(r->clusters_found, 1);
  EXPECT_TRUE(r->outbreaks_missed.empty());
  EXPECT_TRUE(r->clusters_missed.empty());
  EXPECT_GE(r->crossdesk_signals_true, 1);
  EXPECT_GE(r->CrossDeskPrecision(), 0.5);
  ASSERT_EQ(r->new_per_week.size(), 26u);
  EXPECT_TRUE(r->methods.count("farringtonFlexible (Noufaily)"));
  EXPECT_EQ(r->methods["farringtonFlexible (Noufaily)"].outbreaks_found, 1);
  EXPECT_GE(r->methods["ruimte-tijdscan (Neill)"].signals, 1);
}

TEST_F(SignalsEvalTest, QuietDataGiveFewSignalsAndMissTheUninjected) {
  StoreCells(0, 0);
  WriteTruth("salmonellose;GM0153;2025-W40;2025-W42;30\n",
             "GM0153;WK015301;zorgwekkend_gedrag+woningvervuiling;2025-W45;2025-W48;24\n");
  Result<SignalsEvalReport> r = EvaluateSignals(*workspace_, {.data_dir = dir_, .weeks = 26, .replications = 199});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->outbreaks_found, 0);
  EXPECT_EQ(r->clusters_found, 0);
  EXPECT_EQ(r->outbreaks_missed, std::vector<std::string>{"salmonellose GM0153 2025-W40 t/m 2025-W42 (+30)"});
  EXPECT_EQ(r->clusters_missed,
            std::vector<std::string>{"WK015301 zorgwekkend_gedrag+woningvervuiling 2025-W45 t/m 2025-W48 (+24)"});
  EXPECT_EQ(r->crossdesk_signals_true, 0);
  EXPECT_EQ(r->comovement_signals, 0);
  EXPECT_LE(r->max_new_per_week, 2);
  // Every pair of the three desks is tested for co-movement in the replayed weeks.
  EXPECT_EQ(r->methods["samenhang over wijken (permutatietoets)"].series, 3);
}

TEST_F(SignalsEvalTest, DesksMovingTogetherAcrossTheWijkenAreReplayedAsCoMovement) {
  StoreCells(0, 0, /*shared_factor=*/true);
  WriteTruth("", "");
  Result<SignalsEvalReport> r = EvaluateSignals(*workspace_, {.data_dir = dir_, .weeks = 26, .replications = 199});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->methods["samenhang over wijken (permutatietoets)"].series, 3);
  EXPECT_GE(r->comovement_signals, 1);
  EXPECT_EQ(r->methods["samenhang over wijken (permutatietoets)"].signals, r->comovement_signals);
  EXPECT_GE(r->crossdesk_signals, r->comovement_signals);
  // Nothing was injected: no co-movement signal is credited, and each counts as a false dwarsverband.
  EXPECT_EQ(r->comovement_signals_coinciding, 0);
  EXPECT_GT(r->crossdesk_false_per_year, 0);

  // An injected cluster of the same two desks inside those weeks: the co-movement coincides with it.
  WriteTruth("", "GM0153;WK015301;zorgwekkend_gedrag+woningvervuiling;2025-W45;2025-W48;24\n");
  Result<SignalsEvalReport> again = EvaluateSignals(*workspace_, {.data_dir = dir_, .weeks = 26, .replications = 199});
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->comovement_signals, r->comovement_signals);
  EXPECT_EQ(again->comovement_signals_coinciding, again->comovement_signals);
}

TEST_F(SignalsEvalTest, ABadTruthFileNamesItsLine) {
  StoreCells(0, 0);
  WriteTruth("", "GM0153;WK015301;zorgwekkend_gedrag;2025-W45;week 48;24\n");
  Result<SignalsEvalReport> r = EvaluateSignals(*workspace_, {.data_dir = dir_, .weeks = 26});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kDataError);
  EXPECT_NE(r.status().message().find("dwarsverbanden.csv"), std::string::npos) << r.status().message();
  EXPECT_NE(r.status().message().find("2"), std::string::npos) << r.status().message();
  EXPECT_EQ(EvaluateSignals(*workspace_, {}).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace sz::pipeline
