#include "pipeline/detect_eval.h"

#include <chrono>
#include <cmath>
#include <limits>
#include <map>

#include "core/period.h"
#include "detection/batch.h"
#include "io/text_table.h"

namespace sz::pipeline {
namespace {

constexpr int kFirstEvaluatedWeek = 52 * 5 + 3 + 1;

Result<int> Column(const io::TextTable& table, const std::string& name) {
  int col = table.ColumnIndex(name);
  if (col < 0) return DataError(table.path + ": column '" + name + "' missing");
  return col;
}

Result<IsoWeek> ParseWeek(const std::string& path, long line, const std::string& text) {
  auto period = Period::Parse(text);
  if (!period.ok() || period->kind() != PeriodKind::kWeek) {
    return DataError(path + ": line " + std::to_string(line) + ": '" + text + "' is not an ISO week");
  }
  return IsoWeek{period->year(), period->number()};
}

}  // namespace

std::vector<MethodVariant> DefaultMethodVariants() {
  return {
      {"farrington", "farrington", {}},
      {"farringtonFlexible", "farringtonFlexible", {}},
      {"farringtonFlexible (Noufaily)",
       "farringtonFlexible",
       {{"noPeriods", "10"}, {"pastWeeksNotIncluded", "26"}, {"pThresholdTrend", "1"}, {"thresholdMethod", "nbPlugin"}}},
      {"earsC1", "earsC1", {}},
      {"earsC2", "earsC2", {}},
      {"earsC3", "earsC3", {}},
      {"cusum", "cusum", {}},
  };
}

Result<DetectEvalReport> EvaluateDetection(const DetectEvalRequest& request) {
  ASSIGN_OR_RETURN(io::TextTable counts, io::ReadTextTable(request.data_dir + "/infectieziekten/infectieziekten.csv"));
  ASSIGN_OR_RETURN(int week_col, Column(counts, "week"));
  ASSIGN_OR_RETURN(int gemeente_col, Column(counts, "gemeente"));
  ASSIGN_OR_RETURN(int disease_col, Column(counts, "ziekte"));
  ASSIGN_OR_RETURN(int count_col, Column(counts, "aantal"));
  if (counts.rows.empty()) return DataError(counts.path + ": no rows");

  // Week span.
  int64_t first = std::numeric_limits<int64_t>::max(), last = std::numeric_limits<int64_t>::min();
  std::vector<int64_t> ordinal(counts.rows.size());
  for (size_t r = 0; r < counts.rows.size(); ++r) {
    ASSIGN_OR_RETURN(IsoWeek week, ParseWeek(counts.path, counts.line_numbers[r], counts.rows[r][week_col]));
    ordinal[r] = week.Ordinal();
    first = std::min(first, ordinal[r]);
    last = std::max(last, ordinal[r]);
  }
  const int weeks = static_cast<int>(last - first + 1);
  DetectEvalReport report;
  report.weeks = weeks;
  if (weeks < kFirstEvaluatedWeek + 52) {
    return DataError(counts.path + ": " + std::to_string(weeks) + " weeks of data; the evaluation needs at least " +
                     std::to_string(kFirstEvaluatedWeek + 52) +
                     " (five years of history for farrington plus a year to evaluate): generate 2016-2025");
  }

  // Series per (ziekte, gemeente).
  std::map<std::pair<std::string, std::string>, size_t> index;
  std::vector<detection::Series> series;
  for (size_t r = 0; r < counts.rows.size(); ++r) {
    auto key = std::make_pair(counts.rows[r][disease_col], counts.rows[r][gemeente_col]);
    auto [it, inserted] = index.emplace(key, series.size());
    if (inserted) {
      detection::Series s;
      s.observed.assign(weeks, std::nan(""));
      s.frequency = 52;
      s.start_week = IsoWeek::FromDate(Date::FromDayNumber(first * 7)).week;
      series.push_back(std::move(s));
    }
    char* end = nullptr;
    double value = std::strtod(counts.rows[r][count_col].c_str(), &end);
    if (end == counts.rows[r][count_col].c_str()) {
      return DataError(counts.path + ": line " + std::to_string(counts.line_numbers[r]) + ": count '" +
                       counts.rows[r][count_col] + "' is not a number");
    }
    series[it->second].observed[ordinal[r] - first] = value;
  }
  report.series = static_cast<int>(series.size());
  report.evaluated_weeks = weeks - kFirstEvaluatedWeek + 1;

  // Outbreaks as 1-based time intervals of their series.
  ASSIGN_OR_RETURN(io::TextTable truth, io::ReadTextTable(request.data_dir + "/truth/outbreaks.csv"));
  ASSIGN_OR_RETURN(int t_disease, Column(truth, "ziekte"));
  ASSIGN_OR_RETURN(int t_gemeente, Column(truth, "gemeente"));
  ASSIGN_OR_RETURN(int t_first, Column(truth, "eerste_week"));
  ASSIGN_OR_RETURN(int t_last, Column(truth, "laatste_week"));
  std::vector<std::vector<detection::OutbreakInterval>> outbreaks(series.size());
  for (size_t r = 0; r < truth.rows.size(); ++r) {
    auto it = index.find({truth.rows[r][t_disease], truth.rows[r][t_gemeente]});
    if (it == index.end()) continue;  // a series the counts file does not have
    ASSIGN_OR_RETURN(IsoWeek a, ParseWeek(truth.path, truth.line_numbers[r], truth.rows[r][t_first]));
    ASSIGN_OR_RETURN(IsoWeek b, ParseWeek(truth.path, truth.line_numbers[r], truth.rows[r][t_last]));
    detection::OutbreakInterval interval{static_cast<int>(a.Ordinal() - first) + 1,
                                         static_cast<int>(b.Ordinal() - first) + 1};
    if (interval.last >= kFirstEvaluatedWeek) ++report.outbreaks_in_range;
    outbreaks[it->second].push_back(interval);
  }

  for (const MethodVariant& variant : request.methods) {
    detection::ControlOptions control = variant.control;
    control.emplace_back("range", std::to_string(kFirstEvaluatedWeek) + ":" + std::to_string(weeks));
    ASSIGN_OR_RETURN(detection::Detector detector, detection::MakeDetector(variant.method, control));
    auto start = std::chrono::steady_clock::now();
    auto results = detection::DetectBatch(detector, series, detection::BatchOptions{.threads = request.threads});
    MethodScore score;
    score.variant = variant;
    score.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    for (size_t i = 0; i < results.size(); ++i) {
      if (!results[i].ok()) {
        ++score.series_failed;
        continue;
      }
      score.counts.Merge(detection::EvaluateSeries(*results[i], outbreaks[i], 52));
    }
    report.methods.push_back(std::move(score));
  }
  return report;
}

}  // namespace sz::pipeline
