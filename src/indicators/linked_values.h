// Linked indicators (catalogue kind `gekoppeld`): the cells of a cross-desk measure
// (cross_desk_measures.h, docs/cross-desk-measures.md) as catalogue values.
//
//   ASSIGN_OR_RETURN(MeasureTable table, ComputeCrossDeskMeasures(involvements, options));
//   ASSIGN_OR_RETURN(std::vector<IndicatorValue> cells, LinkedValues(indicator, table));
//
// The measure's rows of the indicator's levels (Twente, gemeente, wijk) and periods (the measure
// table has quarters and years) become cells: numerator and denominator as the measure gives them,
// value = the measure's value × factor (a share, a mean or a median; missing where the measure has
// none), and with interval `wilson` Wilson's interval of numerator out of denominator × factor. An
// indicator without `categorie` takes every category of the measure, each as breakdown
// "categorie=VALUE" (the overlap matrix: "categorie=veilig_thuis|wmo").
// Errors: kInvalidArgument for an indicator that is not `gekoppeld`. Thread safety: pure function.
#pragma once

#include <vector>

#include "core/status.h"
#include "indicators/catalog.h"
#include "indicators/indicator_value.h"
#include "indicators/measure_table.h"

namespace sz::indicators {

Result<std::vector<IndicatorValue>> LinkedValues(const Indicator& indicator, const MeasureTable& table);

}  // namespace sz::indicators
