#include "survey/domains.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <numeric>
#include <unordered_map>

#include "survey/internal/mean_total.h"
#include "survey/messages.h"

namespace sz::survey {
namespace {

struct ByColumn {
  std::vector<int> codes;  // -1 missing
  std::vector<std::string> levels;
};

ByColumn Factor(const Variable& variable) {
  if (variable.categorical) return ByColumn{variable.codes, variable.levels};
  // Distinct values in order of appearance, then sorted (R sorts a numeric factor's levels by value).
  std::unordered_map<double, int> first_code;
  std::vector<std::pair<double, size_t>> distinct;  // value, first row
  std::vector<int> codes(variable.values.size(), -1);
  for (size_t row = 0; row < variable.values.size(); ++row) {
    if (variable.IsMissing(row)) continue;
    auto [it, inserted] = first_code.emplace(variable.values[row], static_cast<int>(distinct.size()));
    if (inserted) distinct.emplace_back(variable.values[row], row);
    codes[row] = it->second;
  }
  std::vector<int> order(distinct.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int a, int b) { return distinct[a].first < distinct[b].first; });
  std::vector<int> rank(distinct.size());
  ByColumn column;
  for (size_t k = 0; k < order.size(); ++k) {
    rank[order[k]] = static_cast<int>(k);
    const size_t row = distinct[order[k]].second;
    if (row < variable.text.size()) {
      column.levels.push_back(variable.text[row]);
    } else {
      char buffer[64];
      std::snprintf(buffer, sizeof buffer, "%.15g", variable.values[row]);
      column.levels.push_back(buffer);
    }
  }
  for (int& code : codes) {
    if (code >= 0) code = rank[code];
  }
  column.codes = std::move(codes);
  return column;
}

}  // namespace

Result<DomainSet> MakeDomains(const Design& design, const SurveyFrame& frame, const std::vector<std::string>& by,
                              bool list_rows) {
  DomainSet set;
  set.by = by;
  if (by.empty()) {
    set.keys.emplace_back();
    set.domains.push_back(list_rows ? WholeSample(design) : Domain{});
    set.domain_of_row.assign(design.num_rows(), 0);
    return set;
  }
  std::vector<ByColumn> columns;
  for (const auto& name : by) {
    ASSIGN_OR_RETURN(const Variable* variable, frame.Find(name));
    columns.push_back(Factor(*variable));
  }
  const size_t num_rows = design.num_rows();
  // Mixed-radix key with the first by-column fastest: numeric order = order of interaction() levels.
  std::vector<long long> key(num_rows, -1);
  for (size_t row = 0; row < num_rows; ++row) {
    long long value = 0, radix = 1;
    bool missing = false;
    for (const auto& column : columns) {
      if (column.codes[row] < 0) {
        missing = true;
        break;
      }
      value += column.codes[row] * radix;
      radix *= static_cast<long long>(column.levels.size());
    }
    if (!missing) key[row] = value;
  }
  long long key_space = 1;
  for (const auto& column : columns) key_space *= std::max<long long>(1, column.levels.size());
  std::vector<long long> present;
  if (key_space <= (1 << 24)) {
    std::vector<char> seen(key_space, 0);
    for (size_t row = 0; row < num_rows; ++row) {
      if (key[row] >= 0 && design.weights()[row] != 0) seen[key[row]] = 1;
    }
    for (long long k = 0; k < key_space; ++k) {
      if (seen[k]) present.push_back(k);
    }
  } else {
    for (size_t row = 0; row < num_rows; ++row) {
      if (key[row] >= 0 && design.weights()[row] != 0) present.push_back(key[row]);
    }
    std::sort(present.begin(), present.end());
    present.erase(std::unique(present.begin(), present.end()), present.end());
  }
  std::unordered_map<long long, int> domain_of_key;
  std::vector<int> dense_domain_of_key(key_space <= (1 << 24) ? key_space : 0, -1);
  for (size_t d = 0; d < present.size(); ++d) {
    domain_of_key[present[d]] = static_cast<int>(d);
    if (!dense_domain_of_key.empty()) dense_domain_of_key[present[d]] = static_cast<int>(d);
    std::vector<std::string> labels;
    long long rest = present[d];
    for (const auto& column : columns) {
      const long long levels = static_cast<long long>(column.levels.size());
      labels.push_back(column.levels[rest % levels]);
      rest /= levels;
    }
    set.keys.push_back(std::move(labels));
  }
  set.domain_of_row.assign(num_rows, -1);
  for (size_t row = 0; row < num_rows; ++row) {
    if (key[row] < 0) continue;
    if (!dense_domain_of_key.empty()) {
      set.domain_of_row[row] = dense_domain_of_key[key[row]];
    } else {
      auto it = domain_of_key.find(key[row]);
      if (it != domain_of_key.end()) set.domain_of_row[row] = it->second;
    }
  }
  set.domains.resize(present.size());
  if (list_rows) {
    for (int row : design.design_order()) {
      if (set.domain_of_row[row] >= 0) set.domains[set.domain_of_row[row]].rows.push_back(row);
    }
  }
  return set;
}

