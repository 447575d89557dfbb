// The texts of the sources module (header mapping and row validation), in Dutch: what a desk or an
// analyst reads when a delivered file or row is refused. One place, so that the command, the server
// and the dashboard show the same words. Values are quoted shortened (core/messages.h QuoteValue);
// the stored reject keeps them whole.
//
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sz::sources::msg {

// Header (MapHeader).
std::string IdentityColumnInExtract(std::string_view column);
std::string MissingColumns(std::string_view missing, std::string_view present);

// Cells (RowValidator). Each problem has a reason and a hint (how to fix it).
std::string EmptyRequired();
std::string FillIn(std::string_view column, std::string_view description);
std::string CodeWithSpaces();
std::string CheckValueOf(std::string_view column);
std::string NotAWholeNumber(std::string_view raw);
std::string UseDigits();
std::string BelowMinimum(std::string_view raw, long long minimum, bool is_count);
std::string AboveMaximum(std::string_view raw, long long maximum);
std::string CorrectValueOf(std::string_view column);
std::string NotANumber(std::string_view raw);
std::string UseDecimalSeparator();
std::string BelowMinimumDecimal(std::string_view raw);
std::string WriteDatesDutch();
std::string InTheFuture(std::string_view raw, std::string_view today);
std::string CheckDateDayMonth();
std::string NotAllowed(std::string_view raw);
std::string UseOneOf(const std::vector<std::string>& allowed);
std::string NotYesNo(std::string_view raw);
std::string UseYesNo();
std::string UnknownRegion(std::string_view raw);
std::string UseRegionCode();
std::string WrongRegionLevel(std::string_view raw, std::string_view level, std::string_view wanted);
std::string UseRegionLevel(std::string_view wanted);
std::string NotAnIsoWeek(std::string_view raw);
std::string WriteWeeks();
std::string CheckWeek();
std::string NotAPseudonym();
std::string NotAClk();
std::string DeliverExtractAsIs();

// Contracts.
std::string UnknownSource(std::string_view source, std::string_view known);

}  // namespace sz::sources::msg
