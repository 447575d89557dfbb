// Test helper: writes a small SPSS .sav file with ReadStat's writer, so .sav reading and ingest can
// be tested without shipping binary fixtures.
#pragma once

#include <fcntl.h>
#include <readstat.h>
#include <unistd.h>

#include <map>
#include <string>
#include <vector>

namespace sz::testing {

struct SavColumn {
  std::string name;
  bool numeric = true;
  std::map<double, std::string> labels;  // value labels (numeric columns)
};

namespace internal {
inline ssize_t WriteBytes(const void* data, size_t len, void* ctx) {
  return write(*static_cast<int*>(ctx), data, len);
}
}  // namespace internal

// Cells are text; "" is system-missing for numeric columns. Returns false on failure.
inline bool WriteSav(const std::string& path, const std::vector<SavColumn>& columns,
                     const std::vector<std::vector<std::string>>& rows) {
  int fd = open(path.c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0644);
  if (fd < 0) return false;
  readstat_writer_t* writer = readstat_writer_init();
  readstat_set_data_writer(writer, internal::WriteBytes);
  std::vector<readstat_variable_t*> variables;
  for (const SavColumn& column : columns) {
    readstat_label_set_t* label_set = nullptr;
    if (!column.labels.empty()) {
      label_set = readstat_add_label_set(writer, READSTAT_TYPE_DOUBLE, (column.name + "_labels").c_str());
      for (const auto& [value, label] : column.labels) readstat_label_double_value(label_set, value, label.c_str());
    }
    readstat_variable_t* variable = readstat_add_variable(
        writer, column.name.c_str(), column.numeric ? READSTAT_TYPE_DOUBLE : READSTAT_TYPE_STRING,
        column.numeric ? 0 : 64);
    if (label_set) readstat_variable_set_label_set(variable, label_set);
    variables.push_back(variable);
  }
  bool ok = readstat_begin_writing_sav(writer, &fd, static_cast<long>(rows.size())) == READSTAT_OK;
  for (const auto& row : rows) {
    ok = ok && readstat_begin_row(writer) == READSTAT_OK;
    for (size_t c = 0; c < columns.size() && ok; ++c) {
      if (columns[c].numeric) {
        ok = (row[c].empty() ? readstat_insert_missing_value(writer, variables[c])
                             : readstat_insert_double_value(writer, variables[c], std::stod(row[c]))) == READSTAT_OK;
      } else {
        ok = readstat_insert_string_value(writer, variables[c], row[c].c_str()) == READSTAT_OK;
      }
    }
    ok = ok && readstat_end_row(writer) == READSTAT_OK;
  }
  ok = ok && readstat_end_writing(writer) == READSTAT_OK;
  readstat_writer_free(writer);
  close(fd);
  return ok;
}

}  // namespace sz::testing
