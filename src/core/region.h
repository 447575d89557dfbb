// Regions: the hierarchy Nederland → regio (Twente) → gemeente → wijk → buurt, with CBS codes.
//
// A RegionTable is built from a versioned region file (io/region_file.h loads it; the format is
// in docs/regions.md). Codes follow CBS: GMxxxx, WKxxxxyy, BUxxxxyyzz, so a wijk's gemeente and a
// buurt's wijk can be derived from the code alone when the file leaves the parent empty.
//
//   const Region* wijk = table.Find("WK015301");
//   table.GemeenteOf("BU01530102")->name;   // "Enschede"
//
// Thread safety: immutable after construction; safe to share between threads.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace sz {

enum class RegionLevel { kLand = 0, kRegio = 1, kGemeente = 2, kWijk = 3, kBuurt = 4 };

// Dutch level names as used in region files and the interface: land, regio, gemeente, wijk, buurt.
std::string_view RegionLevelName(RegionLevel level);
Result<RegionLevel> ParseRegionLevel(std::string_view name);

struct Region {
  std::string code;         // CBS code, e.g. "GM0153"
  std::string name;         // e.g. "Enschede"
  RegionLevel level;
  std::string parent_code;  // empty for the root
};

// The CBS parent code implied by a gemeente/wijk/buurt code ("WK015301" → "GM0153"), or "" if the
// code has no implied parent.
std::string ImpliedParentCode(std::string_view code);
// The level implied by the code prefix (GM, WK, BU), if any.
Result<RegionLevel> LevelFromCode(std::string_view code);

class RegionTable {
 public:
  RegionTable() = default;

  // Adds a region. Fails on a duplicate code, on a parent that is not yet known, on a parent of the
  // wrong level, or on a CBS code whose implied parent disagrees with `parent_code`. An empty
  // parent_code is filled from the code (ImpliedParentCode) when possible.
  Status Add(Region region);

  const Region* Find(std::string_view code) const;
  // The gemeente containing `code` (itself if it is a gemeente); nullptr if none.
  const Region* GemeenteOf(std::string_view code) const;
  const Region* WijkOf(std::string_view code) const;
  std::vector<const Region*> Children(std::string_view code) const;
  std::vector<const Region*> AtLevel(RegionLevel level) const;  // in file order
  size_t size() const { return regions_.size(); }

 private:
  std::vector<std::unique_ptr<Region>> regions_;
  std::map<std::string, const Region*, std::less<>> by_code_;
  std::map<std::string, std::vector<const Region*>, std::less<>> children_;
};

}  // namespace sz
