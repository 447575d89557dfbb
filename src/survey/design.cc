#include "survey/design.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <unordered_map>

namespace sz::survey {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// The cell text of a column as an id (numbers normalised so "1" and "1.0" are one id).
Result<std::vector<std::string>> IdColumn(const SurveyFrame& frame, const std::string& name, const char* role) {
  ASSIGN_OR_RETURN(const Variable* variable, frame.Find(name));
  std::vector<std::string> ids(frame.num_rows());
  for (size_t row = 0; row < frame.num_rows(); ++row) {
    if (variable->IsMissing(row)) {
      return DataError(std::string("missing value in ") + role + " column '" + name + "' at data row " +
                       std::to_string(row + 1));
    }
    if (variable->categorical) {
      ids[row] = variable->levels[variable->codes[row]];
    } else if (row < variable->text.size()) {
      ids[row] = variable->text[row];
    } else {
      char buffer[64];
      std::snprintf(buffer, sizeof buffer, "%.15g", variable->values[row]);
      ids[row] = buffer;
    }
  }
  return ids;
}

Result<std::vector<double>> NumericColumn(const SurveyFrame& frame, const std::string& name, const char* role) {
  ASSIGN_OR_RETURN(const Variable* variable, frame.Find(name));
  if (variable->categorical) {
    return DataError(std::string(role) + " column '" + name + "' is not numeric (e.g. '" +
                     (variable->levels.empty() ? std::string() : variable->levels.front()) + "')");
  }
  for (size_t row = 0; row < frame.num_rows(); ++row) {
    if (std::isnan(variable->values[row])) {
      return DataError(std::string("missing value in ") + role + " column '" + name + "' at data row " +
                       std::to_string(row + 1));
    }
  }
  return variable->values;
}

// Codes distinct strings in order of first appearance.
std::vector<int> Encode(const std::vector<std::string>& keys, std::vector<std::string>& labels) {
  std::unordered_map<std::string, int> code_of;
  std::vector<int> codes(keys.size());
  for (size_t row = 0; row < keys.size(); ++row) {
    auto [it, inserted] = code_of.emplace(keys[row], static_cast<int>(labels.size()));
    if (inserted) labels.push_back(keys[row]);
    codes[row] = it->second;
  }
  return codes;
}

}  // namespace

Result<LonelyPsu> ParseLonelyPsu(const std::string& name) {
  if (name == "fail") return LonelyPsu::kFail;
  if (name == "remove") return LonelyPsu::kRemove;
  if (name == "certainty") return LonelyPsu::kCertainty;
  if (name == "adjust") return LonelyPsu::kAdjust;
  if (name == "average") return LonelyPsu::kAverage;
  return InvalidArgumentError("--lonely-psu must be fail, remove, certainty, adjust or average, not '" + name + "'");
}

