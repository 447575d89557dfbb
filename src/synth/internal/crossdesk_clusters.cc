#include "synth/internal/crossdesk_clusters.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/period.h"
#include "io/csv_writer.h"
#include "synth/internal/rng.h"

namespace sz::synth::internal {
namespace {

int DeskIndex(const std::string& name) {
  for (int desk = 0; desk < kDeskCount; ++desk) {
    if (name == DeskName(desk)) return desk;
  }
  return -1;
}

// Mondays of the complete ISO weeks of the ISO years in range, up to the end date (as infections.cc).
std::vector<int32_t> CompleteWeekMondays(const Model& model) {
  std::vector<int32_t> mondays;
  IsoWeek week = IsoWeek::FromDate(Date{model.first_year, 1, 4});
  while (week.Monday().AddDays(6).DayNumber() <= model.end_day && week.year <= model.last_year) {
    mondays.push_back(static_cast<int32_t>(week.Monday().DayNumber()));
    week = week.Next();
  }
  return mondays;
}

bool Overlaps(const CrossDeskCluster& a, const CrossDeskCluster& b) {
  return a.wijk == b.wijk && a.first_day <= b.last_day && b.first_day <= a.last_day;
}

std::string WeekOf(int32_t day) { return IsoWeek::FromDate(Date::FromDayNumber(day)).ToString(); }

}  // namespace

void PlanCrossDeskClusters(Model& model) {
  const CrossDeskClusterConfig& config = model.config->dwarsverbanden;
  const Geography& geography = *model.geography;
  if (config.clusters_per_year <= 0 || config.desks.empty()) return;
  std::vector<int32_t> mondays = CompleteWeekMondays(model);
  if (static_cast<int>(mondays.size()) < config.max_weeks) return;
  Rng rng = Rng::Derive(model.seed, 0xD3A5);
  std::vector<double> gemeente_weights;
  for (const GemeenteGeo& g : geography.gemeenten) gemeente_weights.push_back(g.wijken.empty() ? 0.0 : g.population);
  std::vector<int> desks;
  for (const std::string& name : config.desks) desks.push_back(DeskIndex(name));
  int count =
      rng.Poisson(config.clusters_per_year * model.event_count_scale * static_cast<double>(mondays.size()) / 52.18);
  for (int k = 0; k < count; ++k) {
    CrossDeskCluster cluster;
    cluster.gemeente = static_cast<int>(rng.Pick(gemeente_weights));
    const GemeenteGeo& gemeente = geography.gemeenten[cluster.gemeente];
    cluster.wijk = gemeente.wijken[rng.Below(gemeente.wijken.size())];
    int weeks = rng.IntBetween(config.min_weeks, config.max_weeks);
    size_t first = rng.Below(mondays.size() - weeks + 1);
    cluster.first_day = mondays[first];
    cluster.last_day = mondays[first + weeks - 1] + 6;
    int desk_count = rng.IntBetween(config.min_desks, std::min<int>(config.max_desks, desks.size()));
    std::vector<int> pool = desks;
    for (int d = 0; d < desk_count; ++d) {
      size_t at = rng.Below(pool.size());
      cluster.desks.push_back(pool[at]);
      pool.erase(pool.begin() + static_cast<std::ptrdiff_t>(at));
    }
    std::sort(cluster.desks.begin(), cluster.desks.end());
    cluster.planned.assign(cluster.desks.size(), std::vector<int>(std::max(gemeente.chunks, 1), 0));
    for (std::vector<int>& per_chunk : cluster.planned) {
      int extra = std::max(
          2, static_cast<int>(std::lround(rng.LogNormal(config.extra_reports_median * model.event_size_scale, 0.5))));
      for (int r = 0; r < extra; ++r) ++per_chunk[rng.Below(per_chunk.size())];
    }
    bool overlapping = false;
    for (const CrossDeskCluster& other : model.crossdesk_clusters)
      overlapping = overlapping || Overlaps(other, cluster);
    if (!overlapping) model.crossdesk_clusters.push_back(std::move(cluster));
  }
  std::sort(model.crossdesk_clusters.begin(), model.crossdesk_clusters.end(),
            [](const CrossDeskCluster& a, const CrossDeskCluster& b) {
              return a.first_day != b.first_day ? a.first_day < b.first_day : a.wijk < b.wijk;
            });
}

Status WriteCrossDeskClusters(const Model& model, const std::string& out_dir, const io::WriteDialect& truth_dialect,
                              int64_t& rows, nlohmann::json& summary) {
  const Geography& geography = *model.geography;
  ASSIGN_OR_RETURN(auto truth, io::CsvWriter::Create(out_dir + "/truth/dwarsverbanden.csv", truth_dialect));
  RETURN_IF_ERROR(truth->WriteRow({"gemeente", "wijk", "bronnen", "eerste_week", "laatste_week", "extra_meldingen"}));
  int64_t extra = 0;
  for (const CrossDeskCluster& cluster : model.crossdesk_clusters) {
    std::string sources;
    for (int desk : cluster.desks) sources += (sources.empty() ? "" : "+") + std::string(DeskName(desk));
    RETURN_IF_ERROR(
        truth->WriteRow({geography.gemeenten[cluster.gemeente].code, geography.wijken[cluster.wijk].code, sources,
                         WeekOf(cluster.first_day), WeekOf(cluster.last_day), std::to_string(cluster.realised)}));
    extra += cluster.realised;
    ++rows;
  }
  RETURN_IF_ERROR(truth->Close());
  summary = {{"geconfigureerd_per_jaar", model.config->dwarsverbanden.clusters_per_year},
             {"dwarsverbanden", model.crossdesk_clusters.size()},
             {"extra_meldingen", extra}};
  return Status::Ok();
}

}  // namespace sz::synth::internal
