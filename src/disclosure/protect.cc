#include "disclosure/protect.h"

#include <openssl/evp.h>

#include <algorithm>
#include <limits>
#include <memory>
#include <numeric>

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

// The version of the method in every fingerprint: change it whenever a change to protection or to the
// audit could change which cells are chosen, so that no memo of the old method is reused.
constexpr std::string_view kMethodVersion = "samenzicht-protect-1";

int Root(std::vector<int>& parent, int cell) {
  while (parent[static_cast<size_t>(cell)] != cell) {
    parent[static_cast<size_t>(cell)] = parent[static_cast<size_t>(parent[static_cast<size_t>(cell)])];
    cell = parent[static_cast<size_t>(cell)];
  }
  return cell;
}

// The parts of the table (cells joined by relations), each in ascending cell order, and the relations
// of each part in ascending order.
struct Parts {
  std::vector<std::vector<int>> cells, relations;
  std::vector<int> part_of;   // per cell
  std::vector<int> position;  // per cell: its position in its part
};

Parts PartsOf(const LinearTable& table) {
  const size_t n = static_cast<size_t>(table.size());
  std::vector<int> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  for (const Relation& relation : table.relations()) {
    for (int part : relation.parts) parent[static_cast<size_t>(Root(parent, part))] = Root(parent, relation.total);
  }
  Parts parts;
  parts.part_of.assign(n, -1);
  parts.position.assign(n, -1);
  std::vector<int> index_of_root(n, -1);
  for (size_t c = 0; c < n; ++c) {
    const size_t root = static_cast<size_t>(Root(parent, static_cast<int>(c)));
    if (index_of_root[root] < 0) {
      index_of_root[root] = static_cast<int>(parts.cells.size());
      parts.cells.emplace_back();
      parts.relations.emplace_back();
    }
    const int part = index_of_root[root];
    parts.part_of[c] = part;
    parts.position[c] = static_cast<int>(parts.cells[static_cast<size_t>(part)].size());
    parts.cells[static_cast<size_t>(part)].push_back(static_cast<int>(c));
  }
  for (size_t r = 0; r < table.relations().size(); ++r) {
    const int part = parts.part_of[static_cast<size_t>(table.relations()[r].total)];
    parts.relations[static_cast<size_t>(part)].push_back(static_cast<int>(r));
  }
  return parts;
}

// SHA-256, hex, of everything protection reads of one part.
std::string Fingerprint(const LinearTable& table, const Parts& parts, size_t part,
                        const std::vector<Knowledge>& published, const std::vector<bool>& primary,
                        const std::vector<double>& cost, double min_width) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr);
  auto add = [&](const void* data, size_t size) { EVP_DigestUpdate(ctx.get(), data, size); };
  auto add_double = [&](double v) { add(&v, sizeof v); };
  auto add_int = [&](int64_t v) { add(&v, sizeof v); };
  add(kMethodVersion.data(), kMethodVersion.size());
  add_double(min_width);
  add_int(static_cast<int64_t>(parts.cells[part].size()));
  for (int cell : parts.cells[part]) {
    const size_t c = static_cast<size_t>(cell);
    add_double(table.value(cell));
    add_double(published[c].lower);
    add_double(published[c].upper);
    add_int(primary[c] ? 1 : 0);
    add_double(cost[c]);
  }
  for (int r : parts.relations[part]) {
    const Relation& relation = table.relations()[static_cast<size_t>(r)];
    add_int(parts.position[static_cast<size_t>(relation.total)]);
    add_int(static_cast<int64_t>(relation.parts.size()));
    for (int member : relation.parts) add_int(parts.position[static_cast<size_t>(member)]);
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_DigestFinal_ex(ctx.get(), digest, &size);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < size; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 15]);
  }
  return hex;
}

}  // namespace

std::vector<double> CostBySize(const LinearTable& table) {
  std::vector<double> cost;
  cost.reserve(static_cast<size_t>(table.size()));
  for (double value : table.values()) cost.push_back(value + 1);
  return cost;
}

Result<Protection> ProtectTable(const LinearTable& table, const std::vector<Knowledge>& published,
                                const std::vector<bool>& primary, const std::vector<double>& cost, double min_width,
                                const ProtectionMemo* previous) {
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

  // Adds a secondary suppression (nothing if the cell is suppressed already).
  auto suppress_secondary = [&](size_t c) {
    if (suppressed[c]) return;
    suppressed[c] = true;
    protection.secondary[c] = true;
    protection.knowledge[c] = Suppressed();
    ++protection.secondary_cells;
    protection.information_loss += cost[c];
  };

  // Parts with a suppressed cell; those the previous memo knows take its secondary cells and are not
  // audited (every cell of theirs counts as wide).
  const Parts parts = PartsOf(table);
  std::vector<std::string> fingerprint(parts.cells.size());
  for (size_t part = 0; part < parts.cells.size(); ++part) {
    const std::vector<int>& cells = parts.cells[part];
    if (std::none_of(cells.begin(), cells.end(), [&](int c) { return suppressed[static_cast<size_t>(c)]; })) continue;
    ++protection.parts;
    fingerprint[part] = Fingerprint(table, parts, part, published, primary, cost, min_width);
    if (previous == nullptr) continue;
    const auto known = previous->secondary.find(fingerprint[part]);
    if (known == previous->secondary.end()) continue;
    bool fits = true;
    for (int position : known->second) fits = fits && position >= 0 && position < static_cast<int>(cells.size());
    if (!fits) continue;  // not a memo of this part after all: protect it afresh
    ++protection.parts_reused;
    for (int position : known->second) suppress_secondary(static_cast<size_t>(cells[static_cast<size_t>(position)]));
    for (int c : cells) wide[static_cast<size_t>(c)] = true;
  }
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
    for (int cell : chosen) suppress_secondary(static_cast<size_t>(cell));
  }
  for (size_t part = 0; part < parts.cells.size(); ++part) {
    if (fingerprint[part].empty()) continue;
    std::vector<int>& chosen = protection.memo.secondary[fingerprint[part]];
    chosen.clear();
    for (int c : parts.cells[part])
      if (protection.secondary[static_cast<size_t>(c)]) chosen.push_back(parts.position[static_cast<size_t>(c)]);
  }
  return protection;
}

}  // namespace sz::disclosure
