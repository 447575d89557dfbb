// Rate indicators (catalogue kind `verhouding`): counts of stored rows per region, period and
// breakdown, divided by another count, × factor (docs/indicators.md, "verhouding"). Pure: the rows
// come in as typed values; pipeline/compute.h reads them from the store.
//
//   SourceRows vt{.contract = FindContract("veilig_thuis"), .rows = ...};
//   SourceRows bevolking{.contract = FindContract("bevolking"), .rows = ...};
//   ASSIGN_OR_RETURN(std::vector<IndicatorValue> cells, ComputeRate(indicator, vt, bevolking, regions, "CR23"));
//
// Counting (CountSpec) a source's rows:
// - A row takes part when it passes every filter (its value is one of the listed ones) and, with
//   `leeftijd`, its age (column leeftijd) lies in the span; a row without a date is left out.
// - Periods: the period of each catalogue kind (week, maand, kwartaal, jaar) that contains the row's
//   date (`datum`, default the contract's event date; a source without a date but with an ISO-week
//   column, infectieziekten, dates each row on its week's Thursday, so that weeks keep their rows and
//   months and years take a week by its Thursday, the ISO convention). With `loopt_tot` the row counts in every
//   period from its date to its end date (empty: to the last date of the data). With
//   `venster_maanden` N it counts in every period whose last day d satisfies date ≤ d < date + N months.
// - Places: Twente (every row, code `twente_code`), the row's gemeente, and its wijk when the wijk
//   lies in that gemeente. At wijk level a registration counts in every wijk of its betrokkenen.
// - Units: registraties = distinct record ids (the contract's first key column); personen /
//   huishoudens = distinct linked keys (SourceRows::person_keys / household_keys; rows without a key
//   are left out); rijen = rows; som = the sum of `kolom`.
// - Breakdowns: every cell exists for "totaal" and, per breakdown column, for each value seen.
// A stock source (a source without a date column and with a `jaar` column: bevolking) is counted
// per year and region level of its `regio` codes instead; a cell of any period takes the stock of
// the period's year (the ISO week-year for weeks). A breakdown that the stock source does not have
// takes its total. Twente's stock is the sum over the gemeenten.
// Values: the numerator's cells for every region of the indicator's levels and every period from the
// numerator's first to its last date (zero counts included for "totaal"); value = numerator /
// denominator × factor when the denominator is > 0, else missing; the interval by the indicator's
// `interval` (poisson_exact: Garwood's exact interval of the numerator over the denominator).
// Errors: kInvalidArgument when the indicator is not a rate or its sources are not the ones given;
// kDataError when a value has an unexpected kind. Thread safety: pure function.
#pragma once

#include <string>
#include <vector>

#include "core/region.h"
#include "core/status.h"
#include "core/value.h"
#include "indicators/catalog.h"
#include "indicators/indicator_value.h"
#include "sources/contract.h"

namespace sz::indicators {

struct SourceRows {
  const sources::SourceContract* contract = nullptr;
  std::vector<std::vector<Value>> rows;  // extract columns in contract order
  std::vector<std::string> person_keys;  // per row ("" = not linked); may be empty when not needed
  std::vector<std::string> household_keys;
};

Result<std::vector<IndicatorValue>> ComputeRate(const Indicator& indicator, const SourceRows& numerator,
                                                const SourceRows& denominator, const RegionTable& regions,
                                                const std::string& twente_code);

}  // namespace sz::indicators
