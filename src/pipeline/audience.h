// The audiences of a publication (issue 15, DOMAIN.md §8, docs/disclosure.md): who may see which
// published cell. One function decides it, for the export now and the server later.
//
//   publiek            Twente and the gemeente level
//   gemeente:GMxxxx    its own wijken, every gemeente, Twente
//   meldpunt:SOURCE    wijk level of the indicators whose only desk source is its own (a rate's
//                      population denominator, `bevolking`, is no desk's data); every other
//                      indicator (cross-desk aggregates) at gemeente level and Twente
//   analist            everything, unsuppressed (it reads the computed cells, not the publication)
//
// Every published cell is seen by some audience other than the analysts (each wijk by its
// gemeente), so protecting all published cells together protects the union of the audiences, which
// is what a gemeente that asks its neighbour for its tables gets.
//
//   ASSIGN_OR_RETURN(Audience audience, ParseAudience("gemeente:GM0153", *regions));
//   if (MaySee(audience, cell.level, cell.region, indicator.sources)) ...
//
// Errors (ParseAudience): kInvalidArgument for text that is none of the four forms; kNotFound for a
// gemeente not in the region table or a source that is not a desk. Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/region.h"
#include "core/status.h"

namespace sz::pipeline {

enum class AudienceKind { kPublic, kGemeente, kDesk, kAnalyst };

struct Audience {
  AudienceKind kind = AudienceKind::kAnalyst;
  std::string code;              // the gemeente (GMxxxx) or the desk's source name; empty otherwise
  std::string ToString() const;  // as parsed: "publiek", "gemeente:GM0153", ...
  bool operator==(const Audience&) const = default;
};

Result<Audience> ParseAudience(std::string_view text, const RegionTable& regions);

// Whether the desk sources among `sources` are `desk` alone (non-desk sources such as bevolking ignored).
bool ReadsOnlyDesk(const std::vector<std::string>& sources, std::string_view desk);

// Whether `audience` may see a published cell at `level`/`region` of an indicator reading `sources`.
bool MaySee(const Audience& audience, RegionLevel level, std::string_view region,
            const std::vector<std::string>& sources);

}  // namespace sz::pipeline
