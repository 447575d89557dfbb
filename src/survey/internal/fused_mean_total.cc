#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <unordered_map>

#include "rmath/distributions.h"
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

  // One pass over the rows in blocks (so each block of every column is read from cache the second time):
  //  1. drop rows with a missing value in any variable (na.rm = TRUE);
  //  2. give each (domain, cluster) pair a slot, in order of appearance; sum Ŵ, n and Σw per slot;
  //  3. add w·x of every term to its slot (term-major: [term][slot]).
  // A mean's slot total of influence values is (Σ_slot w·x − μ̂_d Σ_slot w)/Ŵ_d (svymean's z = w(x − μ̂)/Ŵ).
  const Design::Stage& st = design.stages()[0];
  const size_t num_clusters = st.stratum_of_cluster.size();
  const bool dense_keys = static_cast<double>(num_clusters) * num_domains <= (1 << 23);
  std::vector<int> dense_slot(dense_keys ? num_clusters * num_domains : 0, -1);
  std::unordered_map<long long, int> sparse_slot;
  std::vector<int> slot_domain, slot_cluster;
  std::vector<char> slot_weighted;
  std::vector<double> slot_weight;  // Σ w per slot
  std::vector<double> wsum(num_domains, 0.0);
  std::vector<long> nonzero(num_domains, 0);
  std::vector<std::vector<double>> term_totals(p);  // [term][slot], grown with the slots
  constexpr size_t kBlock = 2048;
  std::vector<int> block_slot(kBlock);
  for (size_t block = 0; block < num_rows; block += kBlock) {
    const size_t block_end = std::min(num_rows, block + kBlock);
    int* slots = block_slot.data() - block;  // slots[row] for rows of this block
    for (size_t row = block; row < block_end; ++row) slots[row] = domain_of_row[row];  // domain for now
    for (const Variable* variable : columns) {
      if (variable->categorical) {
        const int* codes = variable->codes.data();
        for (size_t row = block; row < block_end; ++row) {
          if (codes[row] < 0) slots[row] = -1;
        }
      } else {
        const double* values = variable->values.data();
        for (size_t row = block; row < block_end; ++row) {
          if (values[row] != values[row]) slots[row] = -1;
        }
      }
    }
    for (size_t row = block; row < block_end; ++row) {
      const int d = slots[row];
      if (d < 0) continue;
      const int cluster = st.cluster_of_row[row];
      const long long key = static_cast<long long>(d) * num_clusters + cluster;
      int slot;
      int* known = dense_keys ? &dense_slot[key] : nullptr;
      if (known && *known >= 0) {
        slot = *known;
      } else {
        slot = static_cast<int>(slot_domain.size());
        bool fresh = true;
        if (!known) {
          auto [it, inserted] = sparse_slot.emplace(key, slot);
          fresh = inserted;
          slot = it->second;
        } else {
          *known = slot;
        }
        if (fresh) {
          slot_domain.push_back(d);
          slot_cluster.push_back(cluster);
          slot_weighted.push_back(0);
          slot_weight.push_back(0.0);
          for (auto& totals : term_totals) totals.push_back(0.0);
        }
      }
      slots[row] = slot;
      wsum[d] += w[row];
      slot_weight[slot] += w[row];
      if (w[row] != 0) {
        ++nonzero[d];
        slot_weighted[slot] = 1;
      }
    }
    for (int t = 0; t < p; ++t) {
      const Term& term = terms[t];
      double* totals = term_totals[t].data();
      if (term.level < 0) {
        const double* values = term.variable->values.data();
        for (size_t row = block; row < block_end; ++row) {
          const int slot = slots[row];
          if (slot >= 0) totals[slot] += values[row] * w[row];
        }
      } else {
        const int* codes = term.variable->codes.data();
        const int level = term.level;
        for (size_t row = block; row < block_end; ++row) {
          const int slot = slots[row];
          if (slot >= 0 && codes[row] == level) totals[slot] += w[row];
        }
      }
    }
  }
  const size_t num_slots = slot_domain.size();

  // Estimates per domain and term; centred slot totals for means.
  std::vector<double> estimate(static_cast<size_t>(num_domains) * p, 0.0);
  for (int t = 0; t < p; ++t) {
    std::vector<double>& totals = term_totals[t];
    for (size_t slot = 0; slot < num_slots; ++slot)
      estimate[static_cast<size_t>(slot_domain[slot]) * p + t] += totals[slot];
    for (int d = 0; d < num_domains; ++d) {
      if (kind == MeanOrTotalKind::kMean) estimate[static_cast<size_t>(d) * p + t] /= wsum[d];
    }
    for (size_t slot = 0; slot < num_slots; ++slot) {
      const int d = slot_domain[slot];
      if (kind == MeanOrTotalKind::kMean) {
        totals[slot] = (totals[slot] - estimate[static_cast<size_t>(d) * p + t] * slot_weight[slot]) / wsum[d];
      }
    }
  }
  // svyvar for deff: n/(n−1) Σ w (x − x̄_w)² / Ŵ (a second pass, only when asked).
  std::vector<double> srs(options.deff ? estimate.size() : 0);
  if (options.deff) {
    std::vector<double> squares(num_domains);
    std::vector<int> domain(domain_of_row);
    for (const Variable* variable : columns) {
      for (size_t row = 0; row < num_rows; ++row) {
        if (domain[row] >= 0 && variable->IsMissing(row)) domain[row] = -1;
      }
    }
    for (int t = 0; t < p; ++t) {
      std::fill(squares.begin(), squares.end(), 0.0);
      for (size_t row = 0; row < num_rows; ++row) {
        const int d = domain[row];
        if (d < 0) continue;
        const double mu = kind == MeanOrTotalKind::kMean ? estimate[static_cast<size_t>(d) * p + t]
                                                         : estimate[static_cast<size_t>(d) * p + t] / wsum[d];
        const double dev = terms[t].Value(row) - mu;
        squares[d] += w[row] * dev * dev;
      }
      for (int d = 0; d < num_domains; ++d) {
        const double n = static_cast<double>(nonzero[d]);
        srs[static_cast<size_t>(d) * p + t] = squares[d] / wsum[d] * n / (n - 1);
      }
    }
  }

  // Slots in design order (domain, stratum, cluster code — the order of design_order()), and degf per domain.
  std::vector<int> order(num_slots);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    if (slot_domain[a] != slot_domain[b]) return slot_domain[a] < slot_domain[b];
    const int sa = st.stratum_of_cluster[slot_cluster[a]], sb = st.stratum_of_cluster[slot_cluster[b]];
    if (sa != sb) return sa < sb;
    return slot_cluster[a] < slot_cluster[b];
  });
  std::vector<long> df_clusters(num_domains, 0), df_strata(num_domains, 0);
  std::vector<int> last_stratum(num_domains, -1);
  std::vector<ClusterTotals> clusters(num_domains);
  for (int slot : order) {
    const int d = slot_domain[slot];
    const int stratum = st.stratum_of_cluster[slot_cluster[slot]];
    ClusterTotals& list = clusters[d];
    list.strata.push_back(stratum);
    for (int t = 0; t < p; ++t) list.totals.push_back(term_totals[t][slot]);
    if (!slot_weighted[slot]) continue;
    ++df_clusters[d];
    if (stratum != last_stratum[d]) ++df_strata[d];
    last_stratum[d] = stratum;
  }
  const double zcrit = rmath::QNorm(1 - (1 - options.level) / 2);
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
