// Duration indicators: the Kaplan–Meier median of registration lead times, hand-computed, with
// running registrations censored at the data's end.
#include "indicators/duration_values.h"

#include <gtest/gtest.h>

#include "indicators/catalog_file.h"

namespace sz::indicators {
namespace {

std::vector<Value> Vt(const char* id, int nr, Date received, std::optional<Date> closed, const char* soort,
                      const char* gemeente) {
  const sources::TableSpec& table = sources::FindContract("veilig_thuis")->extract;
  std::vector<Value> row(table.columns.size());
  row[table.IndexOf("melding_id")] = Value::Text(id);
  row[table.IndexOf("betrokkene_nr")] = Value::Integer(nr);
  row[table.IndexOf("ontvangen_op")] = Value::OfDate(received);
  if (closed) row[table.IndexOf("afgesloten_op")] = Value::OfDate(*closed);
  row[table.IndexOf("soort")] = Value::Text(soort);
  row[table.IndexOf("gemeente")] = Value::Text(gemeente);
  return row;
}

TEST(DurationValuesTest, KaplanMeierMedianOfLeadTimesWithRunningCasesCensored) {
  Result<Catalog> catalog = LoadCatalog(std::string(SZ_SOURCE_DIR) + "/config/indicatoren");
  ASSERT_TRUE(catalog.ok()) << catalog.status().ToString();
  const Indicator* indicator = FindIndicator(*catalog, "vt_doorlooptijd_dagen_mediaan");
  ASSERT_NE(indicator, nullptr);
  SourceRows rows{.contract = sources::FindContract("veilig_thuis")};
  const Date jan{2024, 1, 1};
  rows.rows = {
      Vt("A", 1, jan, jan.AddDays(10), "melding", "GM0153"),
      Vt("A", 2, jan, jan.AddDays(10), "melding", "GM0153"),  // the same registration: counted once
      Vt("B", 1, jan, jan.AddDays(20), "melding", "GM0153"),
      Vt("C", 1, jan, jan.AddDays(30), "advies", "GM0153"),
      Vt("D", 1, jan, std::nullopt, "melding", "GM0153"),  // running: censored at the data's end
      Vt("E", 1, Date{2024, 3, 1}, Date{2024, 3, 21}, "melding", "GM0141"),
  };
  auto cells = DurationValues(*indicator, rows, "CR23");
  ASSERT_TRUE(cells.ok()) << cells.status().ToString();
  auto find = [&](const std::string& region, const std::string& period, const std::string& breakdown) {
    for (const IndicatorValue& cell : *cells) {
      if (cell.region == region && cell.period == period && cell.breakdown == breakdown) return &cell;
    }
    return static_cast<const IndicatorValue*>(nullptr);
  };
  // Enschede 2024: events at 10, 20, 30 days and one censored at 80 days (data end 2024-03-21):
  // S drops to 3/4, 2/4, so the survival is exactly 0.5 at 20 days: the median is midway to 30, 25
  // (R: survfit(Surv(c(10, 20, 30, 80), c(1, 1, 1, 0)) ~ 1) prints median 25).
  const IndicatorValue* enschede = find("GM0153", "2024", "totaal");
  ASSERT_NE(enschede, nullptr);
  EXPECT_EQ(enschede->denominator, 4);
  EXPECT_EQ(enschede->numerator, 3);
  ASSERT_TRUE(enschede->value.has_value());
  EXPECT_DOUBLE_EQ(*enschede->value, 25);
  // Meldingen only (breakdown soort): 10, 20, censored 80: S = 2/3 after 10, 1/3 after 20 → 20 (R: 20).
  const IndicatorValue* meldingen = find("GM0153", "2024", "soort=melding");
  ASSERT_NE(meldingen, nullptr);
  EXPECT_DOUBLE_EQ(*meldingen->value, 20);
  // Twente adds Almelo's 20 days.
  EXPECT_EQ(find("CR23", "2024", "totaal")->denominator, 5);
  EXPECT_EQ(find("GM0141", "2024-Q1", "totaal")->value, 20);
}

}  // namespace
}  // namespace sz::indicators