Result<Design> Design::Create(const SurveyFrame& frame, const DesignSpec& spec) {
  const size_t num_rows = frame.num_rows();
  if (num_rows == 0) return DataError("the data has no rows");
  Design design;
  design.lonely_psu_ = spec.lonely_psu;

  // Raw ids per stage (stage 1 = row number for ~1).
  std::vector<std::vector<std::string>> ids;
  if (spec.ids.empty()) {
    ids.emplace_back(num_rows);
    for (size_t row = 0; row < num_rows; ++row) ids[0][row] = std::to_string(row + 1);
  } else {
    for (const auto& name : spec.ids) {
      ASSIGN_OR_RETURN(auto column, IdColumn(frame, name, "ids"));
      ids.push_back(std::move(column));
    }
  }
  const size_t num_stages = ids.size();
  std::vector<std::string> strata(num_rows, "1");
  const bool has_strata = !spec.strata.empty();
  if (has_strata) {
    ASSIGN_OR_RETURN(strata, IdColumn(frame, spec.strata, "strata"));
  }
  {
    std::vector<std::string> labels;
    Encode(ids[0], labels);
    if (labels.size() == 1 && !(spec.nest && has_strata)) return DataError("Design has only one primary sampling unit");
  }
  // Stage s ids pasted with the ids above (R: interaction(ids[, 1:s])), then nested in strata.
  for (size_t stage = 1; stage < num_stages; ++stage) {
    for (size_t row = 0; row < num_rows; ++row) ids[stage][row] = ids[stage - 1][row] + "." + ids[stage][row];
  }
  if (spec.nest && has_strata) {
    for (size_t stage = 0; stage < num_stages; ++stage) {
      for (size_t row = 0; row < num_rows; ++row) ids[stage][row] = strata[row] + "." + ids[stage][row];
    }
  }
  if (!spec.nest && has_strata) {
    std::unordered_map<std::string, std::string> stratum_of_psu;
    for (size_t row = 0; row < num_rows; ++row) {
      auto [it, inserted] = stratum_of_psu.emplace(ids[0][row], strata[row]);
      if (!inserted && it->second != strata[row]) {
        return DataError("Clusters not nested in strata at top level; you may want nest=TRUE (PSU '" + ids[0][row] +
                         "' is in strata '" + it->second + "' and '" + strata[row] + "')");
      }
    }
  }

  // fpc columns.
  std::vector<std::vector<double>> fpc;
  for (const auto& name : spec.fpc) {
    ASSIGN_OR_RETURN(auto column, NumericColumn(frame, name, "fpc"));
    fpc.push_back(std::move(column));
  }
  if (fpc.size() > num_stages) {
    return InvalidArgumentError("--fpc has " + std::to_string(fpc.size()) + " columns but the design has " +
                                std::to_string(num_stages) + " stage(s)");
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
    if (any_above_one != all_at_least_one) return DataError("Must have all fpc>=1 or all fpc<=1");
    fpc_is_popsize = any_above_one;
  }

  // Stages: clusters, strata (stage s ≥ 2: the stage s−1 cluster), n and N per stratum.
  design.stages_.resize(num_stages);
  std::vector<std::vector<double>> popsize_of_row(fpc.size(), std::vector<double>(num_rows));
  std::vector<std::vector<int>> sampled_of_row(num_stages, std::vector<int>(num_rows));
  for (size_t stage = 0; stage < num_stages; ++stage) {
    Stage& st = design.stages_[stage];
    st.cluster_of_row = Encode(ids[stage], st.cluster_labels);
    std::vector<int> stratum_of_row;
    if (stage == 0) {
      stratum_of_row = Encode(strata, st.stratum_labels);
    } else {
      const Stage& above = design.stages_[stage - 1];
      stratum_of_row = above.cluster_of_row;
      st.stratum_labels = above.cluster_labels;
    }
    st.stratum_of_cluster.assign(st.cluster_labels.size(), -1);
    st.sampled_in_stratum.assign(st.stratum_labels.size(), 0);
    for (size_t row = 0; row < num_rows; ++row) {
      int cluster = st.cluster_of_row[row];
      if (st.stratum_of_cluster[cluster] < 0) {
        st.stratum_of_cluster[cluster] = stratum_of_row[row];
        ++st.sampled_in_stratum[stratum_of_row[row]];
      }
    }
    st.population_in_stratum.assign(st.stratum_labels.size(), kInf);
    std::vector<char> population_set(st.stratum_labels.size(), 0);
    for (size_t row = 0; row < num_rows; ++row) {
      int stratum = stratum_of_row[row];
      sampled_of_row[stage][row] = st.sampled_in_stratum[stratum];
      if (stage < fpc.size()) {
        double n = st.sampled_in_stratum[stratum];
        double population = fpc_is_popsize ? fpc[stage][row] : n / fpc[stage][row];
        if (population < n) {
          return DataError("FPC implies >100% sampling in some strata (data row " + std::to_string(row + 1) +
                           ", stage " + std::to_string(stage + 1) + ": population " + std::to_string(population) +
                           ", sampled " + std::to_string(static_cast<long>(n)) + ")");
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

  // Row order for the variance walk.
  design.design_order_.resize(num_rows);
  std::iota(design.design_order_.begin(), design.design_order_.end(), 0);
  const auto& stages = design.stages_;
  std::stable_sort(design.design_order_.begin(), design.design_order_.end(), [&stages](int a, int b) {
    const Stage& first = stages[0];
    int sa = first.stratum_of_cluster[first.cluster_of_row[a]], sb = first.stratum_of_cluster[first.cluster_of_row[b]];
    if (sa != sb) return sa < sb;
    for (const Stage& st : stages) {
      if (st.cluster_of_row[a] != st.cluster_of_row[b]) return st.cluster_of_row[a] < st.cluster_of_row[b];
    }
    return false;
  });
  return design;
}

}  // namespace sz::survey
