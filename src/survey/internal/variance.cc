#include "survey/internal/variance.h"

#include "survey/internal/calibration_step.h"

#include <cmath>
#include <limits>

namespace sz::survey::internal {
namespace {

class VarianceWalker {
 public:
  VarianceWalker(const Design& design, const std::vector<int>& rows, const std::vector<double>& z, int p)
      : design_(design), rows_(rows), z_(z), p_(p) {}

  // Adds the variance of stage `stage` (and the stages below it) over positions [begin, end) to `out`.
  Status AddStage(int stage, size_t begin, size_t end, std::vector<double>& out) {
    const Design::Stage& st = design_.stages()[stage];
    const int p = p_;
    std::vector<double> stage_var(p * p, 0.0);
    std::vector<double> totals;                          // cluster totals of the current stratum, m × p
    std::vector<std::pair<size_t, size_t>> clusters;     // their position ranges
    std::vector<std::pair<size_t, size_t>> all_clusters;  // for the later stages
    std::vector<int> all_cluster_strata;
    std::vector<double> mean(p);
    int strata_present = 0, strata_skipped = 0;
    size_t pos = begin;
    while (pos < end) {
      const int stratum = st.stratum_of_cluster[st.cluster_of_row[rows_[pos]]];
      totals.clear();
      clusters.clear();
      while (pos < end && st.stratum_of_cluster[st.cluster_of_row[rows_[pos]]] == stratum) {
        const int cluster = st.cluster_of_row[rows_[pos]];
        const size_t cluster_begin = pos;
        const size_t offset = totals.size();
        totals.resize(offset + p, 0.0);
        while (pos < end && st.cluster_of_row[rows_[pos]] == cluster) {
          const double* zrow = &z_[pos * p];
          for (int col = 0; col < p; ++col) totals[offset + col] += zrow[col];
          ++pos;
        }
        clusters.emplace_back(cluster_begin, pos);
        all_clusters.emplace_back(cluster_begin, pos);
        all_cluster_strata.push_back(stratum);
      }
      ++strata_present;
      const double n = st.sampled_in_stratum[stratum];
      const double population = st.population_in_stratum[stratum];
      const double f = std::isinf(population) ? 1.0 : (population - n) / population;
      const size_t m = clusters.size();
      if (f < 1e-7) continue;  // census stratum
      if (n == 1) {
        switch (design_.lonely_psu()) {
          case LonelyPsu::kFail:
            return DataError("Stratum (" + st.stratum_labels[stratum] + ") has only one PSU at stage " +
                             std::to_string(stage + 1) + " (choose --lonely-psu remove, certainty, adjust or average)");
          case LonelyPsu::kRemove:
          case LonelyPsu::kCertainty: break;  // the centred single total is 0
          case LonelyPsu::kAdjust:            // survey 4.1-1: not centred, no n/(n−1)
            AddOuter(stage_var, &totals[0], &totals[0], f);
            break;
          case LonelyPsu::kAverage: ++strata_skipped; break;
        }
        continue;
      }
      for (int col = 0; col < p; ++col) {
        double sum = 0;
        for (size_t k = 0; k < m; ++k) sum += totals[k * p + col];
        mean[col] = sum / n;  // padded with n − m zero totals
      }
      const double scale = f * n / (n - 1);
      for (size_t k = 0; k < m; ++k) {
        for (int col = 0; col < p; ++col) totals[k * p + col] -= mean[col];
        AddOuter(stage_var, &totals[k * p], &totals[k * p], scale);
      }
      if (n > m) AddOuter(stage_var, mean.data(), mean.data(), scale * (n - m));
    }
    if (strata_skipped > 0) {
      const int strata_ok = strata_present - strata_skipped;
      const double factor = strata_ok > 0 ? static_cast<double>(strata_present) / strata_ok
                                          : std::numeric_limits<double>::quiet_NaN();
      for (double& value : stage_var) value *= factor;
    }
    for (int idx = 0; idx < p * p; ++idx) out[idx] += stage_var[idx];

    if (stage + 1 < design_.variance_stages()) {
      std::vector<double> sub(p * p);
      for (size_t k = 0; k < all_clusters.size(); ++k) {
        std::fill(sub.begin(), sub.end(), 0.0);
        RETURN_IF_ERROR(AddStage(stage + 1, all_clusters[k].first, all_clusters[k].second, sub));
        const int stratum = all_cluster_strata[k];
        const double factor = st.sampled_in_stratum[stratum] / st.population_in_stratum[stratum];
        for (int idx = 0; idx < p * p; ++idx) out[idx] += sub[idx] * factor;
      }
    }
    return Status::Ok();
  }

 private:
  void AddOuter(std::vector<double>& out, const double* a, const double* b, double scale) const {
    for (int row = 0; row < p_; ++row) {
      const double ar = a[row] * scale;
      for (int col = 0; col < p_; ++col) out[row * p_ + col] += ar * b[col];
    }
  }

  const Design& design_;
  const std::vector<int>& rows_;
  const std::vector<double>& z_;
  int p_;
};

}  // namespace

Result<std::vector<double>> LinearisationVariance(const Design& design, const std::vector<int>& rows,
                                                  const std::vector<double>& z, int p) {
  std::vector<double> out(p * p, 0.0);
  if (rows.empty()) return out;
  if (!design.calibrations().empty()) {
    // A calibrated design keeps every row (R gives rows outside the domain weight 0), so the influence values
    // are spread over all rows, adjusted by each calibration step, and summed over the whole design.
    std::vector<double> by_row(design.num_rows() * p, 0.0);
    for (size_t k = 0; k < rows.size(); ++k) {
      for (int col = 0; col < p; ++col) by_row[rows[k] * p + col] = z[k * p + col];
    }
    for (const auto& step : design.calibrations()) step->Apply(by_row, p);
    const std::vector<int>& all_rows = design.design_order();
    std::vector<double> all_z(by_row.size());
    for (size_t k = 0; k < all_rows.size(); ++k) {
      for (int col = 0; col < p; ++col) all_z[k * p + col] = by_row[all_rows[k] * p + col];
    }
    VarianceWalker walker(design, all_rows, all_z, p);
    RETURN_IF_ERROR(walker.AddStage(0, 0, all_rows.size(), out));
    return out;
  }
  VarianceWalker walker(design, rows, z, p);
  RETURN_IF_ERROR(walker.AddStage(0, 0, rows.size(), out));
  return out;
}

double DegreesOfFreedom(const Design& design, const std::vector<int>& rows) {
  const Design::Stage& st = design.stages()[0];
  const auto& weights = design.weights();
  long clusters = 0, strata = 0;
  int last_cluster = -1, last_stratum = -1;
  for (int row : rows) {
    if (weights[row] == 0) continue;
    const int cluster = st.cluster_of_row[row];
    const int stratum = st.stratum_of_cluster[cluster];
    if (cluster != last_cluster) ++clusters;
    if (stratum != last_stratum) ++strata;
    last_cluster = cluster;
    last_stratum = stratum;
  }
  return static_cast<double>(clusters - strata);
}

}  // namespace sz::survey::internal
