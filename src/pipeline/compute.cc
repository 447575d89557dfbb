#include "pipeline/compute.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <unordered_map>

#include "detection/forecast.h"
#include "indicators/catalog_file.h"
#include "indicators/cross_desk_measures.h"
#include "indicators/duration_values.h"
#include "indicators/linked_values.h"
#include "indicators/rate.h"
#include "indicators/survey_values.h"
#include "pipeline/catalog.h"
#include "pipeline/crossdesk.h"
#include "pipeline/messages.h"
#include "pipeline/output_file.h"
#include "pipeline/series.h"
#include "pipeline/survey.h"
#include "privacy/bytes.h"
#include "privacy/hash.h"
#include "sources/contract.h"

namespace sz::pipeline {
namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// SHA-256 over the catalogue's file names and contents, in name order.
Result<std::string> CatalogHash(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    if (entry.is_regular_file() && entry.path().extension() == ".toml") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  std::string all;
  for (const std::string& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    all += std::filesystem::path(file).filename().string() + '\0' + text.str() + '\0';
  }
  ASSIGN_OR_RETURN(privacy::Sha256Digest digest, privacy::Sha256(privacy::AsBytes(all)));
  return privacy::HexEncode(digest);
}

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
  Result<const Wave*> Get(int wave) {
    auto it = cache_.find(wave);
    if (it == cache_.end()) {
      ASSIGN_OR_RETURN(survey::SurveyFrame frame, SurveyFrameFromStore(store_, wave));
      ASSIGN_OR_RETURN(survey::Design design, survey::Design::Create(frame, indicators::MonitorDesign()));
      it = cache_.emplace(wave, std::make_unique<Wave>(Wave{std::move(frame), std::move(design)})).first;
    }
    return it->second.get();
  }

 private:
  store::Store& store_;
  std::optional<std::vector<int>> waves_;
  std::map<int, std::unique_ptr<Wave>> cache_;
};

// kForecast: per source, the weekly registrations of Twente and every gemeente (pipeline/series.h)
// and the forecast of the coming weeks (detection/forecast.h). Observed weeks are breakdown
// "bron=SOURCE", forecast weeks "bron=SOURCE&reeks=voorspelling" with the interval.
Result<std::vector<indicators::IndicatorValue>> ForecastValues(const indicators::Indicator& indicator,
                                                               store::Store& store, const RegionTable& regions) {
  std::vector<indicators::IndicatorValue> values;
  for (const std::string& source : indicator.numerator->sources) {
    ASSIGN_OR_RETURN(store::RecordSummary summary, store.records().Summarise(*sources::FindContract(source)));
    if (summary.rows == 0) continue;  // a desk that has not delivered: no series
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
        Result<std::vector<detection::ForecastWeek>> forecast = detection::ForecastWeekly(
            series.series.observed, {.horizon = indicator.forecast->horizon_weeks, .level = indicator.forecast->level});
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
  std::optional<indicators::MeasureTable> measures;  // computed once, for every linked indicator
  std::vector<std::pair<std::string, std::vector<store::IndicatorCell>>> results;
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
    if (indicator.kind == indicators::IndicatorKind::kRate) {
      if (request.progress) request.progress(indicator.id);
      ASSIGN_OR_RETURN(const indicators::SourceRows* numerator,
                       sources.Get(indicator.numerator->sources.front(), NeedsLinkedKeys(*indicator.numerator)));
      ASSIGN_OR_RETURN(const indicators::SourceRows* denominator,
                       sources.Get(indicator.denominator->sources.front(), NeedsLinkedKeys(*indicator.denominator)));
      ASSIGN_OR_RETURN(values, indicators::ComputeRate(indicator, *numerator, *denominator, *regions, twente));
    } else if (indicator.kind == indicators::IndicatorKind::kLinked) {
      if (request.progress) request.progress(indicator.id);
      if (!measures) {
        ASSIGN_OR_RETURN(const std::vector<indicators::LinkedInvolvement>* involvements, sources.Involvements());
        indicators::MeasureOptions options;
        options.twente_code = twente;
        ASSIGN_OR_RETURN(measures, indicators::ComputeCrossDeskMeasures(*involvements, options));
      }
      ASSIGN_OR_RETURN(values, indicators::LinkedValues(indicator, *measures));
    } else if (indicator.kind == indicators::IndicatorKind::kSurvey ||
               indicator.kind == indicators::IndicatorKind::kSurveyIncomeGap) {
      if (request.progress) request.progress(indicator.id);
      ASSIGN_OR_RETURN(std::vector<int> wave_years, waves.Waves());
      for (int year : wave_years) {
        ASSIGN_OR_RETURN(const WaveCache::Wave* wave, waves.Get(year));
        ASSIGN_OR_RETURN(std::vector<indicators::IndicatorValue> wave_values,
                         indicators::SurveyValues(indicator, wave->frame, wave->design, year, twente));
        values.insert(values.end(), wave_values.begin(), wave_values.end());
      }
      indicators::SortValues(values);
    } else if (indicator.kind == indicators::IndicatorKind::kForecast) {
      const indicators::CountSpec& spec = *indicator.numerator;
      if (!spec.filters.empty() || spec.age || spec.window_months > 0 ||
          spec.unit != indicators::CountUnit::kRegistrations || !spec.date_column.empty() || !spec.end_column.empty()) {
        report.not_computed.emplace_back(indicator.id, msg::ForecastOnlyPlainCounts());
        continue;
      }
      if (request.progress) request.progress(indicator.id);
      ASSIGN_OR_RETURN(values, ForecastValues(indicator, *store, *regions));
    } else if (indicator.kind == indicators::IndicatorKind::kDuration) {
      if (request.progress) request.progress(indicator.id);
      ASSIGN_OR_RETURN(const indicators::SourceRows* rows, sources.Get(indicator.duration->source, false));
      ASSIGN_OR_RETURN(values, indicators::DurationValues(indicator, *rows, twente));
    } else {
      report.not_computed.emplace_back(indicator.id,
                                       msg::KindNotComputedYet(indicators::IndicatorKindName(indicator.kind)));
      continue;
    }
    std::vector<store::IndicatorCell> cells;
    cells.reserve(values.size());
    for (const indicators::IndicatorValue& value : values) cells.push_back(ToStoreCell(indicator.id, value));
    report.computed.push_back({indicator.id, std::string(indicators::IndicatorKindName(indicator.kind)),
                               static_cast<int64_t>(cells.size()), SecondsSince(indicator_start)});
    report.cells += static_cast<int64_t>(cells.size());
    results.emplace_back(indicator.id, std::move(cells));
  }

  store::IndicatorRun run;
  run.computed_at = UtcTimestamp(workspace.clock().NowUnixSeconds());
  ASSIGN_OR_RETURN(run.catalog_sha256, CatalogHash(CatalogDir(workspace)));
  ASSIGN_OR_RETURN(run.max_ingest_file_id, store->ingest_log().MaxFileId());
  run.link_run_id = link_run ? link_run->id : 0;
  run.cells = report.cells;
  run.details = msg::ComputeRunDetails(report.computed.size(), report.not_computed.size());

  ASSIGN_OR_RETURN(store::Transaction tx, store->Begin());
  ASSIGN_OR_RETURN(report.run_id, store->indicator_values().AddRun(run));
  for (const auto& [id, cells] : results)
    RETURN_IF_ERROR(store->indicator_values().ReplaceIndicator(report.run_id, id, cells));
  RETURN_IF_ERROR(tx.Commit());
  report.seconds = SecondsSince(start);
  return report;
}

}  // namespace sz::pipeline
