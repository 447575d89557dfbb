// Design: a complex survey design — strata, one or more stages of clusters, sampling weights and finite
// population corrections — as R's `svydesign()` (survey 4.1-1, R/multistage.R: svydesign.default, as.fpc) builds it.
//
//   DesignSpec spec;
//   spec.ids = {"wijk"};  spec.strata = "gemeente";  spec.weights = "gewicht";  spec.nest = true;
//   ASSIGN_OR_RETURN(Design design, Design::Create(frame, spec));
//   // R: svydesign(ids = ~wijk, strata = ~gemeente, weights = ~gewicht, nest = TRUE, data = frame)
//
// Contract:
// - ids: one column per stage (PSU, SSU, ...); empty means `ids = ~1` (every row its own PSU). Stage-s ids are
//   made unique by pasting the ids of the stages above; with `nest`, PSU ids are made unique within strata.
//   Without `nest` a PSU that appears in two strata is an error (R's check.strata).
// - strata: stage-1 strata (empty: one stratum). Stage-s strata (s ≥ 2) are the stage-(s−1) clusters.
// - fpc: one column per stage (or none). Values > 1 are population sizes N, values ≤ 1 sampling fractions
//   (N = n/f); mixing the two is an error, as is N < n. The number of sampled units n per stratum and stage is
//   counted once on the full data and kept for every domain. With fpc for all stages, later stages add their
//   variance (R's default survey.ultimate.cluster = FALSE); without fpc only stage 1 counts.
// - weights: the column of sampling weights; if empty, Π_s N_s/n_s from the fpc, or 1 when there is no fpc.
// - Missing values in ids, strata, weights or fpc: kDataError naming the column and row. Other design errors
//   (one PSU in total, PSU in two strata, mixed or impossible fpc): kDataError, in Dutch, ending with R's own
//   message (survey/messages.h).
// - Lonely PSUs (a stratum with one sampled unit) are handled when variances are computed, by `lonely_psu`,
//   as options(survey.lonely.psu=) does; kFail returns kDataError naming the stratum and the stage, with R's
//   "Stratum (X) has only one PSU at stage s".
//
// Thread safety: immutable after construction; estimation functions may share one Design across threads.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "survey/frame.h"

namespace sz::survey {

namespace internal {
struct CalibrationStep;  // calibration.cc: how a calibration changes the influence values
}

enum class LonelyPsu { kFail, kRemove, kCertainty, kAdjust, kAverage };

// "fail", "remove", "certainty", "adjust", "average".
Result<LonelyPsu> ParseLonelyPsu(const std::string& name);

struct DesignSpec {
  std::vector<std::string> ids;  // column per stage; empty = ~1
  std::string strata;            // empty = no strata
  std::string weights;           // empty = from fpc, or 1
  std::vector<std::string> fpc;  // empty = no fpc; else one per stage (or only for stage 1)
  bool nest = false;
  LonelyPsu lonely_psu = LonelyPsu::kFail;
};

class Design {
 public:
  static Result<Design> Create(const SurveyFrame& frame, const DesignSpec& spec);

  // Per stage s (0-based), the layout the variance code walks.
  struct Stage {
    std::vector<int> cluster_of_row;            // cluster code (unique across the stage)
    std::vector<int> stratum_of_cluster;        // stratum code of each cluster
    std::vector<int> first_row_of_cluster;      // for labels
    std::vector<int> sampled_in_stratum;        // n_hs on the full data
    std::vector<double> population_in_stratum;  // N_hs, +inf without fpc
  };

  size_t num_rows() const { return weights_.size(); }
  const std::vector<double>& weights() const { return weights_; }
  const std::vector<Stage>& stages() const { return stages_; }
  // Stages whose variance is added: all with fpc for every stage, else 1.
  int variance_stages() const { return variance_stages_; }
  LonelyPsu lonely_psu() const { return lonely_psu_; }
  bool has_fpc() const { return has_fpc_; }
  // Labels as R prints them in messages: stage-1 strata by their value, later strata by the cluster above
  // (ids pasted with "."; with nest, prefixed by the stratum).
  std::string StratumLabel(int stage, int stratum) const;
  std::string ClusterLabel(int stage, int cluster) const;
  // Rows sorted by (stage-1 stratum, stage-1 cluster, stage-2 cluster, ..., row): domains list rows in this order.
  const std::vector<int>& design_order() const { return design_order_; }

  // Calibration (calibration.h): the new weights and the step the variance must apply to influence values.
  void AddCalibration(std::shared_ptr<const internal::CalibrationStep> step, std::vector<double> new_weights) {
    calibrations_.push_back(std::move(step));
    weights_ = std::move(new_weights);
  }
  const std::vector<std::shared_ptr<const internal::CalibrationStep>>& calibrations() const { return calibrations_; }

 private:
  std::vector<double> weights_;
  std::vector<Stage> stages_;
  std::vector<int> design_order_;
  std::vector<std::vector<int>> id_codes_;  // per stage, the id of each row (index into id_levels_)
  std::vector<std::vector<std::string>> id_levels_;
  std::vector<int> strata_codes_;
  std::vector<std::string> strata_levels_;
  bool nested_ = false;
  std::vector<std::shared_ptr<const internal::CalibrationStep>> calibrations_;
  int variance_stages_ = 1;
  bool has_fpc_ = false;
  LonelyPsu lonely_psu_ = LonelyPsu::kFail;
};

}  // namespace sz::survey
