// disclosure_bench: how fast the audit decides which suppressed cells are narrow, against the slow,
// obviously correct audit (AuditCells: the exact min and max of every cell over the whole table) in
// the same run, and what secondary suppression costs on top (issue 15). Results go to BENCHMARKS.md,
// "## Disclosure control (issue 15)".
//
//   build/bench/disclosure/disclosure_bench [--gemeenten 14] [--wijken 12] [--months 12] [--categories 4]
//                                            [--mean 6] [--seed 15]
//
// The table: per gemeente its wijken × months × categories (Poisson counts around `mean`, so most
// are 1-9), with every total a publication has: wijk × month totaal, wijk × year (per category and
// totaal), gemeente × month and gemeente × year (per category and totaal), and Twente. Wijk cells
// are published rounded to 5, counts 1-9 suppressed (disclosure/rules.h). Both audits answer for the
// primary cells; the benchmark checks that they agree on which are narrower than 10.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "disclosure/audit.h"
#include "disclosure/protect.h"
#include "disclosure/rules.h"

namespace {

using namespace sz::disclosure;
using sz::Result;

struct Options {
  int gemeenten = 14, wijken = 12, months = 12, categories = 4;
  double mean = 6;
  unsigned seed = 15;
};

struct Generated {
  LinearTable table;
  std::vector<bool> wijk;
};

Generated Generate(const Options& o) {
  std::mt19937 random(o.seed);
  std::poisson_distribution<int> count(o.mean);
  Generated g;
  auto add = [&](double value, bool wijk) {
    g.wijk.push_back(wijk);
    return g.table.AddCell(value);
  };
  const int b = o.categories + 1;  // categories, then totaal
  // inner[gemeente][wijk][month][category]
  std::vector<int> twente_parts;
  std::vector<std::vector<int>> twente_month_parts(static_cast<size_t>(o.months));
  for (int gm = 0; gm < o.gemeenten; ++gm) {
    std::vector<std::vector<int>> gm_month(static_cast<size_t>(o.months), std::vector<int>(static_cast<size_t>(b)));
    std::vector<std::vector<std::vector<int>>> parts_gm_month(
        static_cast<size_t>(o.months), std::vector<std::vector<int>>(static_cast<size_t>(b)));
    std::vector<std::vector<int>> parts_gm_year(static_cast<size_t>(b));
    std::vector<double> gm_year_value(static_cast<size_t>(b), 0);
    std::vector<std::vector<double>> gm_month_value(static_cast<size_t>(o.months), std::vector<double>(b, 0));
    for (int w = 0; w < o.wijken; ++w) {
      std::vector<std::vector<int>> year_parts(static_cast<size_t>(b));
      std::vector<double> year_value(static_cast<size_t>(b), 0);
      for (int m = 0; m < o.months; ++m) {
        std::vector<int> cats;
        double total = 0;
        for (int c = 0; c < o.categories; ++c) {
          const double v = count(random);
          const int cell = add(v, true);
          cats.push_back(cell);
          total += v;
          year_parts[static_cast<size_t>(c)].push_back(cell);
          year_value[static_cast<size_t>(c)] += v;
          parts_gm_month[static_cast<size_t>(m)][static_cast<size_t>(c)].push_back(cell);
          gm_month_value[static_cast<size_t>(m)][static_cast<size_t>(c)] += v;
        }
        const int totaal = add(total, true);
        g.table.AddRelation(totaal, cats);
        year_parts[static_cast<size_t>(o.categories)].push_back(totaal);
        year_value[static_cast<size_t>(o.categories)] += total;
        parts_gm_month[static_cast<size_t>(m)][static_cast<size_t>(o.categories)].push_back(totaal);
        gm_month_value[static_cast<size_t>(m)][static_cast<size_t>(o.categories)] += total;
      }
      std::vector<int> year_cats;
      for (int c = 0; c < b; ++c) {
        const int year = add(year_value[static_cast<size_t>(c)], true);
        g.table.AddRelation(year, year_parts[static_cast<size_t>(c)]);
        if (c < o.categories) year_cats.push_back(year);
        parts_gm_year[static_cast<size_t>(c)].push_back(year);
        gm_year_value[static_cast<size_t>(c)] += year_value[static_cast<size_t>(c)];
        if (c == o.categories) g.table.AddRelation(year, year_cats);
      }
    }
    for (int m = 0; m < o.months; ++m) {
      for (int c = 0; c < b; ++c) {
        const int cell = add(gm_month_value[static_cast<size_t>(m)][static_cast<size_t>(c)], false);
        g.table.AddRelation(cell, parts_gm_month[static_cast<size_t>(m)][static_cast<size_t>(c)]);
        if (c == o.categories) twente_month_parts[static_cast<size_t>(m)].push_back(cell);
      }
    }
    const int gm_year = add(gm_year_value[static_cast<size_t>(o.categories)], false);
    g.table.AddRelation(gm_year, parts_gm_year[static_cast<size_t>(o.categories)]);
    twente_parts.push_back(gm_year);
  }
  double twente = 0;
  for (int cell : twente_parts) twente += g.table.value(cell);
  g.table.AddRelation(add(twente, false), twente_parts);
  return g;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const double v = std::atof(argv[i + 1]);
    if (flag == "--gemeenten") o.gemeenten = static_cast<int>(v);
    else if (flag == "--wijken") o.wijken = static_cast<int>(v);
    else if (flag == "--months") o.months = static_cast<int>(v);
    else if (flag == "--categories") o.categories = static_cast<int>(v);
    else if (flag == "--mean") o.mean = v;
    else if (flag == "--seed") o.seed = static_cast<unsigned>(v);
    else {
      std::fprintf(stderr, "unknown option %s\n", flag.c_str());
      return 2;
    }
  }
  const Generated g = Generate(o);
  const LinearTable& table = g.table;
  const PrimaryRules rules;
  std::vector<Knowledge> published, known;
  std::vector<bool> primary;
  std::vector<int> audited;
  for (int i = 0; i < table.size(); ++i) {
    const PrimaryDecision d = CountDecision(table.value(i), g.wijk[static_cast<size_t>(i)], rules);
    primary.push_back(d.treatment == Treatment::kSuppress);
    published.push_back(d.treatment == Treatment::kRound ? Rounded(RoundCount(table.value(i), 5), 5)
                                                         : Exact(table.value(i)));
    known.push_back(primary.back() ? Suppressed() : published.back());
    if (primary.back()) audited.push_back(i);
  }
  std::printf("table: %d cells, %zu relations, %zu suppressed by the primary rules\n", table.size(),
              table.relations().size(), audited.size());

