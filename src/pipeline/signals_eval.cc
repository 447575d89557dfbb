#include "pipeline/signals_eval.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "core/period.h"
#include "pipeline/internal/crossdesk_signals.h"
#include "pipeline/internal/signal_series.h"
#include "pipeline/messages.h"
#include "pipeline/output_file.h"
#include "pipeline/truth.h"
#include "signals/crossdesk.h"
#include "signals/fdr.h"
#include "signals/messages.h"
#include "store/indicator_values.h"

namespace sz::pipeline {
namespace {

using internal::PeriodOrdinal;

constexpr int kClusterLateWeeks = 4;  // a dwarsverband found up to 4 weeks after the cluster's last week

// One significant week of one key.
struct Detection {
  std::string key;
  int week = 0;  // offset in the replayed weeks
  std::string method;
  int series = -1;      // index into the weekly series, or −1 for a dwarsverband
  int cluster = -1;     // index into the week's clusters
  int comovement = -1;  // index into the week's co-movement pairs
};

// What the cross-desk part of the stage tests at one replayed week: the clusters of the scan and the
// co-movement of every pair of desks across wijken, over the same 13 weeks and baselines.
struct WeekCrossDesk {
  std::vector<signals::ScanCluster> clusters;
  std::vector<internal::CoMovementPair> comovements;
};

// The cross-desk tests ending at each replayed week (empty where the grid has too few weeks).
std::vector<WeekCrossDesk> ScanEveryWeek(const internal::CrossDeskData& data, int64_t first_ordinal, int weeks,
                                         int replications, int threads) {
  std::vector<WeekCrossDesk> out(static_cast<size_t>(weeks));
  const int64_t grid_first = PeriodOrdinal(data.weeks.front());
  std::vector<int> todo;
  for (int k = 0; k < weeks; ++k) {
    const int64_t end = first_ordinal + k - grid_first;
    if (end >= internal::kScanHorizonWeeks + internal::kScanHistoryWeeks - 1 && end < data.grid.weeks)
      todo.push_back(k);
  }
  const int workers =
      std::max(1, std::min<int>(threads > 0 ? threads : static_cast<int>(std::thread::hardware_concurrency()),
                                static_cast<int>(todo.size())));
  std::vector<std::thread> pool;
  for (int w = 0; w < workers; ++w) {
    pool.emplace_back([&, w] {
      for (size_t i = static_cast<size_t>(w); i < todo.size(); i += static_cast<size_t>(workers)) {
        const int k = todo[i];
        const int end = static_cast<int>(first_ordinal + k - grid_first);
        Result<std::vector<signals::ScanCluster>> clusters =
            signals::ScanCrossDeskAt(data.grid, data.zones, end,
                                     {.horizon = internal::kScanHorizonWeeks,
                                      .history = internal::kScanHistoryWeeks,
                                      .scan = {.replications = replications}});
        if (clusters.ok()) out[static_cast<size_t>(k)].clusters = std::move(clusters).value();
        Result<std::vector<double>> baselines =
            signals::CrossDeskBaselines(data.grid, end, internal::kScanHorizonWeeks, internal::kScanHistoryWeeks);
        if (baselines.ok()) {
          out[static_cast<size_t>(k)].comovements =
              internal::TestCoMovements(data, end, internal::kScanHorizonWeeks, *baselines, replications);
        }
      }
    });
  }
  for (std::thread& t : pool) t.join();
  return out;
}

bool ZoneHas(const internal::CrossDeskData& data, const signals::ScanCluster& cluster, const std::string& wijk) {
  for (int w : data.zones[static_cast<size_t>(cluster.zone)].wijken)
    if (data.grid.wijken[static_cast<size_t>(w)] == wijk) return true;
  return false;
}

// Whether a cluster of the scan ending at `ordinal` matches an injected one: the zone contains its
// wijk, the window overlaps its weeks, and at least two desks agree.
bool Matches(const internal::CrossDeskData& data, const signals::ScanCluster& cluster, int64_t ordinal,
             const TrueCrossDeskCluster& truth) {
  const int64_t from = ordinal - cluster.window + 1, first = truth.first.Ordinal(), last = truth.last.Ordinal();
  if (ordinal < first || from > last || !ZoneHas(data, cluster, truth.wijk)) return false;
  int shared = 0;
  for (int k : cluster.streams) {
    const std::string& source = data.streams[static_cast<size_t>(k)].source;
    shared += std::find(truth.sources.begin(), truth.sources.end(), source) != truth.sources.end() ? 1 : 0;
  }
  return shared >= 2;
}

// Whether a co-movement pair tested at `ordinal` coincides with an injected cluster: its 13 weeks overlap
// the cluster's weeks and both of its desks are among the cluster's. (The generator injects no pattern
// across wijken, so this is the most a co-movement signal can be credited with.)
bool Coincides(const internal::CrossDeskData& data, const internal::CoMovementPair& pair, int64_t ordinal,
               const TrueCrossDeskCluster& truth) {
  const int64_t from = ordinal - internal::kScanHorizonWeeks + 1;
  if (ordinal < truth.first.Ordinal() || from > truth.last.Ordinal()) return false;
  for (int k : {pair.a, pair.b}) {
    const std::string& source = data.streams[static_cast<size_t>(k)].source;
    if (std::find(truth.sources.begin(), truth.sources.end(), source) == truth.sources.end()) return false;
  }
  return true;
}

}  // namespace

Result<SignalsEvalReport> EvaluateSignals(Workspace& workspace, const SignalsEvalRequest& request) {
  const auto start = std::chrono::steady_clock::now();
  if (request.data_dir.empty()) return InvalidArgumentError(msg::TruthDirRequired());
  if (request.weeks < 1) return InvalidArgumentError(msg::BadReplayWeeks());
  ASSIGN_OR_RETURN(std::vector<TrueOutbreak> outbreaks, ReadOutbreakTruth(request.data_dir));
  ASSIGN_OR_RETURN(std::vector<TrueCrossDeskCluster> injected, ReadCrossDeskTruth(request.data_dir));
  ASSIGN_OR_RETURN(internal::SignalStage stage, internal::OpenSignalStage(workspace));
  store::Store* store = stage.store;
  const RegionTable* regions = stage.regions;
  const indicators::Catalog& catalog = stage.catalog;
  const indicators::SignalConfig& config = stage.config;
  ASSIGN_OR_RETURN(internal::SignalInputs inputs, internal::LoadSignalInputs(*store, catalog));

  std::vector<internal::SignalSeries> weekly;
  for (internal::SignalSeries& s : inputs.series)
    if (s.series.frequency == 52 && !s.periods.empty()) weekly.push_back(std::move(s));
  if (weekly.empty()) return FailedPreconditionError(msg::NoWeeklySeries());
  int64_t last_ordinal = INT64_MIN;
  for (const internal::SignalSeries& s : weekly) last_ordinal = std::max(last_ordinal, PeriodOrdinal(s.periods.back()));
  const int64_t first_ordinal = last_ordinal - request.weeks + 1;
  SignalsEvalReport report;
  report.weeks = request.weeks;
  report.series = static_cast<int64_t>(weekly.size());
  report.first_week = IsoWeek::FromDate(Date::FromDayNumber(first_ordinal * 7 + 4)).ToString();
  report.last_week = IsoWeek::FromDate(Date::FromDayNumber(last_ordinal * 7 + 4)).ToString();

  // 1. Every weekly series, each replayed week tested once.
  std::vector<detection::Series> series;
  std::vector<signals::MethodChoice> choices;
  for (const internal::SignalSeries& s : weekly) {
    series.push_back(s.series);
    choices.push_back(internal::MethodChoiceOf(s.indicator->signal_method));
  }
  std::vector<Result<signals::SeriesTests>> tested =
      signals::TestAllSeries(series, choices, request.weeks, request.threads);
  struct WeekTest {
    int series;
    const signals::PeriodTest* test;
  };
  std::vector<std::vector<WeekTest>> by_week(static_cast<size_t>(request.weeks));
  for (size_t i = 0; i < weekly.size(); ++i) {
    if (!tested[i].ok()) continue;
    ++report.series_tested;
    ++report.methods[tested[i]->method].series;
    for (const signals::PeriodTest& p : tested[i]->periods) {
      const int64_t k = PeriodOrdinal(weekly[i].periods[static_cast<size_t>(p.t - 1)]) - first_ordinal;
      if (k >= 0 && k < request.weeks && !std::isnan(p.p_value))
        by_week[static_cast<size_t>(k)].push_back({static_cast<int>(i), &p});
    }
  }

  // 2. The scan ending at every replayed week.
  const std::optional<internal::CrossDeskData> data =
      internal::CrossDeskDataOf(internal::WijkSeriesOf(weekly), *regions);
  std::vector<WeekCrossDesk> crossdesk(static_cast<size_t>(request.weeks));
  if (data) crossdesk = ScanEveryWeek(*data, first_ordinal, request.weeks, request.replications, request.threads);
  const std::string scan_method = signals::msg::CrossDeskMethod();
  const std::string comovement_method = signals::msg::CoMovementMethod();
  for (const WeekCrossDesk& week : crossdesk) {
    if (!week.comovements.empty()) {
      report.methods[comovement_method].series =
          std::max<int64_t>(report.methods[comovement_method].series, static_cast<int64_t>(week.comovements.size()));
    }
  }

  // 3. One control per replayed week; significant weeks per key.
  std::vector<Detection> detections;
  for (int k = 0; k < request.weeks; ++k) {
    std::vector<double> p;
    for (const WeekTest& w : by_week[static_cast<size_t>(k)]) p.push_back(w.test->p_value);
    const WeekCrossDesk& week = crossdesk[static_cast<size_t>(k)];
    for (const signals::ScanCluster& c : week.clusters) p.push_back(c.p_gumbel);
    for (const internal::CoMovementPair& pair : week.comovements) p.push_back(pair.result.p_normal);
    const std::vector<double> q = signals::BenjaminiHochberg(p);
    size_t at = 0;
    for (const WeekTest& w : by_week[static_cast<size_t>(k)]) {
      if (w.test->alarm && q[at] <= config.fdr_q) {
        const internal::SignalSeries& s = weekly[static_cast<size_t>(w.series)];
        detections.push_back({.key = "reeks|" + s.indicator->id + "|" + s.region + "|" + s.breakdown,
                              .week = k,
                              .method = tested[static_cast<size_t>(w.series)]->method,
                              .series = w.series});
      }
      ++at;
    }
    for (size_t c = 0; c < week.clusters.size(); ++c, ++at) {
      const signals::ScanCluster& cluster = week.clusters[c];
      if (q[at] <= config.fdr_q && cluster.p_value <= config.fdr_q) {
        detections.push_back({.key = internal::CrossDeskKey(*data, cluster),
                              .week = k,
                              .method = scan_method,
                              .cluster = static_cast<int>(c)});
      }
    }
    for (size_t c = 0; c < week.comovements.size(); ++c, ++at) {
      const internal::CoMovementPair& pair = week.comovements[c];
      if (q[at] <= config.fdr_q && pair.result.p_value <= config.fdr_q) {
        detections.push_back({.key = internal::CoMovementKey(*data, pair, *regions),
                              .week = k,
                              .method = comovement_method,
                              .comovement = static_cast<int>(c)});
      }
    }
  }

  // 4. Signals: runs of significant weeks per key (gaps ≤ max_gap); new in their first week.
  std::sort(detections.begin(), detections.end(),
            [](const Detection& a, const Detection& b) { return a.key != b.key ? a.key < b.key : a.week < b.week; });
  report.new_per_week.assign(static_cast<size_t>(request.weeks), 0);
  for (size_t i = 0; i < detections.size();) {
    size_t j = i + 1;
    while (j < detections.size() && detections[j].key == detections[i].key &&
           detections[j].week - detections[j - 1].week <= config.max_gap + 1)
      ++j;
    ++report.new_per_week[static_cast<size_t>(detections[i].week)];
    ++report.methods[detections[i].method].signals;
    if (detections[i].cluster >= 0 || detections[i].comovement >= 0) {
      ++report.crossdesk_signals;
      bool matched = false;
      for (size_t d = i; d < j && !matched; ++d) {
        const WeekCrossDesk& week = crossdesk[static_cast<size_t>(detections[d].week)];
        const int64_t ordinal = first_ordinal + detections[d].week;
        for (const TrueCrossDeskCluster& truth : injected) {
          matched =
              matched ||
              (detections[d].cluster >= 0
                   ? Matches(*data, week.clusters[static_cast<size_t>(detections[d].cluster)], ordinal, truth)
                   : Coincides(*data, week.comovements[static_cast<size_t>(detections[d].comovement)], ordinal, truth));
        }
      }
      report.crossdesk_signals_true += matched ? 1 : 0;
      if (detections[i].comovement >= 0) {
        ++report.comovement_signals;
        report.comovement_signals_coinciding += matched ? 1 : 0;
      }
    }
    i = j;
  }
  std::vector<int64_t> sorted = report.new_per_week;
  std::sort(sorted.begin(), sorted.end());
  const size_t n = sorted.size();
  report.median_new_per_week = n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  report.max_new_per_week = sorted.back();
  report.crossdesk_false_per_year =
      static_cast<double>(report.crossdesk_signals - report.crossdesk_signals_true) / (request.weeks / 52.18);

  // 5. Injected events wholly inside the replayed weeks.
  for (const TrueOutbreak& outbreak : outbreaks) {
    if (outbreak.first.Ordinal() < first_ordinal || outbreak.last.Ordinal() > last_ordinal) continue;
    const std::string breakdown = "ziekte=" + outbreak.ziekte;
    std::string method;
    for (size_t i = 0; i < weekly.size() && method.empty(); ++i) {
      if (weekly[i].region == outbreak.gemeente && weekly[i].breakdown == breakdown && tested[i].ok())
        method = tested[i]->method;
    }
    bool found = false;
    for (const Detection& d : detections) {
      if (d.series < 0) continue;
      const internal::SignalSeries& s = weekly[static_cast<size_t>(d.series)];
      const int64_t ordinal = first_ordinal + d.week;
      found = found || (s.region == outbreak.gemeente && s.breakdown == breakdown &&
                        ordinal >= outbreak.first.Ordinal() && ordinal <= outbreak.last.Ordinal());
    }
    ++report.outbreaks;
    report.outbreaks_found += found ? 1 : 0;
    if (!found) {
      report.outbreaks_missed.push_back(outbreak.ziekte + " " + outbreak.gemeente + " " + outbreak.first.ToString() +
                                        " t/m " + outbreak.last.ToString() + " (+" + std::to_string(outbreak.extra) +
                                        ")");
    }
    if (!method.empty()) {
      ++report.methods[method].outbreaks;
      report.methods[method].outbreaks_found += found ? 1 : 0;
    }
  }
  for (const TrueCrossDeskCluster& truth : injected) {
    if (truth.first.Ordinal() < first_ordinal || truth.last.Ordinal() > last_ordinal) continue;
    ++report.clusters;
    bool found = false;
    for (const Detection& d : detections) {
      if (d.cluster < 0) continue;
      const int64_t ordinal = first_ordinal + d.week;
      if (ordinal < truth.first.Ordinal() || ordinal > truth.last.Ordinal() + kClusterLateWeeks) continue;
      found = found || Matches(*data, crossdesk[static_cast<size_t>(d.week)].clusters[static_cast<size_t>(d.cluster)],
                               ordinal, truth);
    }
    report.clusters_found += found ? 1 : 0;
    if (!found) {
      std::string sources;
      for (const std::string& source : truth.sources) sources += (sources.empty() ? "" : "+") + source;
      report.clusters_missed.push_back(truth.wijk + " " + sources + " " + truth.first.ToString() + " t/m " +
                                       truth.last.ToString() + " (+" + std::to_string(truth.extra) + ")");
    }
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

Status WriteSignalsEvalJson(const SignalsEvalReport& report, const std::string& path) {
  nlohmann::json methods = nlohmann::json::object();
  for (const auto& [label, m] : report.methods) {
    methods[label] = {
        {"series", m.series}, {"signals", m.signals}, {"outbreaks", m.outbreaks}, {"found", m.outbreaks_found}};
  }
  const nlohmann::json json = {
      {"weeks", report.weeks},
      {"first_week", report.first_week},
      {"last_week", report.last_week},
      {"series", report.series},
      {"series_tested", report.series_tested},
      {"outbreaks",
       {{"injected", report.outbreaks},
        {"found", report.outbreaks_found},
        {"share", report.OutbreakShare()},
        {"missed", report.outbreaks_missed}}},
      {"dwarsverbanden",
       {{"injected", report.clusters},
        {"found", report.clusters_found},
        {"share", report.ClusterShare()},
        {"missed", report.clusters_missed},
        {"signals", report.crossdesk_signals},
        {"true_signals", report.crossdesk_signals_true},
        {"precision", report.CrossDeskPrecision()},
        {"false_per_year", report.crossdesk_false_per_year},
        {"comovement_signals", report.comovement_signals},
        {"comovement_coinciding", report.comovement_signals_coinciding}}},
      {"new_signals_per_week",
       {{"median", report.median_new_per_week}, {"max", report.max_new_per_week}, {"per_week", report.new_per_week}}},
      {"methods", methods},
      {"seconds", report.seconds}};
  return WriteJsonFile(json.dump(2) + "\n", path);
}

}  // namespace sz::pipeline
