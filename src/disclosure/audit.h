// The audit: how closely an outsider can pin down each cell of a LinearTable from what is published.
// For a cell c it solves the two linear programs
//   min x_c and max x_c  subject to  every relation (total = sum of parts) and
//                                     lower_i ≤ x_i ≤ upper_i for every cell i (its Knowledge),
// with COIN-OR Clp. The LP relaxation of the integer problem: its interval contains every value
// consistent with the publication, so a wide LP interval is a guarantee (docs/disclosure.md).
//
//   ASSIGN_OR_RETURN(std::vector<Interval> intervals, AuditCells(table, knowledge, {wijk_a}));
//
// Contract: `knowledge` has one entry per cell of `table` (kInvalidArgument otherwise, and for a
// table that fails Check). An empty feasible set (the knowledge contradicts the relations) is
// kInternal: a publication is always consistent with the true values. An unbounded maximum is
// kUnbounded. Thread safety: pure function.
#pragma once

#include <vector>

#include "core/status.h"
#include "disclosure/table.h"

namespace sz::disclosure {

struct Interval {
  double lower = 0;
  double upper = kUnbounded;
  double width() const { return upper - lower; }
};

// The interval of each cell in `cells`, in their order.
Result<std::vector<Interval>> AuditCells(const LinearTable& table, const std::vector<Knowledge>& knowledge,
                                         const std::vector<int>& cells);

}  // namespace sz::disclosure
