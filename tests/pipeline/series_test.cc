// Count series from stored rows (pipeline/series.h), checked against counts made by hand.
#include "pipeline/series.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/region.h"
#include "store/store.h"

namespace sz::pipeline {
namespace {

class SeriesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(regions_.Add({"NL01", "Nederland", RegionLevel::kLand, ""}).ok());
    ASSERT_TRUE(regions_.Add({"CR23", "Twente", RegionLevel::kRegio, "NL01"}).ok());
    ASSERT_TRUE(regions_.Add({"GM0153", "Enschede", RegionLevel::kGemeente, "CR23"}).ok());
    ASSERT_TRUE(regions_.Add({"GM0164", "Hengelo", RegionLevel::kGemeente, "CR23"}).ok());
    ASSERT_TRUE(regions_.Add({"WK015301", "Noord", RegionLevel::kWijk, ""}).ok());
    ASSERT_TRUE(regions_.Add({"WK015302", "Zuid", RegionLevel::kWijk, ""}).ok());
    store_ = std::move(store::OpenStore("memory:")).value();
  }

  void Insert(const std::string& source, const std::vector<std::vector<Value>>& rows) {
    auto tx = store_->Begin();
    ASSERT_TRUE(tx.ok());
    auto file = store_->ingest_log().AddFile({.source = source, .file_name = source + ".csv", .sha256 = source});
    ASSERT_TRUE(file.ok());
    long line = 1;
    for (const auto& row : rows) {
      auto inserted = store_->records().Insert(*file, ++line, *sources::FindContract(source), row);
      ASSERT_TRUE(inserted.ok() && inserted->inserted) << inserted.status().ToString();
    }
    ASSERT_TRUE(tx->Commit().ok());
  }

  // A Veilig Thuis extract row: one person of one registration.
  std::vector<Value> Vt(const std::string& id, Date received, const std::string& geweldsvorm, int person,
                        const std::string& wijk) {
    const auto& table = sources::FindContract("veilig_thuis")->extract;
    std::vector<Value> row(table.columns.size());
    auto set = [&](const char* column, Value value) { row[table.IndexOf(column)] = std::move(value); };
    set("melding_id", Value::Text(id));
    set("ontvangen_op", Value::OfDate(received));
    set("soort", Value::Text("melding"));
    set("geweldsvorm", Value::Text(geweldsvorm));
    set("melder", Value::Text("politie"));
    set("gemeente", Value::Text("GM0153"));
    set("betrokkene_nr", Value::Integer(person));
    set("rol", Value::Text("kind"));
    set("bsn_status", Value::Text("ontbreekt"));
    if (!wijk.empty()) set("wijk", Value::Text(wijk));
    return row;
  }

