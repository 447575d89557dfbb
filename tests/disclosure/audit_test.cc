#include "disclosure/audit.h"

#include <gtest/gtest.h>

#include <random>
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

// 3 gemeenten of 4 wijken × 3 months, with month totals per gemeente and for the region, the
// years of every wijk, gemeente and the region: two crossing hierarchies.
LinearTable RegionMonthTable(std::mt19937& random) {
  LinearTable table;
  std::uniform_int_distribution<int> small(0, 14);
  std::vector<std::vector<std::vector<double>>> v(3, std::vector<std::vector<double>>(4, std::vector<double>(3)));
  std::vector<std::vector<std::vector<int>>> wijk(3, std::vector<std::vector<int>>(4, std::vector<int>(3)));
  for (int g = 0; g < 3; ++g)
    for (int w = 0; w < 4; ++w)
      for (int m = 0; m < 3; ++m) wijk[g][w][m] = table.AddCell(v[g][w][m] = small(random));
  auto add_sum = [&](const std::vector<int>& parts) {
    double sum = 0;
    for (int p : parts) sum += table.value(p);
    const int total = table.AddCell(sum);
    table.AddRelation(total, parts);
    return total;
  };
  std::vector<std::vector<int>> gemeente_month(3, std::vector<int>(3));
  std::vector<int> gemeente_year;
  for (int g = 0; g < 3; ++g) {
    std::vector<int> wijk_years;
    for (int m = 0; m < 3; ++m)
      gemeente_month[g][m] = add_sum({wijk[g][0][m], wijk[g][1][m], wijk[g][2][m], wijk[g][3][m]});
    for (int w = 0; w < 4; ++w) wijk_years.push_back(add_sum(wijk[g][w]));
    const int year = add_sum(wijk_years);
    table.AddRelation(year, gemeente_month[g]);
    gemeente_year.push_back(year);
  }
  std::vector<int> region_month;
  for (int m = 0; m < 3; ++m)
    region_month.push_back(add_sum({gemeente_month[0][m], gemeente_month[1][m], gemeente_month[2][m]}));
  const int region_year = add_sum(gemeente_year);
  table.AddRelation(region_year, region_month);
  return table;
}

TEST(AuditTest, FindNarrowCellsAgreesWithTheFullAuditOnRandomSuppressionPatterns) {
  std::mt19937 random(15);
  int narrow_seen = 0, wide_seen = 0;
  for (int trial = 0; trial < 40; ++trial) {
    const LinearTable table = RegionMonthTable(random);
    std::bernoulli_distribution suppress(trial % 2 == 0 ? 0.25 : 0.5), round(0.3);
    std::vector<Knowledge> known;
    std::vector<int> audited;
    for (int i = 0; i < table.size(); ++i) {
      const double value = table.value(i);
      if (suppress(random)) {
        known.push_back(Suppressed());
        audited.push_back(i);
      } else {
        known.push_back(round(random) ? Rounded(RoundCount(value, 5), 5) : Exact(value));
      }
    }
    Result<std::vector<Interval>> full = AuditCells(table, known, audited);
    // Trials 2 and 3 of every 4 audit every cell on its whole component, the others locally first.
    Result<WidthAudit> fast =
        FindNarrowCells(table, known, audited, 10, trial % 4 < 2 ? LocalReach{} : LocalReach{.steps = 0});
    ASSERT_TRUE(full.ok()) << full.status().message();
    ASSERT_TRUE(fast.ok()) << fast.status().message();
    for (size_t k = 0; k < audited.size(); ++k) {
      const Interval& truth = (*full)[k];
      const Interval& found = fast->interval[k];
      EXPECT_EQ(fast->narrow[k], truth.width() < 10 - 1e-6) << "proef " << trial << ", cel " << audited[k];
      if (fast->narrow[k]) {
        ++narrow_seen;
        // An outer bound, itself narrow: the true interval lies inside it.
        EXPECT_LT(found.width(), 10 - 1e-6);
        EXPECT_LE(found.lower, truth.lower + 1e-6);
        EXPECT_GE(found.upper, truth.upper - 1e-6);
      } else {
        ++wide_seen;
        // An inner bound: two consistent tables this far apart, inside the true interval.
        EXPECT_GE(found.width(), 10 - 1e-6);
        EXPECT_GE(found.lower, truth.lower - 1e-6);
        EXPECT_LE(found.upper, truth.upper + 1e-6);
        EXPECT_LE(found.lower, table.value(audited[k]));
        EXPECT_GE(found.upper, table.value(audited[k]));
      }
    }
  }
  EXPECT_GT(narrow_seen, 20);  // both answers occur often enough to matter
  EXPECT_GT(wide_seen, 20);
}

