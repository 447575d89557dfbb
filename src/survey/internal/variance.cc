#include "survey/internal/variance.h"

#include <cmath>
#include <limits>

#include "survey/internal/calibration_step.h"
#include "survey/messages.h"

namespace sz::survey::internal {
namespace {

void AddOuter(std::vector<double>& out, const double* a, double scale, int p) {
  for (int row = 0; row < p; ++row) {
    const double ar = a[row] * scale;
    if (ar == 0) continue;
    for (int col = 0; col < p; ++col) out[row * p + col] += ar * a[col];
  }
}

class VarianceWalker {
 public:
  VarianceWalker(const Design& design, const std::vector<int>& rows, const std::vector<double>& z, int p)
      : design_(design), rows_(rows), z_(z), p_(p) {}

  // Adds the variance of stage `stage` (and the stages below it) over positions [begin, end) to `out`.
  Status AddStage(int stage, size_t begin, size_t end, std::vector<double>& out) {
    const Design::Stage& st = design_.stages()[stage];
    const int p = p_;
    ClusterTotals totals;
    std::vector<std::pair<size_t, size_t>> ranges;
    size_t pos = begin;
    while (pos < end) {
      const int cluster = st.cluster_of_row[rows_[pos]];
      const size_t cluster_begin = pos;
      const size_t offset = totals.totals.size();
      totals.totals.resize(offset + p, 0.0);
      while (pos < end && st.cluster_of_row[rows_[pos]] == cluster) {
        const double* zrow = &z_[pos * p];
        for (int col = 0; col < p; ++col) totals.totals[offset + col] += zrow[col];
        ++pos;
      }
      totals.strata.push_back(st.stratum_of_cluster[cluster]);
      ranges.emplace_back(cluster_begin, pos);
    }
    RETURN_IF_ERROR(AddStageFromTotals(design_, stage, totals, p, out));
    if (stage + 1 < design_.variance_stages()) {
      std::vector<double> sub(p * p);
      for (size_t k = 0; k < ranges.size(); ++k) {
        std::fill(sub.begin(), sub.end(), 0.0);
        RETURN_IF_ERROR(AddStage(stage + 1, ranges[k].first, ranges[k].second, sub));
        const int stratum = totals.strata[k];
        const double factor = st.sampled_in_stratum[stratum] / st.population_in_stratum[stratum];
        for (int idx = 0; idx < p * p; ++idx) out[idx] += sub[idx] * factor;
      }
    }
    return Status::Ok();
  }

 private:
  const Design& design_;
  const std::vector<int>& rows_;
  const std::vector<double>& z_;
  int p_;
};

}  // namespace

Status AddStageFromTotals(const Design& design, int stage, const ClusterTotals& clusters, int p,
                          std::vector<double>& out) {
  const Design::Stage& st = design.stages()[stage];
  std::vector<double> stage_var(p * p, 0.0);
  std::vector<double> mean(p), centred(p);
  int strata_present = 0, strata_skipped = 0;
  const size_t num_clusters = clusters.strata.size();
  size_t k = 0;
  while (k < num_clusters) {
    const int stratum = clusters.strata[k];
    const size_t first = k;
    while (k < num_clusters && clusters.strata[k] == stratum) ++k;
    const size_t m = k - first;
    const double* totals = &clusters.totals[first * p];
    ++strata_present;
    const double n = st.sampled_in_stratum[stratum];
    const double population = st.population_in_stratum[stratum];
    const double f = std::isinf(population) ? 1.0 : (population - n) / population;
    if (f < 1e-7) continue;  // census stratum
    if (n == 1) {
      switch (design.lonely_psu()) {
        case LonelyPsu::kFail: return DataError(msg::LonelyPsu(design.StratumLabel(stage, stratum), stage + 1));
        case LonelyPsu::kRemove:
        case LonelyPsu::kCertainty: break;  // the centred single total is 0
        case LonelyPsu::kAdjust:            // survey 4.1-1: not centred, no n/(n−1)
          AddOuter(stage_var, totals, f, p);
          break;
        case LonelyPsu::kAverage: ++strata_skipped; break;
      }
      continue;
    }
    for (int col = 0; col < p; ++col) {
      double sum = 0;
      for (size_t c = 0; c < m; ++c) sum += totals[c * p + col];
      mean[col] = sum / n;  // padded with n − m zero totals
    }
    const double scale = f * n / (n - 1);
    for (size_t c = 0; c < m; ++c) {
      for (int col = 0; col < p; ++col) centred[col] = totals[c * p + col] - mean[col];
      AddOuter(stage_var, centred.data(), scale, p);
    }
    if (n > m) AddOuter(stage_var, mean.data(), scale * (n - m), p);
  }
  if (strata_skipped > 0) {
    const int strata_ok = strata_present - strata_skipped;
    const double factor =
        strata_ok > 0 ? static_cast<double>(strata_present) / strata_ok : std::numeric_limits<double>::quiet_NaN();
    for (double& value : stage_var) value *= factor;
  }
  for (int idx = 0; idx < p * p; ++idx) out[idx] += stage_var[idx];
  return Status::Ok();
}

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
