// BenjaminiHochberg against R's p.adjust(method = "BH") (tests/data/golden/signals/bh.csv, written by
// scripts/golden/signals.R), and against the definition computed the slow way.
#include "signals/fdr.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace sz::signals {
namespace {

double Parse(const std::string& text) { return text == "NA" ? std::nan("") : std::strtod(text.c_str(), nullptr); }

struct Case {
  std::vector<double> p, q;
};

std::map<std::string, Case> ReadGolden() {
  std::ifstream in(std::string(SZ_TEST_DATA_DIR) + "/golden/signals/bh.csv");
  std::map<std::string, Case> cases;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::stringstream row(line);
    std::string name, i, p, q;
    std::getline(row, name, ',');
    std::getline(row, i, ',');
    std::getline(row, p, ',');
    std::getline(row, q, ',');
    cases[name].p.push_back(Parse(p));
    cases[name].q.push_back(Parse(q));
  }
  return cases;
}

// The definition: q_i = min_{j: p_j >= p_i} min(1, n p_j / rank_j), rank_j = #{k: p_k <= p_j} (for ties
// the largest rank, which gives the same minimum).
std::vector<double> SlowBh(const std::vector<double>& p) {
  std::vector<double> q(p.size(), std::nan(""));
  double n = 0;
  for (double v : p) n += std::isnan(v) ? 0 : 1;
  for (size_t i = 0; i < p.size(); ++i) {
    if (std::isnan(p[i])) continue;
    double best = 1;
    for (size_t j = 0; j < p.size(); ++j) {
      if (std::isnan(p[j]) || p[j] < p[i]) continue;
      double rank = 0;
      for (double v : p) rank += !std::isnan(v) && v <= p[j] ? 1 : 0;
      best = std::min(best, n * p[j] / rank);
    }
    q[i] = best;
  }
  return q;
}

TEST(BenjaminiHochberg, MatchesRsPAdjust) {
  const std::map<std::string, Case> cases = ReadGolden();
  ASSERT_EQ(cases.size(), 7u);
  for (const auto& [name, c] : cases) {
    const std::vector<double> q = BenjaminiHochberg(c.p);
    ASSERT_EQ(q.size(), c.q.size()) << name;
    for (size_t i = 0; i < q.size(); ++i) {
      if (std::isnan(c.q[i])) {
        EXPECT_TRUE(std::isnan(q[i])) << name << " " << i;
      } else {
        EXPECT_NEAR(q[i], c.q[i], 1e-12 * std::max(1.0, c.q[i])) << name << " " << i;
      }
    }
  }
}

TEST(BenjaminiHochberg, AgreesWithTheDefinition) {
  const std::map<std::string, Case> cases = ReadGolden();
  for (const auto& [name, c] : cases) {
    const std::vector<double> fast = BenjaminiHochberg(c.p), slow = SlowBh(c.p);
    for (size_t i = 0; i < fast.size(); ++i) {
      if (std::isnan(slow[i])) {
        EXPECT_TRUE(std::isnan(fast[i]));
      } else {
        EXPECT_NEAR(fast[i], slow[i], 1e-12) << name << " " << i;
      }
    }
  }
}

TEST(BenjaminiHochberg, EmptyAndAllMissing) {
  EXPECT_TRUE(BenjaminiHochberg({}).empty());
  const std::vector<double> q = BenjaminiHochberg({std::nan(""), std::nan("")});
  ASSERT_EQ(q.size(), 2u);
  EXPECT_TRUE(std::isnan(q[0]) && std::isnan(q[1]));
}

}  // namespace
}  // namespace sz::signals
