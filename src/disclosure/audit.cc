#include "disclosure/audit.h"

#include <coin/ClpSimplex.hpp>
#include <coin/CoinPackedMatrix.hpp>

#include "disclosure/messages.h"

namespace sz::disclosure {
namespace {

double ClpBound(double bound) { return bound == kUnbounded ? COIN_DBL_MAX : bound; }

}  // namespace

Result<std::vector<Interval>> AuditCells(const LinearTable& table, const std::vector<Knowledge>& knowledge,
                                         const std::vector<int>& cells) {
  RETURN_IF_ERROR(table.Check());
  if (knowledge.size() != static_cast<size_t>(table.size())) {
    return InvalidArgumentError(msg::KnowledgeSize(knowledge.size(), static_cast<size_t>(table.size())));
  }
  for (int cell : cells) {
    if (cell < 0 || cell >= table.size()) return InvalidArgumentError(msg::AuditUnknownCell(cell));
  }
  // Rows: one per relation, sum(parts) - total = 0. Columns: the cells with their known bounds.
  CoinPackedMatrix matrix(false, 0, 0);  // row-ordered
  matrix.setDimensions(0, table.size());
  for (const Relation& relation : table.relations()) {
    std::vector<int> index = relation.parts;
    std::vector<double> coefficient(relation.parts.size(), 1.0);
    index.push_back(relation.total);
    coefficient.push_back(-1.0);
    matrix.appendRow(static_cast<int>(index.size()), index.data(), coefficient.data());
  }
  const size_t n = static_cast<size_t>(table.size());
  std::vector<double> column_lower(n), column_upper(n), objective(n, 0.0);
  for (size_t i = 0; i < n; ++i) {
    column_lower[i] = ClpBound(knowledge[i].lower);
    column_upper[i] = ClpBound(knowledge[i].upper);
  }
  std::vector<double> row_bound(table.relations().size(), 0.0);
  ClpSimplex model;
  model.setLogLevel(0);
  model.loadProblem(matrix, column_lower.data(), column_upper.data(), objective.data(), row_bound.data(),
                    row_bound.data());

  std::vector<Interval> intervals;
  intervals.reserve(cells.size());
  for (int cell : cells) {
    Interval interval;
    model.setObjectiveCoefficient(cell, 1.0);
    for (const double direction : {1.0, -1.0}) {  // minimise, then maximise
      model.setOptimizationDirection(direction);
      model.dual();
      if (model.isProvenOptimal()) {
        (direction > 0 ? interval.lower : interval.upper) = model.objectiveValue();
      } else if (direction < 0 && model.isProvenDualInfeasible()) {
        interval.upper = kUnbounded;
      } else {
        return InternalError(msg::AuditInfeasible(cell, model.status()));
      }
    }
    model.setObjectiveCoefficient(cell, 0.0);
    intervals.push_back(interval);
  }
  return intervals;
}

}  // namespace sz::disclosure
