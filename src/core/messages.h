// The texts core's errors carry, in Dutch (the users' language), in one place so that the command,
// the server and the dashboard show the same words; and QuoteValue, which every module uses to echo a
// user's value in a message without flooding the terminal.
//
//   DataError(msg::NotADate(text, "ontvangen_op"));
//   QuoteValue("abc");                    // "'abc'"
//   QuoteValue(std::string(5000000, 'x')); // "'xxxx…' (5000000 tekens)"
//
// Thread safety: pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sz {

// `value` between single quotes, cut after `max_chars` characters (UTF-8 aware) with "…" and the
// full length in characters. Control characters (line breaks, tabs) are shown as spaces.
std::string QuoteValue(std::string_view value, size_t max_chars = 60);

namespace msg {

// Dates (core/date.h).
std::string MonthDoesNotExist(std::string_view text, int month);
std::string DayDoesNotExist(std::string_view text, int year, int month, int days_in_month);
std::string ImplausibleYear(std::string_view text, int year);
std::string NotADateInForm(std::string_view text, std::string_view form);
std::string NotADate(std::string_view text);
// Periods (core/period.h).
std::string NotAPeriod(std::string_view text, std::string_view why);
// Regions (core/region.h).
std::string UnknownRegionLevel(std::string_view name);
std::string NotACbsCode(std::string_view code);
std::string RegionWithoutCode();
std::string RegionTwice(std::string_view code);
std::string ParentDisagreesWithCode(std::string_view code, std::string_view parent, std::string_view implied);
std::string LevelDisagreesWithCode(std::string_view code, std::string_view declared, std::string_view coded);
std::string ParentNotListedBefore(std::string_view code, std::string_view parent);
std::string CannotLieIn(std::string_view code, std::string_view level, std::string_view parent,
                        std::string_view parent_level);
// Values (core/value.h): column `column` holds `found` where `expected` was asked for.
std::string WrongValueKind(std::string_view column, std::string_view expected, std::string_view found);
// UTF-8 (core/unicode.h): the text is not valid UTF-8; `truncated` when it ends inside a character.
std::string NotUtf8(bool truncated);

}  // namespace msg
}  // namespace sz
