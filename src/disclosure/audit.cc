#include "disclosure/audit.h"

#include <algorithm>
#include <atomic>
#include <coin/ClpSimplex.hpp>
#include <coin/CoinPackedMatrix.hpp>
#include <cstdint>
#include <numeric>
#include <optional>
#include <random>
#include <thread>
#include <unordered_map>
#include <utility>

#include "disclosure/messages.h"

namespace sz::disclosure {
namespace {

double ClpBound(double bound) { return bound == kUnbounded ? COIN_DBL_MAX : bound; }

// Widths within this of min_width count as wide: the LP's own tolerances are far smaller than a
// count, and a width of 9.9999999 protects as well as 10.
constexpr double kWidthTolerance = 1e-6;

// The random signs of the witness LPs come from generators seeded with this plus the cell (local
// audit) or the component's root cell (component audit): fixed, so the audit and the publication are
// the same every run, whatever the number of threads.
constexpr unsigned kAuditSeed = 20240101u;

Status CheckAuditInput(const LinearTable& table, const std::vector<Knowledge>& knowledge,
                       const std::vector<int>& cells) {
  RETURN_IF_ERROR(table.Check());
  if (knowledge.size() != static_cast<size_t>(table.size())) {
    return InvalidArgumentError(msg::KnowledgeSize(knowledge.size(), static_cast<size_t>(table.size())));
  }
  for (int cell : cells) {
    if (cell < 0 || cell >= table.size()) return InvalidArgumentError(msg::AuditUnknownCell(cell));
  }
  return Status::Ok();
}

int FindRoot(std::vector<int>& parent, int cell) {
  while (parent[static_cast<size_t>(cell)] != cell) {
    parent[static_cast<size_t>(cell)] = parent[static_cast<size_t>(parent[static_cast<size_t>(cell)])];
    cell = parent[static_cast<size_t>(cell)];
  }
  return cell;
}

// Appends one relation as an LP row over the columns `local` numbers (-1: not a column): the cells
// known exactly are moved to the right-hand side, sum(variable parts) - variable total = constant.
void AppendRelationRow(const Relation& relation, const std::vector<Knowledge>& knowledge,
                       const std::vector<bool>& exact, const std::vector<int>& local, CoinPackedMatrix& matrix,
                       std::vector<double>& rhs) {
  std::vector<int> index;
  std::vector<double> coefficient;
  double constant = 0;
  auto add = [&](int cell, double sign) {
    const size_t c = static_cast<size_t>(cell);
    if (exact[c]) {
      constant -= sign * knowledge[c].lower;
    } else {
      index.push_back(local[c]);
      coefficient.push_back(sign);
    }
  };
  for (int part : relation.parts) add(part, 1.0);
  add(relation.total, -1.0);
  matrix.appendRow(static_cast<int>(index.size()), index.data(), coefficient.data());
  rhs.push_back(constant);
}

// One independent part of the table: its variable cells (columns) and the relations among them, with
// the cells known exactly moved to the right-hand side.
class Component {
 public:
  Component(const LinearTable& table, const std::vector<Knowledge>& knowledge, const std::vector<int>& columns,
            const std::vector<int>& relations, const std::vector<bool>& exact)
      : table_(table), columns_(columns) {
    std::vector<int> local(static_cast<size_t>(table.size()), -1);
    for (size_t c = 0; c < columns.size(); ++c) local[static_cast<size_t>(columns[c])] = static_cast<int>(c);
    CoinPackedMatrix matrix(false, 0, 0);
    matrix.setDimensions(0, static_cast<int>(columns.size()));
    std::vector<double> rhs;
    for (int r : relations) {
      AppendRelationRow(table.relations()[static_cast<size_t>(r)], knowledge, exact, local, matrix, rhs);
    }
    const size_t n = columns.size();
    lower_.resize(n);
    upper_.resize(n);
    for (size_t c = 0; c < n; ++c) {
      lower_[c] = ClpBound(knowledge[static_cast<size_t>(columns[c])].lower);
      upper_[c] = ClpBound(knowledge[static_cast<size_t>(columns[c])].upper);
    }
    std::vector<double> objective(n, 0.0);
    model_.setLogLevel(0);
    model_.loadProblem(matrix, lower_.data(), upper_.data(), objective.data(), rhs.data(), rhs.data());
  }

