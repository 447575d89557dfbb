#include "pipeline/compute.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <unordered_map>

#include "detection/forecast.h"
#include "indicators/catalog_file.h"
#include "indicators/cross_desk_measures.h"
#include "indicators/delivery_values.h"
#include "indicators/duration_values.h"
#include "indicators/linked_values.h"
#include "indicators/rate.h"
#include "indicators/survey_values.h"
#include "pipeline/catalog.h"
#include "pipeline/crossdesk.h"
#include "pipeline/internal/compute_inputs.h"
#include "pipeline/messages.h"
#include "pipeline/output_file.h"
#include "pipeline/series.h"
#include "pipeline/survey.h"
#include "sources/contract.h"
#include "store/records.h"

namespace sz::pipeline {
namespace {

using internal::InputFingerprint;
using internal::InputState;
using internal::ReadInputState;

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

bool NeedsLinkedKeys(const indicators::CountSpec& spec) {
  return spec.unit == indicators::CountUnit::kPersons || spec.unit == indicators::CountUnit::kHouseholds;
}

// Reads the rows of the sources rates need, once each, with linked keys where a count needs them.
class SourceCache {
 public:
  explicit SourceCache(store::Store& store) : store_(store) {}

  // Every stored desk-extract row with its linkage keys, read once for the rates and the linked measures.
  Result<const std::vector<indicators::LinkedInvolvement>*> Involvements() {
    if (!involvements_) {
      ASSIGN_OR_RETURN(std::vector<indicators::LinkedInvolvement> all, LinkedInvolvementsFromStore(store_));
      involvements_ = std::move(all);
    }
    return &*involvements_;
  }

  Result<const indicators::SourceRows*> Get(const std::string& source, bool linked_keys) {
    auto it = cache_.find(source);
    if (it == cache_.end()) {
      const sources::SourceContract* contract = sources::FindContract(source);
      indicators::SourceRows rows{.contract = contract};
      RETURN_IF_ERROR(store_.records().Scan(*contract, [&](std::span<const Value> row) -> Status {
        rows.rows.emplace_back(row.begin(), row.end());
        return Status::Ok();
      }));
      it = cache_.emplace(source, std::move(rows)).first;
    }
    indicators::SourceRows& rows = it->second;
    if (linked_keys && rows.person_keys.empty() && !rows.rows.empty()) RETURN_IF_ERROR(AttachKeys(rows));
    return &rows;
  }

 private:
  Status AttachKeys(indicators::SourceRows& rows) {
    ASSIGN_OR_RETURN(const std::vector<indicators::LinkedInvolvement>* involvements, Involvements());
    std::unordered_map<std::string, const indicators::LinkedInvolvement*> by_key;
    for (const indicators::LinkedInvolvement& inv : *involvements) {
      if (inv.source == rows.contract->name) by_key[inv.record_id + '\x1f' + std::to_string(inv.betrokkene_nr)] = &inv;
    }
    const sources::TableSpec& table = rows.contract->extract;
    const int id = table.IndexOf(table.key.front()), nr = table.IndexOf("betrokkene_nr");
    rows.person_keys.resize(rows.rows.size());
    rows.household_keys.resize(rows.rows.size());
    for (size_t r = 0; r < rows.rows.size(); ++r) {
      auto found = by_key.find(rows.rows[r][id].ToString() + '\x1f' + rows.rows[r][nr].ToString());
      if (found == by_key.end()) continue;
      rows.person_keys[r] = found->second->person_id;
      rows.household_keys[r] = found->second->household_id;
    }
    return Status::Ok();
  }

  store::Store& store_;
  std::map<std::string, indicators::SourceRows> cache_;
  std::optional<std::vector<indicators::LinkedInvolvement>> involvements_;
};

// The stored waves of the Gezondheidsmonitor, each read once as a frame with its design.
class WaveCache {
 public:
  explicit WaveCache(store::Store& store) : store_(store) {}

  Result<std::vector<int>> Waves() {
    if (!waves_) {
      const sources::SourceContract& monitor = *sources::FindContract("gezondheidsmonitor");
      const int year = monitor.extract.IndexOf("jaar");
      std::set<int> seen;
      RETURN_IF_ERROR(store_.records().Scan(monitor, [&](std::span<const Value> row) -> Status {
        ASSIGN_OR_RETURN(int64_t wave, row[year].AsInteger("jaar"));
        seen.insert(static_cast<int>(wave));
        return Status::Ok();
      }));
      waves_ = std::vector<int>(seen.begin(), seen.end());
    }
    return *waves_;
  }