Result<std::vector<Estimate>> EstimateDomain(const Design& design, const SurveyFrame& frame,
                                             const AnalysisRequest& request, const Domain& domain) {
  const auto& vars = request.variables;
  auto need = [&](size_t count, const char* what) -> Status {
    if (vars.size() != count) return InvalidArgumentError(msg::VariableCount(what, count, vars.size()));
    return Status::Ok();
  };
  switch (request.statistic) {
    case Statistic::kMean:
      if (vars.empty()) return InvalidArgumentError(msg::NeedsAVariable("--mean"));
      return SvyMean(design, frame, vars, domain, request.options);
    case Statistic::kTotal:
      if (vars.empty()) return InvalidArgumentError(msg::NeedsAVariable("--total"));
      return SvyTotal(design, frame, vars, domain, request.options);
    case Statistic::kRatio: {
      RETURN_IF_ERROR(need(2, "--ratio"));
      ASSIGN_OR_RETURN(Estimate e, SvyRatio(design, frame, vars[0], vars[1], domain, request.options));
      return std::vector<Estimate>{e};
    }
    case Statistic::kCiProp: {
      RETURN_IF_ERROR(need(1, "--ciprop"));
      ASSIGN_OR_RETURN(Estimate e, SvyCiProp(design, frame, vars[0], request.ci_method, domain, request.options));
      return std::vector<Estimate>{e};
    }
    case Statistic::kQuantile: {
      RETURN_IF_ERROR(need(1, "--quantile"));
      ASSIGN_OR_RETURN(Estimate e, SvyQuantile(design, frame, vars[0], request.quantile, domain, request.options));
      return std::vector<Estimate>{e};
    }
  }
  return InternalError(msg::UnknownStatistic());
}

Result<std::vector<DomainEstimate>> SvyBy(const Design& design, const SurveyFrame& frame,
                                          const AnalysisRequest& request) {
  // Means and totals over domains of a one-stage, uncalibrated design: all domains in one pass per column.
  const bool fused = (request.statistic == Statistic::kMean || request.statistic == Statistic::kTotal) &&
                     !request.variables.empty() && !request.by.empty() && design.calibrations().empty() &&
                     design.variance_stages() == 1;
  ASSIGN_OR_RETURN(DomainSet set, MakeDomains(design, frame, request.by, !fused));
  std::vector<DomainEstimate> out;
  if (fused) {
    const std::vector<int>& domain_of_row = set.domain_of_row;
    const auto kind =
        request.statistic == Statistic::kMean ? internal::MeanOrTotalKind::kMean : internal::MeanOrTotalKind::kTotal;
    auto all = internal::FusedMeanOrTotal(kind, design, frame, request.variables, domain_of_row,
                                          static_cast<int>(set.domains.size()), request.options);
    if (!all.ok()) return all.status();
    for (size_t d = 0; d < set.domains.size(); ++d) {
      for (auto& e : (*all)[d]) out.push_back(DomainEstimate{set.keys[d], std::move(e)});
    }
    return out;
  }
  for (size_t d = 0; d < set.domains.size(); ++d) {
    auto estimates = EstimateDomain(design, frame, request, set.domains[d]);
    if (!estimates.ok()) {
      if (request.by.empty()) return estimates.status();
      return estimates.status().WithContext(msg::InDomain(set.by, set.keys[d]));
    }
    for (auto& e : *estimates) out.push_back(DomainEstimate{set.keys[d], std::move(e)});
  }
  return out;
}

}  // namespace sz::survey