  // Caps every column at its true value + `room` (or leaves its own bounds, `room` < 0): a restricted
  // problem, so its solutions are still tables consistent with the publication, and never unbounded.
  void Cap(double room) {
    for (size_t c = 0; c < columns_.size(); ++c) {
      const double cap = room < 0 ? upper_[c] : std::min(upper_[c], table_.value(columns_[c]) + room);
      model_.setColumnUpper(static_cast<int>(c), cap);
    }
  }
  // Optimises the sum of the given local columns (+1 maximise, -1 minimise): the optimum, nullopt
  // when the maximum is unbounded, kInternal when the problem is infeasible.
  Result<std::optional<double>> Solve(const std::vector<int>& objective_columns, double direction,
                                      int cell_for_message) {
    return Solve(objective_columns, std::vector<double>(objective_columns.size(), 1.0), direction, cell_for_message);
  }
  // The same for the weighted sum of the columns.
  Result<std::optional<double>> Solve(const std::vector<int>& objective_columns, const std::vector<double>& weights,
                                      double direction, int cell_for_message) {
    for (size_t k = 0; k < objective_columns.size(); ++k)
      model_.setObjectiveCoefficient(objective_columns[k], weights[k]);
    model_.setOptimizationDirection(-direction);  // Clp: 1 minimises
    // Only the objective changes between solves: the last basis stays feasible, so the primal simplex
    // starts from it.
    model_.primal();
    for (int c : objective_columns) model_.setObjectiveCoefficient(c, 0.0);
    if (model_.isProvenOptimal()) return std::optional<double>(model_.objectiveValue());
    if (direction > 0 && model_.isProvenDualInfeasible()) return std::optional<double>();
    return InternalError(msg::AuditInfeasible(cell_for_message, model_.status()));
  }
  // The last solution's value of local column c.
  double Solution(size_t c) const { return model_.primalColumnSolution()[c]; }
  size_t size() const { return columns_.size(); }
  int cell(size_t c) const { return columns_[c]; }

 private:
  const LinearTable& table_;
  std::vector<int> columns_;
  std::vector<double> lower_, upper_;
  ClpSimplex model_;
};

// The local audit of one cell: the LP over the cells within a few relation steps of it. Two bounds
// from one small LP, both sound for the whole table:
//   inner  the cells beyond the neighbourhood held at their true values: a restriction, so its
//          solutions are tables consistent with the publication (witnesses) and its interval lies
//          inside the cell's true LP interval; wide here means wide;
//   outer  the cells beyond held only to their own bounds, their further relations dropped: a
//          relaxation, so its interval contains the true one; narrow here means narrow.
// Steps go through cells not known exactly (those known exactly are constants and tie nothing).
class LocalAudit {
 public:
  // `wanted`: per cell, whether it is to be audited (its witnesses are worth pushing for).
  LocalAudit(const LinearTable& table, const std::vector<Knowledge>& knowledge, const std::vector<bool>& exact,
             std::vector<bool> wanted, double min_width)
      : table_(table),
        knowledge_(knowledge),
        exact_(exact),
        wanted_(std::move(wanted)),
        min_width_(min_width),
        relations_of_(table.RelationsOfCells()),
        local_(static_cast<size_t>(table.size()), -1),
        in_reach_(static_cast<size_t>(table.size()), false),
        low_(table.values()),
        high_(table.values()) {}

  enum class Verdict { kWide, kNarrow, kUndecided };
  struct Answer {
    Verdict verdict = Verdict::kUndecided;
    Interval interval;  // kNarrow: the outer interval (narrower than min_width, contains the true one)
  };

  // The extremes of `cell` over the witnesses so far (an inner bound of its LP interval).
  Interval Witnessed(int cell) const { return {low_[static_cast<size_t>(cell)], high_[static_cast<size_t>(cell)]}; }
  // Whether the witnesses so far show `cell` wide.
  bool ShownWide(int cell) const {
    return high_[static_cast<size_t>(cell)] - low_[static_cast<size_t>(cell)] >= min_width_ - kWidthTolerance;
  }

