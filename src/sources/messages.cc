#include "sources/messages.h"

#include "core/messages.h"

namespace sz::sources::msg {

std::string IdentityColumnInExtract(std::string_view column) {
  return "kolom '" + std::string(column) +
         "' bevat identiteiten, die Samenzicht nooit binnenkomen; dit lijkt een identificerende export van een "
         "meldpunt. Draai `samenzicht pseudonymise` bij het meldpunt en lees het extract daarvan in. Er is niets "
         "opgeslagen";
}
std::string MissingColumns(std::string_view missing, std::string_view present) {
  return "verplichte kolom(men) " + std::string(missing) +
         " ontbreken in de kopregel (de kopregel heeft: " + std::string(present) +
         "); zie `samenzicht schema` voor de verwachte kolommen";
}

std::string EmptyRequired() { return "lege waarde in een verplichte kolom"; }
std::string FillIn(std::string_view column, std::string_view description) {
  return "vul '" + std::string(column) + "' in (" + std::string(description) + ")";
}
std::string CodeWithSpaces() { return "een code mag geen spaties of regeleinden bevatten"; }
std::string CheckValueOf(std::string_view column) { return "controleer de waarde van '" + std::string(column) + "'"; }
std::string NotAWholeNumber(std::string_view raw) { return QuoteValue(raw) + " is geen geheel getal"; }
std::string UseDigits() { return "gebruik alleen cijfers, bijvoorbeeld 12"; }
std::string BelowMinimum(std::string_view raw, long long minimum, bool is_count) {
  return QuoteValue(raw) + " is kleiner dan het minimum " + std::to_string(minimum) +
         (is_count ? " (aantallen kunnen niet negatief zijn)" : "");
}
std::string AboveMaximum(std::string_view raw, long long maximum) {
  return QuoteValue(raw) + " is groter dan het maximum " + std::to_string(maximum);
}
std::string CorrectValueOf(std::string_view column) { return "verbeter de waarde van '" + std::string(column) + "'"; }
std::string NotANumber(std::string_view raw) { return QuoteValue(raw) + " is geen getal"; }
std::string UseDecimalSeparator() { return "gebruik cijfers met ',' of '.' als decimaalteken, bijvoorbeeld 1,25"; }
std::string BelowMinimumDecimal(std::string_view raw) { return QuoteValue(raw) + " is kleiner dan het minimum"; }
std::string WriteDatesDutch() { return "schrijf datums als dd-mm-jjjj (bijvoorbeeld 28-02-2024)"; }
std::string InTheFuture(std::string_view raw, std::string_view today) {
  return QuoteValue(raw) + " ligt in de toekomst (vandaag is " + std::string(today) + ")";
}
std::string CheckDateDayMonth() { return "controleer de datum; misschien zijn dag en maand verwisseld"; }
std::string NotAllowed(std::string_view raw) { return QuoteValue(raw) + " is geen toegestane waarde"; }
std::string UseOneOf(const std::vector<std::string>& allowed) {
  std::string out = "gebruik een van: ";
  for (size_t i = 0; i < allowed.size(); ++i) out += (i ? ", " : "") + allowed[i];
  return out;
}
std::string NotYesNo(std::string_view raw) { return QuoteValue(raw) + " is geen ja of nee"; }
std::string UseYesNo() { return "gebruik ja of nee"; }
std::string UnknownRegion(std::string_view raw) { return "onbekende regiocode " + QuoteValue(raw); }
std::string UseRegionCode() {
  return "gebruik een CBS-code uit het regiobestand (bijvoorbeeld GM0153, WK015300); is het regiobestand van het "
         "juiste jaar geladen?";
}
std::string WrongRegionLevel(std::string_view raw, std::string_view level, std::string_view wanted) {
  return QuoteValue(raw) + " is een " + std::string(level) + ", geen " + std::string(wanted);
}
std::string UseRegionLevel(std::string_view wanted) { return "gebruik een " + std::string(wanted) + "code"; }
std::string NotAnIsoWeek(std::string_view raw) { return QuoteValue(raw) + " is geen ISO-week"; }
std::string WriteWeeks() { return "schrijf weken als 2024-W05"; }
std::string CheckWeek() { return "controleer de week"; }
std::string NotAPseudonym() { return "geen pseudoniem (64 hexadecimale tekens, kleine letters)"; }
std::string NotAClk() { return "geen base64-codering van een Bloomfilter (CLK)"; }
std::string DeliverExtractAsIs() { return "lever het extract precies zoals `samenzicht pseudonymise` het schreef"; }

std::string UnknownSource(std::string_view source, std::string_view known) {
  return "onbekende bron " + QuoteValue(source) + " (bronnen: " + std::string(known) + ")";
}

}  // namespace sz::sources::msg
