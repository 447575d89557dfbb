// The texts of the indicators module, in Dutch: what an analyst reads when linked involvements
// cannot be used for the cross-desk measures. One place, so that the command, the server and the
// dashboard show the same words. Messages name the registration (source, record id, betrokkene),
// never a pseudonym.
//
//   return DataError(msg::Involvement(where, msg::AppearsTwice()));
//
// Thread safety: pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sz::indicators::msg {

std::string UnknownDeskSource(std::string_view source, std::string_view record_id);
std::string EmptyRecordId(std::string_view source);
// "SOURCE RECORD betrokkene N", the place of an involvement in the messages below.
std::string InvolvementPlace(std::string_view source, std::string_view record_id, int betrokkene_nr);
std::string EmptyPersonOrHousehold(std::string_view where);
std::string AppearsTwice(std::string_view where);
std::string EndBeforeEvent(std::string_view where, std::string_view end_date, std::string_view event_date);
std::string RegistrationFieldsDiffer(std::string_view where, int first_betrokkene_nr);

// The catalogue (catalog_file.h). `path` is the key's place in the entry, e.g. "teller.filter.soort".
std::string CatalogSyntax(std::string_view detail);
std::string CatalogUnknownTopLevel(std::string_view key);
std::string CatalogNoIndicators();
std::string CatalogIndicatorNotTables();
std::string CatalogUnknownKey(std::string_view path, const std::vector<std::string>& allowed);
std::string CatalogMissingKey(std::string_view path);
std::string CatalogNotText(std::string_view path);
std::string CatalogEmptyText(std::string_view path);
std::string CatalogNotOneOf(std::string_view path, std::string_view value, const std::vector<std::string>& allowed);
std::string CatalogNotTextList(std::string_view path);
std::string CatalogEmptyList(std::string_view path);
std::string CatalogListedTwice(std::string_view path, std::string_view value);
std::string CatalogNotNumber(std::string_view path);
std::string CatalogNotIntegerBetween(std::string_view path, long long min, long long max);
std::string CatalogNotBoolean(std::string_view path);
std::string CatalogNotTable(std::string_view path);
std::string CatalogUnknownSource(std::string_view path, std::string_view source, std::string_view known);
std::string CatalogUnknownColumn(std::string_view path, std::string_view source, std::string_view column,
                                 const std::vector<std::string>& columns);
std::string CatalogFilterNotCategory(std::string_view path, std::string_view source, std::string_view column);
std::string CatalogValueNotAllowed(std::string_view path, std::string_view value, std::string_view source,
                                   std::string_view column, const std::vector<std::string>& allowed);
std::string CatalogBadAge(std::string_view path, std::string_view text);
std::string CatalogAgeNotWholeBands(std::string_view path, std::string_view text,
                                    const std::vector<std::string>& bands);
std::string CatalogNoAgeColumn(std::string_view path, std::string_view source);
std::string CatalogOneSourceOnly(std::string_view path);
std::string CatalogUnitNeedsDesk(std::string_view path, std::string_view unit, std::string_view source);
std::string CatalogColumnOnlyForSum(std::string_view path);
std::string CatalogSumNotNumber(std::string_view path, std::string_view source, std::string_view column);
std::string CatalogSumNeedsColumn(std::string_view path);
std::string CatalogNotADateColumn(std::string_view path, std::string_view source, std::string_view column);
std::string CatalogBadId(std::string_view id);
std::string CatalogFactorPositive();
std::string CatalogKindNeeds(std::string_view kind, std::string_view key);
std::string CatalogNotForKind(std::string_view key, std::string_view kind);
std::string CatalogSurveyIntervalIsDesign();
std::string CatalogPeriodNotForKind(std::string_view period, std::string_view kind);
std::string CatalogNotZeroOne(std::string_view path, std::string_view variable);
std::string CatalogUnknownMeasure(std::string_view measure, const std::vector<std::string>& measures);
std::string CatalogUnknownMeasureCategory(std::string_view measure, std::string_view category,
                                          const std::vector<std::string>& categories);
std::string CatalogLevelBetween(std::string_view path);
std::string CatalogSourcesDiffer(const std::vector<std::string>& used);
std::string CatalogNoBreakdownForKind(std::string_view kind);
std::string CatalogBreakdownNotCategory(std::string_view column, std::string_view source);
std::string CatalogDuplicateId(std::string_view id, std::string_view first_file, int first_line);
std::string CatalogNoFolder();
std::string CatalogNoFiles();
std::string CatalogCannotRead();
std::string CatalogHasProblems(size_t count);
std::string DisclosureConfigHasProblems(size_t count);  // config/openbaarmaking.toml
std::string SignalConfigHasProblems(size_t count);      // config/signalen.toml
std::string SignalFdrLevel();                          // fdr_q out of (0, 1)
std::string SignalUnknownSource(std::string_view source);     // [capaciteit]
std::string SignalCapacityPositive(std::string_view source);  // [capaciteit]
std::string AndMore(size_t count);
// Computing values (rate.h, linked_values.h).
std::string NotARate(std::string_view id);
std::string RateSourcesDiffer(std::string_view id);
std::string StockAsNumerator(std::string_view id);
std::string NotLinked(std::string_view id);
std::string NotASurveyIndicator(std::string_view id);
std::string TooManyCells(std::string_view id);
std::string NotADuration(std::string_view id);
std::string NotADelivery(std::string_view id);
std::string NoPopulationToCalibrate(int wave);
std::string NoPopulationForCell(std::string_view cell, int wave);
std::string NoValuesForTarget();
// The derived ID_kloof_inkomen indicator.
std::string IncomeGapTitle(std::string_view title);
std::string IncomeGapDefinition();
std::string IncomeGapUnit();

}  // namespace sz::indicators::msg
