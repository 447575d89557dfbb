// Delivery indicators (catalogue kind `levering`): how complete and how timely each source's
// deliveries are, per source × gemeente and for Twente — `levering_volledigheid_pct` and
// `levering_tijdigheid_dagen`. The compute stage (pipeline/compute.cc) gives every stored row of a
// source as a DeliveredRow: its gemeente, the date it describes and the date its file was ingested.
//
//   DeliveredSource vt{.source = "veilig_thuis", .unit = DeliveryUnit::kMonth, .rows = ...};
//   ASSIGN_OR_RETURN(std::vector<IndicatorValue> cells, DeliveryValues(indicator, {vt}, gemeenten, "CR23"));
//
// Cells have the breakdown "bron=SOURCE", for the levels twente and gemeente and the catalogue's
// periods that are not finer than the source's unit (a yearly source has no monthly cells). Every
// gemeente of `gemeenten` gets completeness cells, also one the source never delivered for (0%).
// - volledigheid: the source's units (weeks, months or years, DeliveryUnit) expected in the period —
//   for kWeek and kMonth every unit from the source's first to its last delivered unit in Twente, for
//   kYear (waves, population counts) the years delivered anywhere in Twente — and of those the units
//   with at least one row in the region. numerator = units with rows, denominator = units expected,
//   value = numerator / denominator × factor. A period without expected units has no cell.
// - tijdigheid: value = the median (R's median) of the days from each row's date to the date its file
//   was ingested (negative when a row is dated after its ingest), × factor, over the rows whose date
//   lies in the period; denominator = those rows, numerator missing.
// A row's date is its event date, the Sunday of its ISO week, or 31 December of its year (the last
// day of what it describes); a week belongs to the month and year of its Thursday (core/period.h).
// Errors: kInvalidArgument for another kind. Thread safety: pure function.
#pragma once

#include <string>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "indicators/catalog.h"
#include "indicators/indicator_value.h"

namespace sz::indicators {

enum class DeliveryUnit { kWeek, kMonth, kYear };

struct DeliveredRow {
  std::string gemeente;  // CBS code; "" when the row names none (it still counts for Twente)
  Date date;             // the last day of what the row describes (above)
  Date ingested;         // the UTC date its file was ingested
};

struct DeliveredSource {
  std::string source;
  DeliveryUnit unit = DeliveryUnit::kMonth;
  std::vector<DeliveredRow> rows;
};

Result<std::vector<IndicatorValue>> DeliveryValues(const Indicator& indicator,
                                                   const std::vector<DeliveredSource>& sources,
                                                   const std::vector<std::string>& gemeenten,
                                                   const std::string& twente_code);

// R's median: the middle value, or the mean of the two middle values (NaN for none). Reorders `values`.
double Median(std::vector<double>& values);

}  // namespace sz::indicators