TEST(AuditTest, FindNarrowCellsGivesTheSameAnswerOnAnyNumberOfThreads) {
  // Eight independent region × month tables side by side: eight components (more when exact cells
  // split them) for the workers to share.
  std::mt19937 random(18);
  LinearTable table;
  for (int copy = 0; copy < 8; ++copy) {
    const LinearTable part = RegionMonthTable(random);
    const int offset = table.size();
    for (double value : part.values()) table.AddCell(value);
    for (const Relation& relation : part.relations()) {
      std::vector<int> parts;
      for (int p : relation.parts) parts.push_back(p + offset);
      table.AddRelation(relation.total + offset, parts);
    }
  }
  std::bernoulli_distribution suppress(0.35), round(0.3);
  std::vector<Knowledge> known;
  std::vector<int> audited;
  for (int i = 0; i < table.size(); ++i) {
    if (suppress(random)) {
      known.push_back(Suppressed());
      audited.push_back(i);
    } else {
      known.push_back(round(random) ? Rounded(RoundCount(table.value(i), 5), 5) : Exact(table.value(i)));
    }
  }
  Result<WidthAudit> one = FindNarrowCells(table, known, audited, 10, {}, 1);
  ASSERT_TRUE(one.ok()) << one.status().message();
  int narrow = 0;
  for (bool n : one->narrow) narrow += n ? 1 : 0;
  EXPECT_GT(narrow, 5);
  EXPECT_LT(narrow, static_cast<int>(audited.size()) - 5);
  for (int threads : {2, 3, 0}) {
    for (int repeat = 0; repeat < 3; ++repeat) {
      Result<WidthAudit> many = FindNarrowCells(table, known, audited, 10, {}, threads);
      ASSERT_TRUE(many.ok()) << many.status().message();
      EXPECT_EQ(many->narrow, one->narrow) << threads << " threads";
      EXPECT_EQ(many->solves, one->solves) << threads << " threads";
      EXPECT_EQ(many->decided_locally, one->decided_locally) << threads << " threads";
      for (size_t k = 0; k < audited.size(); ++k) {
        EXPECT_EQ(many->interval[k].lower, one->interval[k].lower) << threads << " threads, cel " << audited[k];
        EXPECT_EQ(many->interval[k].upper, one->interval[k].upper) << threads << " threads, cel " << audited[k];
      }
    }
  }
}

TEST(AuditTest, FindNarrowCellsFindsExactCellsNarrowAndACellInNoRelationWide) {
  LinearTable table;
  const int a = table.AddCell(4), b = table.AddCell(7);
  Result<WidthAudit> audit = FindNarrowCells(table, {Exact(4), Suppressed()}, {a, b}, 10);
  ASSERT_TRUE(audit.ok()) << audit.status().message();
  EXPECT_TRUE(audit->narrow[0]);
  EXPECT_FALSE(audit->narrow[1]);
  EXPECT_GE(audit->interval[1].width(), 10);
  EXPECT_EQ(audit->interval[0].width(), 0);
  EXPECT_EQ(FindNarrowCells(table, {Exact(4)}, {a}, 10).status().code(), StatusCode::kInvalidArgument);
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

namespace sz::disclosure {
namespace {

TEST(AuditTest, TheLocalAuditDecidesACellBesideRoundedWijkenWithoutItsComponent) {
  // A gemeente of 43 = a suppressed wijk of 3 + rounded wijken of 40 together: with four of 10 (each
  // 8..12) the small wijk can be anything from 0 to 11, with two of 20 (18..22) it lies in [0, 7].
  for (const int rounded : {4, 2}) {
    LinearTable table;
    std::vector<Knowledge> known;
    std::vector<int> parts = {table.AddCell(3)};
    known.push_back(Suppressed());
    const double each = 40.0 / rounded;
    for (int w = 0; w < rounded; ++w) {
      parts.push_back(table.AddCell(each));
      known.push_back(Rounded(RoundCount(each, 5), 5));
    }
    const int gemeente = table.AddCell(43);
    known.push_back(Exact(43));
    table.AddRelation(gemeente, parts);
    Result<WidthAudit> audit = FindNarrowCells(table, known, {parts[0]}, 10);
    ASSERT_TRUE(audit.ok()) << audit.status().message();
    EXPECT_EQ(audit->narrow[0], rounded == 2);
    EXPECT_EQ(audit->decided_locally, 1);
  }
}

}  // namespace
}  // namespace sz::disclosure
