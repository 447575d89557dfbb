// The texts of the synthetic-Twente generator, in Dutch: what a user reads when the configuration,
// the region table or the options of `samenzicht generate` are refused. One place, so that the
// command, the server and the dashboard show the same words.
//
// A configuration error names the JSON key path (population.age_band_shares.0-3) as the file
// spells it; a path that is very long or holds control characters or quotes is quoted shortened
// (core/messages.h QuoteValue), as is every other value from the user.
//
//   return InvalidArgumentError(msg::Config("population.gemeenten", msg::IsEmpty()));
//   // "synthetische configuratie: population.gemeenten is leeg"
//
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace sz::synth::msg {

// The configuration (config.h): "synthetische configuratie: KEY WHAT", WHAT one of the texts below.
std::string Config(std::string_view key, std::string_view what);
std::string MustBeNumber();
std::string MustBeBetween(double low, double high, double value);
std::string MustBeWholeNumber();
std::string MustBeText();
std::string MustBeWeights();
std::string MustBeNonNegativeNumber();
std::string MustBeNumberList();
std::string MustBeTextList();
std::string MustBeObject();
std::string ContractWithoutAgeBands();
std::string MissesAgeBand(std::string_view band);
std::string NotAnAgeBandOfTheContract();
std::string MustSumToOne();
std::string OneNumberPerStratum();
std::string FiveIncomeFactors();
std::string AtLeastMinWeeks(const std::string& min_key);
std::string AtLeastMinDesks();
std::string NotAReportDesk(const std::string& desk);
std::string DeskTwice(const std::string& desk);
std::string MoreDesksThanListed();
std::string VervolgPlusHermeldingTooHigh();
std::string IsEmpty();
std::string IsMissing();
std::string NineAgeBands();
std::string NotAGemeenteOfTheRegions();
std::string NotADeskSource(std::string_view sources);
std::string NotACategoryColumn(std::string_view desk);
std::string NotAnAllowedValue(std::string_view desk, std::string_view column);
std::string NotAnAllowedGeweldsvorm();
std::string NotAZeroOneItem();
std::string NotAnAgeBand();
std::string NotAnAllowedZiekte();
std::string BadAgeStratum(std::string_view stratum);
std::string NotAnAgeRange(std::string_view band);
std::string AgeRangesNotParsed();
std::string ImpliedByNamesNoItem();
std::string ImpliedChain();
std::string AtMost16Items();
// `line`, `column` 1-based; `detail` is the JSON parser's own (English) explanation.
std::string NotValidJson(long line, long column, std::string_view detail);
std::string NotAJsonObject();
std::string CannotOpenConfig(std::string_view path);

// Files (the generator's output).
std::string ReadFailed(std::string_view path);
std::string WriteFailed(std::string_view path);
// `detail` is the operating system's explanation.
std::string CannotCreateDirectory(std::string_view path, std::string_view detail);
std::string CannotCreateFile(std::string_view path, std::string_view detail);
std::string CannotRename(std::string_view path, std::string_view detail);
std::string SavWriteFailed(std::string_view path, std::string_view detail);
std::string NotANumberCell(std::string_view cell);

// The region table (geography).
std::string GemeenteWithoutWijken(std::string_view code);
std::string NoConfiguredGemeente();
std::string ConfiguredGemeenteMissing(std::string_view code);
std::string WijkWithoutBuurten(std::string_view code);
std::string TooManyWijken();
std::string NoRegioForNetherlands();
std::string TooManyGemeenten();

// The options (generator.h).
std::string BadYears(std::string_view text);
std::string OutRequired();
std::string BadScale();
std::string YearsReversed();
std::string AtMost30Years();
std::string PeriodAfterToday(std::string_view today);
std::string NoDeskContract(std::string_view desk);

}  // namespace sz::synth::msg
