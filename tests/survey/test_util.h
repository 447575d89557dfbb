// Test helpers for the survey tests: a small RFC-4180 CSV reader (the golden files are written by R's
// write.csv) and the relative comparison used against R.
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "survey/frame.h"

namespace sz::survey::testing {

struct Csv {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  int Col(const std::string& name) const {
    for (size_t c = 0; c < header.size(); ++c) {
      if (header[c] == name) return static_cast<int>(c);
    }
    ADD_FAILURE() << "no column " << name;
    return 0;
  }
};

inline std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string cell;
  bool quoted = false, any = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char ch = text[i];
    if (quoted) {
      if (ch == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (ch == '"') {
        quoted = false;
      } else {
        cell += ch;
      }
    } else if (ch == '"') {
      quoted = true;
      any = true;
    } else if (ch == ',') {
      record.push_back(cell);
      cell.clear();
      any = true;
    } else if (ch == '\n') {
      record.push_back(cell);
      records.push_back(record);
      record.clear();
      cell.clear();
      any = false;
    } else if (ch != '\r') {
      cell += ch;
      any = true;
    }
  }
  if (any) {
    record.push_back(cell);
    records.push_back(record);
  }
  return records;
}

inline Csv ReadCsv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  std::stringstream buffer;
  buffer << in.rdbuf();
  auto records = ParseCsv(buffer.str());
  Csv csv;
  if (records.empty()) return csv;
  csv.header = records.front();
  csv.rows.assign(records.begin() + 1, records.end());
  return csv;
}

inline std::string GoldenDir() { return std::string(SZ_TEST_DATA_DIR) + "/golden/survey/"; }

inline SurveyFrame ReadFrame(const std::string& name) {
  Csv csv = ReadCsv(GoldenDir() + name + ".csv");
  auto frame = SurveyFrame::FromRows(csv.header, csv.rows);
  EXPECT_TRUE(frame.ok()) << frame.status().ToString();
  return std::move(frame).value();
}

// Parses R output: "NA" → NaN.
inline double RNumber(const std::string& cell) {
  if (cell == "NA" || cell.empty() || cell == "NaN") return NAN;
  return std::stod(cell);
}

// |actual − expected| ≤ 1e-6·|expected| (or 1e-9 absolute near 0); NA must match NaN.
inline ::testing::AssertionResult NearR(double actual, double expected, double rel = 1e-6) {
  if (std::isnan(expected) || std::isnan(actual)) {
    if (std::isnan(expected) && std::isnan(actual)) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "actual " << actual << " expected " << expected;
  }
  if (std::isinf(expected) && actual == expected) return ::testing::AssertionSuccess();
  double diff = std::fabs(actual - expected);
  if (diff <= rel * std::fabs(expected) || diff <= 1e-9) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "actual " << actual << " expected " << expected << " (rel diff "
                                       << diff / std::fabs(expected) << ")";
}

inline std::vector<std::string> Split(const std::string& text, char sep) {
  std::vector<std::string> parts;
  if (text.empty()) return parts;
  std::string part;
  std::stringstream in(text);
  while (std::getline(in, part, sep)) parts.push_back(part);
  return parts;
}

}  // namespace sz::survey::testing
