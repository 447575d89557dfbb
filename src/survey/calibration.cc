#include "survey/calibration.h"

#include <cmath>
#include <cstdio>
#include <map>

#include "survey/internal/calibration_step.h"
#include "survey/messages.h"

namespace sz::survey {
namespace {

// Cell labels of one variable: level names (categorical) or the cell text (numeric).
Result<std::vector<std::string>> Labels(const SurveyFrame& frame, const std::string& name) {
  ASSIGN_OR_RETURN(const Variable* variable, frame.Find(name));
  std::vector<std::string> labels(frame.num_rows());
  for (size_t row = 0; row < frame.num_rows(); ++row) {
    if (variable->IsMissing(row)) {
      return DataError(msg::MissingCalibrationValue(name, row + 1));
    }
    if (variable->categorical) {
      labels[row] = variable->levels[variable->codes[row]];
    } else if (row < variable->text.size()) {
      labels[row] = variable->text[row];
    } else {
      char buffer[64];
      std::snprintf(buffer, sizeof buffer, "%.15g", variable->values[row]);
      labels[row] = buffer;
    }
  }
  return labels;
}

// Cell of each row in the cross-classification of `variables`, and the cells' labels.
struct Cells {
  std::vector<int> cell_of_row;
  std::vector<std::vector<std::string>> labels;
};

Result<Cells> CrossClassify(const SurveyFrame& frame, const std::vector<std::string>& variables) {
  std::vector<std::vector<std::string>> columns;
  for (const auto& name : variables) {
    ASSIGN_OR_RETURN(auto labels, Labels(frame, name));
    columns.push_back(std::move(labels));
  }
  Cells cells;
  std::map<std::vector<std::string>, int> index;
  cells.cell_of_row.resize(frame.num_rows());
  for (size_t row = 0; row < frame.num_rows(); ++row) {
    std::vector<std::string> key;
    for (const auto& column : columns) key.push_back(column[row]);
    auto [it, inserted] = index.emplace(key, static_cast<int>(cells.labels.size()));
    if (inserted) cells.labels.push_back(key);
    cells.cell_of_row[row] = it->second;
  }
  return cells;
}

// svyrecvar's post-stratum centring: z −= psw · Σ_g(z·oldw/psw) / Σ_g oldw.
struct PostStratumStep : internal::CalibrationStep {
  std::vector<int> group;
  int num_groups = 0;
  std::vector<double> new_weights, old_weights;
  void Apply(std::vector<double>& z, int p) const override {
    std::vector<double> sums(num_groups * p, 0.0), old_sum(num_groups, 0.0);
    for (size_t row = 0; row < group.size(); ++row) {
      double psw = new_weights[row];
      if (psw == 0 && old_weights[row] == 0) psw = 1;
      old_sum[group[row]] += old_weights[row];
      for (int col = 0; col < p; ++col) sums[group[row] * p + col] += z[row * p + col] * old_weights[row] / psw;
    }
    for (size_t row = 0; row < group.size(); ++row) {
      double psw = new_weights[row];
      if (psw == 0 && old_weights[row] == 0) psw = 1;
      for (int col = 0; col < p; ++col) z[row * p + col] -= sums[group[row] * p + col] / old_sum[group[row]] * psw;
    }
  }
};

// rake's variance: 10 sweeps of z −= psw · ave(z/psw, margin) over the margins of the last raking pass.
struct RakingStep : internal::CalibrationStep {
  struct Margin {
    std::vector<int> group;
    int num_groups = 0;
    std::vector<double> weights;
  };
  std::vector<Margin> margins;
  void Apply(std::vector<double>& z, int p) const override {
    for (int sweep = 0; sweep < 10; ++sweep) {
      for (const Margin& margin : margins) {
        std::vector<double> sums(margin.num_groups * p, 0.0), counts(margin.num_groups, 0.0);
        for (size_t row = 0; row < margin.group.size(); ++row) {
          counts[margin.group[row]] += 1;
          for (int col = 0; col < p; ++col) sums[margin.group[row] * p + col] += z[row * p + col] / margin.weights[row];
        }
        for (size_t row = 0; row < margin.group.size(); ++row) {
          const int g = margin.group[row];
          for (int col = 0; col < p; ++col) z[row * p + col] -= margin.weights[row] * sums[g * p + col] / counts[g];
        }
      }
    }
  }
};

// greg_calibration: z ← qr.resid(qr(X·√w), z/w_cal)·w_cal, with q the orthonormal basis of X·√w.
struct GregStep : internal::CalibrationStep {
  std::vector<std::vector<double>> q;  // k columns of length num_rows
  std::vector<double> calibrated_half_weights;
  void Apply(std::vector<double>& z, int p) const override {
    const size_t num_rows = calibrated_half_weights.size();
    std::vector<double> u(num_rows);
    for (int col = 0; col < p; ++col) {
      for (size_t row = 0; row < num_rows; ++row) {
        const double wc = calibrated_half_weights[row];
        u[row] = wc == 0 ? 0 : z[row * p + col] / wc;
      }
      for (const auto& basis : q) {
        double dot = 0;
        for (size_t row = 0; row < num_rows; ++row) dot += basis[row] * u[row];
        for (size_t row = 0; row < num_rows; ++row) u[row] -= dot * basis[row];
      }
      for (size_t row = 0; row < num_rows; ++row) z[row * p + col] = u[row] * calibrated_half_weights[row];
    }
  }
};

// Post-stratifies `weights` in place; returns the step data.
Result<std::shared_ptr<PostStratumStep>> PostStratifyWeights(std::vector<double>& weights, const SurveyFrame& frame,
                                                             const PopulationTable& population) {
  ASSIGN_OR_RETURN(Cells cells, CrossClassify(frame, population.variables));
  std::map<std::vector<std::string>, double> known;
  for (const auto& cell : population.cells) {
    if (cell.levels.size() != population.variables.size()) {
      return InvalidArgumentError(msg::PopulationCellLevels(cell.levels.size(), population.variables.size()));
    }
    known[cell.levels] = cell.count;
  }
  std::vector<double> sample_total(cells.labels.size(), 0.0), factor(cells.labels.size(), 1.0);
  for (size_t row = 0; row < weights.size(); ++row) sample_total[cells.cell_of_row[row]] += weights[row];
  for (size_t cell = 0; cell < cells.labels.size(); ++cell) {
    auto it = known.find(cells.labels[cell]);
    if (it == known.end()) {
      return DataError(msg::NoPopulationCount(population.variables, cells.labels[cell]));
    }
    factor[cell] = it->second / sample_total[cell];
  }
  auto step = std::make_shared<PostStratumStep>();
  step->group = cells.cell_of_row;
  step->num_groups = static_cast<int>(cells.labels.size());
  step->old_weights = weights;
  for (size_t row = 0; row < weights.size(); ++row) weights[row] *= factor[cells.cell_of_row[row]];
  step->new_weights = weights;
  return step;
}

// Solves A x = b (k×k, row-major) by Gaussian elimination with partial pivoting.
Result<std::vector<double>> Solve(std::vector<double> a, std::vector<double> b) {
  const size_t k = b.size();
  for (size_t col = 0; col < k; ++col) {
    size_t pivot = col;
    for (size_t row = col + 1; row < k; ++row) {
      if (std::fabs(a[row * k + col]) > std::fabs(a[pivot * k + col])) pivot = row;
    }
    if (std::fabs(a[pivot * k + col]) < 1e-300) return DataError(msg::CalibrationSingular());
    if (pivot != col) {
      for (size_t c = 0; c < k; ++c) std::swap(a[col * k + c], a[pivot * k + c]);
      std::swap(b[col], b[pivot]);
    }
    for (size_t row = col + 1; row < k; ++row) {
      const double f = a[row * k + col] / a[col * k + col];
      for (size_t c = col; c < k; ++c) a[row * k + c] -= f * a[col * k + c];
      b[row] -= f * b[col];
    }
  }
  std::vector<double> x(k);
  for (size_t row = k; row-- > 0;) {
    double sum = b[row];
    for (size_t c = row + 1; c < k; ++c) sum -= a[row * k + c] * x[c];
    x[row] = sum / a[row * k + row];
  }
  return x;
}

// Model matrix columns (intercept, numeric, treatment contrasts), column-major.
Result<std::vector<std::vector<double>>> CalibrationMatrix(const SurveyFrame& frame,
                                                           const std::vector<std::string>& variables,
                                                           std::vector<std::string>* names) {
  const size_t num_rows = frame.num_rows();
  std::vector<std::vector<double>> columns;
  columns.emplace_back(num_rows, 1.0);
  if (names) names->push_back("(Intercept)");
  for (const auto& name : variables) {
    ASSIGN_OR_RETURN(const Variable* variable, frame.Find(name));
    for (size_t row = 0; row < num_rows; ++row) {
      if (variable->IsMissing(row)) {
        return DataError(msg::MissingCalibrationValue(name, row + 1));
      }
    }
    if (variable->categorical) {
      for (size_t level = 1; level < variable->levels.size(); ++level) {
        std::vector<double> column(num_rows);
        for (size_t row = 0; row < num_rows; ++row) column[row] = variable->codes[row] == static_cast<int>(level);
        columns.push_back(std::move(column));
        if (names) names->push_back(name + variable->levels[level]);
      }
    } else {
      columns.push_back(variable->values);
      if (names) names->push_back(name);
    }
  }
  return columns;
}

}  // namespace

Status PostStratify(Design& design, const SurveyFrame& frame, const PopulationTable& population) {
  std::vector<double> weights = design.weights();
  ASSIGN_OR_RETURN(auto step, PostStratifyWeights(weights, frame, population));
  design.AddCalibration(std::move(step), std::move(weights));
  return Status::Ok();
}

Status Rake(Design& design, const SurveyFrame& frame, const std::vector<PopulationTable>& margins,
            const RakeControl& control) {
  if (margins.empty()) return InvalidArgumentError(msg::RakeWithoutMargins());
  std::vector<std::string> all_variables;
  for (const auto& margin : margins) {
    all_variables.insert(all_variables.end(), margin.variables.begin(), margin.variables.end());
  }
  ASSIGN_OR_RETURN(Cells joint, CrossClassify(frame, all_variables));
  auto table = [&](const std::vector<double>& weights) {
    std::vector<double> sums(joint.labels.size(), 0.0);
    for (size_t row = 0; row < weights.size(); ++row) sums[joint.cell_of_row[row]] += weights[row];
    return sums;
  };
  std::vector<double> weights = design.weights();
  std::vector<double> old_table = table(weights);
  auto step = std::make_shared<RakingStep>();
  const double epsilon = control.epsilon < 1 ? control.epsilon *
                                                   [&] {
                                                     double sum = 0;
                                                     for (double w : weights) sum += w;
                                                     return sum;
                                                   }()
                                             : control.epsilon;
  for (int iteration = 0; iteration < control.max_iterations; ++iteration) {
    step->margins.clear();
    for (const auto& margin : margins) {
      ASSIGN_OR_RETURN(auto ps, PostStratifyWeights(weights, frame, margin));
      step->margins.push_back(RakingStep::Margin{ps->group, ps->num_groups, ps->new_weights});
    }
    std::vector<double> new_table = table(weights);
    double delta = 0;
    for (size_t cell = 0; cell < new_table.size(); ++cell) {
      delta = std::max(delta, std::fabs(new_table[cell] - old_table[cell]));
    }
    if (delta < epsilon) break;
    old_table = std::move(new_table);
  }
  design.AddCalibration(std::move(step), std::move(weights));
  return Status::Ok();
}

Result<std::vector<std::string>> CalibrationTerms(const SurveyFrame& frame, const std::vector<std::string>& variables) {
  std::vector<std::string> names;
  ASSIGN_OR_RETURN(auto columns, CalibrationMatrix(frame, variables, &names));
  return names;
}

namespace {

// g-weights of calibrate(..., calfun = "raking") by grake's Newton iteration (R/calibrate.R): start at η = 0,
// Δη = T⁻¹·misfit with T = Σ w e^{xη} x xᵀ, stop when every |misfit|/(1 + |total|) < epsilon, at most maxit;
// weights are first rescaled by the mean of total/sample-total when every such scale exceeds 20.
Result<std::vector<double>> RakingG(const std::vector<std::vector<double>>& x, std::vector<double> w,
                                    const std::vector<double>& totals, const RakingOptions& options) {
  const size_t k = x.size(), num_rows = w.size();
  std::vector<double> sample_total(k, 0.0);
  for (size_t row = 0; row < num_rows; ++row) {
    for (size_t a = 0; a < k; ++a) sample_total[a] += x[a][row] * w[row];
  }
  double min_scale = INFINITY, mean_scale = 0;
  for (size_t a = 0; a < k; ++a) {
    min_scale = std::min(min_scale, totals[a] / sample_total[a]);
    mean_scale += totals[a] / sample_total[a] / k;
  }
  const bool rescaled = min_scale > 20;
  if (rescaled) {
    for (double& weight : w) weight *= mean_scale;
  }
  std::vector<double> eta(k, 0.0), xeta(num_rows, 0.0);
  auto misfit_of = [&](const std::vector<double>& xe) {
    std::vector<double> misfit(totals);
    for (size_t row = 0; row < num_rows; ++row) {
      const double factor = w[row] * std::exp(xe[row]);  // sample total + Σ w x (e^{xη} − 1)
      for (size_t a = 0; a < k; ++a) misfit[a] -= x[a][row] * factor;
    }
    return misfit;
  };
  std::vector<double> misfit = misfit_of(xeta);
  for (int iteration = 1;; ++iteration) {
    std::vector<double> tmat(k * k, 0.0);
    for (size_t row = 0; row < num_rows; ++row) {
      const double factor = w[row] * std::exp(xeta[row]);
      for (size_t a = 0; a < k; ++a) {
        for (size_t b = 0; b < k; ++b) tmat[a * k + b] += factor * x[a][row] * x[b][row];
      }
    }
    ASSIGN_OR_RETURN(std::vector<double> step, Solve(tmat, misfit));
    for (size_t a = 0; a < k; ++a) eta[a] += step[a];
    for (size_t row = 0; row < num_rows; ++row) {
      xeta[row] = 0;
      for (size_t a = 0; a < k; ++a) xeta[row] += x[a][row] * eta[a];
    }
    misfit = misfit_of(xeta);
    bool converged = true;
    for (size_t a = 0; a < k; ++a) converged &= std::fabs(misfit[a]) / (1 + std::fabs(totals[a])) < options.epsilon;
    if (converged) break;
    if (iteration + 1 > options.max_iterations) return DataError(msg::RakingDidNotConverge());
  }
  std::vector<double> g(num_rows);
  for (size_t row = 0; row < num_rows; ++row) g[row] = std::exp(xeta[row]) * (rescaled ? mean_scale : 1.0);
  return g;
}

Status CalibrateWithG(Design& design, const std::vector<std::vector<double>>& x, const std::vector<std::string>& names,
                      const std::vector<double>& g) {
  const std::vector<double>& w = design.weights();
  const size_t num_rows = w.size(), k = x.size();
  auto step = std::make_shared<GregStep>();
  std::vector<double> new_weights(num_rows);
  step->calibrated_half_weights.resize(num_rows);
  for (size_t row = 0; row < num_rows; ++row) {
    new_weights[row] = w[row] * g[row];
    step->calibrated_half_weights[row] = g[row] * std::sqrt(w[row]);
  }
  // Orthonormal basis of X·√w (modified Gram–Schmidt, applied twice for stability).
  for (size_t a = 0; a < k; ++a) {
    std::vector<double> v(num_rows);
    for (size_t row = 0; row < num_rows; ++row) v[row] = x[a][row] * std::sqrt(w[row]);
    for (int pass = 0; pass < 2; ++pass) {
      for (const auto& basis : step->q) {
        double dot = 0;
        for (size_t row = 0; row < num_rows; ++row) dot += basis[row] * v[row];
        for (size_t row = 0; row < num_rows; ++row) v[row] -= dot * basis[row];
      }
    }
    double norm = 0;
    for (double value : v) norm += value * value;
    norm = std::sqrt(norm);
    if (norm < 1e-12) return DataError(msg::CollinearCalibrationTerm(names[a]));
    for (double& value : v) value /= norm;
    step->q.push_back(std::move(v));
  }
  design.AddCalibration(std::move(step), std::move(new_weights));
  return Status::Ok();
}

Result<std::vector<std::vector<double>>> CheckedCalibrationMatrix(const SurveyFrame& frame,
                                                                  const std::vector<std::string>& variables,
                                                                  const std::vector<double>& totals,
                                                                  std::vector<std::string>& names) {
  ASSIGN_OR_RETURN(auto x, CalibrationMatrix(frame, variables, &names));
  if (totals.size() != x.size()) {
    return InvalidArgumentError(msg::CalibrationTotals(x.size(), names, totals.size()));
  }
  return x;
}

}  // namespace

Status CalibrateLinear(Design& design, const SurveyFrame& frame, const std::vector<std::string>& variables,
                       const std::vector<double>& totals) {
  std::vector<std::string> names;
  ASSIGN_OR_RETURN(auto x, CheckedCalibrationMatrix(frame, variables, totals, names));
  const size_t k = x.size();
  const std::vector<double>& w = design.weights();
  const size_t num_rows = w.size();
  std::vector<double> sample_total(k, 0.0), tmat(k * k, 0.0);
  for (size_t row = 0; row < num_rows; ++row) {
    for (size_t a = 0; a < k; ++a) {
      sample_total[a] += x[a][row] * w[row];
      for (size_t b = 0; b < k; ++b) tmat[a * k + b] += w[row] * x[a][row] * x[b][row];
    }
  }
  std::vector<double> gap(k);
  for (size_t a = 0; a < k; ++a) gap[a] = totals[a] - sample_total[a];
  ASSIGN_OR_RETURN(std::vector<double> lambda, Solve(tmat, gap));
  std::vector<double> g(num_rows, 1.0);
  for (size_t row = 0; row < num_rows; ++row) {
    for (size_t a = 0; a < k; ++a) g[row] += x[a][row] * lambda[a];
  }
  return CalibrateWithG(design, x, names, g);
}

Status CalibrateRaking(Design& design, const SurveyFrame& frame, const std::vector<std::string>& variables,
                       const std::vector<double>& totals, const RakingOptions& options) {
  std::vector<std::string> names;
  ASSIGN_OR_RETURN(auto x, CheckedCalibrationMatrix(frame, variables, totals, names));
  ASSIGN_OR_RETURN(std::vector<double> g, RakingG(x, design.weights(), totals, options));
  return CalibrateWithG(design, x, names, g);
}

}  // namespace sz::survey
