// Count series from stored data: the stage that turns validated rows in the store into the weekly
// or monthly counts the detection methods take (detection/series.h), per region, period and
// category — the way every signal and `detect-eval` reads the data.
//
//   SeriesRequest request{.source = "infectieziekten", .category_column = "ziekte"};
//   ASSIGN_OR_RETURN(std::vector<CountSeries> all, CountSeriesFromStore(store, regions, request));
//   // one series per gemeente × ziekte, weekly, all on the same weeks
//
// What is counted depends on the source (sources/contract.h):
// - a count source (a column `aantal`: infectieziekten): the sum of `aantal` over the rows of a
//   region, period and category. A period without any row is missing (NaN, R's NA): the source did
//   not deliver it.
// - a desk source: distinct registrations (the contract's record id) whose event date falls in the
//   period. A period without registrations is 0. At wijk level a registration counts in each wijk of
//   its betrokkenen (so wijk series of one gemeente may add up to more than the gemeente's).
// Regions: `level` gemeente (the rows' gemeente), wijk (the rows' wijk; rows without one are left out
// of wijk series) or regio (Twente: every row, region code of the region table's regio).
// Periods: week (ISO weeks; a week's rows by its own week for count sources, by the event date's ISO
// week for desk sources) or month. All series of one call run over the same consecutive periods:
// from the first to the last period present in the source (or `first`/`last` when given).
// Categories: one series per value of `category_column` seen ("" = no breakdown: one series per region).
// Errors: kInvalidArgument for an unknown source or column, or a source without a date or week and
// without `aantal`; kFailedPrecondition when the store holds no rows of the source.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/period.h"
#include "core/region.h"
#include "core/status.h"
#include "detection/series.h"
#include "store/store.h"

namespace sz::pipeline {

struct SeriesRequest {
  std::string source;
  PeriodKind period = PeriodKind::kWeek;  // kWeek or kMonth
  RegionLevel level = RegionLevel::kGemeente;
  std::string category_column;        // "" for no breakdown
  std::optional<Period> first, last;  // of the kind `period`
};

struct CountSeries {
  std::string region;                 // CBS code
  std::string category;               // the category value, "" without breakdown
  Period first = Period::Year(1970);  // the first period
  detection::Series series;
};

Result<std::vector<CountSeries>> CountSeriesFromStore(store::Store& store, const RegionTable& regions,
                                                      const SeriesRequest& request);

}  // namespace sz::pipeline
