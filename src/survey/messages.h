// The texts of the survey module, in Dutch: what an analyst reads when an estimate cannot be made.
// One place, so that the command, the server and the dashboard show the same words. The names of
// R's functions and options (svydesign, nest=TRUE, --lonely-psu) and of the data's columns stay as
// they are; values from the data are quoted shortened (core/messages.h QuoteValue).
//
// Where Samenzicht stops exactly where R's survey package stops, the message ends with R's own words
// (R: "...") so that an analyst can look them up, and the golden files (tests/data/golden/survey/
// errors.csv) can check that the same error is raised.
//
//   return DataError(msg::MissingDesignValue("strata", "gemeente", row + 1));
//
// Thread safety: pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sz::survey::msg {

// The data (frame.h).
std::string RowCellCount(size_t row, size_t cells, size_t header_cells);
std::string ColumnNameTwice(std::string_view name);
// `columns`: the first few column names; `more`: whether there are others.
std::string NoSuchColumn(std::string_view name, const std::vector<std::string>& columns, bool more);

// The design (design.h). `role` is svydesign's argument: ids, strata, fpc or weights.
std::string MissingDesignValue(std::string_view role, std::string_view column, size_t data_row);
std::string DesignColumnNotNumeric(std::string_view role, std::string_view column, std::string_view example);
std::string BadLonelyPsu(std::string_view value);
std::string NoRows();
std::string OnlyOnePsu();
std::string ClustersNotNested(std::string_view psu, std::string_view stratum_a, std::string_view stratum_b);
std::string FpcColumnsForStages(size_t fpc_columns, size_t stages);
std::string MixedFpc();
std::string FpcAbove100Percent(size_t data_row, size_t stage, double population, long sampled);
std::string LonelyPsu(std::string_view stratum, int stage);

// Statistics (domains.h, estimators.h, ciprop.h, comparisons.h). `what` names the option (--mean) or
// the analysis (ComparisonLabel()).
std::string ComparisonLabel();
std::string NeedsNumericVariable(std::string_view what, std::string_view variable, std::string_view example_level);
std::string VariableCount(std::string_view option, size_t wanted, size_t given);
std::string NeedsAVariable(std::string_view option);
std::string UnknownStatistic();
std::string InDomain(const std::vector<std::string>& by, const std::vector<std::string>& levels);
std::string QuantileOutOfRange(double p);
std::string BadCiMethod(std::string_view value);
std::string CiPropNeedsNumeric(std::string_view variable);
std::string FewerThanTwoLevels(std::string_view group);
std::string LikelihoodDfNotPositive();
std::string ProfileFoundBetterFit();

// Calibration (calibration.h).
std::string MissingCalibrationValue(std::string_view variable, size_t data_row);
std::string PopulationCellLevels(size_t levels, size_t variables);
// `variables` and `levels` describe the sample cell (same length).
std::string NoPopulationCount(const std::vector<std::string>& variables, const std::vector<std::string>& levels);
std::string CalibrationSingular();
std::string RakeWithoutMargins();
std::string RakingDidNotConverge();
std::string CollinearCalibrationTerm(std::string_view term);
std::string CalibrationTotals(size_t wanted, const std::vector<std::string>& terms, size_t given);

// The report's options (report.h).
std::string BadRatioOption(std::string_view value);
std::string BadQuantileOption(std::string_view value);
std::string BadQuantileProbability(std::string_view p_text);
std::string OneStatistic(int given);
std::string EmptyVariableName();
std::string BadLevel(double level);
std::string DeffNotAvailable();
std::string PoststratifyOrRake();

// The report's description of the design and the treatment of missing values, e.g.
// "ontwerp ids=1 strata=stype weights=pw lonely.psu=fail; level=0.95; ontbrekende waarden: ...".
// `design` holds R's argument=value pairs ("ids=1 strata=stype"); NoWeightsGiven() and
// WeightsFromFpc() are the weights parts when no weights column is given.
std::string NoWeightsGiven();
std::string WeightsFromFpc();
std::string DesignDescription(std::string_view design, std::string_view level,
                              const std::vector<std::string>& variables);

}  // namespace sz::survey::msg
