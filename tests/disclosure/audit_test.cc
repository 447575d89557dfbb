#include "disclosure/audit.h"

#include <gtest/gtest.h>

#include <vector>

#include "disclosure_reference.h"

namespace sz::disclosure {
namespace {

// A 2×2 table with its margins, laid out as
//   a b | r1
//   c d | r2
//   k1 k2 | t
struct TwoByTwo {
  LinearTable table;
  int a, b, c, d, r1, r2, k1, k2, t;
  TwoByTwo(double va, double vb, double vc, double vd) {
    a = table.AddCell(va), b = table.AddCell(vb), c = table.AddCell(vc), d = table.AddCell(vd);
    r1 = table.AddCell(va + vb), r2 = table.AddCell(vc + vd);
    k1 = table.AddCell(va + vc), k2 = table.AddCell(vb + vd);
    t = table.AddCell(va + vb + vc + vd);
    table.AddRelation(r1, {a, b});
    table.AddRelation(r2, {c, d});
    table.AddRelation(k1, {a, c});
    table.AddRelation(k2, {b, d});
    table.AddRelation(t, {r1, r2});
    table.AddRelation(t, {k1, k2});
  }
  std::vector<Knowledge> AllPublished() const {
    std::vector<Knowledge> k;
    for (double v : table.values()) k.push_back(Exact(v));
    return k;
  }
};

TEST(AuditTest, TheInnerCellsOfATwoByTwoTableLieWhereTheMarginsLetThem) {
  // The audit example of the tau-ARGUS kind: all four inner cells suppressed, margins published;
  // a + b = 12, c + d = 3, a + c = 6, b + d = 9, so a ≥ 12 − 9 = 3 and a ≤ min(12, 6) = 6.
  TwoByTwo t(4, 8, 2, 1);
  std::vector<Knowledge> known = t.AllPublished();
  for (int cell : {t.a, t.b, t.c, t.d}) known[static_cast<size_t>(cell)] = Suppressed();
  Result<std::vector<Interval>> intervals = AuditCells(t.table, known, {t.a, t.b, t.c, t.d});
  ASSERT_TRUE(intervals.ok()) << intervals.status().message();
  EXPECT_NEAR((*intervals)[0].lower, 3, 1e-9);
  EXPECT_NEAR((*intervals)[0].upper, 6, 1e-9);
  EXPECT_NEAR((*intervals)[1].lower, 6, 1e-9);
  EXPECT_NEAR((*intervals)[1].upper, 9, 1e-9);
  EXPECT_NEAR((*intervals)[2].lower, 0, 1e-9);
  EXPECT_NEAR((*intervals)[2].upper, 3, 1e-9);
  EXPECT_NEAR((*intervals)[3].lower, 0, 1e-9);
  EXPECT_NEAR((*intervals)[3].upper, 3, 1e-9);
}

TEST(AuditTest, ASingleSuppressedCellBesidePublishedTotalsIsExactlyKnown) {
  TwoByTwo t(4, 8, 2, 1);
  std::vector<Knowledge> known = t.AllPublished();
  known[static_cast<size_t>(t.a)] = Suppressed();
  Result<std::vector<Interval>> intervals = AuditCells(t.table, known, {t.a});
  ASSERT_TRUE(intervals.ok()) << intervals.status().message();
  EXPECT_NEAR((*intervals)[0].lower, 4, 1e-9);
  EXPECT_NEAR((*intervals)[0].upper, 4, 1e-9);
}

TEST(AuditTest, RoundedWijkenNarrowASuppressedWijkToWhatTheirRoundingLeavesOpen) {
  // Gemeente 50 = wijk 3 (suppressed) + wijk 22 (shown as 20) + wijk 25 (shown as 25).
  LinearTable table;
  const int w1 = table.AddCell(3), w2 = table.AddCell(22), w3 = table.AddCell(25), g = table.AddCell(50);
  table.AddRelation(g, {w1, w2, w3});
  const std::vector<Knowledge> known = {Suppressed(), Rounded(RoundCount(22, 5), 5), Rounded(RoundCount(25, 5), 5),
                                        Exact(50)};
  EXPECT_EQ(known[1], (Knowledge{.lower = 18, .upper = 22}));
  EXPECT_EQ(known[2], (Knowledge{.lower = 23, .upper = 27}));
  Result<std::vector<Interval>> intervals = AuditCells(table, known, {w1});
  ASSERT_TRUE(intervals.ok()) << intervals.status().message();
  EXPECT_NEAR((*intervals)[0].lower, 50 - 22 - 27, 1e-9);
  EXPECT_NEAR((*intervals)[0].upper, 50 - 18 - 23, 1e-9);
}

TEST(AuditTest, ACellInNoRelationIsUnboundedAbove) {
  LinearTable table;
  table.AddCell(4);
  Result<std::vector<Interval>> intervals = AuditCells(table, {Suppressed()}, {0});
  ASSERT_TRUE(intervals.ok()) << intervals.status().message();
  EXPECT_EQ((*intervals)[0].lower, 0);
  EXPECT_EQ((*intervals)[0].upper, kUnbounded);
}

TEST(AuditTest, AgreesWithEnumeratingEveryIntegerTableOnMonthsAndWijken) {
  // 2 wijken × 3 months with month totals, wijk years and the gemeente year.
  const testing::WijkMonthTable t = testing::MakeWijkMonthTable({3, 0, 5, 6, 2, 7});
  const LinearTable& table = t.table;
  const testing::SumTable& sums = t.sums;
  // Some suppression patterns, a rounded cell among them.
  const std::vector<std::vector<int>> patterns = {{0}, {0, 3}, {0, 1, 3, 4}, {0, 2, 3, 5, 6, 8}, {0, 9}, {1, 4, 6}};
  for (const auto& pattern : patterns) {
    std::vector<Knowledge> known;
    for (double v : table.values()) known.push_back(Exact(v));
    known[10] = Rounded(RoundCount(table.value(10), 5), 5);
    for (int cell : pattern) known[static_cast<size_t>(cell)] = Suppressed();
    std::vector<int> audited;
    for (int i = 0; i < table.size(); ++i) audited.push_back(i);
    Result<std::vector<Interval>> lp = AuditCells(table, known, audited);
    ASSERT_TRUE(lp.ok()) << lp.status().message();
    const std::vector<testing::IntegerInterval> brute = testing::BruteForceIntervals(sums, known, 25);
    for (size_t i = 0; i < audited.size(); ++i) {
      // Tables of sums over one or two hierarchies are totally unimodular: the LP bounds are integers.
      EXPECT_NEAR((*lp)[i].lower, brute[i].lower, 1e-6) << "cel " << i;
      EXPECT_NEAR((*lp)[i].upper, brute[i].upper, 1e-6) << "cel " << i;
    }
  }
}

TEST(AuditTest, RejectsKnowledgeOfTheWrongSizeAndUnknownCells) {
  LinearTable table;
  table.AddCell(1);
  EXPECT_EQ(AuditCells(table, {}, {0}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(AuditCells(table, {Exact(1)}, {3}).status().code(), StatusCode::kInvalidArgument);
  table.AddRelation(0, {0});
  EXPECT_EQ(AuditCells(table, {Exact(1)}, {0}).status().code(), StatusCode::kInvalidArgument);
}

TEST(AuditTest, PublishedValuesThatContradictTheTotalsAreAnInternalError) {
  LinearTable table;
  const int a = table.AddCell(1), b = table.AddCell(2);
  table.AddRelation(b, {a});  // 2 = 1 cannot hold
  EXPECT_EQ(AuditCells(table, {Exact(1), Exact(2)}, {a}).status().code(), StatusCode::kInternal);
}

}  // namespace
}  // namespace sz::disclosure