  struct Wave {
    survey::SurveyFrame frame;
    survey::Design design;
  };
  // The wave with its design as delivered, or with `bevolking` post-stratified to it (kalibratie).
  Result<const Wave*> Get(int wave, const indicators::SourceRows* bevolking = nullptr) {
    const std::pair<int, bool> key{wave, bevolking != nullptr};
    auto it = cache_.find(key);
    if (it == cache_.end()) {
      ASSIGN_OR_RETURN(survey::SurveyFrame frame, SurveyFrameFromStore(store_, wave));
      std::unique_ptr<Wave> made;
      if (bevolking != nullptr) {
        ASSIGN_OR_RETURN(survey::Design design, indicators::CalibratedMonitorDesign(frame, *bevolking, wave));
        made = std::make_unique<Wave>(Wave{std::move(frame), std::move(design)});
      } else {
        ASSIGN_OR_RETURN(survey::Design design, survey::Design::Create(frame, indicators::MonitorDesign()));
        made = std::make_unique<Wave>(Wave{std::move(frame), std::move(design)});
      }
      it = cache_.emplace(key, std::move(made)).first;
    }
    return it->second.get();
  }

 private:
  store::Store& store_;
  std::optional<std::vector<int>> waves_;
  std::map<std::pair<int, bool>, std::unique_ptr<Wave>> cache_;  // (wave, calibrated)
};

// kForecast: per source, the weekly registrations of Twente and every gemeente (pipeline/series.h)
// and the forecast of the coming weeks (detection/forecast.h). Observed weeks are breakdown
// "bron=SOURCE", forecast weeks "bron=SOURCE&reeks=voorspelling" with the interval.
Result<std::vector<indicators::IndicatorValue>> ForecastValues(const indicators::Indicator& indicator,
                                                               store::Store& store, const RegionTable& regions) {
  std::vector<indicators::IndicatorValue> values;
  for (const std::string& source : indicator.numerator->sources) {
    const sources::SourceContract& contract = *sources::FindContract(source);
    ASSIGN_OR_RETURN(store::RecordSummary summary, store.records().Summarise(contract));
    if (summary.rows == 0) continue;  // a desk that has not delivered: no series
    // A source with event dates whose last date is not a Sunday has an incomplete last week: it is
    // stored as observed so far, but the model is fitted to the complete weeks and forecasts from it on.
    bool last_week_incomplete = false;
    if (!contract.extract.date_column.empty()) {
      Result<Date> last = ParseDate(summary.last_date, DateFormat::kIso);
      last_week_incomplete = last.ok() && last->IsoWeekday() != 7;
    }
    for (RegionLevel level : indicator.levels) {
      if (level == RegionLevel::kWijk) continue;  // forecasts per wijk are too thin to mean much
      SeriesRequest request{.source = source, .period = PeriodKind::kWeek, .level = level};
      ASSIGN_OR_RETURN(std::vector<CountSeries> all, CountSeriesFromStore(store, regions, request));
      for (const CountSeries& series : all) {
        const std::string observed = indicators::BreakdownText("bron", source);
        Period week = series.first;
        for (double count : series.series.observed) {
          indicators::IndicatorValue cell{
              .level = level, .region = series.region, .period = week.ToString(), .breakdown = observed};
          if (!std::isnan(count)) cell.numerator = cell.value = count * indicator.factor;
          values.push_back(std::move(cell));
          week = week.Next();
        }
        std::vector<double> complete = series.series.observed;
        if (last_week_incomplete && !complete.empty()) {
          complete.pop_back();
          week = week.Previous();
        }
        Result<std::vector<detection::ForecastWeek>> forecast = detection::ForecastWeekly(
            complete, {.horizon = indicator.forecast->horizon_weeks, .level = indicator.forecast->level});
        if (!forecast.ok()) continue;  // too short a series: observed weeks only
        for (const detection::ForecastWeek& ahead : *forecast) {
          values.push_back({.level = level,
                            .region = series.region,
                            .period = week.ToString(),
                            .breakdown = observed + "&reeks=voorspelling",
                            .value = ahead.expected * indicator.factor,
                            .lower = ahead.lower * indicator.factor,
                            .upper = ahead.upper * indicator.factor});
          week = week.Next();
        }
      }
    }
  }
  indicators::SortValues(values);
  return values;
}

// kDelivery: every stored row of each source the indicator reports on, with its gemeente, the date it
// describes (indicators/delivery_values.h) and the date its file was ingested.
Result<std::vector<indicators::DeliveredSource>> DeliveredSources(const indicators::Indicator& indicator,
                                                                  store::Store& store, const RegionTable& regions) {
  ASSIGN_OR_RETURN(std::vector<store::IngestedFile> files, store.ingest_log().Files());
  std::map<int64_t, Date> ingested;
  for (const store::IngestedFile& file : files) {
    ASSIGN_OR_RETURN(Date date, ParseDate(std::string_view(file.ingested_at).substr(0, 10), DateFormat::kIso));
    ingested[file.id] = date;
  }
  std::vector<indicators::DeliveredSource> out;
  for (const std::string& name : indicator.sources) {
    const sources::SourceContract& contract = *sources::FindContract(name);
    const sources::TableSpec& table = contract.extract;
    const std::string date_name = store::SummaryRangeColumn(contract);
    if (date_name.empty()) continue;  // a source without dates has no deliveries to measure
    const int date = table.IndexOf(date_name);
    const int gemeente = table.Find("gemeente") != nullptr ? table.IndexOf("gemeente") : -1;
    const int region = table.Find("regio") != nullptr ? table.IndexOf("regio") : -1;
    indicators::DeliveredSource source{.source = name,
                                       .unit = date_name == "week"   ? indicators::DeliveryUnit::kWeek
                                               : date_name == "jaar" ? indicators::DeliveryUnit::kYear
                                                                     : indicators::DeliveryUnit::kMonth};
    RETURN_IF_ERROR(store.records().ScanWithFile(contract, [&](int64_t file, std::span<const Value> row) -> Status {
      if (row[date].missing()) return Status::Ok();
      indicators::DeliveredRow delivered{.ingested = ingested.at(file)};
      if (source.unit == indicators::DeliveryUnit::kWeek) {
        ASSIGN_OR_RETURN(std::string_view text, row[date].AsText(date_name));
        ASSIGN_OR_RETURN(Period week, Period::Parse(text));
        delivered.date = week.last_day();
      } else if (source.unit == indicators::DeliveryUnit::kYear) {
        ASSIGN_OR_RETURN(int64_t year, row[date].AsInteger(date_name));
        delivered.date = Date{static_cast<int>(year), 12, 31};
      } else {
        ASSIGN_OR_RETURN(delivered.date, row[date].AsDate(date_name));
      }
      if (gemeente >= 0) {
        delivered.gemeente = std::string(row[gemeente].TextOrEmpty());
      } else if (region >= 0) {
        const Region* gm = regions.GemeenteOf(row[region].TextOrEmpty());
        if (gm != nullptr) delivered.gemeente = gm->code;
      }
      source.rows.push_back(std::move(delivered));
      return Status::Ok();
    }));
    out.push_back(std::move(source));
  }
  return out;
}

store::IndicatorCell ToStoreCell(const std::string& indicator, const indicators::IndicatorValue& value) {
  store::IndicatorCell cell;
  cell.indicator = indicator;
  cell.level = value.level;
  cell.region = value.region;
  cell.period = value.period;
  cell.breakdown = value.breakdown;
  cell.numerator = value.numerator;
  cell.denominator = value.denominator;
  cell.value = value.value;
  cell.lower = value.lower;
  cell.upper = value.upper;
  if (value.respondents) cell.respondents = *value.respondents;
  return cell;
}

}  // namespace

Result<ComputeReport> ComputeIndicators(Workspace& workspace, const ComputeRequest& request) {
  const Clock::time_point start = Clock::now();
  ASSIGN_OR_RETURN(indicators::Catalog catalog, LoadIndicatorCatalog(workspace));
  for (const std::string& id : request.indicators) {
    if (indicators::FindIndicator(catalog, id) == nullptr) return NotFoundError(msg::UnknownIndicator(id));
  }
  ASSIGN_OR_RETURN(store::Store * store, workspace.Store());
  ASSIGN_OR_RETURN(const RegionTable* regions, workspace.Regions());
  const std::vector<const Region*> regio = regions->AtLevel(RegionLevel::kRegio);
  if (regio.empty()) return DataError(msg::NoRegio());
  const std::string twente = regio.front()->code;

  ComputeReport report;
  SourceCache sources(*store);
  WaveCache waves(*store);
  ASSIGN_OR_RETURN(std::optional<store::LinkRunInfo> link_run, store->linkage().Latest());
  ASSIGN_OR_RETURN(InputState inputs, ReadInputState(workspace, *store, *regions, link_run ? link_run->id : 0));
  using Fingerprints = std::map<std::string, std::string>;  // indicator → inputs fingerprint
  ASSIGN_OR_RETURN(Fingerprints stored_inputs, store->indicator_values().Inputs());
  std::optional<indicators::MeasureTable> measures;  // computed once, for every linked indicator
  std::map<std::vector<std::string>, std::vector<indicators::DeliveredSource>> delivered_by_sources;
  struct Computed {
    std::string id;
    std::vector<store::IndicatorCell> cells;
    std::string fingerprint;
  };
  std::vector<Computed> results;
  for (const indicators::Indicator& indicator : catalog.indicators) {
    if (!request.indicators.empty() &&
        std::find(request.indicators.begin(), request.indicators.end(), indicator.id) == request.indicators.end()) {
      continue;
    }
    const Clock::time_point indicator_start = Clock::now();
    std::vector<indicators::IndicatorValue> values;
    const bool needs_linkage = indicator.kind == indicators::IndicatorKind::kLinked ||
                               (indicator.kind == indicators::IndicatorKind::kRate &&
                                (NeedsLinkedKeys(*indicator.numerator) || NeedsLinkedKeys(*indicator.denominator)));
    if (needs_linkage && !link_run) {
      report.not_computed.emplace_back(indicator.id, msg::NeedsLinkage());
      continue;
    }
    if (indicator.kind == indicators::IndicatorKind::kForecast) {
      const indicators::CountSpec& spec = *indicator.numerator;
      if (!spec.filters.empty() || spec.age || spec.window_months > 0 ||
          spec.unit != indicators::CountUnit::kRegistrations || !spec.date_column.empty() || !spec.end_column.empty()) {
        report.not_computed.emplace_back(indicator.id, msg::ForecastOnlyPlainCounts());
        continue;
      }
    }
    ASSIGN_OR_RETURN(std::string fingerprint, InputFingerprint(indicator, needs_linkage, inputs));
    if (!request.full) {
      auto stored = stored_inputs.find(indicator.id);
      if (stored != stored_inputs.end() && stored->second == fingerprint) {
        report.unchanged.push_back(indicator.id);
        continue;
      }
    }
    if (request.progress) request.progress(indicator.id);
    if (indicator.kind == indicators::IndicatorKind::kRate) {
      ASSIGN_OR_RETURN(const indicators::SourceRows* numerator,
                       sources.Get(indicator.numerator->sources.front(), NeedsLinkedKeys(*indicator.numerator)));
      ASSIGN_OR_RETURN(const indicators::SourceRows* denominator,
                       sources.Get(indicator.denominator->sources.front(), NeedsLinkedKeys(*indicator.denominator)));
      ASSIGN_OR_RETURN(values, indicators::ComputeRate(indicator, *numerator, *denominator, *regions, twente));
    } else if (indicator.kind == indicators::IndicatorKind::kLinked) {
      if (!measures) {
        ASSIGN_OR_RETURN(const std::vector<indicators::LinkedInvolvement>* involvements, sources.Involvements());
        indicators::MeasureOptions options;
        options.twente_code = twente;
        ASSIGN_OR_RETURN(measures, indicators::ComputeCrossDeskMeasures(*involvements, options));
      }
      ASSIGN_OR_RETURN(values, indicators::LinkedValues(indicator, *measures));
    } else if (indicator.kind == indicators::IndicatorKind::kSurvey ||
               indicator.kind == indicators::IndicatorKind::kSurveyIncomeGap) {
      ASSIGN_OR_RETURN(std::vector<int> wave_years, waves.Waves());
      const indicators::SourceRows* bevolking = nullptr;
      if (indicator.survey->calibrate) {
        ASSIGN_OR_RETURN(bevolking, sources.Get("bevolking", false));
      }
      for (int year : wave_years) {
        ASSIGN_OR_RETURN(const WaveCache::Wave* wave, waves.Get(year, bevolking));
        ASSIGN_OR_RETURN(std::vector<indicators::IndicatorValue> wave_values,
                         indicators::SurveyValues(indicator, wave->frame, wave->design, year, twente));
        values.insert(values.end(), wave_values.begin(), wave_values.end());
      }
      indicators::SortValues(values);
    } else if (indicator.kind == indicators::IndicatorKind::kForecast) {
      ASSIGN_OR_RETURN(values, ForecastValues(indicator, *store, *regions));
    } else if (indicator.kind == indicators::IndicatorKind::kDuration) {
      ASSIGN_OR_RETURN(const indicators::SourceRows* rows, sources.Get(indicator.duration->source, false));
      ASSIGN_OR_RETURN(values, indicators::DurationValues(indicator, *rows, twente));
    } else {
      // Both delivery measures report on the same sources as shipped: their rows are read once.
      auto delivered = delivered_by_sources.find(indicator.sources);
      if (delivered == delivered_by_sources.end()) {
        ASSIGN_OR_RETURN(std::vector<indicators::DeliveredSource> read, DeliveredSources(indicator, *store, *regions));
        delivered = delivered_by_sources.emplace(indicator.sources, std::move(read)).first;
      }
      std::vector<std::string> gemeenten;
      for (const Region* gm : regions->AtLevel(RegionLevel::kGemeente)) gemeenten.push_back(gm->code);
      ASSIGN_OR_RETURN(values, indicators::DeliveryValues(indicator, delivered->second, gemeenten, twente));
    }
    std::vector<store::IndicatorCell> cells;
    cells.reserve(values.size());
    for (const indicators::IndicatorValue& value : values) cells.push_back(ToStoreCell(indicator.id, value));
    report.computed.push_back({indicator.id, std::string(indicators::IndicatorKindName(indicator.kind)),
                               static_cast<int64_t>(cells.size()), SecondsSince(indicator_start)});
    report.cells += static_cast<int64_t>(cells.size());
    results.push_back({indicator.id, std::move(cells), std::move(fingerprint)});
  }
  // Indicators no longer in the catalogue lose their cells (only when the whole catalogue was asked for).
  if (request.indicators.empty()) {
    ASSIGN_OR_RETURN(std::vector<std::string> stored, store->indicator_values().Indicators());
    for (const auto& [id, fingerprint] : stored_inputs) stored.push_back(id);
    std::sort(stored.begin(), stored.end());
    stored.erase(std::unique(stored.begin(), stored.end()), stored.end());
    for (const std::string& id : stored) {
      if (indicators::FindIndicator(catalog, id) == nullptr) report.removed.push_back(id);
    }
  }

  // Nothing changed: nothing is stored (an idempotent run leaves the store as it was, and the
  // publication made from the latest computation stays current).
  if (results.empty() && report.removed.empty()) {
    ASSIGN_OR_RETURN(std::optional<store::IndicatorRun> latest, store->indicator_values().LatestRun());
    if (latest) {
      report.run_id = latest->id;
      report.seconds = SecondsSince(start);
      return report;
    }
  }
  store::IndicatorRun run;
  run.computed_at = UtcTimestamp(workspace.clock().NowUnixSeconds());
  run.catalog_sha256 = inputs.catalog_sha256;
  ASSIGN_OR_RETURN(run.max_ingest_file_id, store->ingest_log().MaxFileId());
  run.link_run_id = link_run ? link_run->id : 0;
  run.cells = report.cells;
  run.details = msg::ComputeRunDetails(report.computed.size(), report.unchanged.size(), report.not_computed.size());

  ASSIGN_OR_RETURN(store::Transaction tx, store->Begin());
  ASSIGN_OR_RETURN(report.run_id, store->indicator_values().AddRun(run));
  for (const Computed& result : results) {
    RETURN_IF_ERROR(store->indicator_values().ReplaceIndicator(report.run_id, result.id, result.cells));
    RETURN_IF_ERROR(store->indicator_values().SetInputs(result.id, result.fingerprint));
  }
  for (const std::string& id : report.removed) {
    RETURN_IF_ERROR(store->indicator_values().ReplaceIndicator(report.run_id, id, {}));
  }
  RETURN_IF_ERROR(tx.Commit());
  report.seconds = SecondsSince(start);
  return report;
}

}  // namespace sz::pipeline
