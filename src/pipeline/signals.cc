#include "pipeline/signals.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <numeric>
#include <set>

#include "core/date.h"
#include "core/period.h"
#include "core/region.h"
#include "indicators/catalog.h"
#include "pipeline/internal/crossdesk_signals.h"
#include "pipeline/internal/signal_series.h"
#include "pipeline/internal/wave_signals.h"
#include "pipeline/messages.h"
#include "pipeline/output_file.h"
#include "signals/crossdesk.h"
#include "signals/episodes.h"
#include "signals/fdr.h"
#include "signals/load.h"
#include "signals/messages.h"
#include "signals/series_tests.h"
#include "signals/triage.h"
#include "sources/contract.h"
#include "store/indicator_values.h"

namespace sz::pipeline {
namespace {

using internal::DataEndOf;
using internal::kScanHistoryWeeks;
using internal::kScanHorizonWeeks;
using internal::kScanReplications;
using internal::MethodChoiceOf;
using internal::PeriodOrdinal;
using internal::PeriodOrdinalOf;
using internal::RegionNameOf;
using internal::SignalSeries;
using internal::SubjectOf;

constexpr std::string_view kSeriesKind = "reeks";

// "categorie=overlast" → "categorie overlast"; "totaal" → "".
std::string CategoryOf(const std::string& breakdown) {
  if (breakdown == "totaal") return "";
  std::string out = breakdown;
  std::replace(out.begin(), out.end(), '=', ' ');
  std::replace(out.begin(), out.end(), '&', ',');
  return out;
}

// A signal this run found, before it is matched with the stored ones.
struct Candidate {
  store::StoredSignal signal;
  int64_t from = 0, to = 0;  // period ordinals
  double residents = 0;
  signals::msg::SeriesFacts facts;
};

constexpr std::string_view kLoadKind = "belasting";
// The scan of the latest weeks over the wijk totals of the single-desk weekly indicators (empty when
// there are fewer than two such desks or too few weeks).
struct CrossDeskScan {
  std::optional<internal::CrossDeskData> data;
  int end = 0;
  std::vector<double> baselines;
  std::vector<signals::ScanCluster> clusters;
  std::vector<internal::CoMovementPair> comovements;
};

Result<CrossDeskScan> ScanCrossDesk(const std::vector<SignalSeries>& all, const RegionTable& regions) {
  const std::vector<internal::WijkSeries> wijk_series = internal::WijkSeriesOf(all);
  CrossDeskScan scan;
  scan.data = internal::CrossDeskDataOf(wijk_series, regions);
  if (!scan.data || scan.data->grid.weeks < kScanHorizonWeeks + kScanHistoryWeeks) {
    scan.data.reset();
    return scan;
  }
  scan.end = scan.data->grid.weeks - 1;
  ASSIGN_OR_RETURN(scan.baselines,
                   signals::CrossDeskBaselines(scan.data->grid, scan.end, kScanHorizonWeeks, kScanHistoryWeeks));
  ASSIGN_OR_RETURN(scan.clusters, signals::ScanCrossDeskAt(scan.data->grid, scan.data->zones, scan.end,
                                                           {.horizon = kScanHorizonWeeks,
                                                            .history = kScanHistoryWeeks,
                                                            .scan = {.replications = kScanReplications}}));
  scan.comovements =
      internal::TestCoMovements(*scan.data, scan.end, kScanHorizonWeeks, scan.baselines, kScanReplications);
  return scan;
}
constexpr int kLoadHistoryWeeks = 104;    // the own 90th percentile: the past two years
constexpr int kLoadMinHistoryWeeks = 52;  // fewer complete weeks: no percentile, no signal
constexpr double kLoadMinExcess = 1.0;    // a forecast week counts when at least one report above the threshold

// Belasting: per region and source of a forecast indicator, the forecast weeks whose expected count
// is above the source's capacity (Twente, when configured) or its own 90th percentile of the last
// two years of complete weeks (signals/load.h).
Result<std::vector<Candidate>> LoadCandidates(store::Store& store, const RegionTable& regions,
                                              const indicators::Indicator& indicator,
                                              const indicators::SignalConfig& config) {
  ASSIGN_OR_RETURN(std::vector<store::IndicatorCell> cells,
                   store.indicator_values().Cells({.indicators = {indicator.id}}));
  struct Series {
    std::map<int64_t, std::pair<Period, double>> observed, forecast;  // by week ordinal
  };
  struct Key {
    RegionLevel level;
    std::string region, source;
    auto operator<=>(const Key&) const = default;
  };
  constexpr std::string_view kSource = "bron=", kForecast = "&reeks=voorspelling";
  std::map<Key, Series> all;
  for (const store::IndicatorCell& cell : cells) {
    if (!cell.breakdown.starts_with(kSource)) continue;
    const bool is_forecast = cell.breakdown.ends_with(kForecast);
    const std::string source = cell.breakdown.substr(
        kSource.size(), cell.breakdown.size() - kSource.size() - (is_forecast ? kForecast.size() : 0));
    if (source.find('&') != std::string::npos) continue;
    Result<Period> period = Period::Parse(cell.period);
    if (!period.ok() || period->kind() != PeriodKind::kWeek) continue;
    const std::optional<double>& number = is_forecast ? cell.value : cell.numerator;
    if (!number) continue;
    Series& series = all[{cell.level, cell.region, source}];
    (is_forecast ? series.forecast : series.observed)
        .insert_or_assign(PeriodOrdinal(*period), std::make_pair(*period, *number));
  }
  std::map<std::string, std::optional<Date>> data_end;
  std::vector<Candidate> out;
  for (const auto& [key, series] : all) {
    if (series.forecast.empty()) continue;
    if (!data_end.count(key.source)) {
      ASSIGN_OR_RETURN(data_end[key.source], DataEndOf(store, key.source));
    }
    std::vector<double> history;
    for (const auto& [ordinal, week] : series.observed) {
      if (data_end[key.source] && week.first.last_day() > *data_end[key.source]) continue;  // incomplete
      history.push_back(week.second);
    }
    if (history.size() > static_cast<size_t>(kLoadHistoryWeeks))
      history.erase(history.begin(), history.end() - kLoadHistoryWeeks);
    auto capacity = config.capacity.find(key.source);
    const bool use_capacity = key.level == RegionLevel::kRegio && capacity != config.capacity.end();
    if (!use_capacity && history.size() < static_cast<size_t>(kLoadMinHistoryWeeks)) continue;
    const double threshold = use_capacity ? capacity->second : signals::Quantile(history, 0.9);
    std::vector<Period> weeks;
    std::vector<double> expected;
    for (const auto& [ordinal, week] : series.forecast) {
      weeks.push_back(week.first);
      expected.push_back(week.second);
    }
    for (const signals::Overload& o : signals::OverloadEpisodes(expected, threshold, kLoadMinExcess)) {
      Candidate c;
      c.from = PeriodOrdinal(weeks[o.first]);
      c.to = PeriodOrdinal(weeks[o.last]);
      store::StoredSignal& signal = c.signal;
      signal.key = std::string(kLoadKind) + "|" + indicator.id + "|" + key.region + "|bron=" + key.source;
      signal.kind = kLoadKind;
      signal.indicators = {indicator.id};
      signal.sources = {key.source};
      signal.region = key.region;
      signal.breakdown = "bron=" + key.source;
      signal.period_from = weeks[o.first].ToString();
      signal.period_to = weeks[o.last].ToString();
      signal.method = signals::msg::LoadMethod(use_capacity);
      signal.observed = history.empty() ? std::optional<double>() : history.back();
      signal.expected = o.peak;
      signal.threshold = threshold;
      const sources::SourceContract* contract = sources::FindContract(key.source);
      signal.explanation = signals::msg::LoadExplanation({.desk = contract ? contract->title : key.source,
                                                          .region = RegionNameOf(regions, key.region),
                                                          .weeks = o.last - o.first + 1,
                                                          .from = signal.period_from,
                                                          .to = signal.period_to,
                                                          .peak = o.peak,
                                                          .threshold = threshold,
                                                          .capacity = use_capacity,
                                                          .last_week = signal.observed.value_or(0)});
      out.push_back(std::move(c));
    }
  }
  return out;
}

bool Before(const store::StoredSignal& a, const store::StoredSignal& b) {
  const bool a_listed = a.rank > 0, b_listed = b.rank > 0;
  if (a_listed != b_listed) return a_listed;
  if (a_listed) return a.rank < b.rank;
  return a.id > b.id;
}

nlohmann::json OptionalNumber(const std::optional<double>& value) {
  return value && std::isfinite(*value) ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace

Result<SignalsReport> DetectSignals(Workspace& workspace, const SignalsRequest& request) {
  const auto start = std::chrono::steady_clock::now();
  ASSIGN_OR_RETURN(internal::SignalStage stage, internal::OpenSignalStage(workspace));
  store::Store* store = stage.store;
  const RegionTable* regions = stage.regions;
  const indicators::Catalog& catalog = stage.catalog;
  const indicators::SignalConfig& config = stage.config;
  const store::IndicatorRun* computed = &stage.computed;
  SignalsReport report;
  report.indicator_run_id = computed->id;

  // 1. The series of every signalable indicator.
  ASSIGN_OR_RETURN(internal::SignalInputs inputs, internal::LoadSignalInputs(*store, catalog));
  std::vector<SignalSeries>& all = inputs.series;
  const std::vector<const indicators::Indicator*>& forecasts = inputs.forecasts;
  report.not_tested_indicators = inputs.not_tested;
  report.series = static_cast<int64_t>(all.size());

  // 2. Test each series' latest periods; one false-discovery control over every test.
  std::vector<Result<signals::SeriesTests>> tested(all.size(), FailedPreconditionError(""));
  for (PeriodKind kind : {PeriodKind::kWeek, PeriodKind::kMonth}) {
    std::vector<detection::Series> part;
    std::vector<signals::MethodChoice> part_choices;
    std::vector<size_t> index;
    for (size_t i = 0; i < all.size(); ++i) {
      if ((all[i].series.frequency == 52) != (kind == PeriodKind::kWeek)) continue;
      part.push_back(all[i].series);
      part_choices.push_back(MethodChoiceOf(all[i].indicator->signal_method));
      index.push_back(i);
    }
    const int window = kind == PeriodKind::kWeek ? config.window_weeks : config.window_months;
    std::vector<Result<signals::SeriesTests>> results =
        signals::TestAllSeries(part, part_choices, window, request.threads);
    for (size_t k = 0; k < index.size(); ++k) tested[index[k]] = std::move(results[k]);
  }
  std::vector<double> p_values;
  for (const Result<signals::SeriesTests>& r : tested) {
    if (!r.ok()) {
      ++report.not_tested;
      if (r.status().code() != StatusCode::kFailedPrecondition) {
        if (report.failed++ == 0) report.first_failure = r.status().message();
      }
      continue;
    }
    for (const signals::PeriodTest& p : r->periods) p_values.push_back(p.p_value);
  }
  const size_t series_tests = p_values.size();
  // Dwarsverbanden: each cluster of the scan is one more test under the same control.
  ASSIGN_OR_RETURN(CrossDeskScan crossdesk, ScanCrossDesk(all, *regions));
  for (const signals::ScanCluster& cluster : crossdesk.clusters) p_values.push_back(cluster.p_gumbel);
  for (const internal::CoMovementPair& pair : crossdesk.comovements) p_values.push_back(pair.result.p_normal);
  report.crossdesk_tests = static_cast<int64_t>(crossdesk.clusters.size());
  report.comovement_tests = static_cast<int64_t>(crossdesk.comovements.size());
  // Survey waves: the change since the previous wave and the difference from Twente.
  ASSIGN_OR_RETURN(std::vector<internal::WaveTestOf> waves,
                   internal::TestSurveyWaves(*store, *regions, inputs.surveys));
  for (const internal::WaveTestOf& w : waves) p_values.push_back(w.signal.p_value.value_or(std::nan("")));
  report.wave_tests = static_cast<int64_t>(waves.size());
  for (double p : p_values) report.tests += std::isnan(p) ? 0 : 1;
  // Per method: series and tests, for the run's details.
  nlohmann::json per_method = nlohmann::json::object();
  for (const Result<signals::SeriesTests>& r : tested) {
    if (!r.ok()) continue;
    nlohmann::json& entry = per_method[r->method];
    if (entry.is_null()) entry = {{"reeksen", 0}, {"toetsen", 0}};
    entry["reeksen"] = entry["reeksen"].get<int64_t>() + 1;
    int64_t tests = 0;
    for (const signals::PeriodTest& p : r->periods) tests += std::isnan(p.p_value) ? 0 : 1;
    entry["toetsen"] = entry["toetsen"].get<int64_t>() + tests;
  }
  const std::vector<double> q_values = signals::BenjaminiHochberg(p_values);

  // 3. Significant periods → candidate signals.
  std::vector<Candidate> candidates;
  size_t offset = 0;
  for (size_t i = 0; i < all.size(); ++i) {
    if (!tested[i].ok()) continue;
    const signals::SeriesTests& t = *tested[i];
    const std::vector<double> q(q_values.begin() + static_cast<std::ptrdiff_t>(offset),
                                q_values.begin() + static_cast<std::ptrdiff_t>(offset + t.periods.size()));
    offset += t.periods.size();
    const SignalSeries& s = all[i];
    for (const signals::Episode& e : signals::FindEpisodes(t.periods, q, config.fdr_q, config.max_gap)) {
      Candidate c;
      const Period& from = s.periods[e.first_t - 1];
      const Period& to = s.periods[e.last_t - 1];
      c.from = PeriodOrdinal(from);
      c.to = PeriodOrdinal(to);
      c.residents = s.residents;
      store::StoredSignal& signal = c.signal;
      signal.key = std::string(kSeriesKind) + "|" + s.indicator->id + "|" + s.region + "|" + s.breakdown;
      signal.kind = kSeriesKind;
      signal.indicators = {s.indicator->id};
      if (s.indicator->numerator) signal.sources = s.indicator->numerator->sources;
      signal.region = s.region;
      signal.breakdown = s.breakdown;
      signal.period_from = from.ToString();
      signal.period_to = to.ToString();
      signal.method = t.method;
      signal.observed = e.observed;
      signal.expected = e.expected;
      signal.threshold = e.threshold;
      signal.p_value = e.p_value;
      signal.q_value = e.q_value;
      c.facts = {.region = RegionNameOf(*regions, s.region),
                 .subject = SubjectOf(*s.indicator),
                 .category = CategoryOf(s.breakdown),
                 .periods = e.periods,
                 .weekly = s.series.frequency == 52,
                 .from = signal.period_from,
                 .to = signal.period_to,
                 .observed = e.observed,
                 .expected = e.expected,
                 .threshold = e.threshold,
                 .method = t.method,
                 .q_value = e.q_value};
      candidates.push_back(std::move(c));
    }
  }
  // What rose in the same area and overlapping periods, at another indicator (totals only).
  for (Candidate& c : candidates) {
    std::string text = signals::msg::SeriesExplanation(c.facts);
    std::vector<std::string> others;
    std::set<std::string> seen;
    for (const Candidate& o : candidates) {
      if (&o == &c || o.signal.indicators == c.signal.indicators || o.signal.region != c.signal.region) continue;
      if (o.signal.breakdown != "totaal" || o.to < c.from || o.from > c.to) continue;
      if (seen.insert(o.signal.indicators.front()).second) others.push_back(o.facts.subject);
    }
    if (!others.empty()) text += " " + signals::msg::AlsoRose(c.facts.region, others);
    c.signal.explanation = std::move(text);
  }

  // One event, one signal: a total that rose with one of its categories in overlapping periods is told
  // in that category's signal instead of as a signal of its own (the category says more).
  std::vector<bool> folded(candidates.size(), false);
  for (size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& total = candidates[i];
    if (total.signal.breakdown != "totaal") continue;
    Candidate* best = nullptr;
    for (Candidate& c : candidates) {
      if (c.signal.breakdown == "totaal" || c.signal.indicators != total.signal.indicators ||
          c.signal.region != total.signal.region || c.to < total.from || c.from > total.to)
        continue;
      if (best == nullptr || c.signal.observed.value_or(0) > best->signal.observed.value_or(0)) best = &c;
    }
    if (best == nullptr) continue;
    best->signal.explanation += " " + signals::msg::TotalRoseToo(total.facts.observed, total.facts.expected);
    folded[i] = true;
  }
  {
    std::vector<Candidate> kept;
    for (size_t i = 0; i < candidates.size(); ++i)
      if (!folded[i]) kept.push_back(std::move(candidates[i]));
    report.folded_totals = static_cast<int64_t>(candidates.size() - kept.size());
    candidates = std::move(kept);
  }

  // Dwarsverbanden that pass the control (and whose Monte-Carlo p-value agrees).
  for (size_t k = 0; k < crossdesk.clusters.size(); ++k) {
    const signals::ScanCluster& cluster = crossdesk.clusters[k];
    const double q = q_values[series_tests + k];
    if (!(q <= config.fdr_q) || !(cluster.p_value <= config.fdr_q)) continue;
    Candidate c;
    c.signal = internal::CrossDeskSignal(*crossdesk.data, cluster, crossdesk.end, crossdesk.baselines, q, *regions);
    c.from = PeriodOrdinal(crossdesk.data->weeks[static_cast<size_t>(crossdesk.end - cluster.window + 1)]);
    c.to = PeriodOrdinal(crossdesk.data->weeks[static_cast<size_t>(crossdesk.end)]);
    c.residents = internal::ZoneResidents(*crossdesk.data, cluster);
    candidates.push_back(std::move(c));
    ++report.crossdesk_signals;
  }

  // Co-movement across wijken, on the same terms.
  for (size_t k = 0; k < crossdesk.comovements.size(); ++k) {
    const internal::CoMovementPair& pair = crossdesk.comovements[k];
    const double q = q_values[series_tests + crossdesk.clusters.size() + k];
    if (!(q <= config.fdr_q) || !(pair.result.p_value <= config.fdr_q)) continue;
    Candidate c;
    c.signal = internal::CoMovementSignal(*crossdesk.data, pair, crossdesk.end, kScanHorizonWeeks, crossdesk.baselines,
                                          q, *regions);
    c.from = PeriodOrdinal(crossdesk.data->weeks[static_cast<size_t>(crossdesk.end - kScanHorizonWeeks + 1)]);
    c.to = PeriodOrdinal(crossdesk.data->weeks[static_cast<size_t>(crossdesk.end)]);
    c.residents = std::accumulate(crossdesk.data->grid.residents.begin(), crossdesk.data->grid.residents.end(), 0.0);
    candidates.push_back(std::move(c));
    ++report.crossdesk_signals;
  }

  // Survey waves that pass the control.
  const size_t wave_offset = series_tests + crossdesk.clusters.size() + crossdesk.comovements.size();
  for (size_t k = 0; k < waves.size(); ++k) {
    const double q = q_values[wave_offset + k];
    if (!(q <= config.fdr_q)) continue;
    Candidate c;
    c.signal = waves[k].signal;
    c.signal.q_value = q;
    signals::msg::WaveFacts facts = waves[k].facts;
    facts.q_value = q;
    c.signal.explanation = signals::msg::WaveExplanation(facts);
    c.from = waves[k].from;
    c.to = waves[k].to;
    c.residents = waves[k].residents;
    candidates.push_back(std::move(c));
    ++report.wave_signals;
  }

  // Belasting from the forecasts: not tests (no p-value), so outside the false-discovery control.
  for (const indicators::Indicator* indicator : forecasts) {
    ASSIGN_OR_RETURN(std::vector<Candidate> load, LoadCandidates(*store, *regions, *indicator, config));
    report.load_signals += static_cast<int64_t>(load.size());
    for (Candidate& c : load) candidates.push_back(std::move(c));
  }

  // 4. Match with the stored signals, rank, and store: one transaction.
  ASSIGN_OR_RETURN(std::vector<store::StoredSignal> stored, store->signal_state().All());
  std::map<std::string, std::vector<signals::KnownSignal>> known;
  std::map<int64_t, store::StoredSignal*> by_id;
  for (store::StoredSignal& s : stored) {
    ASSIGN_OR_RETURN(int64_t from, PeriodOrdinalOf(s.period_from));
    ASSIGN_OR_RETURN(int64_t to, PeriodOrdinalOf(s.period_to));
    known[s.key].push_back({.id = s.id,
                            .from = from,
                            .to = to,
                            .closed = s.status == signals::TriageStatusName(signals::TriageStatus::kClosed)});
    by_id[s.id] = &s;
  }
  std::vector<signals::Match> matches;
  for (Candidate& c : candidates) {
    auto it = known.find(c.signal.key);
    const signals::Match m =
        it == known.end() ? signals::Match{} : signals::MatchEpisode(it->second, c.from, c.to, config.max_gap);
    matches.push_back(m);
    const bool load = c.signal.kind == kLoadKind;  // size: the forecast peak against the threshold
    c.signal.score = load ? signals::SignalScore(1, c.signal.expected.value_or(0), c.signal.threshold.value_or(0), 0,
                                                 m.update_id == 0)
                          : signals::SignalScore(c.signal.q_value.value_or(1), c.signal.observed.value_or(0),
                                                 c.signal.expected.value_or(0), c.residents, m.update_id == 0);
  }
  std::vector<size_t> order(candidates.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (candidates[a].signal.score != candidates[b].signal.score)
      return candidates[a].signal.score > candidates[b].signal.score;
    return candidates[a].signal.key < candidates[b].signal.key;
  });

  ASSIGN_OR_RETURN(store::Transaction tx, store->Begin());
  nlohmann::json details = {{"fdr_q", config.fdr_q},
                            {"venster_weken", config.window_weeks},
                            {"venster_maanden", config.window_months},
                            {"max_tussenruimte", config.max_gap},
                            {"reeksen", report.series},
                            {"niet_getoetst", report.not_tested},
                            {"mislukt", report.failed},
                            {"dwarsverband_toetsen", report.crossdesk_tests},
                            {"samenhang_toetsen", report.comovement_tests},
                            {"golf_toetsen", report.wave_tests},
                            {"per_methode", per_method}};
  ASSIGN_OR_RETURN(report.run_id, store->signal_state().AddRun({.indicator_run_id = computed->id,
                                                                .tests = report.tests,
                                                                .signals = static_cast<int64_t>(candidates.size()),
                                                                .details = details.dump()}));
  std::set<int64_t> touched;
  for (size_t r = 0; r < order.size(); ++r) {
    Candidate& c = candidates[order[r]];
    const signals::Match& m = matches[order[r]];
    store::StoredSignal& signal = c.signal;
    signal.rank = static_cast<int64_t>(r) + 1;
    signal.last_run = report.run_id;
    if (m.update_id != 0 && by_id.count(m.update_id) && !touched.count(m.update_id)) {
      const store::StoredSignal& old = *by_id[m.update_id];
      signal.id = old.id;
      signal.status = old.status;
      signal.follows = old.follows;
      signal.first_run = old.first_run;
      ASSIGN_OR_RETURN(int64_t old_from, PeriodOrdinalOf(old.period_from));
      if (old_from < c.from) signal.period_from = old.period_from;
      RETURN_IF_ERROR(store->signal_state().Update(signal));
      touched.insert(signal.id);
    } else {
      signal.status = std::string(signals::TriageStatusName(signals::TriageStatus::kNew));
      signal.follows = m.follows;
      signal.first_run = report.run_id;
      ASSIGN_OR_RETURN(signal.id, store->signal_state().Add(signal));
      ++report.new_signals;
      if (m.follows != 0) ++report.follow_ups;
    }
  }
  // Signals of earlier lists that this run did not see leave the list (rank 0); they keep the rest.
  for (store::StoredSignal& s : stored) {
    if (s.rank == 0 || touched.count(s.id)) continue;
    s.rank = 0;
    RETURN_IF_ERROR(store->signal_state().Update(s));
  }
  RETURN_IF_ERROR(tx.Commit());
  report.signals = static_cast<int64_t>(candidates.size());
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

Result<std::vector<store::StoredSignal>> ListSignals(Workspace& workspace, const std::optional<std::string>& status) {
  if (status && !signals::TriageStatusNamed(*status))
    return InvalidArgumentError(msg::UnknownSignalStatus(*status, signals::kTriageStatusNames));
  ASSIGN_OR_RETURN(store::Store * store, workspace.Store());
  ASSIGN_OR_RETURN(std::vector<store::StoredSignal> all, store->signal_state().All());
  std::vector<store::StoredSignal> out;
  for (store::StoredSignal& s : all) {
    if (status ? s.status == *status : s.status != signals::TriageStatusName(signals::TriageStatus::kClosed))
      out.push_back(std::move(s));
  }
  std::sort(out.begin(), out.end(), Before);
  return out;
}

Result<store::StoredSignal> ShowSignal(Workspace& workspace, int64_t id) {
  ASSIGN_OR_RETURN(store::Store * store, workspace.Store());
  ASSIGN_OR_RETURN(std::optional<store::StoredSignal> signal, store->signal_state().Get(id));
  if (!signal) return NotFoundError(msg::NoSuchSignal(id));
  return *signal;
}

Result<store::StoredSignal> TriageSignal(Workspace& workspace, const TriageRequest& request) {
  const std::optional<signals::TriageStatus> to = signals::TriageStatusNamed(request.status);
  if (!to) return InvalidArgumentError(msg::UnknownSignalStatus(request.status, signals::kTriageStatusNames));
  ASSIGN_OR_RETURN(store::Store * store, workspace.Store());
  ASSIGN_OR_RETURN(store::Transaction tx, store->Begin());
  ASSIGN_OR_RETURN(std::optional<store::StoredSignal> signal, store->signal_state().Get(request.id));
  if (!signal) return NotFoundError(msg::NoSuchSignal(request.id));
  const signals::TriageStatus from = signals::TriageStatusNamed(signal->status).value_or(signals::TriageStatus::kNew);
  RETURN_IF_ERROR(signals::CheckTriageStep(from, *to, !request.note.empty()));
  store::TriageStep step{.by = request.by, .note = request.note};
  if (from != *to) {
    step.from_status = signal->status;
    step.to_status = request.status;
  }
  RETURN_IF_ERROR(store->signal_state().AddStep(signal->id, step));
  signal->status = request.status;
  RETURN_IF_ERROR(store->signal_state().Update(*signal));
  RETURN_IF_ERROR(tx.Commit());
  ASSIGN_OR_RETURN(std::optional<store::StoredSignal> after, store->signal_state().Get(request.id));
  return *after;
}

std::string SignalsJson(const std::vector<store::StoredSignal>& signals) {
  nlohmann::json list = nlohmann::json::array();
  for (const store::StoredSignal& s : signals) {
    nlohmann::json notes = nlohmann::json::array();
    for (const store::TriageStep& step : s.steps) {
      notes.push_back({{"tijd", step.at},
                       {"door", step.by},
                       {"van", step.from_status.empty() ? nlohmann::json(nullptr) : nlohmann::json(step.from_status)},
                       {"naar", step.to_status.empty() ? nlohmann::json(nullptr) : nlohmann::json(step.to_status)},
                       {"notitie", step.note}});
    }
    list.push_back({{"id", s.id},
                    {"soort", s.kind},
                    {"indicatoren", s.indicators},
                    {"bronnen", s.sources},
                    {"regio", s.region},
                    {"uitsplitsing", s.breakdown},
                    {"periode_van", s.period_from},
                    {"periode_tot", s.period_to},
                    {"methode", s.method},
                    {"waargenomen", OptionalNumber(s.observed)},
                    {"verwacht", OptionalNumber(s.expected)},
                    {"drempel", OptionalNumber(s.threshold)},
                    {"p_waarde", OptionalNumber(s.p_value)},
                    {"q_waarde", OptionalNumber(s.q_value)},
                    {"score", s.score},
                    {"rang", s.rank > 0 ? nlohmann::json(s.rank) : nlohmann::json(nullptr)},
                    {"uitleg", s.explanation},
                    {"status", s.status},
                    {"volgt_op", s.follows > 0 ? nlohmann::json(s.follows) : nlohmann::json(nullptr)},
                    {"notities", notes}});
  }
  return list.dump(2) + "\n";
}

Status WriteSignalsJson(const std::vector<store::StoredSignal>& signals, const std::string& path) {
  return WriteTextFile(SignalsJson(signals), path);
}

}  // namespace sz::pipeline
