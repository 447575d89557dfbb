#include "survey/frame.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>
#include <set>

#include "core/numbers.h"
#include "survey/messages.h"

namespace sz::survey {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool IsMissingCell(const std::string& cell) { return cell.empty() || cell == "NA"; }

std::string Trim(const std::string& text) {
  size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  size_t end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

}  // namespace

Result<SurveyFrame> SurveyFrame::FromRows(
    const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
    const std::map<std::string, std::map<std::string, std::string>>& value_labels) {
  SurveyFrame frame;
  frame.num_rows_ = rows.size();
  for (size_t row_idx = 0; row_idx < rows.size(); ++row_idx) {
    if (rows[row_idx].size() != header.size()) {
      return DataError(msg::RowCellCount(row_idx + 1, rows[row_idx].size(), header.size()));
    }
  }
  for (size_t col = 0; col < header.size(); ++col) {
    if (frame.index_.count(header[col])) return DataError(msg::ColumnNameTwice(header[col]));
    Variable variable;
    variable.name = header[col];
    variable.text.reserve(rows.size());
    for (const auto& row : rows) variable.text.push_back(Trim(row[col]));
    auto labels_it = value_labels.find(header[col]);
    bool has_labels = labels_it != value_labels.end() && !labels_it->second.empty();

    std::vector<double> numbers(rows.size(), kNaN);
    bool all_numeric = true;
    for (size_t row_idx = 0; row_idx < rows.size(); ++row_idx) {
      const std::string& cell = variable.text[row_idx];
      if (IsMissingCell(cell)) continue;
      std::optional<double> number = ParseNumber(cell);
      if (number) {
        numbers[row_idx] = *number;
      } else {
        all_numeric = false;
      }
    }
    if (all_numeric && !has_labels) {
      variable.values = std::move(numbers);
    } else if (has_labels) {
      // Levels: every labelled code and every code present, in numeric order (text order when not numeric).
      std::map<std::string, std::string> by_code;  // code text -> level name
      for (const auto& [code, label] : labels_it->second) by_code[Trim(code)] = label;
      for (const auto& cell : variable.text) {
        if (!IsMissingCell(cell) && !by_code.count(cell)) by_code[cell] = cell;
      }
      std::vector<std::pair<std::string, std::string>> ordered(by_code.begin(), by_code.end());
      std::stable_sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) {
        std::optional<double> va = ParseNumber(a.first), vb = ParseNumber(b.first);
        if (va && vb) return *va < *vb;
        return va && !vb;
      });
      // Codes that are numerically equal ("1" and "1.0") share one level.
      std::map<std::string, int> level_of_code;
      std::map<std::string, int> level_of_name;
      for (const auto& [code, name] : ordered) {
        auto it = level_of_name.find(name);
        if (it == level_of_name.end()) {
          it = level_of_name.emplace(name, static_cast<int>(variable.levels.size())).first;
          variable.levels.push_back(name);
        }
        level_of_code[code] = it->second;
      }
      variable.categorical = true;
      variable.codes.assign(rows.size(), -1);
      for (size_t row_idx = 0; row_idx < rows.size(); ++row_idx) {
        const std::string& cell = variable.text[row_idx];
        if (IsMissingCell(cell)) continue;
        auto it = level_of_code.find(cell);
        if (it == level_of_code.end()) {
          if (std::optional<double> value = ParseNumber(cell)) {
            for (const auto& [code, level] : level_of_code) {
              std::optional<double> code_value = ParseNumber(code);
              if (code_value && *code_value == *value) {
                variable.codes[row_idx] = level;
                break;
              }
            }
          }
        } else {
          variable.codes[row_idx] = it->second;
        }
      }
    } else {
      std::set<std::string> distinct;
      for (const auto& cell : variable.text) {
        if (!IsMissingCell(cell)) distinct.insert(cell);
      }
      variable.levels.assign(distinct.begin(), distinct.end());
      std::map<std::string, int> level_index;
      for (size_t level = 0; level < variable.levels.size(); ++level) level_index[variable.levels[level]] = level;
      variable.categorical = true;
      variable.codes.assign(rows.size(), -1);
      for (size_t row_idx = 0; row_idx < rows.size(); ++row_idx) {
        const std::string& cell = variable.text[row_idx];
        if (!IsMissingCell(cell)) variable.codes[row_idx] = level_index[cell];
      }
    }
    frame.Add(std::move(variable));
  }
  return frame;
}

void SurveyFrame::AddNumeric(const std::string& name, std::vector<double> values) {
  Variable variable;
  variable.name = name;
  variable.text.reserve(values.size());
  for (double value : values) {
    char buffer[32] = "";
    if (value == value) std::snprintf(buffer, sizeof buffer, "%.15g", value);
    variable.text.emplace_back(buffer);
  }
  variable.values = std::move(values);
  if (variables_.empty()) num_rows_ = variable.values.size();
  Add(std::move(variable));
}

void SurveyFrame::AddCategorical(const std::string& name, std::vector<int> codes, std::vector<std::string> levels) {
  Variable variable;
  variable.name = name;
  variable.categorical = true;
  variable.codes = std::move(codes);
  variable.levels = std::move(levels);
  if (variables_.empty()) num_rows_ = variable.codes.size();
  Add(std::move(variable));
}

void SurveyFrame::Add(Variable variable) {
  auto it = index_.find(variable.name);
  if (it != index_.end()) {
    variables_[it->second] = std::move(variable);
    return;
  }
  index_[variable.name] = variables_.size();
  variables_.push_back(std::move(variable));
}

Result<const Variable*> SurveyFrame::Find(const std::string& name) const {
  auto it = index_.find(name);
  if (it != index_.end()) return &variables_[it->second];
  std::vector<std::string> known;
  for (size_t col = 0; col < variables_.size() && col < 8; ++col) known.push_back(variables_[col].name);
  return InvalidArgumentError(msg::NoSuchColumn(name, known, variables_.size() > 8));
}

}  // namespace sz::survey
