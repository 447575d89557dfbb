#include "pipeline/internal/crossdesk_signals.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "signals/messages.h"

namespace sz::pipeline::internal {
namespace {

int64_t WeekOrdinal(const Period& week) { return week.first_day().DayNumber() / 7; }

std::string ZoneName(const signals::CrossDeskZone& zone, const CrossDeskData& data, const RegionTable& regions) {
  const Region* centre = regions.Find(zone.centre);
  if (centre == nullptr) return zone.centre;
  if (centre->level != RegionLevel::kWijk) return centre->name;
  const Region* gemeente = regions.GemeenteOf(zone.centre);
  const std::string gemeente_name = gemeente ? gemeente->name : "";
  if (zone.wijken.size() > 1) return signals::msg::WithNeighbours(centre->name, gemeente_name);
  return "wijk " + centre->name + (gemeente ? " (" + gemeente_name + ")" : "");
}

// The pair's streams, sorted by source.
std::pair<const CrossDeskStream*, const CrossDeskStream*> SortedStreams(const CrossDeskData& data,
                                                                        const CoMovementPair& pair) {
  const CrossDeskStream* first = &data.streams[static_cast<size_t>(pair.a)];
  const CrossDeskStream* second = &data.streams[static_cast<size_t>(pair.b)];
  if (second->source < first->source) std::swap(first, second);
  return {first, second};
}

const Region* RegioOf(const RegionTable& regions) {
  const std::vector<const Region*> regio = regions.AtLevel(RegionLevel::kRegio);
  return regio.empty() ? nullptr : regio.front();
}

}  // namespace

std::optional<CrossDeskData> CrossDeskDataOf(const std::vector<WijkSeries>& series, const RegionTable& regions) {
  CrossDeskData data;
  std::map<std::string, size_t> stream_of_source;
  for (const WijkSeries& s : series) {
    if (stream_of_source.count(s.source)) {
      if (data.streams[stream_of_source[s.source]].indicator != s.indicator) continue;  // another indicator
    } else {
      stream_of_source[s.source] = data.streams.size();
      data.streams.push_back({s.indicator, s.source, s.subject});
    }
  }
  if (data.streams.size() < 2) return std::nullopt;
  // The weeks every stream has.
  std::vector<int64_t> first(data.streams.size(), INT64_MIN), last(data.streams.size(), INT64_MAX);
  std::vector<bool> seen(data.streams.size(), false);
  for (const WijkSeries& s : series) {
    const size_t k = stream_of_source[s.source];
    if (data.streams[k].indicator != s.indicator || s.periods.empty()) continue;
    const int64_t a = WeekOrdinal(s.periods.front()), b = WeekOrdinal(s.periods.back());
    first[k] = seen[k] ? std::min(first[k], a) : a;
    last[k] = seen[k] ? std::max(last[k], b) : b;
    seen[k] = true;
  }
  if (std::find(seen.begin(), seen.end(), false) != seen.end()) return std::nullopt;
  const int64_t from = *std::max_element(first.begin(), first.end());
  const int64_t to = *std::min_element(last.begin(), last.end());
  if (to < from) return std::nullopt;
  std::map<std::string, size_t> wijk_index;
  for (const Region* wijk : regions.AtLevel(RegionLevel::kWijk)) {
    const Region* gemeente = regions.GemeenteOf(wijk->code);
    wijk_index[wijk->code] = data.grid.wijken.size();
    data.grid.wijken.push_back(wijk->code);
    data.grid.gemeenten.push_back(gemeente ? gemeente->code : "");
  }
  const size_t wijken = data.grid.wijken.size(), streams = data.streams.size();
  data.grid.streams = static_cast<int>(streams);
  data.grid.weeks = static_cast<int>(to - from + 1);
  data.grid.residents.assign(wijken, 0);
  data.grid.counts.assign(wijken * streams * static_cast<size_t>(data.grid.weeks), 0);
  for (const WijkSeries& s : series) {
    const size_t k = stream_of_source[s.source];
    auto w = wijk_index.find(s.wijk);
    if (data.streams[k].indicator != s.indicator || w == wijk_index.end()) continue;
    if (s.residents > 0) data.grid.residents[w->second] = s.residents;
    for (size_t i = 0; i < s.periods.size(); ++i) {
      const int64_t t = WeekOrdinal(s.periods[i]) - from;
      if (t < 0 || t >= data.grid.weeks || !(s.observed[i] > 0)) continue;
      data.grid.counts[(w->second * streams + k) * static_cast<size_t>(data.grid.weeks) + static_cast<size_t>(t)] =
          s.observed[i];
    }
  }
  for (const WijkSeries& s : series) {
    if (WeekOrdinal(s.periods.front()) > from || WeekOrdinal(s.periods.back()) < to) continue;
    const int64_t offset = from - WeekOrdinal(s.periods.front());
    for (int t = 0; t < data.grid.weeks; ++t) data.weeks.push_back(s.periods[static_cast<size_t>(offset + t)]);
    break;
  }
  if (static_cast<int>(data.weeks.size()) != data.grid.weeks) return std::nullopt;
  data.zones = signals::CrossDeskZones(data.grid);
  return data;
}

std::string CrossDeskKey(const CrossDeskData& data, const signals::ScanCluster& cluster) {
  std::vector<std::string> sources;
  for (int k : cluster.streams) sources.push_back(data.streams[static_cast<size_t>(k)].source);
  std::sort(sources.begin(), sources.end());
  std::string key = "dwarsverband|" + data.zones[static_cast<size_t>(cluster.zone)].centre + "|";
  for (size_t i = 0; i < sources.size(); ++i) key += (i ? "+" : "") + sources[i];
  return key;
}

double ZoneResidents(const CrossDeskData& data, const signals::ScanCluster& cluster) {
  double residents = 0;
  for (int w : data.zones[static_cast<size_t>(cluster.zone)].wijken)
    residents += data.grid.residents[static_cast<size_t>(w)];
  return residents;
}

store::StoredSignal CrossDeskSignal(const CrossDeskData& data, const signals::ScanCluster& cluster, int end,
                                    const std::vector<double>& baselines, double q_value, const RegionTable& regions) {
  const signals::CrossDeskZone& zone = data.zones[static_cast<size_t>(cluster.zone)];
  const size_t streams = data.streams.size(), weeks = static_cast<size_t>(data.grid.weeks);
  store::StoredSignal signal;
  signal.kind = "dwarsverband";
  std::vector<size_t> order(cluster.streams.begin(), cluster.streams.end());
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return data.streams[a].source < data.streams[b].source; });
  for (size_t k : order) {
    signal.sources.push_back(data.streams[k].source);
    signal.indicators.push_back(data.streams[k].indicator);
  }
  signal.key = CrossDeskKey(data, cluster);
  signal.region = zone.centre;
  signal.breakdown = "wijken=";
  for (size_t i = 0; i < zone.wijken.size(); ++i)
    signal.breakdown += (i ? "," : "") + data.grid.wijken[static_cast<size_t>(zone.wijken[i])];
  const int first = end - cluster.window + 1;
  signal.period_from = data.weeks[static_cast<size_t>(first)].ToString();
  signal.period_to = data.weeks[static_cast<size_t>(end)].ToString();
  signal.method = signals::msg::CrossDeskMethod();
  signal.observed = cluster.observed;
  signal.expected = cluster.expected;
  signal.p_value = cluster.p_gumbel;
  signal.q_value = q_value;
  signals::msg::CrossDeskFacts facts{.region = ZoneName(zone, data, regions),
                                     .weeks = cluster.window,
                                     .from = signal.period_from,
                                     .to = signal.period_to,
                                     .observed = cluster.observed,
                                     .expected = cluster.expected,
                                     .q_value = q_value};
  for (size_t k : order) {
    signals::msg::CrossDeskPart part{.subject = data.streams[k].subject};
    for (int w : zone.wijken) {
      const size_t row = static_cast<size_t>(w) * streams + k;
      for (int t = first; t <= end; ++t) part.observed += data.grid.counts[row * weeks + static_cast<size_t>(t)];
      part.expected += baselines[row] * cluster.window;
    }
    facts.parts.push_back(std::move(part));
  }
  signal.explanation = signals::msg::CrossDeskExplanation(facts);
  return signal;
}

