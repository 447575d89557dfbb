#include "pipeline/detect_eval.h"

#include <chrono>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "detection/batch.h"
#include "pipeline/ingest.h"
#include "pipeline/messages.h"
#include "pipeline/output_file.h"
#include "pipeline/series.h"
#include "pipeline/truth.h"

namespace sz::pipeline {
namespace {

constexpr int kFirstEvaluatedWeek = 52 * 5 + 3 + 1;

// The weekly gemeente × ziekte series of infectieziekten in `store`.
Result<std::vector<CountSeries>> InfectionSeries(store::Store& store, const RegionTable& regions) {
  return CountSeriesFromStore(
      store, regions, {.source = "infectieziekten", .level = RegionLevel::kGemeente, .category_column = "ziekte"});
}

}  // namespace

std::vector<MethodVariant> DefaultMethodVariants() {
  return {
      {"farrington", "farrington", {}},
      {"farringtonFlexible", "farringtonFlexible", {}},
      {"farringtonFlexible (Noufaily)",
       "farringtonFlexible",
       {{"noPeriods", "10"},
        {"pastWeeksNotIncluded", "26"},
        {"pThresholdTrend", "1"},
        {"thresholdMethod", "nbPlugin"}}},
      {"earsC1", "earsC1", {}},
      {"earsC2", "earsC2", {}},
      {"earsC3", "earsC3", {}},
      {"cusum", "cusum", {}},
  };
}

Result<DetectEvalReport> EvaluateDetection(Workspace& workspace, const DetectEvalRequest& request) {
  ASSIGN_OR_RETURN(const RegionTable* regions, workspace.Regions());
  std::string truth_dir = request.truth_dir.empty() ? request.data_dir : request.truth_dir;
  if (truth_dir.empty()) return InvalidArgumentError(msg::DetectEvalNeedsTruth());
  std::vector<CountSeries> counts;
  if (!request.data_dir.empty()) {
    // The generator's file, validated as ingest does, into a store of its own in memory.
    ASSIGN_OR_RETURN(std::unique_ptr<store::Store> memory, store::OpenStore("memory:"));
    Workspace files = Workspace::Borrowing(memory.get(), regions, workspace.clock(), workspace.config_dir());
    ASSIGN_OR_RETURN(IngestReport ingested,
                     Ingest(files, {.source = "infectieziekten",
                                    .files = {request.data_dir + "/infectieziekten/infectieziekten.csv"}}));
    if (ingested.TotalRejected() > 0) {
      return DataError(msg::RejectedInFile(ingested.files.front().file, ingested.TotalRejected(),
                                           ingested.files.front().first_rejects.front().reason));
    }
    ASSIGN_OR_RETURN(counts, InfectionSeries(*memory, *regions));
  } else {
    ASSIGN_OR_RETURN(store::Store * store, workspace.Store());
    ASSIGN_OR_RETURN(counts, InfectionSeries(*store, *regions));
  }
  if (counts.empty()) return DataError(msg::NoRowsForSeries("infectieziekten"));
  const int weeks = counts.front().series.size();
  DetectEvalReport report;
  report.weeks = weeks;
  if (weeks < kFirstEvaluatedWeek + 52) return DataError(msg::TooFewWeeks(weeks, kFirstEvaluatedWeek + 52));
  const int64_t first = IsoWeek{counts.front().first.year(), counts.front().first.number()}.Ordinal();

  std::map<std::pair<std::string, std::string>, size_t> index;  // (ziekte, gemeente) → series
  std::vector<detection::Series> series;
  for (CountSeries& count : counts) {
    index.emplace(std::make_pair(count.category, count.region), series.size());
    series.push_back(std::move(count.series));
  }
  report.series = static_cast<int>(series.size());
  report.evaluated_weeks = weeks - kFirstEvaluatedWeek + 1;

  // Outbreaks as 1-based time intervals of their series.
  ASSIGN_OR_RETURN(std::vector<TrueOutbreak> truth, ReadOutbreakTruth(truth_dir));
  std::vector<std::vector<detection::OutbreakInterval>> outbreaks(series.size());
  for (const TrueOutbreak& outbreak : truth) {
    auto it = index.find({outbreak.ziekte, outbreak.gemeente});
    if (it == index.end()) continue;  // a series the counts do not have
    detection::OutbreakInterval interval{static_cast<int>(outbreak.first.Ordinal() - first) + 1,
                                         static_cast<int>(outbreak.last.Ordinal() - first) + 1};
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

Status WriteDetectEvalJson(const DetectEvalReport& report, const std::string& path) {
  nlohmann::json json = nlohmann::json::array();
  auto number = [](double value) { return std::isnan(value) ? nlohmann::json(nullptr) : nlohmann::json(value); };
  for (const MethodScore& method : report.methods) {
    const detection::EvaluationCounts& counts = method.counts;
    json.push_back({{"method", method.variant.label},
                    {"outbreaks", counts.outbreaks},
                    {"detected", counts.detected},
                    {"probability_of_detection", number(counts.ProbabilityOfDetection())},
                    {"false_alarms_per_series_year", number(counts.FalseAlarmsPerSeriesYear())},
                    {"median_days_to_detection", number(counts.MedianDelayDays())},
                    {"mean_days_to_detection", number(counts.MeanDelayDays())},
                    {"series_failed", method.series_failed},
                    {"seconds", method.seconds}});
  }
  return WriteJsonFile(json.dump(2) + "\n", path);
}

}  // namespace sz::pipeline
