// A table for disclosure control: cells holding non-negative quantities (counts of persons or
// registrations) tied together by additive relations "total = sum of parts", e.g. a gemeente's
// count = the sum of its wijken's, a year's = the sum of its months', a breakdown's totaal = the sum of
// its categories. Several hierarchies and several indicators can share one table, so that the audit
// sees every relation an outsider could use (docs/disclosure.md).
//
//   LinearTable table;
//   int wijk_a = table.AddCell(3), wijk_b = table.AddCell(40), gemeente = table.AddCell(43);
//   table.AddRelation(gemeente, {wijk_a, wijk_b});
//
// What an outsider knows of a cell is an interval (Knowledge): a published cell its exact value, a
// cell rounded to a multiple of b the integers that round to it, a suppressed cell only that it is a
// count (≥ 0). Contract: AddRelation's indices must be cells already added (checked by Check).
// Thread safety: plain values.
#pragma once

#include <limits>
#include <string>
#include <vector>

#include "core/status.h"

namespace sz::disclosure {

struct Relation {
  int total = 0;
  std::vector<int> parts;
};

class LinearTable {
 public:
  int AddCell(double value);
  void AddRelation(int total, std::vector<int> parts);

  int size() const { return static_cast<int>(values_.size()); }
  double value(int cell) const { return values_[static_cast<size_t>(cell)]; }
  const std::vector<double>& values() const { return values_; }
  const std::vector<Relation>& relations() const { return relations_; }
  // kInvalidArgument when a relation names a cell that does not exist or a cell twice, or a value is
  // negative or not finite.
  Status Check() const;
  // The relations each cell appears in (as total or part), per cell.
  std::vector<std::vector<int>> RelationsOfCells() const;

 private:
  std::vector<double> values_;
  std::vector<Relation> relations_;
};

inline constexpr double kUnbounded = std::numeric_limits<double>::infinity();

// What is known of one cell's true value: lower ≤ value ≤ upper.
struct Knowledge {
  double lower = 0;
  double upper = kUnbounded;
  bool operator==(const Knowledge&) const = default;
};

Knowledge Exact(double value);
// A count published rounded to the nearest multiple of `base` (halves up, as CBS does): the integers
// that round to `rounded`, never below 0.
Knowledge Rounded(double rounded, int base);
// Rounds a count to the nearest multiple of `base` (halves up).
double RoundCount(double count, int base);
// A suppressed count: only that it is not negative.
Knowledge Suppressed();

}  // namespace sz::disclosure
