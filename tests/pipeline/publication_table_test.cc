#include "pipeline/internal/publication_table.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "disclosure/audit.h"
#include "disclosure/table.h"
#include "pipeline/internal/estimate_publication.h"

namespace sz::pipeline::internal {
namespace {

using store::CellStatus;
using store::IndicatorCell;
using store::PublishedCell;

indicators::Indicator RateIndicator(const std::string& id, const std::string& denominator_source = "bevolking") {
  indicators::Indicator ind;
  ind.id = id;
  ind.kind = indicators::IndicatorKind::kRate;
  ind.sources = {"veilig_thuis"};
  ind.factor = 1000;
  ind.numerator = indicators::CountSpec{.sources = {"veilig_thuis"}};
  ind.denominator = indicators::CountSpec{.sources = {denominator_source}};
  return ind;
}

IndicatorCell Cell(const std::string& indicator, RegionLevel level, const std::string& region,
                   const std::string& period, double numerator, double denominator,
                   const std::string& breakdown = "totaal") {
  IndicatorCell cell{
      .indicator = indicator, .level = level, .region = region, .period = period, .breakdown = breakdown};
  cell.numerator = numerator;
  cell.denominator = denominator;
  cell.value = numerator / denominator * 1000;
  cell.lower = cell.value;
  cell.upper = cell.value;
  return cell;
}

// Twente with two gemeenten, five wijken, one year: the wijk of 3 is recoverable as its gemeente
// minus the (rounded) other wijken when only it is suppressed.
std::vector<IndicatorCell> TwoGemeenten(const std::string& id) {
  return {Cell(id, RegionLevel::kRegio, "CR23", "2024", 160, 16000),
          Cell(id, RegionLevel::kGemeente, "GM0153", "2024", 100, 10000),
          Cell(id, RegionLevel::kWijk, "WK015301", "2024", 3, 2000),
          Cell(id, RegionLevel::kWijk, "WK015302", "2024", 40, 4000),
          Cell(id, RegionLevel::kWijk, "WK015303", "2024", 57, 4000),
          Cell(id, RegionLevel::kGemeente, "GM0168", "2024", 60, 6000),
          Cell(id, RegionLevel::kWijk, "WK016801", "2024", 25, 3000),
          Cell(id, RegionLevel::kWijk, "WK016802", "2024", 35, 3000)};
}

std::map<std::string, PublishedCell> ByRegion(const std::vector<PublishedCell>& cells) {
  std::map<std::string, PublishedCell> out;
  for (const PublishedCell& cell : cells) out[cell.region + "/" + cell.period + "/" + cell.breakdown] = cell;
  return out;
}

// The attack, written apart from the suppression code: an outsider's linear table of the numerators
// from the published cells only (published exact, rounded as the integers that round to it, suppressed
// as any count), with the region hierarchy; every suppressed numerator's interval must be 10 wide.
void ExpectNoSuppressedNumeratorNarrowerThan10(const std::vector<PublishedCell>& cells) {
  disclosure::LinearTable table;
  std::vector<disclosure::Knowledge> knowledge;
  std::map<std::string, int> index;
  std::map<std::string, std::vector<int>> wijken_of;
  std::vector<int> gemeenten, suppressed;
  int twente = -1;
  for (const PublishedCell& cell : cells) {
    ASSERT_EQ(cell.period, "2024");
    // The true values do not matter to the LP bounds beyond feasibility: 0 for unknown cells is
    // replaced by the midpoint of what is known.
    disclosure::Knowledge k = disclosure::Suppressed();
    if (cell.status == CellStatus::kPublished) k = disclosure::Exact(*cell.numerator);
    if (cell.status == CellStatus::kRounded) k = disclosure::Rounded(*cell.numerator, 5);
    const int c = table.AddCell(0);
    knowledge.push_back(k);
    if (store::IsSuppressed(cell.status)) suppressed.push_back(c);
    if (cell.level == RegionLevel::kWijk) wijken_of[ImpliedParentCode(cell.region)].push_back(c);
    if (cell.level == RegionLevel::kGemeente) {
      gemeenten.push_back(c);
      index[cell.region] = c;
    }
    if (cell.level == RegionLevel::kRegio) twente = c;
  }
  for (const auto& [gemeente, wijken] : wijken_of) table.AddRelation(index.at(gemeente), wijken);
  table.AddRelation(twente, gemeenten);
  ASSERT_FALSE(suppressed.empty());
  Result<std::vector<disclosure::Interval>> intervals = disclosure::AuditCells(table, knowledge, suppressed);
  ASSERT_TRUE(intervals.ok()) << intervals.status().message();
  for (size_t k = 0; k < suppressed.size(); ++k) {
    EXPECT_GE((*intervals)[k].width(), 10 - 1e-6) << "cel " << suppressed[k];
  }
}

TEST(PublicationTableTest, ASmallWijkIsHiddenAndSoIsWhatWouldGiveItAway) {
  const indicators::Indicator ind = RateIndicator("vt_per_1000");
  Result<RatePublication> p = PublishRates({{&ind, {}, TwoGemeenten(ind.id)}}, 10);
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_EQ(p->cells.size(), 8u);
  EXPECT_EQ(p->relations, 3);
  EXPECT_EQ(p->not_additive, 0);
  const auto cells = ByRegion(p->cells);
  const PublishedCell& small = cells.at("WK015301/2024/totaal");
  EXPECT_EQ(small.status, CellStatus::kSuppressedPrimary);
  EXPECT_NE(small.reason.find("10"), std::string::npos) << small.reason;
  EXPECT_FALSE(small.numerator || small.denominator || small.value || small.lower || small.upper);
  int secondary = 0;
  for (const PublishedCell& cell : p->cells) secondary += cell.status == CellStatus::kSuppressedSecondary ? 1 : 0;
  EXPECT_GE(secondary, 1);
  EXPECT_GT(p->information_loss, 0);
  // A rounded wijk shows its rounded counts and the rate from them, no interval.
  const PublishedCell& rounded = cells.at("WK016801/2024/totaal");
  ASSERT_EQ(rounded.status, CellStatus::kRounded);
  EXPECT_EQ(*rounded.numerator, 25);
  EXPECT_DOUBLE_EQ(*rounded.value, 25.0 / 3000 * 1000);
  EXPECT_FALSE(rounded.lower || rounded.upper);
  EXPECT_EQ(cells.at("GM0168/2024/totaal").status, CellStatus::kPublished);
  ExpectNoSuppressedNumeratorNarrowerThan10(p->cells);
}

TEST(PublicationTableTest, AnUnchangedYearKeepsItsProtectionFromTheMemoAndTheResultIsTheSame) {
  // Two years, each its own part of the table (nothing ties one year to another here).
  const indicators::Indicator ind = RateIndicator("vt_per_1000");
  std::vector<IndicatorCell> cells = TwoGemeenten(ind.id);
  for (IndicatorCell cell : TwoGemeenten(ind.id)) {
    cell.period = "2023";
    cells.push_back(cell);
  }
  Result<RatePublication> first = PublishRates({{&ind, {}, cells}}, 10);
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_EQ(first->parts, 2);
  EXPECT_EQ(first->parts_reused, 0);
  Result<RatePublication> again = PublishRates({{&ind, {}, cells}}, 10, &first->memo);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->parts_reused, 2);
  EXPECT_EQ(again->solves, 0);
  EXPECT_EQ(again->cells, first->cells);

