#include "survey/internal/model_matrix.h"

#include <algorithm>

#include "survey/messages.h"

namespace sz::survey::internal {

Result<ModelMatrix> BuildModelMatrix(const SurveyFrame& frame, const std::vector<std::string>& variables,
                                     const std::vector<int>& rows, bool numeric_only, std::string_view what) {
  ModelMatrix matrix;
  std::vector<const Variable*> columns;
  for (const auto& name : variables) {
    ASSIGN_OR_RETURN(const Variable* variable, frame.Find(name));
    if (variable->categorical) {
      if (numeric_only) {
        return InvalidArgumentError(
            msg::NeedsNumericVariable(what, name, variable->levels.empty() ? std::string() : variable->levels.front()));
      }
      for (const auto& level : variable->levels) matrix.terms.push_back(name + level);
    } else {
      matrix.terms.push_back(name);
    }
    columns.push_back(variable);
  }
  // Column by column (sequential reads when the rows are in data order), then rows with a missing value dropped.
  const size_t p = matrix.terms.size();
  const size_t num = rows.size();
  std::vector<double> x(num * p, 0.0);
  std::vector<char> missing(num, 0);
  constexpr size_t kBlock = 512;  // rows per block: the block's part of x stays in cache while columns fill it
  for (size_t block = 0; block < num; block += kBlock) {
    const size_t block_end = std::min(num, block + kBlock);
    size_t offset = 0;
    for (const Variable* variable : columns) {
      if (variable->categorical) {
        const int* codes = variable->codes.data();
        for (size_t k = block; k < block_end; ++k) {
          const int code = codes[rows[k]];
          if (code < 0) {
            missing[k] = 1;
          } else {
            x[k * p + offset + code] = 1.0;
          }
        }
        offset += variable->levels.size();
      } else {
        const double* values = variable->values.data();
        for (size_t k = block; k < block_end; ++k) {
          const double value = values[rows[k]];
          missing[k] |= value != value;
          x[k * p + offset] = value;
        }
        offset += 1;
      }
    }
  }
  size_t kept = 0;
  matrix.rows.reserve(num);
  for (size_t k = 0; k < num; ++k) {
    if (missing[k]) continue;
    if (kept != k) std::copy(x.begin() + k * p, x.begin() + (k + 1) * p, x.begin() + kept * p);
    matrix.rows.push_back(rows[k]);
    ++kept;
  }
  x.resize(kept * p);
  matrix.x = std::move(x);
  return matrix;
}

}  // namespace sz::survey::internal
