// Test helper: reads the golden files written by scripts/golden/detection.R (small CSVs, "NA" for
// missing, quoted fields only in cases.csv). Header-only, test code only.
#pragma once

#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "detection/detector.h"
#include "detection/series.h"

namespace sz::detection::testing {

inline std::string GoldenDir() { return std::string(SZ_TEST_DATA_DIR) + "/golden/detection"; }

struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  int Column(const std::string& name) const {
    for (size_t i = 0; i < header.size(); ++i) {
      if (header[i] == name) return static_cast<int>(i);
    }
    return -1;
  }
};

inline std::vector<std::string> SplitCsvLine(const std::string& line) {
  std::vector<std::string> cells;
  std::string cell;
  bool quoted = false;
  for (char c : line) {
    if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      cells.push_back(cell);
      cell.clear();
    } else if (c != '\r') {
      cell += c;
    }
  }
  cells.push_back(cell);
  return cells;
}

inline CsvTable ReadCsv(const std::string& path) {
  CsvTable table;
  std::ifstream in(path);
  std::string line;
  if (!std::getline(in, line)) return table;
  table.header = SplitCsvLine(line);
  while (std::getline(in, line)) {
    if (!line.empty()) table.rows.push_back(SplitCsvLine(line));
  }
  return table;
}

inline double ParseCell(const std::string& cell) {
  if (cell == "NA" || cell.empty()) return std::numeric_limits<double>::quiet_NaN();
  if (cell == "Inf") return std::numeric_limits<double>::infinity();
  if (cell == "-Inf") return -std::numeric_limits<double>::infinity();
  return std::stod(cell);
}

inline std::vector<double> Column(const CsvTable& table, const std::string& name) {
  std::vector<double> values;
  const int col = table.Column(name);
  if (col < 0) return values;
  for (const auto& row : table.rows) values.push_back(ParseCell(row[col]));
  return values;
}

struct GoldenCase {
  std::string name;
  std::string series;
  int frequency = 52;
  std::string method;
  std::string options;
};

inline void PrintTo(const GoldenCase& golden, std::ostream* os) {
  *os << golden.name << " (" << golden.method << " " << golden.options << ")";
}

inline std::vector<GoldenCase> ReadGoldenCases() {
  std::vector<GoldenCase> cases;
  const CsvTable table = ReadCsv(GoldenDir() + "/cases.csv");
  for (const auto& row : table.rows) {
    cases.push_back({row[table.Column("case")], row[table.Column("series")],
                     std::stoi(row[table.Column("frequency")]), row[table.Column("method")],
                     row[table.Column("options")]});
  }
  return cases;
}

inline Series ReadGoldenSeries(const std::string& name, int frequency) {
  const CsvTable table = ReadCsv(GoldenDir() + "/series/" + name + ".csv");
  Series series;
  series.observed = Column(table, "observed");
  series.population = Column(table, "population");
  series.frequency = frequency;
  const std::vector<double> weeks = Column(table, "week");
  if (!weeks.empty()) series.start_week = static_cast<int>(weeks[0]);
  const int date_col = table.Column("date");
  if (date_col >= 0) {  // date-based series (R's epochAsDate = TRUE)
    for (const auto& row : table.rows) series.dates.push_back(*ParseDate(row[date_col], DateFormat::kIso));
  }
  return series;
}

// "b=5;w=3;range=264:312" → {{"b","5"},{"w","3"},{"range","264:312"}}.
inline ControlOptions ParseOptionString(const std::string& options) {
  ControlOptions parsed;
  std::stringstream stream(options);
  std::string pair;
  while (std::getline(stream, pair, ';')) {
    if (pair.empty()) continue;
    const size_t eq = pair.find('=');
    parsed.emplace_back(pair.substr(0, eq), pair.substr(eq + 1));
  }
  return parsed;
}

}  // namespace sz::detection::testing
