#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <unordered_map>

#include "survey/internal/distributions.h"
#include "survey/internal/mean_total.h"
#include "survey/internal/variance.h"

namespace sz::survey::internal {
namespace {

// One term of the model matrix: a numeric column, or level `level` of a categorical one.
struct Term {
  const Variable* variable;
  int level;  // −1 for numeric
  double Value(size_t row) const {
    return level < 0 ? variable->values[row] : static_cast<double>(variable->codes[row] == level);
  }
};

}  // namespace

Result<std::vector<std::vector<Estimate>>> FusedMeanOrTotal(MeanOrTotalKind kind, const Design& design,
                                                            const SurveyFrame& frame,
                                                            const std::vector<std::string>& variables,
                                                            const std::vector<int>& domain_of_row, int num_domains,
                                                            const EstimateOptions& options) {
  std::vector<Term> terms;
  std::vector<std::string> names;
  std::vector<const Variable*> columns;
  for (const auto& name : variables) {
    ASSIGN_OR_RETURN(const Variable* variable, frame.Find(name));
    columns.push_back(variable);
    if (variable->categorical) {
      for (size_t level = 0; level < variable->levels.size(); ++level) {
        terms.push_back(Term{variable, static_cast<int>(level)});
        names.push_back(name + variable->levels[level]);
      }
    } else {
      terms.push_back(Term{variable, -1});
      names.push_back(name);
    }
  }
  const int p = static_cast<int>(terms.size());
  const std::vector<double>& w = design.weights();
  const size_t num_rows = design.num_rows();

  // The rows used: in a domain, no missing value in any variable (na.rm = TRUE).
  std::vector<int> domain(domain_of_row);
  for (const Variable* variable : columns) {
    for (size_t row = 0; row < num_rows; ++row) {
      if (domain[row] >= 0 && variable->IsMissing(row)) domain[row] = -1;
    }
  }

  // Number the (domain, cluster) slots in data order, then renumber them in design order (domain, stratum,
  // cluster code — the order of design_order()), which the stratum step needs. Also n, Ŵ and degf per domain.
  const Design::Stage& st = design.stages()[0];
  const size_t num_clusters = st.stratum_of_cluster.size();
  const bool dense_keys = static_cast<double>(num_clusters) * num_domains <= (1 << 23);
  std::vector<int> dense_slot(dense_keys ? num_clusters * num_domains : 0, -1);
  std::unordered_map<long long, int> sparse_slot;
  std::vector<int> slot_of_row(num_rows, -1);
  std::vector<int> slot_domain, slot_cluster;
  std::vector<char> slot_weighted;
  std::vector<double> wsum(num_domains, 0.0);
  std::vector<long> nonzero(num_domains, 0);
  for (size_t row = 0; row < num_rows; ++row) {
    const int d = domain[row];
    if (d < 0) continue;
    const int cluster = st.cluster_of_row[row];
    const long long key = static_cast<long long>(d) * num_clusters + cluster;
    int slot;
    if (dense_keys) {
      int& known = dense_slot[key];
      if (known < 0) {
        known = static_cast<int>(slot_domain.size());
        slot_domain.push_back(d);
        slot_cluster.push_back(cluster);
        slot_weighted.push_back(0);
      }
      slot = known;
    } else {
      auto [it, inserted] = sparse_slot.emplace(key, static_cast<int>(slot_domain.size()));
      if (inserted) {
        slot_domain.push_back(d);
        slot_cluster.push_back(cluster);
        slot_weighted.push_back(0);
      }
      slot = it->second;
    }
    slot_of_row[row] = slot;
    wsum[d] += w[row];
    if (w[row] != 0) {
      ++nonzero[d];
      slot_weighted[slot] = 1;
    }
  }
  {
    std::vector<int> order(slot_domain.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
      if (slot_domain[a] != slot_domain[b]) return slot_domain[a] < slot_domain[b];
      const int sa = st.stratum_of_cluster[slot_cluster[a]], sb = st.stratum_of_cluster[slot_cluster[b]];
      if (sa != sb) return sa < sb;
      return slot_cluster[a] < slot_cluster[b];
    });
    std::vector<int> new_index(order.size());
    for (size_t k = 0; k < order.size(); ++k) new_index[order[k]] = static_cast<int>(k);
    for (int& slot : slot_of_row) {
      if (slot >= 0) slot = new_index[slot];
    }
    std::vector<int> domains_sorted(order.size()), clusters_sorted(order.size());
    std::vector<char> weighted_sorted(order.size());
    for (size_t k = 0; k < order.size(); ++k) {
      domains_sorted[k] = slot_domain[order[k]];
      clusters_sorted[k] = slot_cluster[order[k]];
      weighted_sorted[k] = slot_weighted[order[k]];
    }
    slot_domain.swap(domains_sorted);
    slot_cluster.swap(clusters_sorted);
    slot_weighted.swap(weighted_sorted);
  }
  std::vector<int> slot_stratum(slot_domain.size());
  std::vector<long> df_clusters(num_domains, 0), df_strata(num_domains, 0);
  std::vector<int> last_stratum(num_domains, -1);
  for (size_t slot = 0; slot < slot_domain.size(); ++slot) {
    slot_stratum[slot] = st.stratum_of_cluster[slot_cluster[slot]];
    if (!slot_weighted[slot]) continue;
    const int d = slot_domain[slot];
    ++df_clusters[d];
    if (slot_stratum[slot] != last_stratum[d]) ++df_strata[d];
    last_stratum[d] = slot_stratum[slot];
  }
  const size_t num_slots = slot_domain.size();

