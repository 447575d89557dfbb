#include "detection/series_table.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

#include "core/date.h"
#include "core/period.h"

namespace sz::detection {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool IsMissing(const std::string& cell) { return cell.empty() || cell == "NA" || cell == "." || cell == "NaN"; }

// Parses "12", "12.5" or "12,5" (decimal comma); false if not a number.
bool ParseNumber(std::string cell, double* out) {
  while (!cell.empty() && cell.back() == ' ') cell.pop_back();
  size_t start = 0;
  while (start < cell.size() && cell[start] == ' ') ++start;
  cell = cell.substr(start);
  if (cell.find('.') == std::string::npos) {
    const size_t comma = cell.find(',');
    if (comma != std::string::npos && cell.find(',', comma + 1) == std::string::npos) cell[comma] = '.';
  }
  const char* end = cell.data() + cell.size();
  auto [ptr, ec] = std::from_chars(cell.data(), end, *out);
  return ec == std::errc() && ptr == end && !cell.empty();
}

int FindColumn(const std::vector<std::string>& header, const std::string& name) {
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace

std::string FormatValue(double value) {
  if (std::isnan(value)) return "NA";
  if (std::isinf(value)) return value > 0 ? "Inf" : "-Inf";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.15g", value);
  return buffer;
}

Result<Series> SeriesFromTable(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                               int frequency, const std::vector<long>& line_numbers) {
  auto line = [&](size_t row) {
    return "line " + std::to_string(row < line_numbers.size() ? line_numbers[row] : static_cast<long>(row) + 2);
  };
  const int observed_col = FindColumn(header, "observed");
  if (observed_col < 0) {
    std::string columns;
    for (const std::string& name : header) columns += (columns.empty() ? "" : ", ") + name;
    return DataError("no column 'observed' (columns found: " + columns + ")");
  }
  const int population_col = FindColumn(header, "population");
  // English names as R users write them, or the Dutch ones of Samenzicht's exports.
  int year_col = FindColumn(header, "year");
  if (year_col < 0) year_col = FindColumn(header, "jaar");
  int period_col = frequency == 12 ? FindColumn(header, "month") : -1;
  if (period_col < 0 && frequency == 12) period_col = FindColumn(header, "maand");
  if (period_col < 0) period_col = FindColumn(header, "week");
  const int date_col = FindColumn(header, "date");
  if (rows.empty()) return DataError("the series has no rows");
  Series series;
  series.frequency = frequency;
  series.observed.reserve(rows.size());
  int previous_year = 0, previous_period = 0;
  for (size_t row = 0; row < rows.size(); ++row) {
    const std::vector<std::string>& cells = rows[row];
    const std::string& cell = cells[observed_col];
    double value = kNaN;
    if (!IsMissing(cell)) {
      if (!ParseNumber(cell, &value) || value < 0 || value != std::floor(value)) {
        return DataError(line(row) + ": observed '" + cell + "' is not a count (a whole number ≥ 0, or empty/NA)");
      }
    }
    series.observed.push_back(value);
    if (date_col >= 0) {
      Result<Date> date = ParseDate(cells[date_col]);
      if (!date.ok()) return date.status().WithContext(line(row) + ": date");
      if (!series.dates.empty() && !(series.dates.back() < *date)) {
        return DataError(line(row) + ": date " + date->ToIso() + " does not come after " +
                         series.dates.back().ToIso() + " (rows must be in time order)");
      }
      series.dates.push_back(*date);
    }
    if (population_col >= 0) {
      double pop = 0;
      if (!ParseNumber(cells[population_col], &pop) || !(pop > 0)) {
        return DataError(line(row) + ": population '" + cells[population_col] + "' is not a positive number");
      }
      series.population.push_back(pop);
    }
    if (period_col >= 0) {
      double period = 0;
      if (!ParseNumber(cells[period_col], &period) || period < 1 || period != std::floor(period)) {
        return DataError(line(row) + ": " + header[period_col] + " '" + cells[period_col] + "' is not a number ≥ 1");
      }
      if (row == 0) series.start_week = static_cast<int>(period);
      if (year_col >= 0) {
        double year_value = 0;
        if (!ParseNumber(cells[year_col], &year_value)) {
          return DataError(line(row) + ": year '" + cells[year_col] + "' is not a number");
        }
        const int year = static_cast<int>(year_value);
        const int p = static_cast<int>(period);
        const int periods_in_year = frequency == 12 ? 12 : IsoWeeksInYear(year);
        if (p > periods_in_year) {
          return DataError(line(row) + ": " + std::to_string(year) + " has no " + header[period_col] + " " +
                           std::to_string(p) + " (it has " + std::to_string(periods_in_year) + ")");
        }
        if (row > 0) {
          // A year may end at week 52 even if its ISO year has 53 (R-style 52-week years).
          const int last_period = frequency == 12 ? 12 : 52;
          const bool next_in_year = year == previous_year && p == previous_period + 1;
          const bool next_year = year == previous_year + 1 && p == 1 && previous_period >= last_period;
          if (!next_in_year && !next_year) {
            return DataError(line(row) + ": " + std::to_string(year) + "-" + std::to_string(p) + " does not follow " +
                             std::to_string(previous_year) + "-" + std::to_string(previous_period) +
                             " (rows must be consecutive " + (frequency == 12 ? "months" : "ISO weeks") +
                             " in time order; add a missing period as a row with an empty observed count)");
          }
        }
        previous_year = year;
        previous_period = p;
      }
    }
  }
  return series;
}

std::vector<std::string> ResultHeader(const DetectionResult& result) {
  std::vector<std::string> header = {"t", "observed", "expected", "upperbound", "alarm"};
  if (result.has_score) header.push_back("score");
  if (result.has_pvalue) header.push_back("pvalue");
  return header;
}

std::vector<std::vector<std::string>> ResultRows(const DetectionResult& result) {
  std::vector<std::vector<std::string>> rows;
  rows.reserve(result.size());
  for (int row = 0; row < result.size(); ++row) {
    std::vector<std::string> cells = {std::to_string(result.time[row]), FormatValue(result.observed[row]),
                                      FormatValue(result.expected[row]), FormatValue(result.upperbound[row]),
                                      result.alarm[row] == kAlarmNA ? "NA" : std::to_string(result.alarm[row])};
    if (result.has_score) cells.push_back(FormatValue(result.score[row]));
    if (result.has_pvalue) cells.push_back(FormatValue(result.pvalue[row]));
    rows.push_back(std::move(cells));
  }
  return rows;
}

}  // namespace sz::detection
