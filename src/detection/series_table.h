// Text tables ↔ detection values, for `samenzicht detect` and other file-based callers: a table
// of cells (as io::ReadTextTable returns it) becomes a Series, a DetectionResult becomes rows.
//
// Contract for SeriesFromTable(header, rows, frequency, line_numbers):
// - One row per time point in time order. Column `observed` is required; `population`, `year`
//   and `week` (or `month` for frequency 12; Dutch `jaar`, `maand` too) are optional. Other
//   columns are ignored.
//   Methods work on the row index (R's epochAsDate = FALSE), so after a 53-week ISO year the
//   reference weeks b years back shift by one week, exactly as in R.
// - A column `date` (ISO 2024-01-29 or Dutch 29-01-2024, one per row, increasing) makes the
//   series date-based: farringtonFlexible and farrington then take the same calendar week b years
//   back, as R with epochAsDate = TRUE. Without it, reference weeks are counted in rows.
// - Missing values are written as R writes NA: an empty cell (or only spaces), "NA", "." or "NaN".
//   * observed: a missing count becomes NaN (R's NA).
//   * date: a column whose every cell is missing (R's write.csv of an all-NA date column) counts
//     as absent: the series is index-based, as without the column. A date column with some dates
//     and some missing cells is an error naming the first line without a date (a date-based
//     series needs a date on every row).
//   * population: a column whose every cell is missing counts as absent (population 1). Otherwise
//     a missing population is an error naming the line (R's surveillance has no missing
//     population either).
//   * year, week, month: a missing cell is an error naming the line (add a missing week as a row
//     with its year and week and an empty count).
// - Numbers are read by core/numbers.h ParseNumber (decimal comma, Dutch thousands dots).
//   Counts must be whole and ≥ 0; population > 0; year and week (month) whole, week ≥ 1. With
//   `year` and `week`, consecutive rows must be consecutive weeks: week 53 only in ISO years that
//   have it, and a year may also end at week 52 (R-style 52-week years); a gap is an error naming
//   the line (add the missing week as a row with an empty count). The first row's week becomes
//   start_week.
// - Every row has header.size() cells.
// - Errors are kDataError (Dutch, detection/messages.h) and name the line (line_numbers, 1-based
//   physical lines; row+2 if empty).
//
// ResultHeader/ResultRows: columns t, observed, expected, upperbound, alarm (0/1) and, where the
// method defines them, score and pvalue; "NA" where the value is NA; numbers with 15 significant
// digits.
// Thread safety: pure functions.
//
// Checked by tests/detection/series_table_test.cc.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "detection/series.h"

namespace sz::detection {

Result<Series> SeriesFromTable(const std::vector<std::string>& header,
                               const std::vector<std::vector<std::string>>& rows, int frequency,
                               const std::vector<long>& line_numbers = {});

std::vector<std::string> ResultHeader(const DetectionResult& result);
std::vector<std::vector<std::string>> ResultRows(const DetectionResult& result);

// "NA" for NaN, "Inf"/"-Inf", otherwise %.15g.
std::string FormatValue(double value);

}  // namespace sz::detection