  auto start = std::chrono::steady_clock::now();
  Result<WidthAudit> fast = FindNarrowCells(table, known, audited, 10);
  const double fast_seconds = Seconds(start);
  start = std::chrono::steady_clock::now();
  Result<std::vector<Interval>> full = AuditCells(table, known, audited);
  const double full_seconds = Seconds(start);
  if (!fast.ok() || !full.ok()) {
    std::fprintf(stderr, "audit failed: %s\n", (!fast.ok() ? fast.status() : full.status()).message().c_str());
    return 1;
  }
  int narrow = 0, disagree = 0;
  for (size_t k = 0; k < audited.size(); ++k) {
    const bool truth = (*full)[k].width() < 10 - 1e-6;
    narrow += truth ? 1 : 0;
    disagree += truth != fast->narrow[k] ? 1 : 0;
  }
  std::printf("first audit: %d narrow; FindNarrowCells %.2f s (%lld LPs, %lld decided locally), "
              "AuditCells %.2f s (%zu LPs); ratio %.1f; disagreements %d\n",
              narrow, fast_seconds, static_cast<long long>(fast->solves), static_cast<long long>(fast->decided_locally),
              full_seconds, 2 * audited.size(), full_seconds / fast_seconds, disagree);

  start = std::chrono::steady_clock::now();
  Result<Protection> p = ProtectTable(table, published, primary, CostBySize(table), 10);
  if (!p.ok()) {
    std::fprintf(stderr, "protection failed: %s\n", p.status().message().c_str());
    return 1;
  }
  std::printf("ProtectTable: %.2f s, %d rounds, %lld LPs, %d secondary cells, information loss %.0f\n", Seconds(start),
              p->rounds, static_cast<long long>(p->solves), p->secondary_cells, p->information_loss);
  return disagree == 0 ? 0 : 1;
}
