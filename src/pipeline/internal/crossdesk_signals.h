// Dwarsverbanden for the signal stage (pipeline/signals.h, docs/signals.md "Dwarsverbanden"): the weekly
// wijk totals of the signalable single-desk indicators become the streams of the space-time scan
// (signals/crossdesk.h), and each cluster becomes a signal of kind `dwarsverband`.
//
// Contract:
// - Streams: one per source, from the first indicator (catalogue order) whose numerator counts that
//   one source, with weekly cells at wijk level, breakdown "totaal". Fewer than two streams: no scan.
// - The grid has every wijk of the region table (region-file order) and the weeks all streams share
//   (from the latest first week to the earliest last week); a week without a cell counts 0; residents
//   per wijk from the streams' latest denominators.
// - CrossDeskSignal fills a cluster's signal: key "dwarsverband|CENTRE|SOURCE+SOURCE" (centre: the zone's
//   wijk, or its gemeente for a whole gemeente; sources sorted), region = centre, breakdown
//   "wijken=WK…,WK…", the weeks of its window, observed and expected summed over the zone, streams and
//   weeks, p = the Gumbel p-value (the Monte-Carlo one cannot go below 1/(R+1)), and the Dutch
//   explanation with the part of every desk.
// Thread safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/period.h"
#include "core/region.h"
#include "core/status.h"
#include "signals/comovement.h"
#include "signals/crossdesk.h"
#include "store/signal_state.h"

namespace sz::pipeline::internal {

// One wijk total series of a signalable weekly indicator, as the signal stage read it.
struct WijkSeries {
  std::string indicator;
  std::string source;   // the numerator's only source
  std::string subject;  // "meldingen zorgwekkend gedrag"
  std::string wijk;
  std::vector<Period> periods;   // consecutive weeks
  std::vector<double> observed;  // NaN: suppressed or unknown (counts 0 here)
  double residents = 0;
};

struct CrossDeskStream {
  std::string indicator, source, subject;
};

struct CrossDeskData {
  std::vector<CrossDeskStream> streams;
  signals::CrossDeskGrid grid;
  std::vector<signals::CrossDeskZone> zones;
  std::vector<Period> weeks;  // grid week t → its ISO week
};

// nullopt when fewer than two streams or no shared weeks.
std::optional<CrossDeskData> CrossDeskDataOf(const std::vector<WijkSeries>& series, const RegionTable& regions);

// "dwarsverband|CENTRE|SOURCE+SOURCE" (sources sorted).
std::string CrossDeskKey(const CrossDeskData& data, const signals::ScanCluster& cluster);

store::StoredSignal CrossDeskSignal(const CrossDeskData& data, const signals::ScanCluster& cluster, int end,
                                    const std::vector<double>& baselines, double q_value, const RegionTable& regions);

// Co-movement across wijken (signals/comovement.h) of every pair of streams over the `horizon` weeks
// ending at `end`: observed per wijk summed over those weeks, expected = its weekly baseline × horizon.
// Pairs that cannot be tested (too few wijken with an expectation) are left out.
struct CoMovementPair {
  int a = 0, b = 0;  // stream indices, a < b
  signals::CoMovement result;
};
std::vector<CoMovementPair> TestCoMovements(const CrossDeskData& data, int end, int horizon,
                                            const std::vector<double>& baselines, int replications);
// "dwarsverband|REGIO|SOURCE+SOURCE" (REGIO the region table's regio, sources sorted).
std::string CoMovementKey(const CrossDeskData& data, const CoMovementPair& pair, const RegionTable& regions);
// Its signal: kind dwarsverband, key "dwarsverband|REGIO|SOURCE+SOURCE" (REGIO the region table's regio,
// e.g. CR23 for Twente), breakdown "samenhang", the horizon's weeks, observed and expected summed over
// both desks and every wijk, p = the normal approximation (as the scan's Gumbel p), and the explanation.
store::StoredSignal CoMovementSignal(const CrossDeskData& data, const CoMovementPair& pair, int end, int horizon,
                                     const std::vector<double>& baselines, double q_value, const RegionTable& regions);

// The residents of a cluster's zone.
double ZoneResidents(const CrossDeskData& data, const signals::ScanCluster& cluster);

}  // namespace sz::pipeline::internal
