// The slow, obviously correct reference for the disclosure audit, independent of Clp and of the
// suppression code: a table whose every cell is a sum of "inner" cells (the finest breakdown) is
// enumerated over all integer inner values 0..max_inner; the values consistent with what is
// published give each cell's smallest and largest possible value.
#pragma once

#include <algorithm>
#include <functional>
#include <limits>
#include <vector>

#include "disclosure/table.h"

namespace sz::disclosure::testing {

struct SumTable {
  int inner = 0;                       // inner cells are cells 0..inner-1
  std::vector<std::vector<int>> sums;  // every cell: the inner cells it adds up
  std::vector<double> Values(const std::vector<int>& inner_values) const {
    std::vector<double> values;
    for (const auto& cells : sums) {
      double sum = 0;
      for (int c : cells) sum += inner_values[static_cast<size_t>(c)];
      values.push_back(sum);
    }
    return values;
  }
};

struct IntegerInterval {
  double lower = std::numeric_limits<double>::infinity();
  double upper = -std::numeric_limits<double>::infinity();
};

// Every cell's range over the inner integer vectors whose cells all lie within `knowledge`. A cell is
// checked as soon as its last inner cell has a value, which keeps the enumeration small.
inline std::vector<IntegerInterval> BruteForceIntervals(const SumTable& table, const std::vector<Knowledge>& knowledge,
                                                        int max_inner) {
  std::vector<IntegerInterval> out(table.sums.size());
  std::vector<int> inner(static_cast<size_t>(table.inner), 0);
  std::vector<std::vector<size_t>> complete_at(inner.size() + 1);  // cells whose last inner cell is k - 1
  for (size_t i = 0; i < table.sums.size(); ++i) {
    int last = -1;
    for (int c : table.sums[i]) last = std::max(last, c);
    complete_at[static_cast<size_t>(last + 1)].push_back(i);
  }
  // No inner cell exceeds a cell it is part of (all are non-negative): the enumeration's bound.
  std::vector<int> cap(inner.size(), max_inner);
  for (size_t i = 0; i < table.sums.size(); ++i) {
    for (int c : table.sums[i]) {
      if (knowledge[i].upper < cap[static_cast<size_t>(c)])
        cap[static_cast<size_t>(c)] = static_cast<int>(knowledge[i].upper);
    }
  }
  auto sum = [&](size_t cell) {
    double s = 0;
    for (int c : table.sums[cell]) s += inner[static_cast<size_t>(c)];
    return s;
  };
  std::function<void(size_t)> visit = [&](size_t k) {
    for (size_t cell : complete_at[k]) {
      const double v = sum(cell);
      if (v < knowledge[cell].lower || v > knowledge[cell].upper) return;
    }
    if (k == inner.size()) {
      for (size_t i = 0; i < table.sums.size(); ++i) {
        const double v = sum(i);
        out[i].lower = std::min(out[i].lower, v);
        out[i].upper = std::max(out[i].upper, v);
      }
      return;
    }
    for (int v = 0; v <= cap[k]; ++v) {
      inner[k] = v;
      visit(k + 1);
    }
  };
  visit(0);
  return out;
}

// 2 wijken × 3 months of one gemeente: inner cells 0..5 (wijk-major), the gemeente per month (6..8),
// each wijk's year (9, 10) and the gemeente's year (11), with their relations.
struct WijkMonthTable {
  SumTable sums;
  LinearTable table;
  std::vector<bool> wijk;  // per cell: at wijk level
};

inline WijkMonthTable MakeWijkMonthTable(const std::vector<int>& inner) {
  WijkMonthTable t;
  t.sums.inner = 6;
  for (int i = 0; i < 6; ++i) t.sums.sums.push_back({i});
  for (int m = 0; m < 3; ++m) t.sums.sums.push_back({m, 3 + m});
  t.sums.sums.push_back({0, 1, 2});
  t.sums.sums.push_back({3, 4, 5});
  t.sums.sums.push_back({0, 1, 2, 3, 4, 5});
  for (double v : t.sums.Values(inner)) t.table.AddCell(v);
  for (int m = 0; m < 3; ++m) t.table.AddRelation(6 + m, {m, 3 + m});
  t.table.AddRelation(9, {0, 1, 2});
  t.table.AddRelation(10, {3, 4, 5});
  t.table.AddRelation(11, {6, 7, 8});
  t.table.AddRelation(11, {9, 10});
  t.wijk = {true, true, true, true, true, true, false, false, false, true, true, false};
  return t;
}

}  // namespace sz::disclosure::testing
