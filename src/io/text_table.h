// TextTable: a whole delimited file (CSV/TSV) or SPSS .sav file read into memory as UTF-8 text
// cells, for commands that work on one analysis file at a time (survey, detect, link-eval).
// Large ingests stream with CsvReader (csv_reader.h) instead.
//
//   ASSIGN_OR_RETURN(TextTable table, ReadTextTable("monitor.sav"));
//   int col = table.ColumnIndex("gemeente");        // -1 if absent
//   for (size_t row = 0; row < table.rows.size(); ++row) Use(table.rows[row][col]);
//
// Contract:
// - The format is chosen by content: the .sav magic "$FL2"/"$FL3" means SPSS (read with ReadStat);
//   anything else is delimited text whose dialect and encoding are detected (dialect.h,
//   text_encoding.h) and reported in `description`.
// - Every row has exactly header.size() cells. A text row with fewer or more cells is an error
//   naming the file and line (use CsvReader to keep going past bad rows).
// - Missing values are empty strings: empty CSV cells, SPSS system-missing and user-missing values.
// - SPSS numeric cells are written with up to 15 significant digits ("1", "0.25", "1234.5"); SPSS
//   value labels are kept in value_labels[column][value] = label.
// - Errors: kNotFound (no such file), kDataError (empty file, unreadable content, bad encoding),
//   kIoError (read failure). Messages name the file.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace sz::io {

struct TextTable {
  std::string path;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<long> line_numbers;  // physical line (1-based) where each row starts; for .sav: row number + 1
  std::map<std::string, std::map<std::string, std::string>> value_labels;  // .sav only
  std::string description;  // e.g. "CSV, separator ';', Windows-1252 converted to UTF-8"

  // Index of a column by exact name, or -1.
  int ColumnIndex(const std::string& name) const;
};

Result<TextTable> ReadTextTable(const std::string& path);

// True if the bytes start with the SPSS system-file magic ("$FL2", or "$FL3" for ZSAV).
bool LooksLikeSav(std::string_view first_bytes);
// Reads an SPSS .sav file (as ReadTextTable does for such files).
Result<TextTable> ReadSavFile(const std::string& path);

}  // namespace sz::io
