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

#include <cstddef>
#include <cstdint>
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

// The fast audit for large tables: which of `cells` are narrower than `min_width`.
//   narrow[k]   cells[k]'s LP interval is narrower than min_width; interval[k] is an outer bound of
//               it (it contains the LP interval and is itself narrower than min_width);
//   !narrow[k]  interval[k] is an inner bound: two tables consistent with the publication whose
//               values of the cell lie interval[k].width() >= min_width apart (witnesses), so the
//               LP interval is at least as wide.
// How: cells known exactly are constants. Each cell is first decided locally, on the LP of the cells
// within LocalReach.steps relation steps: holding the cells beyond at their true values restricts
// the problem (its solutions are witnesses), leaving them free within their bounds relaxes it (a
// narrow interval there is narrow in the whole). What stays undecided is audited on its whole component (cells tied
// by relations): the true table is a first witness; LPs that push the uncertified cells up and down
// give more (each solution is a feasible table); what they leave uncertified gets its own min and
// max. Components are independent, so `threads` workers (0: one per core) take them one at a time;
// the answer (verdicts, intervals, LPs solved) is the same for any number of threads, and from run to
// run (fixed seeds per cell). Same contract and errors as AuditCells; ClpSimplex models are not shared
// between threads.
struct WidthAudit {
  std::vector<bool> narrow;
  std::vector<Interval> interval;
  int64_t solves = 0;           // LPs solved
  int64_t decided_locally = 0;  // cells the local audit decided (the rest: on their whole component)
};
// How far the local audit reaches around a cell: relation steps and LP columns (steps 0: every
// cell is audited on its whole component).
struct LocalReach {
  int steps = 1;
  size_t columns = 400;
};
Result<WidthAudit> FindNarrowCells(const LinearTable& table, const std::vector<Knowledge>& knowledge,
                                   const std::vector<int>& cells, double min_width, LocalReach reach = {},
                                   int threads = 0);

}  // namespace sz::disclosure