  // Decides `cell` with neighbourhoods of 1, 2, … steps, as long as they stay under max_columns.
  Result<Answer> Decide(int cell, int max_steps, size_t max_columns, int64_t& solves) {
    random_.seed(kAuditSeed + static_cast<unsigned>(cell));
    std::vector<int> reach = {cell};  // cells within `steps` steps, in the order found
    in_reach_[static_cast<size_t>(cell)] = true;
    size_t frontier_begin = 0;
    Answer answer;
    for (int steps = 1; steps <= max_steps && answer.verdict == Verdict::kUndecided; ++steps) {
      const size_t frontier_end = reach.size();
      for (size_t f = frontier_begin; f < frontier_end; ++f) {
        for (int r : relations_of_[static_cast<size_t>(reach[f])]) {
          ForEachMember(r, [&](int member) {
            if (!exact_[static_cast<size_t>(member)] && !in_reach_[static_cast<size_t>(member)]) {
              in_reach_[static_cast<size_t>(member)] = true;
              reach.push_back(member);
            }
          });
        }
      }
      frontier_begin = frontier_end;
      if (reach.size() > max_columns) break;
      Result<Answer> step = Solve(cell, reach, solves);
      if (!step.ok()) {
        for (int c : reach) in_reach_[static_cast<size_t>(c)] = false;
        return step.status();
      }
      answer = *step;
      if (frontier_begin == reach.size()) break;  // the whole component is in reach: nothing further
    }
    for (int c : reach) in_reach_[static_cast<size_t>(c)] = false;
    return answer;
  }

 private:
  template <typename F>
  void ForEachMember(int relation, F&& f) const {
    const Relation& r = table_.relations()[static_cast<size_t>(relation)];
    for (int part : r.parts) f(part);
    f(r.total);
  }

  Result<Answer> Solve(int cell, const std::vector<int>& reach, int64_t& solves) {
    // Relations touching the reach; their members not known exactly are the columns, the reach first.
    std::vector<int> relations;
    for (int c : reach) {
      for (int r : relations_of_[static_cast<size_t>(c)]) relations.push_back(r);
    }
    std::sort(relations.begin(), relations.end());
    relations.erase(std::unique(relations.begin(), relations.end()), relations.end());
    std::vector<int> columns = reach;
    for (size_t k = 0; k < columns.size(); ++k) local_[static_cast<size_t>(columns[k])] = static_cast<int>(k);
    for (int r : relations) {
      ForEachMember(r, [&](int member) {
        const size_t m = static_cast<size_t>(member);
        if (!exact_[m] && local_[m] < 0) {
          local_[m] = static_cast<int>(columns.size());
          columns.push_back(member);
        }
      });
    }
    CoinPackedMatrix matrix(false, 0, 0);
    matrix.setDimensions(0, static_cast<int>(columns.size()));
    std::vector<double> rhs;
    for (int r : relations) {
      AppendRelationRow(table_.relations()[static_cast<size_t>(r)], knowledge_, exact_, local_, matrix, rhs);
    }
    const size_t n = columns.size();
    std::vector<double> lower(n), upper(n), objective(n, 0.0);
    for (size_t k = 0; k < n; ++k) {  // inner bounds first
      const size_t c = static_cast<size_t>(columns[k]);
      const double value = table_.value(columns[k]);
      lower[k] = k < reach.size() ? knowledge_[c].lower : value;
      upper[k] = k < reach.size() ? std::min(knowledge_[c].upper, value + 10 * min_width_) : value;
    }
    // The cell, and a little of every other wanted cell of the reach not yet shown wide, with random
    // signs: the optimum stays (nearly) the cell's, and its solution pushes the others apart too.
    objective[0] = 1.0;  // reach[0] is the cell
    for (size_t k = 1; k < reach.size(); ++k) {
      if (wanted_[static_cast<size_t>(reach[k])] && !ShownWide(reach[k]))
        objective[k] = (random_() & 1u) ? 0.01 : -0.01;
    }
    ClpSimplex model;
    model.setLogLevel(0);
    model.loadProblem(matrix, lower.data(), upper.data(), objective.data(), rhs.data(), rhs.data());
    for (int c : columns) local_[static_cast<size_t>(c)] = -1;

    Answer answer;
    auto optimise = [&](double direction) -> Result<std::optional<double>> {
      model.setOptimizationDirection(-direction);
      model.primal();
      ++solves;
      if (model.isProvenOptimal()) return std::optional<double>(model.primalColumnSolution()[0]);
      if (direction > 0 && model.isProvenDualInfeasible()) return std::optional<double>();
      return InternalError(msg::AuditInfeasible(cell, model.status()));
    };
    // Inner: witnesses.
    for (const double direction : {1.0, -1.0}) {
      ASSIGN_OR_RETURN(std::optional<double> optimum, optimise(direction));
      if (!optimum) continue;  // capped: cannot happen, but an unbounded maximum is wide all the same
      const double* solution = model.primalColumnSolution();
      for (size_t k = 0; k < reach.size(); ++k) {
        const size_t c = static_cast<size_t>(reach[k]);
        low_[c] = std::min(low_[c], solution[k]);
        high_[c] = std::max(high_[c], solution[k]);
      }
      if (ShownWide(cell)) {
        answer.verdict = Verdict::kWide;
        return answer;
      }
    }
    // Outer: every column within its own bounds, the cell alone in the objective.
    for (size_t k = 1; k < reach.size(); ++k) model.setObjectiveCoefficient(static_cast<int>(k), 0.0);
    for (size_t k = 0; k < n; ++k) {
      const size_t c = static_cast<size_t>(columns[k]);
      model.setColumnBounds(static_cast<int>(k), ClpBound(knowledge_[c].lower), ClpBound(knowledge_[c].upper));
    }
    ASSIGN_OR_RETURN(std::optional<double> maximum, optimise(1.0));
    if (!maximum) return answer;  // unbounded outer interval: undecided
    ASSIGN_OR_RETURN(std::optional<double> minimum, optimise(-1.0));
    if (*maximum - *minimum < min_width_ - kWidthTolerance) {
      answer.verdict = Verdict::kNarrow;
      answer.interval = {*minimum, *maximum};
    }
    return answer;
  }

