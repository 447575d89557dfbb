// Wijk boundaries that a user supplies (samenzicht serve --wijkgrenzen FILE, docs/dashboard.md): the
// real CBS wijk boundaries, which Samenzicht does not ship (the region file's wijken are synthetic).
//
// The file is a TopoJSON topology in the format of ../shared/geo/gemeente_2024.topojson (CBS
// Gebiedsindelingen via PDOK, simplified by cartomap/nl, e.g. its wijk_2024 file): one GeometryCollection
// whose Polygon and MultiPolygon geometries carry the property `statcode` (a wijk code, WK015300).
//
// Contract of LoadWijkBoundaries(file, regions):
// - keeps the geometries whose statcode is a wijk of `regions` (others are counted in `ignored`),
//   keeps only the arcs they use (renumbered, reversed arcs stay reversed) and the file's `transform`;
// - `topojson` is {"type":"Topology","transform":…,"arcs":[…],"objects":{"wijken":{"type":
//   "GeometryCollection","geometries":[{"type","id","properties":{"statcode","statnaam","gemeente"},
//   "arcs"}]}}} with the region file's names and parent gemeente;
// - `missing` lists the region's wijken without a boundary (the dashboard shows those in its table);
// - fails (kInvalidArgument, a Dutch message naming the file and what to fix) on a file that cannot be
//   read, is not JSON, is not such a topology, has an arc index out of range, or has no geometry of a
//   wijk of the region at all.
// Thread safety: a pure function of its inputs.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/region.h"
#include "core/status.h"

namespace sz::server {

struct WijkBoundaries {
  std::string topojson;
  int matched = 0;                   // wijken of the region with a boundary
  int ignored = 0;                   // geometries of the file outside the region (or without statcode)
  std::vector<std::string> missing;  // wijk codes of the region without a boundary, in file order
};

Result<WijkBoundaries> LoadWijkBoundaries(const std::filesystem::path& file, const RegionTable& regions);

}  // namespace sz::server
