#include "disclosure/table.h"

#include <cmath>
#include <set>

#include "disclosure/messages.h"

namespace sz::disclosure {

int LinearTable::AddCell(double value) {
  values_.push_back(value);
  return static_cast<int>(values_.size()) - 1;
}

void LinearTable::AddRelation(int total, std::vector<int> parts) {
  relations_.push_back({.total = total, .parts = std::move(parts)});
}

Status LinearTable::Check() const {
  for (size_t i = 0; i < values_.size(); ++i) {
    if (!std::isfinite(values_[i]) || values_[i] < 0) return InvalidArgumentError(msg::BadCellValue(i, values_[i]));
  }
  for (size_t r = 0; r < relations_.size(); ++r) {
    std::set<int> seen;
    auto check = [&](int cell) -> Status {
      if (cell < 0 || cell >= size()) return InvalidArgumentError(msg::RelationUnknownCell(r, cell));
      if (!seen.insert(cell).second) return InvalidArgumentError(msg::RelationCellTwice(r, cell));
      return Status::Ok();
    };
    RETURN_IF_ERROR(check(relations_[r].total));
    for (int part : relations_[r].parts) RETURN_IF_ERROR(check(part));
  }
  return Status::Ok();
}

std::vector<std::vector<int>> LinearTable::RelationsOfCells() const {
  std::vector<std::vector<int>> of(values_.size());
  for (size_t r = 0; r < relations_.size(); ++r) {
    of[static_cast<size_t>(relations_[r].total)].push_back(static_cast<int>(r));
    for (int part : relations_[r].parts) of[static_cast<size_t>(part)].push_back(static_cast<int>(r));
  }
  return of;
}

Knowledge Exact(double value) { return {.lower = value, .upper = value}; }

Knowledge Rounded(double rounded, int base) {
  if (base <= 1) return Exact(rounded);
  // Integers n with round(n) == rounded, halves up: rounded - floor(base/2) ≤ n ≤ rounded + ceil(base/2) - 1.
  const double below = std::floor(base / 2.0);
  const double above = std::ceil(base / 2.0) - 1;
  return {.lower = std::max(0.0, rounded - below), .upper = rounded + above};
}

double RoundCount(double count, int base) {
  if (base <= 1) return count;
  return std::floor(count / base + 0.5) * base;
}

Knowledge Suppressed() { return {}; }

}  // namespace sz::disclosure