std::vector<CoMovementPair> TestCoMovements(const CrossDeskData& data, int end, int horizon,
                                            const std::vector<double>& baselines, int replications) {
  const size_t wijken = data.grid.wijken.size(), streams = data.streams.size(),
               weeks = static_cast<size_t>(data.grid.weeks);
  std::vector<std::vector<double>> observed(streams, std::vector<double>(wijken, 0)), expected = observed;
  for (size_t w = 0; w < wijken; ++w) {
    for (size_t k = 0; k < streams; ++k) {
      const size_t row = w * streams + k;
      for (int t = end - horizon + 1; t <= end; ++t)
        observed[k][w] += data.grid.counts[row * weeks + static_cast<size_t>(t)];
      expected[k][w] = baselines[row] * horizon;
    }
  }
  std::vector<CoMovementPair> out;
  for (size_t a = 0; a < streams; ++a) {
    for (size_t b = a + 1; b < streams; ++b) {
      Result<signals::CoMovement> m =
          signals::TestCoMovement(observed[a], expected[a], observed[b], expected[b], {.replications = replications});
      if (m.ok()) out.push_back({static_cast<int>(a), static_cast<int>(b), *m});
    }
  }
  return out;
}

std::string CoMovementKey(const CrossDeskData& data, const CoMovementPair& pair, const RegionTable& regions) {
  const Region* regio = RegioOf(regions);
  const auto [first, second] = SortedStreams(data, pair);
  return "dwarsverband|" + (regio ? regio->code : std::string()) + "|" + first->source + "+" + second->source;
}

