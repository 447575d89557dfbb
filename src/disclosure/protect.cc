#include "disclosure/protect.h"

#include <algorithm>
#include <limits>

#include "disclosure/audit.h"
#include "disclosure/messages.h"

namespace sz::disclosure {

namespace {

// An interval whose upper end is below this is the single value 0.
constexpr double kZeroTolerance = 1e-6;

std::vector<int> MembersOf(const LinearTable& table, int relation) {
  std::vector<int> cells = table.relations()[static_cast<size_t>(relation)].parts;
  cells.push_back(table.relations()[static_cast<size_t>(relation)].total);
  return cells;
}

// The cell to suppress for a narrow cell: the cheapest published member of the relation of `cell`
// with the fewest suppressed members. When every relation of the cell is suppressed whole, what pins
// it lies further out (a suppressed total that its own relation fixes): the search widens relation by
// relation, through suppressed cells, to the nearest relations with a published member, and takes the
// cheapest there. Cells in `futile` are never taken. -1 when nothing reachable can be.
int CellToSuppress(int cell, const LinearTable& table, const std::vector<std::vector<int>>& relations_of,
                   const std::vector<bool>& suppressed, const std::vector<bool>& futile,
                   const std::vector<double>& cost) {
  std::vector<std::pair<int, int>> by_suppressed;  // (suppressed members, relation)
  for (int relation : relations_of[static_cast<size_t>(cell)]) {
    int count = 0;
    for (int member : MembersOf(table, relation)) count += suppressed[static_cast<size_t>(member)] ? 1 : 0;
    by_suppressed.emplace_back(count, relation);
  }
  std::sort(by_suppressed.begin(), by_suppressed.end());
  for (const auto& [count, relation] : by_suppressed) {
    int best = -1;
    double best_cost = std::numeric_limits<double>::infinity();
    for (int member : MembersOf(table, relation)) {
      const size_t m = static_cast<size_t>(member);
      if (suppressed[m] || futile[m] || cost[m] >= best_cost) continue;
      best = member;
      best_cost = cost[m];
    }
    if (best >= 0) return best;
  }
  // Breadth first over relations, through suppressed cells only.
  std::vector<bool> seen_relation(table.relations().size(), false), seen_cell(suppressed.size(), false);
  std::vector<int> frontier = {cell};
  seen_cell[static_cast<size_t>(cell)] = true;
  while (!frontier.empty()) {
    std::vector<int> next;
    int best = -1;
    double best_cost = std::numeric_limits<double>::infinity();
    for (int from : frontier) {
      for (int relation : relations_of[static_cast<size_t>(from)]) {
        if (seen_relation[static_cast<size_t>(relation)]) continue;
        seen_relation[static_cast<size_t>(relation)] = true;
        for (int member : MembersOf(table, relation)) {
          const size_t m = static_cast<size_t>(member);
          if (!suppressed[m]) {
            if (!futile[m] && cost[m] < best_cost) {
              best = member;
              best_cost = cost[m];
            }
          } else if (!seen_cell[m]) {
            seen_cell[m] = true;
            next.push_back(member);
          }
        }
      }
    }
    if (best >= 0) return best;
    frontier = std::move(next);
  }
  return -1;
}

}  // namespace

std::vector<double> CostBySize(const LinearTable& table) {
  std::vector<double> cost;
  cost.reserve(static_cast<size_t>(table.size()));
  for (double value : table.values()) cost.push_back(value + 1);
  return cost;
}

Result<Protection> ProtectTable(const LinearTable& table, const std::vector<Knowledge>& published,
                                const std::vector<bool>& primary, const std::vector<double>& cost, double min_width) {
  RETURN_IF_ERROR(table.Check());
  const size_t n = static_cast<size_t>(table.size());
  if (published.size() != n || primary.size() != n || cost.size() != n) {
    return InvalidArgumentError(msg::ProtectSizes(n, published.size(), primary.size(), cost.size()));
  }
  Protection protection;
  protection.knowledge = published;
  protection.secondary.assign(n, false);
  std::vector<bool> suppressed = primary;
  for (size_t i = 0; i < n; ++i) {
    if (suppressed[i]) protection.knowledge[i] = Suppressed();
  }
  const std::vector<std::vector<int>> relations_of = table.RelationsOfCells();

  // A cell once shown wide stays wide: suppressing more only widens what is consistent with the
  // publication (a cell's bounds become [0, ∞), which contain its old ones), so later rounds audit
  // only the cells not yet shown wide.
  std::vector<bool> wide(n, false);
  std::vector<bool> futile(n, false);  // secondary cells found forced to 0: never to be suppressed
  while (true) {
    std::vector<int> audited;
    for (size_t i = 0; i < n; ++i) {
      if (suppressed[i] && !wide[i]) audited.push_back(static_cast<int>(i));
    }
    if (audited.empty()) break;
    ++protection.rounds;
    ASSIGN_OR_RETURN(WidthAudit audit, FindNarrowCells(table, protection.knowledge, audited, min_width));
    protection.solves += audit.solves;
    std::vector<int> chosen;
    std::vector<bool> touched(table.relations().size(), false);  // relations that got a cell this round
    for (size_t k = 0; k < audited.size(); ++k) {
      const int cell = audited[k];
      if (!audit.narrow[k]) {
        wide[static_cast<size_t>(cell)] = true;
        continue;
      }
      const size_t c = static_cast<size_t>(cell);
      if (protection.secondary[c] && audit.interval[k].upper < kZeroTolerance) {
        // A secondary cell the rest of the table forces to 0: suppressing it hides nothing (every
        // table consistent with the publication has it 0 already), so it is published after all,
        // which changes no interval, and never chosen again.
        suppressed[c] = false;
        protection.secondary[c] = false;
        protection.knowledge[c] = published[c];
        --protection.secondary_cells;
        protection.information_loss -= cost[c];
        futile[c] = true;
        continue;
      }
      // A cell in a relation that already lost a cell this round may be protected by it: audit again first.
      const std::vector<int>& mine = relations_of[static_cast<size_t>(cell)];
      if (std::any_of(mine.begin(), mine.end(), [&](int r) { return touched[static_cast<size_t>(r)]; })) continue;
      const int best = CellToSuppress(cell, table, relations_of, suppressed, futile, cost);
      if (best < 0) {
        return InternalError(msg::CannotProtect(cell, audit.interval[k].lower, audit.interval[k].upper, min_width));
      }
      chosen.push_back(best);
      for (int relation : relations_of[static_cast<size_t>(best)]) touched[static_cast<size_t>(relation)] = true;
    }
    if (chosen.empty()) continue;  // every narrow cell waits for a neighbour suppressed this round
    for (int cell : chosen) {
      const size_t c = static_cast<size_t>(cell);
      if (suppressed[c]) continue;
      suppressed[c] = true;
      protection.secondary[c] = true;
      protection.knowledge[c] = Suppressed();
      ++protection.secondary_cells;
      protection.information_loss += cost[c];
    }
  }
  return protection;
}

}  // namespace sz::disclosure
