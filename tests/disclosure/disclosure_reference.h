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

}  // namespace sz::disclosure::testing
