#include "core/messages.h"

namespace sz {
namespace {

const char* const kMonthNames[] = {"januari", "februari", "maart",     "april",   "mei",      "juni",
                                   "juli",    "augustus", "september", "oktober", "november", "december"};

// Number of UTF-8 code points in `text` (continuation bytes not counted).
size_t CodePoints(std::string_view text) {
  size_t count = 0;
  for (unsigned char byte : text) count += (byte & 0xC0) != 0x80;
  return count;
}

}  // namespace

std::string QuoteValue(std::string_view value, size_t max_chars) {
  std::string out = "'";
  size_t chars = 0;
  size_t index = 0;
  for (; index < value.size(); ++index) {
    unsigned char byte = static_cast<unsigned char>(value[index]);
    bool starts_char = (byte & 0xC0) != 0x80;
    if (starts_char && chars == max_chars) break;
    if (starts_char) ++chars;
    out.push_back(byte < 0x20 || byte == 0x7F ? ' ' : static_cast<char>(byte));
  }
  out += "'";
  if (index < value.size()) {
    out.insert(out.size() - 1, "…");
    out += " (" + std::to_string(CodePoints(value)) + " tekens)";
  }
  return out;
}

namespace msg {

std::string MonthDoesNotExist(std::string_view text, int month) {
  return QuoteValue(text) + " is geen datum: maand " + std::to_string(month) + " bestaat niet";
}
std::string DayDoesNotExist(std::string_view text, int year, int month, int days_in_month) {
  return QuoteValue(text) + " is geen datum: " + kMonthNames[month - 1] + " " + std::to_string(year) + " heeft " +
         std::to_string(days_in_month) + " dagen";
}
std::string ImplausibleYear(std::string_view text, int year) {
  return QuoteValue(text) + " is geen aannemelijke datum: jaar " + std::to_string(year);
}
std::string NotADateInForm(std::string_view text, std::string_view form) {
  return QuoteValue(text) + " is geen datum in de vorm " + std::string(form);
}
std::string NotADate(std::string_view text) {
  return QuoteValue(text) + " is geen datum (verwacht dd-mm-jjjj, JJJJ-MM-DD of JJJJMMDD)";
}
std::string NotAPeriod(std::string_view text, std::string_view why) {
  return QuoteValue(text) + " is geen periode: " + std::string(why) + " (verwacht 2024-W01, 2024-03, 2024-Q1 of 2024)";
}
std::string UnknownRegionLevel(std::string_view name) {
  return "onbekend regioniveau " + QuoteValue(name) + " (gebruik land, regio, gemeente, wijk of buurt)";
}
std::string NotACbsCode(std::string_view code) {
  return QuoteValue(code) + " is geen CBS-code van een gemeente, wijk of buurt (GMxxxx, WKxxxxyy, BUxxxxyyzz)";
}
std::string RegionWithoutCode() { return "regio zonder code"; }
std::string RegionTwice(std::string_view code) { return "regiocode " + std::string(code) + " komt twee keer voor"; }
std::string ParentDisagreesWithCode(std::string_view code, std::string_view parent, std::string_view implied) {
  return "regio " + std::string(code) + " heeft ouder " + std::string(parent) + ", maar de code zegt " +
         std::string(implied);
}
std::string LevelDisagreesWithCode(std::string_view code, std::string_view declared, std::string_view coded) {
  return "regio " + std::string(code) + " is opgegeven als " + std::string(declared) +
         ", maar de code is die van een " + std::string(coded);
}
std::string ParentNotListedBefore(std::string_view code, std::string_view parent) {
  return "regio " + std::string(code) + " noemt ouder " + std::string(parent) + ", die niet eerder in de lijst staat";
}
std::string CannotLieIn(std::string_view code, std::string_view level, std::string_view parent,
                        std::string_view parent_level) {
  return "regio " + std::string(code) + " (" + std::string(level) + ") kan niet in " + std::string(parent) + " (" +
         std::string(parent_level) + ") liggen";
}
std::string WrongValueKind(std::string_view column, std::string_view expected, std::string_view found) {
  return "kolom '" + std::string(column) + "': verwacht " + std::string(expected) + ", de opslag heeft " +
         std::string(found);
}

std::string NotUtf8(bool truncated) {
  return truncated ? "tekst is geen geldige UTF-8 (houdt op midden in een teken)" : "tekst is geen geldige UTF-8";
}

}  // namespace msg
}  // namespace sz
