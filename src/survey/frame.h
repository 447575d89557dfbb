// SurveyFrame: the analysis variables of a survey as typed columns, built from text cells.
//
// A column is numeric when every non-missing cell is a number as core/numbers.h ParseNumber reads it ("12",
// "-0.5", "1e3", a decimal comma "0,5", Dutch thousands dots "1.234,5") and it has no value labels; otherwise it is
// categorical, as R turns a character column (or an SPSS variable read with value labels) into a factor.
// Categorical levels follow R's factor(): text levels sorted by byte order (R sorts in the C locale under
// `Rscript --vanilla`); for SPSS value labels, every labelled code and every unlabelled code present, ordered by
// numeric code, named by its label. Missing cells are "" and "NA".
//
//   ASSIGN_OR_RETURN(SurveyFrame frame, SurveyFrame::FromRows(table.header, table.rows, table.value_labels));
//   ASSIGN_OR_RETURN(const Variable* age, frame.Find("leeftijd"));
//
// Thread safety: immutable after construction.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "core/status.h"

namespace sz::survey {

struct Variable {
  std::string name;
  bool categorical = false;
  std::vector<double> values;       // numeric: the value, NaN when missing
  std::vector<int> codes;           // categorical: index into levels, -1 when missing
  std::vector<std::string> levels;  // categorical: level names in R's factor order
  std::vector<std::string> text;    // the cell as read (used for labels of numeric by-columns)

  bool IsMissing(size_t row) const { return categorical ? codes[row] < 0 : values[row] != values[row]; }
};

class SurveyFrame {
 public:
  // header[c] names column c; rows[r][c] is a cell. value_labels[column name][code] = label (from .sav).
  // Errors: kDataError when a row has the wrong number of cells or a column name repeats.
  static Result<SurveyFrame> FromRows(
      const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
      const std::map<std::string, std::map<std::string, std::string>>& value_labels = {});

  // Adds a numeric column (NaN = missing), its text the values with 15 significant digits; for data that is
  // typed already (the store), generated data and tests. Replaces a column of the same name.
  void AddNumeric(const std::string& name, std::vector<double> values);
  // Adds a categorical column; codes index `levels`, -1 = missing.
  void AddCategorical(const std::string& name, std::vector<int> codes, std::vector<std::string> levels);

  size_t num_rows() const { return num_rows_; }
  // kInvalidArgument naming the column (and listing a few existing ones) when absent.
  Result<const Variable*> Find(const std::string& name) const;
  const std::vector<Variable>& variables() const { return variables_; }

 private:
  void Add(Variable variable);
  size_t num_rows_ = 0;
  std::vector<Variable> variables_;
  std::map<std::string, size_t> index_;
};

}  // namespace sz::survey
