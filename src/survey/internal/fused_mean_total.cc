#include <cmath>
#include <limits>

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

  // Walk in design order: number the (domain, cluster) slots, count n and degf, sum weights.
  const Design::Stage& st = design.stages()[0];
  std::vector<int> slot_of_row(num_rows, -1);
  std::vector<int> slot_domain, slot_stratum;
  std::vector<int> last_slot_cluster(num_domains, -1), current_slot(num_domains, -1);
  std::vector<double> wsum(num_domains, 0.0);
  std::vector<long> nonzero(num_domains, 0), df_clusters(num_domains, 0), df_strata(num_domains, 0);
  std::vector<int> last_cluster(num_domains, -1), last_stratum(num_domains, -1);
  for (int row : design.design_order()) {
    const int d = domain[row];
    if (d < 0) continue;
    const int cluster = st.cluster_of_row[row];
    const int stratum = st.stratum_of_cluster[cluster];
    if (cluster != last_slot_cluster[d]) {
      last_slot_cluster[d] = cluster;
      current_slot[d] = static_cast<int>(slot_domain.size());
      slot_domain.push_back(d);
      slot_stratum.push_back(stratum);
    }
    slot_of_row[row] = current_slot[d];
    wsum[d] += w[row];
    if (w[row] != 0) {
      ++nonzero[d];
      if (cluster != last_cluster[d]) ++df_clusters[d];
      if (stratum != last_stratum[d]) ++df_strata[d];
      last_cluster[d] = cluster;
      last_stratum[d] = stratum;
    }
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
