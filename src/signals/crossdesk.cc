#include "signals/crossdesk.h"

#include <algorithm>
#include <map>

#include "signals/messages.h"

namespace sz::signals {
namespace {

Status CheckGrid(const CrossDeskGrid& grid) {
  const size_t wijken = grid.wijken.size();
  if (grid.streams < 1 || grid.weeks < 1 || grid.gemeenten.size() != wijken || grid.residents.size() != wijken ||
      grid.counts.size() != wijken * static_cast<size_t>(grid.streams) * static_cast<size_t>(grid.weeks)) {
    return InvalidArgumentError(msg::ScanBadInput());
  }
  return Status::Ok();
}

}  // namespace

std::vector<CrossDeskZone> CrossDeskZones(const CrossDeskGrid& grid) {
  std::vector<std::string> order;                   // gemeenten in first-seen order
  std::map<std::string, std::vector<int>> members;  // gemeente → its wijken in grid order
  for (size_t i = 0; i < grid.wijken.size(); ++i) {
    if (!members.count(grid.gemeenten[i])) order.push_back(grid.gemeenten[i]);
    members[grid.gemeenten[i]].push_back(static_cast<int>(i));
  }
  std::vector<CrossDeskZone> zones;
  for (const std::string& gemeente : order) {
    const std::vector<int>& wijken = members[gemeente];
    for (size_t k = 0; k < wijken.size(); ++k) {
      zones.push_back({{wijken[k]}, grid.wijken[static_cast<size_t>(wijken[k])]});
      if (wijken.size() >= 3) {  // with two wijken, "a wijk and its neighbours" is the whole gemeente
        CrossDeskZone with_neighbours{{wijken[k]}, grid.wijken[static_cast<size_t>(wijken[k])]};
        if (k > 0) with_neighbours.wijken.push_back(wijken[k - 1]);
        if (k + 1 < wijken.size()) with_neighbours.wijken.push_back(wijken[k + 1]);
        std::sort(with_neighbours.wijken.begin(), with_neighbours.wijken.end());
        zones.push_back(std::move(with_neighbours));
      }
    }
    if (wijken.size() >= 2) zones.push_back({wijken, gemeente});
  }
  return zones;
}

Result<std::vector<double>> CrossDeskBaselines(const CrossDeskGrid& grid, int end, int horizon, int history) {
  RETURN_IF_ERROR(CheckGrid(grid));
  if (horizon < 1 || history < 1 || end >= grid.weeks) return InvalidArgumentError(msg::ScanBadInput());
  const int first = end - horizon - history + 1;  // the first history week
  if (first < 0) return FailedPreconditionError(msg::ScanHistoryTooShort(horizon + history, end + 1));
  const size_t wijken = grid.wijken.size(), streams = static_cast<size_t>(grid.streams);
  std::vector<double> own(wijken * streams, 0);
  for (size_t i = 0; i < wijken * streams; ++i) {
    const double* row = &grid.counts[i * static_cast<size_t>(grid.weeks)];
    for (int t = first; t < first + history; ++t) own[i] += row[t];
  }
  std::map<std::string, std::vector<double>> gemeente_count;  // per stream
  std::map<std::string, double> gemeente_residents;
  for (size_t w = 0; w < wijken; ++w) {
    std::vector<double>& count = gemeente_count[grid.gemeenten[w]];
    count.resize(streams, 0);
    for (size_t s = 0; s < streams; ++s) count[s] += own[w * streams + s];
    gemeente_residents[grid.gemeenten[w]] += grid.residents[w];
  }
  const double floor = 0.5 / (2.0 * history);
  std::vector<double> baselines(wijken * streams, 0);
  for (size_t w = 0; w < wijken; ++w) {
    const double residents = gemeente_residents[grid.gemeenten[w]];
    const double share = residents > 0 ? grid.residents[w] / residents : 0;
    for (size_t s = 0; s < streams; ++s) {
      const double borrowed = gemeente_count[grid.gemeenten[w]][s] * share;
      baselines[w * streams + s] = std::max(floor, (own[w * streams + s] + borrowed) / (2.0 * history));
    }
  }
  return baselines;
}

Result<std::vector<ScanCluster>> ScanCrossDeskAt(const CrossDeskGrid& grid, const std::vector<CrossDeskZone>& zones,
                                                 int end, const CrossDeskScanOptions& options) {
  ASSIGN_OR_RETURN(std::vector<double> weekly, CrossDeskBaselines(grid, end, options.horizon, options.history));
  const size_t wijken = grid.wijken.size(), streams = static_cast<size_t>(grid.streams);
  const int horizon = options.horizon;
  ScanInput input;
  input.locations = static_cast<int>(wijken);
  input.streams = grid.streams;
  input.weeks = horizon;
  input.counts.resize(wijken * streams * static_cast<size_t>(horizon));
  input.baselines.resize(input.counts.size());
  for (size_t i = 0; i < wijken * streams; ++i) {
    for (int t = 0; t < horizon; ++t) {
      const size_t at = i * static_cast<size_t>(horizon) + static_cast<size_t>(t);
      input.counts[at] = grid.counts[i * static_cast<size_t>(grid.weeks) + static_cast<size_t>(end - horizon + 1 + t)];
      input.baselines[at] = weekly[i];
    }
  }
  for (const CrossDeskZone& zone : zones) input.zones.push_back(zone.wijken);
  ScanOptions scan = options.scan;
  scan.max_window = horizon;
  return ScanSpaceTime(input, scan);
}

}  // namespace sz::signals