  // 2023's small wijk grows from 3 to 6 (and its totals with it): 2024 is taken from the memo, 2023 is
  // protected afresh, and the publication is the one a protection from scratch gives.
  for (IndicatorCell& cell : cells) {
    if (cell.period != "2023") continue;
    if (cell.region == "WK015301") cell = Cell(ind.id, RegionLevel::kWijk, "WK015301", "2023", 6, 2000);
    if (cell.region == "GM0153") cell = Cell(ind.id, RegionLevel::kGemeente, "GM0153", "2023", 103, 10000);
    if (cell.region == "CR23") cell = Cell(ind.id, RegionLevel::kRegio, "CR23", "2023", 163, 16000);
  }
  Result<RatePublication> changed = PublishRates({{&ind, {}, cells}}, 10, &first->memo);
  Result<RatePublication> scratch = PublishRates({{&ind, {}, cells}}, 10);
  ASSERT_TRUE(changed.ok() && scratch.ok());
  EXPECT_EQ(changed->parts, 2);
  EXPECT_EQ(changed->parts_reused, 1);
  EXPECT_EQ(changed->cells, scratch->cells);
  EXPECT_EQ(changed->memo.secondary, scratch->memo.secondary);
  for (const std::string year : {"2023", "2024"}) {  // the attack reads one year as "2024"
    std::vector<PublishedCell> of_year;
    for (PublishedCell cell : changed->cells) {
      if (cell.period != year) continue;
      cell.period = "2024";
      of_year.push_back(cell);
    }
    ExpectNoSuppressedNumeratorNarrowerThan10(of_year);
  }
}

TEST(PublicationTableTest, ARateHiddenForItsSmallDenominatorDoesNotLeaveItsNumeratorToBeWorkedOut) {
  // The first wijk of GM0153 has 12 registrations over 40 inhabitants: 12 is no small count, but the
  // rate over 40 may not be shown, so 12 must not be its gemeente minus the other wijken either.
  const indicators::Indicator ind = RateIndicator("vt_per_1000");
  std::vector<IndicatorCell> cells = TwoGemeenten(ind.id);
  for (IndicatorCell& cell : cells) {
    if (cell.region == "WK015301") cell = Cell(ind.id, RegionLevel::kWijk, "WK015301", "2024", 12, 40);
    if (cell.region == "GM0153") cell = Cell(ind.id, RegionLevel::kGemeente, "GM0153", "2024", 109, 8040);
    if (cell.region == "CR23") cell = Cell(ind.id, RegionLevel::kRegio, "CR23", "2024", 169, 14040);
  }
  Result<RatePublication> p = PublishRates({{&ind, {}, cells}}, 10);
  ASSERT_TRUE(p.ok()) << p.status().message();
  const auto published = ByRegion(p->cells);
  EXPECT_EQ(published.at("WK015301/2024/totaal").status, CellStatus::kSuppressedPrimary);
  EXPECT_EQ(published.at("WK015301/2024/totaal").reason, "noemer kleiner dan 50");
  ExpectNoSuppressedNumeratorNarrowerThan10(p->cells);
}

TEST(PublicationTableTest, IndicatorsWithTheSameNumeratorHideTheSameCells) {
  // Per 1,000 residents and per 1,000 minors count the same registrations: a count hidden in one must
  // not be shown by the other.
  const indicators::Indicator a = RateIndicator("per_inwoner");
  indicators::Indicator b = RateIndicator("per_minderjarige");
  b.denominator->age = AgeSpan{0, 17};
  std::vector<IndicatorCell> b_cells = TwoGemeenten(b.id);
  for (IndicatorCell& cell : b_cells) cell.denominator = *cell.denominator / 5;
  Result<RatePublication> p = PublishRates({{&a, {}, TwoGemeenten(a.id)}, {&b, {}, b_cells}}, 10);
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_EQ(p->lp_cells, 8);  // one quantity
  std::map<std::string, bool> hidden_a, hidden_b;
  for (const PublishedCell& cell : p->cells) {
    (cell.indicator == a.id ? hidden_a : hidden_b)[cell.region] = store::IsSuppressed(cell.status);
  }
  EXPECT_EQ(hidden_a, hidden_b);
}

TEST(PublicationTableTest, ADeskDenominatorIsACountToProtectToo) {
  // A share of the desk's registrations: its denominator is a count of the desk, hidden when 1..9.
  const indicators::Indicator ind = RateIndicator("vt_aandeel", "veilig_thuis_alle");
  std::vector<IndicatorCell> cells = TwoGemeenten(ind.id);
  for (IndicatorCell& cell : cells) cell.denominator = *cell.numerator * 2;
  cells[2].numerator = 0;  // WK015301: 0 of 6
  cells[1].numerator = 97;
  cells[0].numerator = 157;
  Result<RatePublication> p = PublishRates({{&ind, {.min_denominator = 1}, cells}}, 10);
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_EQ(p->lp_cells, 16);  // numerators and denominators
  const auto published = ByRegion(p->cells);
  EXPECT_EQ(published.at("WK015301/2024/totaal").status, CellStatus::kSuppressedPrimary);
}

TEST(PublicationTableTest, MonthsQuartersAndCategoriesAddUpOrAreNotUsedAsEquations) {
  const indicators::Indicator ind = RateIndicator("vt_per_1000");
  std::vector<IndicatorCell> cells;
  const double months[12] = {12, 15, 20, 11, 14, 16, 13, 12, 18, 17, 11, 4};
  double quarters[4] = {0, 0, 0, 0};
  for (int m = 0; m < 12; ++m) {
    const std::string period = std::string("2024-") + (m < 9 ? "0" : "") + std::to_string(m + 1);
    cells.push_back(Cell(ind.id, RegionLevel::kGemeente, "GM0153", period, months[m], 10000));
    quarters[m / 3] += months[m];
  }
  for (int q = 0; q < 4; ++q) {
    cells.push_back(
        Cell(ind.id, RegionLevel::kGemeente, "GM0153", "2024-Q" + std::to_string(q + 1), quarters[q], 10000));
  }
  cells.push_back(Cell(ind.id, RegionLevel::kGemeente, "GM0153", "2024", 150, 10000));  // persons: not the sum (163)
  cells.push_back(Cell(ind.id, RegionLevel::kGemeente, "GM0153", "2024-W05", 3, 10000));
  cells.push_back(Cell(ind.id, RegionLevel::kGemeente, "GM0153", "2024-Q4", 0, 10000, "soort=a"));
  Result<RatePublication> p = PublishRates({{&ind, {}, cells}}, 10);
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_EQ(p->cells.size(), cells.size() - 1);  // the week is not published
  // Kept: 4 quarters = their months; not: the year = its months, the year = its quarters, Q4 = its
  // one category.
  EXPECT_EQ(p->relations, 4);
  EXPECT_EQ(p->not_additive, 3);
  const auto published = ByRegion(p->cells);
  EXPECT_EQ(published.at("GM0153/2024-12/totaal").status, CellStatus::kSuppressedPrimary);
  // December (4) would be Q4 (32) minus October and November: one of them goes too.
  EXPECT_TRUE(store::IsSuppressed(published.at("GM0153/2024-10/totaal").status) ||
              store::IsSuppressed(published.at("GM0153/2024-11/totaal").status) ||
              store::IsSuppressed(published.at("GM0153/2024-Q4/totaal").status));
  EXPECT_EQ(published.at("GM0153/2024/totaal").status, CellStatus::kPublished);
}

}  // namespace
}  // namespace sz::pipeline::internal

