// The analysis variables of a domain as a dense matrix: categorical variables expanded to 0/1 columns per level
// (R's model.matrix(~0 + f)), rows with a missing value dropped (na.rm = TRUE).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "survey/frame.h"

namespace sz::survey::internal {

struct ModelMatrix {
  std::vector<std::string> terms;
  std::vector<int> rows;  // kept rows, in the order given
  std::vector<double> x;  // rows.size() × terms.size(), row-major
  int p() const { return static_cast<int>(terms.size()); }
};

// numeric_only: categorical variables are an InvalidArgument error naming `what`.
Result<ModelMatrix> BuildModelMatrix(const SurveyFrame& frame, const std::vector<std::string>& variables,
                                     const std::vector<int>& rows, bool numeric_only, std::string_view what);

}  // namespace sz::survey::internal
