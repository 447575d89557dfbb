#include "detection/series_table.h"

#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>
#include <string_view>

#include "core/date.h"
#include "core/numbers.h"
#include "core/period.h"
#include "detection/messages.h"

namespace sz::detection {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// A missing cell as R and the desks write it: empty (or only spaces), NA, "." or NaN.
bool IsMissing(std::string_view cell) {
  while (!cell.empty() && (cell.front() == ' ' || cell.front() == '\t')) cell.remove_prefix(1);
  while (!cell.empty() && (cell.back() == ' ' || cell.back() == '\t')) cell.remove_suffix(1);
  return cell.empty() || cell == "NA" || cell == "." || cell == "NaN";
}

bool AllMissing(const std::vector<std::vector<std::string>>& rows, int col) {
  for (const std::vector<std::string>& cells : rows) {
    if (!IsMissing(cells[col])) return false;
  }
  return true;
}

// A whole number in int range, as core/numbers.h ParseNumber reads it ("2024", "7,0"); nullopt otherwise.
std::optional<int> ParseWhole(const std::string& cell) {
  const std::optional<double> value = ParseNumber(cell);
  if (!value || *value != std::floor(*value) || *value < std::numeric_limits<int>::min() ||
      *value > std::numeric_limits<int>::max()) {
    return std::nullopt;
  }
  return static_cast<int>(*value);
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

Result<Series> SeriesFromTable(const std::vector<std::string>& header,
                               const std::vector<std::vector<std::string>>& rows, int frequency,
                               const std::vector<long>& line_numbers) {
  auto line = [&](size_t row) { return row < line_numbers.size() ? line_numbers[row] : static_cast<long>(row) + 2; };
  const int observed_col = FindColumn(header, "observed");
  if (observed_col < 0) return DataError(msg::NoObservedColumn(header));
  int population_col = FindColumn(header, "population");
  // English names as R users write them, or the Dutch ones of Samenzicht's exports.
  int year_col = FindColumn(header, "year");
  if (year_col < 0) year_col = FindColumn(header, "jaar");
  int period_col = frequency == 12 ? FindColumn(header, "month") : -1;
  if (period_col < 0 && frequency == 12) period_col = FindColumn(header, "maand");
  if (period_col < 0) period_col = FindColumn(header, "week");
  int date_col = FindColumn(header, "date");
  if (rows.empty()) return DataError(msg::NoRows());
  for (size_t row = 0; row < rows.size(); ++row) {
    if (rows[row].size() != header.size())
      return DataError(msg::RowCellCount(line(row), rows[row].size(), header.size()));
  }
  // A date or population column without a single value (as R writes an all-NA column) is absent.
  if (date_col >= 0 && AllMissing(rows, date_col)) date_col = -1;
  if (population_col >= 0 && AllMissing(rows, population_col)) population_col = -1;
  Series series;
  series.frequency = frequency;
  series.observed.reserve(rows.size());
  int previous_year = 0, previous_period = 0;
  for (size_t row = 0; row < rows.size(); ++row) {
    const std::vector<std::string>& cells = rows[row];
    const std::string& cell = cells[observed_col];
    double value = kNaN;
    if (!IsMissing(cell)) {
      const std::optional<double> count = ParseNumber(cell);
      if (!count || *count < 0 || *count != std::floor(*count)) return DataError(msg::NotACount(line(row), cell));
      value = *count;
    }
    series.observed.push_back(value);
    if (date_col >= 0) {
      if (IsMissing(cells[date_col])) return DataError(msg::DateMissing(line(row)));
      Result<Date> date = ParseDate(cells[date_col]);
      if (!date.ok()) return date.status().WithContext(msg::InDateColumn(line(row)));
      if (!series.dates.empty() && !(series.dates.back() < *date)) {
        return DataError(msg::DateNotAfter(line(row), date->ToIso(), series.dates.back().ToIso()));
      }
      series.dates.push_back(*date);
    }
    if (population_col >= 0) {
      if (IsMissing(cells[population_col])) return DataError(msg::PopulationMissing(line(row)));
      const std::optional<double> population = ParseNumber(cells[population_col]);
      if (!population || !(*population > 0)) {
        return DataError(msg::NotAPositivePopulation(line(row), cells[population_col]));
      }
      series.population.push_back(*population);
    }
    if (period_col >= 0) {
      if (IsMissing(cells[period_col])) {
        return DataError(msg::PeriodMissing(line(row), header[period_col], frequency == 12));
      }
      const std::optional<int> period = ParseWhole(cells[period_col]);
      if (!period || *period < 1) return DataError(msg::NotAPeriod(line(row), header[period_col], cells[period_col]));
      if (row == 0) series.start_week = *period;
      if (year_col >= 0) {
        if (IsMissing(cells[year_col]))
          return DataError(msg::YearMissing(line(row), header[year_col], frequency == 12));
        const std::optional<int> year_value = ParseWhole(cells[year_col]);
        if (!year_value) return DataError(msg::NotAYear(line(row), header[year_col], cells[year_col]));
        const int year = *year_value;
        const int p = *period;
        const int periods_in_year = frequency == 12 ? 12 : IsoWeeksInYear(year);
        if (p > periods_in_year) {
          return DataError(msg::NoSuchPeriod(line(row), year, p, periods_in_year, frequency == 12));
        }
        if (row > 0) {
          // A year may end at week 52 even if its ISO year has 53 (R-style 52-week years).
          const int last_period = frequency == 12 ? 12 : 52;
          const bool next_in_year = year == previous_year && p == previous_period + 1;
          const bool next_year = year == previous_year + 1 && p == 1 && previous_period >= last_period;
          if (!next_in_year && !next_year) {
            return DataError(msg::PeriodGap(line(row), year, p, previous_year, previous_period, frequency == 12));
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
