// Secondary suppression: given a LinearTable, what will be published of each cell (exact or rounded)
// and the cells suppressed by the primary rules, suppress further cells until the audit (audit.h)
// shows every suppressed cell's interval at least `min_width` wide, so that none can be worked out
// from totals, other categories or other periods (docs/disclosure.md).
//
//   ASSIGN_OR_RETURN(Protection p, ProtectTable(table, published, primary, CostBySize(table), 10));
//   p.secondary[cell], p.knowledge[cell] (what an outsider knows of each cell afterwards)
//
// Method: audit every suppressed cell (FindNarrowCells); for each one narrower than min_width, suppress one more cell
// in the relation that pins it most (fewest suppressed cells), the one of least cost, or, when all its
// relations are suppressed whole, in the nearest relation beyond them that has a published cell;
// repeat until the audit passes. A cell shown wide is not audited again (suppressing more only
// widens intervals). A secondary cell the table forces to 0 (sparse tables: a breakdown whose
// categories are covered by another's) hides nothing when suppressed: it is published after all,
// which changes no interval, and never chosen again. Every round suppresses or restores at least one
// cell, each cell is restored at most once, so it ends. The result is safe by the audit, not by the
// heuristic; the heuristic only chooses which cells are lost.
//
// Parts and their memo: the table falls apart into parts that no relation joins (connected
// components over every cell, published or not). What happens in one part depends on nothing outside
// it, so each part gets a fingerprint (SHA-256 of its values, published knowledge, primary flags,
// costs and relations, in its own cell order, with min_width and the method's version) and the
// positions of the secondary cells protection chose in it (`Protection::memo`). Given the memo of an
// earlier run (`previous`), a part with the same fingerprint gets the same secondary cells without an
// audit: the same input to the same deterministic method (FindNarrowCells' verdicts do not depend on
// its random witnesses) gives the same output, so the result equals a protection from scratch
// (ProtectTest.AMemoGivesTheSameProtectionAndSkipsTheUnchangedParts).
//
// Contract: `published` has one Knowledge per cell (what is known if the cell is published: Exact or
// Rounded), `primary` and `cost` one entry per cell; kInvalidArgument otherwise. Primary cells are
// published as Suppressed(). kInternal when a suppressed cell stays narrow with nothing left to
// suppress (only possible when the published totals themselves are narrower than min_width).
// Thread safety: pure function.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/status.h"
#include "disclosure/table.h"

namespace sz::disclosure {

struct ProtectionMemo {
  std::map<std::string, std::vector<int>> secondary;  // part fingerprint (hex) → positions in the part
};

struct Protection {
  std::vector<Knowledge> knowledge;  // per cell, what the publication tells an outsider
  std::vector<bool> secondary;       // per cell: suppressed to protect another
  int rounds = 0;                    // audit rounds made
  int64_t solves = 0;                // linear programs solved by the audits
  int secondary_cells = 0;
  double information_loss = 0;  // sum of the cost of the secondary cells
  int parts = 0;                // parts of the table with a suppressed cell
  int parts_reused = 0;         // of those, taken from the previous memo
  ProtectionMemo memo;          // every part with a suppressed cell, for the next run
};

Result<Protection> ProtectTable(const LinearTable& table, const std::vector<Knowledge>& published,
                                const std::vector<bool>& primary, const std::vector<double>& cost, double min_width,
                                const ProtectionMemo* previous = nullptr);

// The default cost of suppressing a cell: its value plus one (prefer small cells).
std::vector<double> CostBySize(const LinearTable& table);

}  // namespace sz::disclosure