namespace sz::pipeline::internal {
namespace {

TEST(PublicationTableTest, WijkenArePublishedForNoPeriodShorterThanTheRulesAllow) {
  const indicators::Indicator ind = RateIndicator("vt_per_1000");
  std::vector<IndicatorCell> cells = {Cell(ind.id, RegionLevel::kWijk, "WK015301", "2024-03", 12, 2000),
                                      Cell(ind.id, RegionLevel::kWijk, "WK015301", "2024-Q1", 30, 2000),
                                      Cell(ind.id, RegionLevel::kWijk, "WK015301", "2024", 120, 2000),
                                      Cell(ind.id, RegionLevel::kGemeente, "GM0153", "2024-03", 40, 9000)};
  auto periods = [&](int wijk_period_months) {
    Result<RatePublication> p = PublishRates({{&ind, {.wijk_period_months = wijk_period_months}, cells}}, 10);
    EXPECT_TRUE(p.ok()) << p.status().message();
    std::string out;
    for (const PublishedCell& cell : p->cells) out += cell.region + "/" + cell.period + " ";
    return out;
  };
  EXPECT_EQ(periods(12), "WK015301/2024 GM0153/2024-03 ");
  EXPECT_EQ(periods(3), "WK015301/2024-Q1 WK015301/2024 GM0153/2024-03 ");
  EXPECT_EQ(periods(1), "WK015301/2024-03 WK015301/2024-Q1 WK015301/2024 GM0153/2024-03 ");
}

}  // namespace
}  // namespace sz::pipeline::internal

