// Dwarsverbanden in the signal stage (docs/signals.md, "Dwarsverbanden"): weekly report counts per
// wijk × desk become the input of the space-time scan (scan.h): the candidate zones, the baselines, and
// the scan of the weeks up to a given week.
//
// Contract:
// - A CrossDeskGrid holds, for `wijken` (grouped per gemeente, in region-file order within it) and
//   `streams` desk streams, the counts of `weeks` consecutive weeks, index (wijk · streams + stream) ·
//   weeks + t, oldest week first. A missing week counts 0.
// - Zones (CrossDeskZones): each wijk alone; each wijk with its neighbours (the wijken before and after it
//   in its gemeente's order, as CBS numbers neighbouring wijken consecutively; the region file has no
//   boundaries); each gemeente with at least two wijken as a whole. A zone's `centre` is its wijk's code,
//   or the gemeente's code for a whole gemeente.
// - Baselines (CrossDeskBaselines): per wijk × stream one weekly expectation from the `history` weeks
//   before the scan's `horizon` weeks ending at `end`: (H + M) / (2 · history), where H is the wijk's own
//   count in those weeks and M its gemeente's count there times the wijk's share of the gemeente's
//   residents (so a quiet wijk borrows from its gemeente), and at least 0.5 / (2 · history).
// - ScanCrossDeskAt scans the `horizon` weeks ending at week index `end` (signals/scan.h: windows of 1 to
//   min(horizon, options.max_window) weeks ending at `end`, ≥ options.min_streams streams) with those
//   baselines. kFailedPrecondition when fewer than horizon + history weeks end at `end`;
//   kInvalidArgument when the grid's sizes do not match.
// Thread safety: pure functions.
//
//   std::vector<CrossDeskZone> zones = CrossDeskZones(grid);
//   ASSIGN_OR_RETURN(auto clusters, ScanCrossDeskAt(grid, zones, grid.weeks - 1, {}));
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "signals/scan.h"

namespace sz::signals {

struct CrossDeskGrid {
  std::vector<std::string> wijken;     // codes
  std::vector<std::string> gemeenten;  // per wijk: its gemeente's code
  std::vector<double> residents;       // per wijk (0 when unknown)
  int streams = 0;
  int weeks = 0;
  std::vector<double> counts;
};

struct CrossDeskZone {
  std::vector<int> wijken;  // indices into the grid's wijken
  std::string centre;       // a wijk's or a gemeente's code
};

struct CrossDeskScanOptions {
  int horizon = 13;  // weeks scanned (the longest window)
  int history = 52;  // weeks before them that make the baselines
  ScanOptions scan;  // replications, seed, min_streams, max_clusters (max_window is the horizon)
};

std::vector<CrossDeskZone> CrossDeskZones(const CrossDeskGrid& grid);

// Weekly baseline per wijk × stream, index wijk · streams + stream (see above).
Result<std::vector<double>> CrossDeskBaselines(const CrossDeskGrid& grid, int end, int horizon, int history);

Result<std::vector<ScanCluster>> ScanCrossDeskAt(const CrossDeskGrid& grid, const std::vector<CrossDeskZone>& zones,
                                                 int end, const CrossDeskScanOptions& options);

}  // namespace sz::signals