  RegionTable regions_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(SeriesTest, CountSourcesSumTheirCountsAndMissWhatWasNotDelivered) {
  auto row = [](const char* week, const char* gemeente, const char* ziekte, int64_t count) {
    return std::vector<Value>{Value::Text(week), Value::Text(gemeente), Value::Text(ziekte), Value::Integer(count)};
  };
  Insert("infectieziekten", {row("2024-W01", "GM0153", "bof", 2), row("2024-W03", "GM0153", "bof", 5),
                             row("2024-W01", "GM0164", "bof", 1), row("2024-W02", "GM0164", "bof", 0),
                             row("2024-W03", "GM0164", "bof", 4), row("2024-W02", "GM0153", "mazelen", 7)});
  auto series = CountSeriesFromStore(*store_, regions_, {.source = "infectieziekten", .category_column = "ziekte"});
  ASSERT_TRUE(series.ok()) << series.status().ToString();
  ASSERT_EQ(series->size(), 3u);  // (GM0153, bof), (GM0153, mazelen), (GM0164, bof)
  const CountSeries& enschede = (*series)[0];
  EXPECT_EQ(enschede.region, "GM0153");
  EXPECT_EQ(enschede.category, "bof");
  EXPECT_EQ(enschede.first.ToString(), "2024-W01");
  EXPECT_EQ(enschede.series.frequency, 52);
  EXPECT_EQ(enschede.series.start_week, 1);
  ASSERT_EQ(enschede.series.size(), 3);
  EXPECT_EQ(enschede.series.observed[0], 2);
  EXPECT_TRUE(std::isnan(enschede.series.observed[1])) << "a week without a delivered row is missing";
  EXPECT_EQ(enschede.series.observed[2], 5);
  EXPECT_EQ((*series)[1].series.observed[1], 7);
  EXPECT_EQ((*series)[2].series.observed[1], 0) << "a delivered zero is a zero";
  // Twente: the sum over gemeenten, per disease.
  auto twente = CountSeriesFromStore(*store_, regions_, {.source = "infectieziekten", .level = RegionLevel::kRegio});
  ASSERT_TRUE(twente.ok());
  ASSERT_EQ(twente->size(), 1u);
  EXPECT_EQ((*twente)[0].region, "CR23");
  EXPECT_EQ((*twente)[0].series.observed, (std::vector<double>{3, 7, 9}));
}

TEST_F(SeriesTest, DeskSourcesCountDistinctRegistrations) {
  // VT-1 has two persons in different wijken; VT-2 and VT-3 fall in the same month.
  Insert("veilig_thuis", {Vt("VT-1", Date{2024, 1, 10}, "kindermishandeling", 1, "WK015301"),
                          Vt("VT-1", Date{2024, 1, 10}, "kindermishandeling", 2, "WK015302"),
                          Vt("VT-2", Date{2024, 3, 2}, "partnergeweld", 1, "WK015301"),
                          Vt("VT-3", Date{2024, 3, 30}, "kindermishandeling", 1, "")});
  auto gemeente = CountSeriesFromStore(*store_, regions_, {.source = "veilig_thuis", .period = PeriodKind::kMonth});
  ASSERT_TRUE(gemeente.ok()) << gemeente.status().ToString();
  ASSERT_EQ(gemeente->size(), 1u);
  EXPECT_EQ((*gemeente)[0].first.ToString(), "2024-01");
  EXPECT_EQ((*gemeente)[0].series.frequency, 12);
  EXPECT_EQ((*gemeente)[0].series.observed, (std::vector<double>{1, 0, 2})) << "a month without reports is 0";
  auto by_form = CountSeriesFromStore(
      *store_, regions_, {.source = "veilig_thuis", .period = PeriodKind::kMonth, .category_column = "geweldsvorm"});
  ASSERT_TRUE(by_form.ok());
  ASSERT_EQ(by_form->size(), 2u);
  EXPECT_EQ((*by_form)[0].category, "kindermishandeling");
  EXPECT_EQ((*by_form)[0].series.observed, (std::vector<double>{1, 0, 1}));
  auto wijken = CountSeriesFromStore(
      *store_, regions_, {.source = "veilig_thuis", .period = PeriodKind::kMonth, .level = RegionLevel::kWijk});
  ASSERT_TRUE(wijken.ok());
  ASSERT_EQ(wijken->size(), 2u);
  EXPECT_EQ((*wijken)[0].region, "WK015301");
  EXPECT_EQ((*wijken)[0].series.observed, (std::vector<double>{1, 0, 1}));
  EXPECT_EQ((*wijken)[1].series.observed, (std::vector<double>{1, 0, 0})) << "VT-1 counts in both its wijken";
}

TEST_F(SeriesTest, ErrorsSayWhatIsMissing) {
  EXPECT_EQ(CountSeriesFromStore(*store_, regions_, {.source = "nergens"}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(CountSeriesFromStore(*store_, regions_, {.source = "gezondheidsmonitor"}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(CountSeriesFromStore(*store_, regions_, {.source = "infectieziekten"}).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(CountSeriesFromStore(*store_, regions_, {.source = "infectieziekten", .category_column = "kleur"})
                .status()
                .code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace sz::pipeline