namespace sz::pipeline::internal {
namespace {

TEST(PublicationTableTest, ASurveyEstimateIsShownWithEnoughRespondentsAndNeverWithItsWeightedSums) {
  auto estimate = [](const std::string& region, RegionLevel level, int64_t respondents) {
    IndicatorCell cell{.indicator = "eenzaam_pct", .level = level, .region = region, .period = "2024"};
    cell.numerator = 0.4 * 1000;  // weighted sums: they add up over wijken
    cell.denominator = 1000;
    cell.value = 40;
    cell.lower = 35;
    cell.upper = 45;
    cell.respondents = respondents;
    return cell;
  };
  const std::vector<PublishedCell> out = PublishSurveyEstimates(
      {estimate("GM0153", RegionLevel::kGemeente, 400), estimate("WK015301", RegionLevel::kWijk, 49),
       estimate("WK015302", RegionLevel::kWijk, 50)},
      {});
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].status, CellStatus::kPublished);
  EXPECT_EQ(out[0].value, 40);
  EXPECT_EQ(out[0].lower, 35);
  EXPECT_EQ(out[0].respondents, 400);
  EXPECT_FALSE(out[0].numerator || out[0].denominator);
  EXPECT_EQ(out[1].status, CellStatus::kSuppressedPrimary);
  EXPECT_EQ(out[1].reason, "minder dan 50 respondenten");
  EXPECT_FALSE(out[1].value || out[1].lower || out[1].upper || out[1].respondents);
  EXPECT_EQ(out[2].status, CellStatus::kPublished);
}

}  // namespace
}  // namespace sz::pipeline::internal

