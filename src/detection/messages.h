// The texts of the detection module, in Dutch: what an analyst reads when a series is refused or a
// method cannot run. One place, so that the command, the server and the dashboard show the same
// words. The names of R's methods, control options and columns stay as R and the input file write
// them (farringtonFlexible, control$range, noPeriods, observed); values from the input are quoted
// shortened (core/messages.h QuoteValue). Where R stops with a message of its own, that message is
// cited at the end (R: "...") so that it can be looked up.
//
//   return DataError(msg::NotACount(line, cell));   // "regel 7: observed 'drie' is geen aantal (...)"
//
// Thread safety: pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sz::detection::msg {

// Series tables (series_table.h). `line` is the physical line in the file.
std::string NoObservedColumn(const std::vector<std::string>& header);
std::string NoRows();
std::string RowCellCount(long line, size_t cells, size_t header_cells);
std::string NotACount(long line, std::string_view cell);
std::string InDateColumn(long line);  // context for a date that does not parse
std::string DateNotAfter(long line, std::string_view date, std::string_view previous);
std::string DateMissing(long line);
std::string PopulationMissing(long line);
std::string NotAPositivePopulation(long line, std::string_view cell);
// `column` as the header names it (week, month, maand, year, jaar); `monthly` for frequency 12.
std::string PeriodMissing(long line, std::string_view column, bool monthly);
std::string NotAPeriod(long line, std::string_view column, std::string_view cell);
std::string YearMissing(long line, std::string_view column, bool monthly);
std::string NotAYear(long line, std::string_view column, std::string_view cell);
std::string NoSuchPeriod(long line, int year, int period, int periods_in_year, bool monthly);
std::string PeriodGap(long line, int year, int period, int previous_year, int previous_period, bool monthly);

// Methods and options (detector.h). BadOption's `expected` is one of the Expect* texts.
std::string BadOption(std::string_view name, std::string_view value, std::string_view expected);
std::string ExpectInteger();
std::string ExpectIntegerAtLeast(int minimum);
std::string ExpectNumber();
std::string ExpectBool();
std::string ExpectRange();
std::string ExpectOrderedRange();
std::string ExpectLimit54();
std::string ExpectLimit54Bounds();
std::string ExpectPowerTrans();
std::string ExpectLevel();
std::string ExpectThresholdMethod();
std::string ExpectCusumMean();
std::string ExpectCusumTrans();
std::string OptionNotForMethod(std::string_view name, std::string_view method, std::string_view options);
std::string UnknownMethod(std::string_view name);
std::string BadFrequency(int frequency);
std::string NegativeCount(int t);
std::string PopulationLength();
std::string DatesLength();
std::string DatesNotIncreasing(std::string_view date, int t, std::string_view previous);
std::string UnhandledMethod();

// Checks shared by the methods; `method` is R's name (earsC1, farrington, farringtonFlexible).
std::string RangeOutsideSeries(std::string_view method, int first, int last, int n);
std::string BAndW(std::string_view method);
std::string Limit54OutOfBounds(std::string_view method);

// cusum.h.
std::string CusumRangeRequired();
std::string CusumRangeOutside(int first, int last, int n);
std::string CusumGlmNeedsCompleteCounts(int t);

// ears.h.
std::string EarsNegativeMinSigma();
std::string EarsBaselineTooSmall();
std::string EarsTooLittleHistory(std::string_view method, int baseline, int lag, int first);

// farrington.h.
std::string FarringtonRangeOutside(int first, int last, int n, int b, int w, int default_first);
std::string FarringtonNoReferenceValues(int t, int b, int w, int first_with_history);

// farrington_flexible.h.
std::string TooManyFactors();
std::string NoBaselineCounts(int t);
std::string SeasonFactorLevels(int t);
std::string NoCountInReferenceWindows(int t);
std::string ReferenceDateMissing(int t, std::string_view date, std::string_view reference_date, int years_back);
std::string TooLittleHistoryBeforeWindow(int t);
std::string NoPeriodsAtLeastOne();
std::string PastWeeksNegative();
std::string AlphaOutOfRange();
std::string PopulationOffsetNeedsPositive();
std::string DefaultRangeNeedsMoreHistory(int b, int w, int frequency, int needed, int n);
std::string FlexibleTooLittleHistory(int t, int b, int w, int frequency, int first_possible);

// glm.h.
std::string GlmResponseLength();
std::string GlmOffsetLength();
std::string GlmWeightsLength();
std::string GlmEmptyDesign();
std::string GlmBadGroupedDesign();
std::string GlmPoissonNegative();
std::string GlmNegativeWeights();
std::string GlmNoPositiveWeight();
std::string GlmNonFiniteDeviance();
std::string GlmInvalidMean();
std::string GlmCannotCorrectStep(int loop);

// Forecast (forecast.h).
std::string TooShortToForecast(size_t counts);

}  // namespace sz::detection::msg
