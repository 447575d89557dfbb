#include "survey/design.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <unordered_map>

#include "survey/messages.h"

namespace sz::survey {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

struct Coded {
  std::vector<int> codes;
  std::vector<std::string> levels;
  int distinct_used = 0;
};

std::string NumberLabel(const Variable& variable, size_t row) {
  if (row < variable.text.size()) return variable.text[row];
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.15g", variable.values[row]);
  return buffer;
}

// A design column as integer codes (ids, strata): factor levels, or distinct numbers in order of appearance.
Result<Coded> CodeColumn(const SurveyFrame& frame, const std::string& name, const char* role) {
  ASSIGN_OR_RETURN(const Variable* variable, frame.Find(name));
  const size_t num_rows = frame.num_rows();
  for (size_t row = 0; row < num_rows; ++row) {
    if (variable->IsMissing(row)) {
      return DataError(msg::MissingDesignValue(role, name, row + 1));
    }
  }
  Coded coded;
  if (variable->categorical) {
    coded.codes = variable->codes;
    coded.levels = variable->levels;
    std::vector<char> used(coded.levels.size(), 0);
    for (int code : coded.codes) used[code] = 1;
    for (char u : used) coded.distinct_used += u;
    return coded;
  }
  coded.codes.resize(num_rows);
  // Small non-negative integer ids (the usual case) are coded through an array, others through a hash map.
  constexpr double kDenseLimit = 1 << 22;
  bool small_integers = true;
  double max_value = 0;
  for (double value : variable->values) {
    if (!(value >= 0 && value < kDenseLimit && value == std::floor(value))) {
      small_integers = false;
      break;
    }
    max_value = std::max(max_value, value);
  }
  if (small_integers) {
    std::vector<int> code_of(static_cast<size_t>(max_value) + 1, -1);
    for (size_t row = 0; row < num_rows; ++row) {
      int& code = code_of[static_cast<size_t>(variable->values[row])];
      if (code < 0) {
        code = static_cast<int>(coded.levels.size());
        coded.levels.push_back(NumberLabel(*variable, row));
      }
      coded.codes[row] = code;
    }
  } else {
    std::unordered_map<double, int> code_of;
    for (size_t row = 0; row < num_rows; ++row) {
      auto [it, inserted] = code_of.emplace(variable->values[row], static_cast<int>(coded.levels.size()));
      if (inserted) coded.levels.push_back(NumberLabel(*variable, row));
      coded.codes[row] = it->second;
    }
  }
  coded.distinct_used = static_cast<int>(coded.levels.size());
  return coded;
}

Result<std::vector<double>> NumericColumn(const SurveyFrame& frame, const std::string& name, const char* role) {
  ASSIGN_OR_RETURN(const Variable* variable, frame.Find(name));
  if (variable->categorical) {
    return DataError(
        msg::DesignColumnNotNumeric(role, name, variable->levels.empty() ? std::string() : variable->levels.front()));
  }
  for (size_t row = 0; row < frame.num_rows(); ++row) {
    if (std::isnan(variable->values[row])) {
      return DataError(msg::MissingDesignValue(role, name, row + 1));
    }
  }
  return variable->values;
}

// Stable counting sort of `order` by key[row] ∈ [0, num_keys).
void CountingSort(std::vector<int>& order, const std::vector<int>& key, int num_keys) {
  std::vector<int> start(num_keys + 1, 0);
  for (int row : order) ++start[key[row] + 1];
  for (int k = 0; k < num_keys; ++k) start[k + 1] += start[k];
  std::vector<int> sorted(order.size());
  for (int row : order) sorted[start[key[row]]++] = row;
  order.swap(sorted);
}

}  // namespace

Result<LonelyPsu> ParseLonelyPsu(const std::string& name) {
  if (name == "fail") return LonelyPsu::kFail;
  if (name == "remove") return LonelyPsu::kRemove;
  if (name == "certainty") return LonelyPsu::kCertainty;
  if (name == "adjust") return LonelyPsu::kAdjust;
  if (name == "average") return LonelyPsu::kAverage;
  return InvalidArgumentError(msg::BadLonelyPsu(name));
}