namespace sz::pipeline::internal {
namespace {

// A linked indicator: no CountSpec, its counts come from the linkage.
indicators::Indicator LinkedIndicator(const std::string& id) {
  indicators::Indicator ind;
  ind.id = id;
  ind.kind = indicators::IndicatorKind::kLinked;
  ind.sources = {"veilig_thuis"};
  ind.factor = 100;
  return ind;
}

TEST(PublicationTableTest, ClassesThatSplitOneDenominatorCannotGiveAHiddenClassAway) {
  // Veilig Thuis's 100 meldingen of a gemeente: 5 hermeldingen, 40 vervolgmeldingen, 55 nieuw, each
  // class its own indicator over the same denominator. Hiding the 5 alone would leave it as
  // 100 - 40 - 55.
  const indicators::Indicator her = LinkedIndicator("vt_hermelding_pct"), ver = LinkedIndicator("vt_vervolg_pct"),
                              nieuw = LinkedIndicator("vt_nieuw_pct");
  auto cells = [](const std::string& id, double numerator) {
    IndicatorCell cell = Cell(id, RegionLevel::kGemeente, "GM0153", "2024", numerator, 100);
    cell.value = numerator;  // factor 100
    return std::vector<IndicatorCell>{cell};
  };
  EXPECT_TRUE(IsRatioOfCounts(her, cells(her.id, 5)));
  Result<RatePublication> p = PublishRates(
      {{&her, {}, cells(her.id, 5)}, {&ver, {}, cells(ver.id, 40)}, {&nieuw, {}, cells(nieuw.id, 55)}}, 10);
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_EQ(p->lp_cells, 4);   // three numerators, one shared denominator
  EXPECT_EQ(p->relations, 1);  // meldingen = hermelding + vervolgmelding + nieuw
  ASSERT_EQ(p->cells.size(), 3u);
  EXPECT_EQ(p->cells[0].status, CellStatus::kSuppressedPrimary);
  int secondary = 0;
  for (const PublishedCell& cell : p->cells) secondary += cell.status == CellStatus::kSuppressedSecondary ? 1 : 0;
  // One more class goes, the cheaper one: then hermelding + vervolgmelding = 100 - 55 = 45 is all
  // that is known, and either can be anything from 0 to 45.
  EXPECT_EQ(secondary, 1);
  EXPECT_EQ(p->cells[1].status, CellStatus::kSuppressedSecondary);
  EXPECT_EQ(p->cells[2].status, CellStatus::kPublished);
}

TEST(PublicationTableTest, AMedianIsNoRatioOfCounts) {
  const indicators::Indicator ind = LinkedIndicator("dagen_tot_volgende_melding_mediaan");
  IndicatorCell cell = Cell(ind.id, RegionLevel::kGemeente, "GM0153", "2024", 85, 126);
  cell.value = 345;  // days: a median, not 85 / 126
  EXPECT_FALSE(IsRatioOfCounts(ind, {cell}));
}

}  // namespace
}  // namespace sz::pipeline::internal

