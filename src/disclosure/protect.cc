#include "disclosure/protect.h"

#include <algorithm>
#include <limits>

#include "disclosure/audit.h"
#include "disclosure/messages.h"

namespace sz::disclosure {

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
  auto members = [&](int relation) {
    std::vector<int> cells = table.relations()[static_cast<size_t>(relation)].parts;
    cells.push_back(table.relations()[static_cast<size_t>(relation)].total);
    return cells;
  };

  while (true) {
    std::vector<int> audited;
    for (size_t i = 0; i < n; ++i) {
      if (suppressed[i]) audited.push_back(static_cast<int>(i));
    }
    ++protection.rounds;
    ASSIGN_OR_RETURN(WidthAudit audit, FindNarrowCells(table, protection.knowledge, audited, min_width));
    protection.solves += audit.solves;
    const std::vector<Interval>& intervals = audit.interval;
    std::vector<int> chosen;
    std::vector<bool> touched(table.relations().size(), false);  // relations that got a cell this round
    for (size_t k = 0; k < audited.size(); ++k) {
      if (!audit.narrow[k]) continue;
      const int cell = audited[k];
      // A cell in a relation that already lost a cell this round may be protected by it: audit again first.
      const std::vector<int>& mine = relations_of[static_cast<size_t>(cell)];
      if (std::any_of(mine.begin(), mine.end(), [&](int r) { return touched[static_cast<size_t>(r)]; })) continue;
      // The relations of the narrow cell, those with the fewest suppressed members first.
      std::vector<std::pair<int, int>> by_suppressed;  // (suppressed members, relation)
      for (int relation : relations_of[static_cast<size_t>(cell)]) {
        int count = 0;
        for (int member : members(relation)) count += suppressed[static_cast<size_t>(member)] ? 1 : 0;
        by_suppressed.emplace_back(count, relation);
      }
      std::sort(by_suppressed.begin(), by_suppressed.end());
      int best = -1;
      for (const auto& [count, relation] : by_suppressed) {
        double best_cost = std::numeric_limits<double>::infinity();
        for (int member : members(relation)) {
          const size_t m = static_cast<size_t>(member);
          if (suppressed[m] || cost[m] >= best_cost) continue;
          best = member;
          best_cost = cost[m];
        }
        if (best >= 0) break;
      }
      if (best < 0) return InternalError(msg::CannotProtect(cell, intervals[k].lower, intervals[k].upper, min_width));
      chosen.push_back(best);
      for (int relation : relations_of[static_cast<size_t>(best)]) touched[static_cast<size_t>(relation)] = true;
    }
    if (chosen.empty()) break;
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
