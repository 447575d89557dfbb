#include "disclosure/protect.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "disclosure/audit.h"
#include "disclosure/rules.h"
#include "disclosure_reference.h"

namespace sz::disclosure {
namespace {

std::vector<Knowledge> Published(const LinearTable& table) {
  std::vector<Knowledge> k;
  for (double v : table.values()) k.push_back(Exact(v));
  return k;
}

TEST(ProtectTest, ASmallWijkIsNotRecoverableFromItsGemeenteMinusTheOtherWijken) {
  // Gemeente 50 = 3 + 20 + 27; Twente 90 = gemeente 50 + gemeente 40 (= 15 + 25).
  LinearTable table;
  const int w1 = table.AddCell(3), w2 = table.AddCell(20), w3 = table.AddCell(27), g = table.AddCell(50);
  const int v1 = table.AddCell(15), v2 = table.AddCell(25), h = table.AddCell(40), twente = table.AddCell(90);
  table.AddRelation(g, {w1, w2, w3});
  table.AddRelation(h, {v1, v2});
  table.AddRelation(twente, {g, h});
  std::vector<bool> primary(static_cast<size_t>(table.size()), false);
  primary[static_cast<size_t>(w1)] = true;

  // Naive primary suppression: 50 − 20 − 27 = 3.
  std::vector<Knowledge> naive = Published(table);
  naive[static_cast<size_t>(w1)] = Suppressed();
  Result<std::vector<Interval>> before = AuditCells(table, naive, {w1});
  ASSERT_TRUE(before.ok());
  EXPECT_EQ((*before)[0].width(), 0);

  Result<Protection> p = ProtectTable(table, Published(table), primary, CostBySize(table), 10);
  ASSERT_TRUE(p.ok()) << p.status().message();
  // The cheapest partner in the wijk's own relation: wijk 2 (20), not wijk 3 (27) or the gemeente.
  EXPECT_EQ(p->secondary_cells, 1);
  EXPECT_TRUE(p->secondary[static_cast<size_t>(w2)]);
  EXPECT_EQ(p->information_loss, 21);
  Result<std::vector<Interval>> after = AuditCells(table, p->knowledge, {w1, w2});
  ASSERT_TRUE(after.ok());
  EXPECT_NEAR((*after)[0].lower, 0, 1e-9);
  EXPECT_NEAR((*after)[0].upper, 23, 1e-9);
  for (int cell : {w3, g, v1, v2, h, twente}) EXPECT_FALSE(p->secondary[static_cast<size_t>(cell)]);
}

TEST(ProtectTest, TwoSmallWijkenInOneGemeenteProtectEachOtherWhenTheirSumIsWideEnough) {
  LinearTable table;
  const int w1 = table.AddCell(4), w2 = table.AddCell(8), w3 = table.AddCell(30), g = table.AddCell(42);
  table.AddRelation(g, {w1, w2, w3});
  std::vector<bool> primary = {true, true, false, false};
  Result<Protection> p = ProtectTable(table, Published(table), primary, CostBySize(table), 10);
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_EQ(p->secondary_cells, 0);  // each lies in [0, 12]
}

TEST(ProtectTest, APartnerTooSmallToHideInIsJoinedByAnother) {
  // 3 + 4 = 7 < 10 wide: a third cell must go.
  LinearTable table;
  const int w1 = table.AddCell(3), w2 = table.AddCell(4), w3 = table.AddCell(30), w4 = table.AddCell(31);
  const int g = table.AddCell(68);
  table.AddRelation(g, {w1, w2, w3, w4});
  std::vector<bool> primary = {true, true, false, false, false};
  Result<Protection> p = ProtectTable(table, Published(table), primary, CostBySize(table), 10);
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_EQ(p->secondary_cells, 1);
  EXPECT_TRUE(p->secondary[static_cast<size_t>(w3)]);
}

TEST(ProtectTest, RoundedCellsAreIntervalsAndTheProtectionHoldsByEnumeration) {
  // Random 2 wijken × 3 months tables (inner cells, month totals, wijk years, the gemeente year):
  // wijk cells rounded to 5, counts 1..9 suppressed; after protection every suppressed cell's range
  // over every integer table consistent with the publication is at least 10 wide. The enumeration
  // stops at 20 per inner cell: a range measured in a smaller box is never wider than the true one,
  // so the check can only err on the strict side.
  std::mt19937 random(15);
  std::uniform_int_distribution<int> count(0, 12);
  int protected_tables = 0;
  for (int trial = 0; trial < 10; ++trial) {
    std::vector<int> inner;
    for (int i = 0; i < 6; ++i) inner.push_back(count(random));
    const testing::WijkMonthTable t = testing::MakeWijkMonthTable(inner);
    const LinearTable& table = t.table;
    std::vector<Knowledge> published;
    std::vector<bool> primary;
    bool any = false;
    for (int i = 0; i < table.size(); ++i) {
      const PrimaryDecision d = CountDecision(table.value(i), t.wijk[static_cast<size_t>(i)], PrimaryRules{});
      primary.push_back(d.treatment == Treatment::kSuppress);
      any = any || primary.back();
      published.push_back(d.treatment == Treatment::kRound ? Rounded(RoundCount(table.value(i), 5), 5)
                                                           : Exact(table.value(i)));
    }
    Result<Protection> p = ProtectTable(table, published, primary, CostBySize(table), 10);
    if (!p.ok()) {
      // Only when even the published totals cannot hide a cell 10 wide.
      EXPECT_EQ(p.status().code(), StatusCode::kInternal) << p.status().message();
      continue;
    }
    protected_tables += any ? 1 : 0;
    const std::vector<testing::IntegerInterval> brute = testing::BruteForceIntervals(t.sums, p->knowledge, 20);
    for (int i = 0; i < table.size(); ++i) {
      if (p->knowledge[static_cast<size_t>(i)].upper != kUnbounded) continue;  // not suppressed
      EXPECT_GE(brute[static_cast<size_t>(i)].upper - brute[static_cast<size_t>(i)].lower, 10)
          << "tabel " << trial << ", cel " << i;
    }
  }
  EXPECT_GT(protected_tables, 4);
}

// The full audit over the whole table: every suppressed cell of `knowledge` at least 10 wide.
void ExpectEverySuppressedCellAtLeast10Wide(const LinearTable& table, const std::vector<Knowledge>& knowledge) {
  std::vector<int> suppressed;
  for (int i = 0; i < table.size(); ++i) {
    if (knowledge[static_cast<size_t>(i)].upper == kUnbounded) suppressed.push_back(i);
  }
  Result<std::vector<Interval>> intervals = AuditCells(table, knowledge, suppressed);
  ASSERT_TRUE(intervals.ok()) << intervals.status().message();
  for (size_t k = 0; k < suppressed.size(); ++k) EXPECT_GE((*intervals)[k].width(), 10) << "cel " << suppressed[k];
}

TEST(ProtectTest, ACellPinnedBeyondItsWhollySuppressedRelationsIsProtectedFurtherOut) {
  // total = a + b, all three small and suppressed; but year = total + other and sum = a + other2
  // are published, so total and a, and with them b, are known exactly. Nothing in b's own relation
  // is left to suppress: the protection must reach into the relations beyond it.
  LinearTable table;
  const int a = table.AddCell(3), b = table.AddCell(4), total = table.AddCell(7);
  const int other = table.AddCell(20), year = table.AddCell(27);
  const int other2 = table.AddCell(30), sum = table.AddCell(33);
  table.AddRelation(total, {a, b});
  table.AddRelation(year, {total, other});
  table.AddRelation(sum, {a, other2});
  const std::vector<bool> primary = {true, true, true, false, false, false, false};
  Result<Protection> p = ProtectTable(table, Published(table), primary, CostBySize(table), 10);
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_GE(p->secondary_cells, 1);
  ExpectEverySuppressedCellAtLeast10Wide(table, p->knowledge);
}

TEST(ProtectTest, ASecondaryCellThatTheTableForcesToZeroIsPublishedAfterAll) {
  // A totaal of 3 broken down two ways whose categories share their parts (as in a sparse table):
  // t = x1 + x2 = y1 + zero + y3, x1 = a, x2 = b + c, y1 = b, y3 = a + c, so `zero` is 0 in every
  // table that satisfies the relations, suppressed or not. The small wijk p = e - zero - q must be
  // protected; the cheapest cell, `zero`, cannot do it, so q goes.
  LinearTable table;
  const int t = table.AddCell(3), x1 = table.AddCell(1), x2 = table.AddCell(2), y1 = table.AddCell(1);
  const int zero = table.AddCell(0), y3 = table.AddCell(2), a = table.AddCell(1), b = table.AddCell(1);
  const int c = table.AddCell(1), p = table.AddCell(3), q = table.AddCell(10), e = table.AddCell(13);
  table.AddRelation(t, {x1, x2});
  table.AddRelation(t, {y1, zero, y3});
  table.AddRelation(x1, {a});
  table.AddRelation(x2, {b, c});
  table.AddRelation(y1, {b});
  table.AddRelation(y3, {a, c});
  table.AddRelation(e, {p, zero, q});
  std::vector<bool> primary;
  for (double value : table.values()) primary.push_back(value >= 1 && value <= 9);
  Result<Protection> protection = ProtectTable(table, Published(table), primary, CostBySize(table), 10);
  ASSERT_TRUE(protection.ok()) << protection.status().message();
  EXPECT_FALSE(protection->secondary[static_cast<size_t>(zero)]);
  EXPECT_EQ(protection->knowledge[static_cast<size_t>(zero)], Exact(0));
  EXPECT_TRUE(protection->secondary[static_cast<size_t>(q)]);
  EXPECT_EQ(protection->secondary_cells, 1);
  EXPECT_DOUBLE_EQ(protection->information_loss, 11);
  ExpectEverySuppressedCellAtLeast10Wide(table, protection->knowledge);
}

// One part: 3 gemeenten of 4 wijken and their region, small random counts from `seed`, appended to
// `table`; the primary cells (1–9) are marked in `primary`.
void AddPart(LinearTable& table, std::vector<bool>& primary, uint32_t seed) {
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> count(0, 30);
  std::vector<int> gemeenten;
  double region = 0;
  for (int g = 0; g < 3; ++g) {
    std::vector<int> wijken;
    double sum = 0;
    for (int w = 0; w < 4; ++w) {
      const double v = count(random);
      wijken.push_back(table.AddCell(v));
      sum += v;
    }
    const int gemeente = table.AddCell(sum);
    table.AddRelation(gemeente, wijken);
    gemeenten.push_back(gemeente);
    region += sum;
  }
  table.AddRelation(table.AddCell(region), gemeenten);
  primary.resize(static_cast<size_t>(table.size()), false);
  for (int c = 0; c < table.size(); ++c) {
    const double v = table.value(c);
    if (v >= 1 && v <= 9) primary[static_cast<size_t>(c)] = true;
  }
}

TEST(ProtectTest, AMemoGivesTheSameProtectionAndSkipsTheUnchangedParts) {
  LinearTable first;
  std::vector<bool> first_primary;
  for (uint32_t seed : {1u, 2u, 3u, 4u, 5u, 6u}) AddPart(first, first_primary, seed);
  Result<Protection> fresh = ProtectTable(first, Published(first), first_primary, CostBySize(first), 10);
  ASSERT_TRUE(fresh.ok()) << fresh.status().message();
  EXPECT_EQ(fresh->parts, 6);
  EXPECT_EQ(fresh->parts_reused, 0);
  EXPECT_GT(fresh->secondary_cells, 0);
  EXPECT_EQ(fresh->memo.secondary.size(), 6u);

  // The same table again with the memo: every part reused, no LP, the same protection.
  Result<Protection> again = ProtectTable(first, Published(first), first_primary, CostBySize(first), 10, &fresh->memo);
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(again->parts_reused, 6);
  EXPECT_EQ(again->solves, 0);
  EXPECT_EQ(again->secondary, fresh->secondary);
  EXPECT_EQ(again->knowledge, fresh->knowledge);
  EXPECT_EQ(again->information_loss, fresh->information_loss);
  EXPECT_EQ(again->memo.secondary, fresh->memo.secondary);

  // A new part in front (every cell index moves), part 4 changed: the other five are reused, and the
  // result equals a protection from scratch.
  LinearTable next;
  std::vector<bool> next_primary;
  for (uint32_t seed : {100u, 1u, 2u, 3u, 44u, 5u, 6u}) AddPart(next, next_primary, seed);
  Result<Protection> reused = ProtectTable(next, Published(next), next_primary, CostBySize(next), 10, &fresh->memo);
  Result<Protection> scratch = ProtectTable(next, Published(next), next_primary, CostBySize(next), 10);
  ASSERT_TRUE(reused.ok() && scratch.ok());
  EXPECT_EQ(reused->parts, 7);
  EXPECT_EQ(reused->parts_reused, 5);
  EXPECT_LT(reused->solves, scratch->solves);
  EXPECT_EQ(reused->secondary, scratch->secondary);
  EXPECT_EQ(reused->knowledge, scratch->knowledge);
  EXPECT_EQ(reused->secondary_cells, scratch->secondary_cells);
  EXPECT_DOUBLE_EQ(reused->information_loss, scratch->information_loss);
  ExpectEverySuppressedCellAtLeast10Wide(next, reused->knowledge);

  // Another method's choice under this part's fingerprint (a position out of range) is not used.
  ProtectionMemo wrong = fresh->memo;
  for (auto& [fingerprint, positions] : wrong.secondary) positions = {1000};
  Result<Protection> refused = ProtectTable(first, Published(first), first_primary, CostBySize(first), 10, &wrong);
  ASSERT_TRUE(refused.ok());
  EXPECT_EQ(refused->parts_reused, 0);
  EXPECT_EQ(refused->secondary, fresh->secondary);
}

TEST(ProtectTest, RejectsInputsOfTheWrongSize) {
  LinearTable table;
  table.AddCell(1);
  EXPECT_EQ(ProtectTable(table, {}, {true}, {1}, 10).status().code(), StatusCode::kInvalidArgument);
}

TEST(RulesTest, FollowTheDutchConventions) {
  const PrimaryRules rules;
  EXPECT_EQ(CountDecision(0, false, rules).treatment, Treatment::kShow);
  EXPECT_EQ(CountDecision(1, false, rules).treatment, Treatment::kSuppress);
  EXPECT_EQ(CountDecision(9, false, rules).treatment, Treatment::kSuppress);
  EXPECT_EQ(CountDecision(10, false, rules).treatment, Treatment::kShow);
  EXPECT_EQ(CountDecision(10, true, rules).treatment, Treatment::kRound);
  EXPECT_EQ(CountDecision(std::nullopt, false, rules).treatment, Treatment::kSuppress);
  EXPECT_EQ(RateDecision(9, 1000, false, rules).reason, "teller kleiner dan 10 (1 tot en met 9 wordt niet getoond)");
  EXPECT_EQ(RateDecision(10, 49, false, rules).reason, "noemer kleiner dan 50");
  EXPECT_EQ(RateDecision(0, 50, false, rules).treatment, Treatment::kShow);
  EXPECT_EQ(RateDecision(12, 50, true, rules).treatment, Treatment::kRound);
  EXPECT_EQ(SurveyDecision(49, rules).reason, "minder dan 50 respondenten");
  EXPECT_EQ(SurveyDecision(50, rules).treatment, Treatment::kShow);
  EXPECT_EQ(RoundCount(12, 5), 10);
  EXPECT_EQ(RoundCount(12.5, 5), 15);
  EXPECT_EQ(RoundCount(13, 5), 15);
  EXPECT_EQ(Rounded(0, 5), (Knowledge{.lower = 0, .upper = 2}));
  EXPECT_EQ(Rounded(10, 5), (Knowledge{.lower = 8, .upper = 12}));
}

}  // namespace
}  // namespace sz::disclosure