namespace sz::pipeline::internal {
namespace {

TEST(PublicationTableTest, AMedianIsShownOverTenEndedRegistrationsAndADeliveryWithoutItsCounts) {
  IndicatorCell median{.indicator = "vt_doorlooptijd_dagen_mediaan",
                       .level = RegionLevel::kGemeente,
                       .region = "GM0153",
                       .period = "2024"};
  median.numerator = 10;  // registrations closed
  median.denominator = 14;
  median.value = 61;
  IndicatorCell few = median;
  few.region = "GM0168";
  few.numerator = 9;
  IndicatorCell week = median;
  week.period = "2024-W03";
  const std::vector<PublishedCell> medians = PublishMedians({median, few, week}, {});
  ASSERT_EQ(medians.size(), 2u);  // not the week
  EXPECT_EQ(medians[0].status, CellStatus::kPublished);
  EXPECT_EQ(medians[0].value, 61);
  EXPECT_FALSE(medians[0].numerator || medians[0].denominator);
  EXPECT_EQ(medians[1].status, CellStatus::kSuppressedPrimary);
  EXPECT_EQ(medians[1].reason, "mediaan over minder dan 10 afgeronde registraties");

  IndicatorCell delivery{.indicator = "levering_volledigheid_pct",
                         .level = RegionLevel::kGemeente,
                         .region = "GM0153",
                         .period = "2024-03",
                         .breakdown = "bron=veilig_thuis"};
  delivery.numerator = 3;
  delivery.denominator = 4;
  delivery.value = 75;
  const std::vector<PublishedCell> deliveries = PublishDeliveries({delivery}, {});
  ASSERT_EQ(deliveries.size(), 1u);
  EXPECT_EQ(deliveries[0].status, CellStatus::kPublished);
  EXPECT_EQ(deliveries[0].value, 75);
  EXPECT_FALSE(deliveries[0].numerator || deliveries[0].denominator);
}

}  // namespace
}  // namespace sz::pipeline::internal