  // Per term, one sequential pass over the rows: Σ x·s per slot, with s = w/Ŵ_d for means and w for totals.
  // A mean's slot total of influence values is then Σ_slot x·s − μ̂_d Σ_slot s (svymean's z = w(x − μ̂)/Ŵ summed).
  std::vector<double> scale(num_rows, 0.0), slot_scale(num_slots, 0.0);
  for (size_t row = 0; row < num_rows; ++row) {
    const int d = domain[row];
    if (d < 0) continue;
    scale[row] = kind == MeanOrTotalKind::kMean ? w[row] / wsum[d] : w[row];
    slot_scale[slot_of_row[row]] += scale[row];
  }
  std::vector<double> estimate(static_cast<size_t>(num_domains) * p), srs(options.deff ? estimate.size() : 0);
  std::vector<double> slot_totals(num_slots * p, 0.0);  // term-major: [term][slot]
  std::vector<double> squares(num_domains);
  for (int t = 0; t < p; ++t) {
    const Term& term = terms[t];
    double* totals = &slot_totals[static_cast<size_t>(t) * num_slots];
    if (term.level < 0) {
      const double* values = term.variable->values.data();
      for (size_t row = 0; row < num_rows; ++row) {
        const int slot = slot_of_row[row];
        if (slot >= 0) totals[slot] += values[row] * scale[row];
      }
    } else {
      const int* codes = term.variable->codes.data();
      const int level = term.level;
      for (size_t row = 0; row < num_rows; ++row) {
        const int slot = slot_of_row[row];
        if (slot >= 0 && codes[row] == level) totals[slot] += scale[row];
      }
    }
    // Domain estimates, then centre the slot totals of means.
    for (size_t slot = 0; slot < num_slots; ++slot) estimate[static_cast<size_t>(slot_domain[slot]) * p + t] += totals[slot];
    if (kind == MeanOrTotalKind::kMean) {
      for (size_t slot = 0; slot < num_slots; ++slot) {
        totals[slot] -= estimate[static_cast<size_t>(slot_domain[slot]) * p + t] * slot_scale[slot];
      }
    }
    if (options.deff) {  // svyvar: n/(n−1) Σ w (x − μ̂)² / Ŵ
      std::fill(squares.begin(), squares.end(), 0.0);
      for (size_t row = 0; row < num_rows; ++row) {
        const int d = domain[row];
        if (d < 0) continue;
        const double mu = kind == MeanOrTotalKind::kMean ? estimate[static_cast<size_t>(d) * p + t]
                                                         : estimate[static_cast<size_t>(d) * p + t] / wsum[d];
        const double dev = term.Value(row) - mu;
        squares[d] += w[row] * dev * dev;
      }
      for (int d = 0; d < num_domains; ++d) {
        const double n = static_cast<double>(nonzero[d]);
        srs[static_cast<size_t>(d) * p + t] = squares[d] / wsum[d] * n / (n - 1);
      }
    }
  }

  // Per domain: its cluster totals in design order, then the stratum sums.
  std::vector<ClusterTotals> clusters(num_domains);
  for (size_t slot = 0; slot < num_slots; ++slot) {
    ClusterTotals& list = clusters[slot_domain[slot]];
    list.strata.push_back(slot_stratum[slot]);
    for (int t = 0; t < p; ++t) list.totals.push_back(slot_totals[static_cast<size_t>(t) * num_slots + slot]);
  }
  const double zcrit = QNorm(1 - (1 - options.level) / 2);
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  std::vector<std::vector<Estimate>> out(num_domains);
  std::vector<double> v(static_cast<size_t>(p) * p);
  for (int d = 0; d < num_domains; ++d) {
    std::fill(v.begin(), v.end(), 0.0);
    RETURN_IF_ERROR(AddStageFromTotals(design, 0, clusters[d], p, v));
    const double n = static_cast<double>(nonzero[d]);
    const double W = wsum[d];
    out[d].resize(p);
    for (int t = 0; t < p; ++t) {
      Estimate& e = out[d][t];
      e.term = names[t];
      e.estimate = estimate[static_cast<size_t>(d) * p + t];
      e.se = std::sqrt(v[t * p + t]);
      e.ci_low = e.estimate - zcrit * e.se;
      e.ci_high = e.estimate + zcrit * e.se;
      e.n = nonzero[d];
      e.df = static_cast<double>(df_clusters[d] - df_strata[d]);
      e.deff = kNaN;
      if (options.deff) {
        const double s2 = srs[static_cast<size_t>(d) * p + t];
        const double fpc_srs = (W - n) / (W * n);
        e.deff = kind == MeanOrTotalKind::kMean ? (W < n ? kNaN : v[t * p + t] / (s2 * fpc_srs))
                                                : v[t * p + t] / (s2 * W * W * fpc_srs);
      }
    }
  }
  return out;
}

}  // namespace sz::survey::internal