store::StoredSignal CoMovementSignal(const CrossDeskData& data, const CoMovementPair& pair, int end, int horizon,
                                     const std::vector<double>& baselines, double q_value, const RegionTable& regions) {
  const Region* regio = RegioOf(regions);
  const std::string code = regio ? regio->code : "";
  const std::string area = regio ? regio->name : "de regio";
  const size_t streams = data.streams.size(), weeks = static_cast<size_t>(data.grid.weeks);
  const auto [first, second] = SortedStreams(data, pair);
  store::StoredSignal signal;
  signal.kind = "dwarsverband";
  signal.key = CoMovementKey(data, pair, regions);
  signal.indicators = {first->indicator, second->indicator};
  signal.sources = {first->source, second->source};
  signal.region = code;
  signal.breakdown = "samenhang";
  signal.period_from = data.weeks[static_cast<size_t>(end - horizon + 1)].ToString();
  signal.period_to = data.weeks[static_cast<size_t>(end)].ToString();
  signal.method = signals::msg::CoMovementMethod();
  double observed = 0, expected = 0;
  for (size_t w = 0; w < data.grid.wijken.size(); ++w) {
    for (int k : {pair.a, pair.b}) {
      const size_t row = w * streams + static_cast<size_t>(k);
      for (int t = end - horizon + 1; t <= end; ++t) observed += data.grid.counts[row * weeks + static_cast<size_t>(t)];
      expected += baselines[row] * horizon;
    }
  }
  signal.observed = observed;
  signal.expected = expected;
  signal.p_value = pair.result.p_normal;
  signal.q_value = q_value;
  signal.explanation = signals::msg::CoMovementExplanation({.area = area,
                                                            .first = first->subject,
                                                            .second = second->subject,
                                                            .weeks = horizon,
                                                            .wijken = pair.result.wijken,
                                                            .from = signal.period_from,
                                                            .to = signal.period_to,
                                                            .rho = pair.result.rho,
                                                            .q_value = q_value});
  return signal;
}

}  // namespace sz::pipeline::internal