  const LinearTable& table_;
  const std::vector<Knowledge>& knowledge_;
  const std::vector<bool>& exact_;
  const std::vector<bool> wanted_;
  const double min_width_;
  const std::vector<std::vector<int>> relations_of_;
  std::vector<int> local_;           // per cell: its column in the LP being built, -1 otherwise
  std::vector<bool> in_reach_;       // per cell: in the reach being grown
  std::vector<double> low_, high_;   // per cell: its extremes over the witnesses so far
  std::mt19937 random_{kAuditSeed};  // reseeded per cell: the same audit, and publication, every run
};
}  // namespace

Result<std::vector<Interval>> AuditCells(const LinearTable& table, const std::vector<Knowledge>& knowledge,
                                         const std::vector<int>& cells) {
  RETURN_IF_ERROR(CheckAuditInput(table, knowledge, cells));
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

namespace {

// The second part of FindNarrowCells for one component: its cells `undecided` (indices into `cells`)
// that the local audit left undecided, audited on the component's whole LP. Writes interval[k] and
// narrow[k] of those cells; adds the LPs it solves to `solves`.
Status AuditOnComponent(const LinearTable& table, const std::vector<Knowledge>& knowledge,
                        const std::vector<bool>& exact, const std::vector<int>& cells, const std::vector<int>& columns,
                        const std::vector<int>& relations, const std::vector<size_t>& undecided, size_t root,
                        double min_width, std::vector<Interval>& interval, std::vector<uint8_t>& narrow,
                        int64_t& solves) {
  Component component(table, knowledge, columns, relations, exact);
  std::unordered_map<int, int> local;  // cell → its column
  local.reserve(component.size());
  for (size_t c = 0; c < component.size(); ++c) local.emplace(component.cell(c), static_cast<int>(c));
  // The smallest and largest value of each column seen in a witness table; the true table first.
  std::vector<double> low(component.size()), high(component.size());
  for (size_t c = 0; c < component.size(); ++c) low[c] = high[c] = table.value(component.cell(c));
  auto record = [&]() {
    for (size_t c = 0; c < component.size(); ++c) {
      low[c] = std::min(low[c], component.Solution(c));
      high[c] = std::max(high[c], component.Solution(c));
    }
  };
  auto wide = [&](int c) {
    return high[static_cast<size_t>(c)] - low[static_cast<size_t>(c)] >= min_width - kWidthTolerance;
  };
  auto open = [&]() {
    std::vector<int> open_columns;
    for (size_t k : undecided) {
      const int c = local.at(cells[k]);
      if (!wide(c)) open_columns.push_back(c);
    }
    std::sort(open_columns.begin(), open_columns.end());
    open_columns.erase(std::unique(open_columns.begin(), open_columns.end()), open_columns.end());
    return open_columns;
  };
  // Witness rounds: push the open cells up and down in a capped problem, first all together, then
  // with random signs (so that cells tied by a fixed total move apart). A fixed seed keeps the
  // audit, and so the publication, the same from run to run.
  component.Cap(10 * min_width);
  std::mt19937 random(kAuditSeed + static_cast<unsigned>(root));
  std::vector<int> uncertified = open();
  int stale = 0;
  for (int round = 0; !uncertified.empty(); ++round) {
    std::vector<double> weights(uncertified.size(), 1.0);
    if (round > 0) {
      for (double& weight : weights) weight = (random() & 1u) ? 1.0 : -1.0;
    }
    for (const double direction : {1.0, -1.0}) {
      Result<std::optional<double>> optimum =
          component.Solve(uncertified, weights, direction, component.cell(static_cast<size_t>(uncertified[0])));
      if (!optimum.ok()) return optimum.status();
      ++solves;
      record();
    }
    std::vector<int> still = open();
    // Each round costs two solves; the exact audit costs at most two per cell.
    stale = uncertified.size() - still.size() < 2 ? stale + 1 : 0;
    uncertified = std::move(still);
    if (stale >= 2) break;
  }
  // What is left: each cell's exact maximum and minimum.
  component.Cap(-1);
  std::vector<Interval> exact_interval(component.size());
  std::vector<bool> settled(component.size(), false);
  for (int c : uncertified) {
    const size_t u = static_cast<size_t>(c);
    if (wide(c)) continue;  // certified by an earlier cell's solutions
    ASSIGN_OR_RETURN(std::optional<double> maximum, component.Solve({c}, 1.0, component.cell(u)));
    ++solves;
    if (!maximum) {
      high[u] = kUnbounded;
      continue;
    }
    record();
    high[u] = *maximum;
    if (wide(c)) continue;
    ASSIGN_OR_RETURN(std::optional<double> minimum, component.Solve({c}, -1.0, component.cell(u)));
    ++solves;
    record();
    low[u] = *minimum;
    high[u] = *maximum;
    exact_interval[u] = {*minimum, *maximum};
    settled[u] = true;
  }
  for (size_t k : undecided) {
    const size_t c = static_cast<size_t>(local.at(cells[k]));
    if (settled[c]) {
      interval[k] = exact_interval[c];
      narrow[k] = !wide(static_cast<int>(c));
    } else {
      interval[k] = {low[c], high[c]};
    }
  }
  return Status::Ok();
}

}  // namespace

Result<WidthAudit> FindNarrowCells(const LinearTable& table, const std::vector<Knowledge>& knowledge,
                                   const std::vector<int>& cells, double min_width, LocalReach reach, int threads) {
  RETURN_IF_ERROR(CheckAuditInput(table, knowledge, cells));
  const size_t n = static_cast<size_t>(table.size());
  WidthAudit audit;
  audit.interval.assign(cells.size(), Interval{});
  std::vector<uint8_t> narrow(cells.size(), 0);  // bytes, not bits: workers write their own cells'

  // Cells known exactly are constants; the others are tied into components by the relations.
  std::vector<bool> exact(n);
  for (size_t i = 0; i < n; ++i) exact[i] = knowledge[i].lower == knowledge[i].upper;
  std::vector<int> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  std::vector<int> relation_anchor(table.relations().size(), -1);  // a variable cell of each relation
  for (size_t r = 0; r < table.relations().size(); ++r) {
    const Relation& relation = table.relations()[r];
    std::vector<int> members = relation.parts;
    members.push_back(relation.total);
    for (int member : members) {
      if (exact[static_cast<size_t>(member)]) continue;
      if (relation_anchor[r] < 0) {
        relation_anchor[r] = member;
      } else {
        parent[static_cast<size_t>(FindRoot(parent, member))] = FindRoot(parent, relation_anchor[r]);
      }
    }
  }
  // Exact cells are answered at once; the others are audited per component (by root).
  std::vector<bool> wanted(n, false);
  for (int cell : cells) wanted[static_cast<size_t>(cell)] = true;
  std::vector<std::vector<size_t>> audited_of(n);  // by root: indices into `cells`
  std::vector<size_t> roots;
  for (size_t k = 0; k < cells.size(); ++k) {
    const size_t cell = static_cast<size_t>(cells[k]);
    if (exact[cell]) {
      audit.interval[k] = {knowledge[cell].lower, knowledge[cell].upper};
      narrow[k] = min_width > 0;
      continue;
    }
    const size_t root = static_cast<size_t>(FindRoot(parent, cells[k]));
    if (audited_of[root].empty()) roots.push_back(root);
    audited_of[root].push_back(k);
  }
  std::vector<std::vector<int>> columns_of(n), relations_of(n);
  for (size_t i = 0; i < n; ++i) {
    if (!exact[i]) {
      const size_t root = static_cast<size_t>(FindRoot(parent, static_cast<int>(i)));
      if (!audited_of[root].empty()) columns_of[root].push_back(static_cast<int>(i));
    }
  }
  for (size_t r = 0; r < table.relations().size(); ++r) {
    if (relation_anchor[r] < 0) continue;  // only constants: nothing to learn from it
    const size_t root = static_cast<size_t>(FindRoot(parent, relation_anchor[r]));
    if (!audited_of[root].empty()) relations_of[root].push_back(static_cast<int>(r));
  }
  // Largest components first, so that the workers finish together.
  std::stable_sort(roots.begin(), roots.end(),
                   [&](size_t a, size_t b) { return audited_of[a].size() > audited_of[b].size(); });

  // Components are independent (no relation joins two, and each cell's LPs and witnesses stay in its
  // own), and every cell's random signs are seeded by the cell: each worker takes the next component,
  // and the answer does not depend on how many workers there are or which took what.
  const size_t hardware = std::max(1u, std::thread::hardware_concurrency());
  const size_t workers =
      std::max<size_t>(1, std::min(threads > 0 ? static_cast<size_t>(threads) : hardware, roots.size()));
  std::atomic<size_t> next{0};
  std::vector<Status> errors(workers, Status::Ok());
  std::vector<int64_t> solves(workers, 0), decided(workers, 0);
  auto work = [&](size_t w) {
    LocalAudit local(table, knowledge, exact, wanted, min_width);
    for (size_t i = next++; i < roots.size(); i = next++) {
      const size_t root = roots[i];
      std::vector<size_t> undecided;  // what the local audit leaves to the whole component
      for (size_t k : audited_of[root]) {
        if (!local.ShownWide(cells[k])) {
          Result<LocalAudit::Answer> answer = local.Decide(cells[k], reach.steps, reach.columns, solves[w]);
          if (!answer.ok()) {
            errors[w] = answer.status();
            next = roots.size();
            return;
          }
          if (answer->verdict != LocalAudit::Verdict::kUndecided) ++decided[w];
          if (answer->verdict == LocalAudit::Verdict::kNarrow) {
            narrow[k] = 1;
            audit.interval[k] = answer->interval;
            continue;
          }
          if (answer->verdict == LocalAudit::Verdict::kUndecided) {
            undecided.push_back(k);
            continue;
          }
        }
        audit.interval[k] = local.Witnessed(cells[k]);
      }
      if (undecided.empty()) continue;
      Status status = AuditOnComponent(table, knowledge, exact, cells, columns_of[root], relations_of[root], undecided,
                                       root, min_width, audit.interval, narrow, solves[w]);
      if (!status.ok()) {
        errors[w] = std::move(status);
        next = roots.size();
        return;
      }
    }
  };
  if (workers == 1) {
    work(0);
  } else {
    std::vector<std::thread> pool;
    for (size_t w = 0; w < workers; ++w) pool.emplace_back(work, w);
    for (std::thread& t : pool) t.join();
  }
  for (const Status& status : errors) RETURN_IF_ERROR(status);
  for (size_t w = 0; w < workers; ++w) {
    audit.solves += solves[w];
    audit.decided_locally += decided[w];
  }
  audit.narrow.assign(narrow.begin(), narrow.end());
  return audit;
}

}  // namespace sz::disclosure