std::string Design::ClusterLabel(int stage, int cluster) const {
  const int row = stages_[stage].first_row_of_cluster[cluster];
  std::string label = nested_ ? strata_levels_[strata_codes_[row]] + "." : std::string();
  for (int s = 0; s <= stage; ++s) label += (s ? "." : "") + id_levels_[s][id_codes_[s][row]];
  return label;
}

std::string Design::StratumLabel(int stage, int stratum) const {
  if (stage == 0) return strata_levels_[stratum];
  return ClusterLabel(stage - 1, stratum);
}

Result<Design> Design::Create(const SurveyFrame& frame, const DesignSpec& spec) {
  const size_t num_rows = frame.num_rows();
  if (num_rows == 0) return DataError(msg::NoRows());
  Design design;
  design.lonely_psu_ = spec.lonely_psu;

  // Ids per stage (stage 1 = the row for ids = ~1) and strata, as integer codes.
  if (spec.ids.empty()) {
    std::vector<int> codes(num_rows);
    std::vector<std::string> levels(num_rows);
    for (size_t row = 0; row < num_rows; ++row) {
      codes[row] = static_cast<int>(row);
      levels[row] = std::to_string(row + 1);
    }
    design.id_codes_.push_back(std::move(codes));
    design.id_levels_.push_back(std::move(levels));
    if (num_rows == 1) return DataError(msg::OnlyOnePsu());
  } else {
    for (size_t stage = 0; stage < spec.ids.size(); ++stage) {
      ASSIGN_OR_RETURN(Coded coded, CodeColumn(frame, spec.ids[stage], "ids"));
      if (stage == 0 && coded.distinct_used == 1 && !(spec.nest && !spec.strata.empty())) {
        return DataError(msg::OnlyOnePsu());
      }
      design.id_codes_.push_back(std::move(coded.codes));
      design.id_levels_.push_back(std::move(coded.levels));
    }
  }
  const size_t num_stages = design.id_codes_.size();
  const bool has_strata = !spec.strata.empty();
  if (has_strata) {
    ASSIGN_OR_RETURN(Coded coded, CodeColumn(frame, spec.strata, "strata"));
    design.strata_codes_ = std::move(coded.codes);
    design.strata_levels_ = std::move(coded.levels);
  } else {
    design.strata_codes_.assign(num_rows, 0);
    design.strata_levels_ = {"1"};
  }
  design.nested_ = spec.nest && has_strata;
  const std::vector<int>& strata = design.strata_codes_;

  if (!spec.nest && has_strata) {  // R's check.strata
    std::vector<int> stratum_of_id(design.id_levels_[0].size(), -1);
    for (size_t row = 0; row < num_rows; ++row) {
      int& known = stratum_of_id[design.id_codes_[0][row]];
      if (known >= 0 && known != strata[row]) {
        return DataError(msg::ClustersNotNested(design.id_levels_[0][design.id_codes_[0][row]],
                                                design.strata_levels_[known], design.strata_levels_[strata[row]]));
      }
      known = strata[row];
    }
  }

  // fpc columns.
  std::vector<std::vector<double>> fpc;
  for (const auto& name : spec.fpc) {
    ASSIGN_OR_RETURN(auto column, NumericColumn(frame, name, "fpc"));
    fpc.push_back(std::move(column));
  }
  if (fpc.size() > num_stages) {
    return InvalidArgumentError(msg::FpcColumnsForStages(fpc.size(), num_stages));
  }
  bool fpc_is_popsize = false;
  if (!fpc.empty()) {
    bool any_above_one = false, all_at_least_one = true;
    for (const auto& column : fpc) {
      for (double value : column) {
        any_above_one |= value > 1;
        all_at_least_one &= value >= 1;
      }
    }
    if (any_above_one != all_at_least_one) return DataError(msg::MixedFpc());
    fpc_is_popsize = any_above_one;
  }

  // Stages: a stage-s cluster is (its parent, its id), the parent being the stage s−1 cluster (or, at stage 1,
  // the stratum with nest and nothing without) — R's interaction() of the ids above, and of the strata with nest.
  // Stage-s strata are the stage s−1 clusters.
  design.stages_.resize(num_stages);
  std::vector<std::vector<double>> popsize_of_row(fpc.size(), std::vector<double>(num_rows));
  std::vector<std::vector<int>> sampled_of_row(num_stages, std::vector<int>(num_rows));
  for (size_t stage = 0; stage < num_stages; ++stage) {
    Stage& st = design.stages_[stage];
    const std::vector<int>& ids = design.id_codes_[stage];
    const std::vector<int>* parent = nullptr;
    if (stage > 0) {
      parent = &design.stages_[stage - 1].cluster_of_row;
    } else if (design.nested_) {
      parent = &strata;
    }
    const std::vector<int>& stratum_of_row = stage == 0 ? strata : design.stages_[stage - 1].cluster_of_row;
    const size_t num_strata =
        stage == 0 ? design.strata_levels_.size() : design.stages_[stage - 1].first_row_of_cluster.size();
    st.cluster_of_row.resize(num_rows);
    // Key (parent, id): through an array when parents × ids is small, else a hash map.
    const size_t num_parents = !parent ? 1 : (stage > 0 ? num_strata : design.strata_levels_.size());
    const size_t num_ids = design.id_levels_[stage].size();
    const bool dense = static_cast<double>(num_parents) * num_ids <= (1 << 24);
    std::vector<int> dense_code(dense ? num_parents * num_ids : 0, -1);
    std::unordered_map<uint64_t, int> code_of;
    for (size_t row = 0; row < num_rows; ++row) {
      const size_t parent_code = parent ? static_cast<size_t>((*parent)[row]) : 0;
      const int next = static_cast<int>(st.first_row_of_cluster.size());
      int code;
      if (dense) {
        int& known = dense_code[parent_code * num_ids + ids[row]];
        if (known < 0) known = next;
        code = known;
      } else {
        code = code_of.emplace((static_cast<uint64_t>(parent_code) << 32) | static_cast<uint32_t>(ids[row]), next)
                   .first->second;
      }
      if (code == next) {
        st.first_row_of_cluster.push_back(static_cast<int>(row));
        st.stratum_of_cluster.push_back(stratum_of_row[row]);
      }
      st.cluster_of_row[row] = code;
    }
    st.sampled_in_stratum.assign(num_strata, 0);
    for (int stratum : st.stratum_of_cluster) ++st.sampled_in_stratum[stratum];
    st.population_in_stratum.assign(num_strata, kInf);
    std::vector<char> population_set(num_strata, 0);
    for (size_t row = 0; row < num_rows; ++row) {
      const int stratum = stratum_of_row[row];
      sampled_of_row[stage][row] = st.sampled_in_stratum[stratum];
      if (stage < fpc.size()) {
        const double n = st.sampled_in_stratum[stratum];
        const double population = fpc_is_popsize ? fpc[stage][row] : n / fpc[stage][row];
        if (population < n) {
          return DataError(msg::FpcAbove100Percent(row + 1, stage + 1, population, static_cast<long>(n)));
        }
        popsize_of_row[stage][row] = population;
        // R keeps N per row and uses the first row of the stratum; a varying N only warns.
        if (!population_set[stratum]) {
          st.population_in_stratum[stratum] = population;
          population_set[stratum] = 1;
        }
      }
    }
  }
  design.has_fpc_ = !fpc.empty();
  design.variance_stages_ = (fpc.size() == num_stages) ? static_cast<int>(num_stages) : 1;

  // Weights.
  if (!spec.weights.empty()) {
    ASSIGN_OR_RETURN(design.weights_, NumericColumn(frame, spec.weights, "weights"));
  } else {
    design.weights_.assign(num_rows, 1.0);
    for (size_t stage = 0; stage < fpc.size(); ++stage) {
      for (size_t row = 0; row < num_rows; ++row) {
        design.weights_[row] *= popsize_of_row[stage][row] / sampled_of_row[stage][row];
      }
    }
  }

  // Row order for the variance walk: (stage-1 stratum, stage-1 cluster, stage-2 cluster, ..., row), by stable
  // counting sorts from the last key to the first.
  design.design_order_.resize(num_rows);
  for (size_t row = 0; row < num_rows; ++row) design.design_order_[row] = static_cast<int>(row);
  for (size_t stage = num_stages; stage-- > 0;) {
    const Stage& st = design.stages_[stage];
    CountingSort(design.design_order_, st.cluster_of_row, static_cast<int>(st.first_row_of_cluster.size()));
  }
  CountingSort(design.design_order_, strata, static_cast<int>(design.strata_levels_.size()));
  return design;
}

}  // namespace sz::survey
