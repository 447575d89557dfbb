#include "survey/internal/model_matrix.h"

namespace sz::survey::internal {

Result<ModelMatrix> BuildModelMatrix(const SurveyFrame& frame, const std::vector<std::string>& variables,
                                     const std::vector<int>& rows, bool numeric_only, const char* what) {
  ModelMatrix matrix;
  std::vector<const Variable*> columns;
  for (const auto& name : variables) {
    ASSIGN_OR_RETURN(const Variable* variable, frame.Find(name));
    if (variable->categorical) {
      if (numeric_only) {
        return InvalidArgumentError(std::string(what) + " needs a numeric variable; '" + name +
                                    "' is categorical (levels such as '" +
                                    (variable->levels.empty() ? std::string() : variable->levels.front()) + "')");
      }
      for (const auto& level : variable->levels) matrix.terms.push_back(name + level);
    } else {
      matrix.terms.push_back(name);
    }
    columns.push_back(variable);
  }
  const size_t p = matrix.terms.size();
  matrix.rows.reserve(rows.size());
  matrix.x.reserve(rows.size() * p);
  for (int row : rows) {
    bool missing = false;
    for (const Variable* variable : columns) missing |= variable->IsMissing(row);
    if (missing) continue;
    matrix.rows.push_back(row);
    for (const Variable* variable : columns) {
      if (variable->categorical) {
        const size_t offset = matrix.x.size();
        matrix.x.resize(offset + variable->levels.size(), 0.0);
        matrix.x[offset + variable->codes[row]] = 1.0;
      } else {
        matrix.x.push_back(variable->values[row]);
      }
    }
  }
  return matrix;
}

}  // namespace sz::survey::internal
