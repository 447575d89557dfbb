#include "io/messages.h"

#include "core/messages.h"

namespace sz::io::msg {
namespace {

std::string Path(std::string_view path) { return std::string(path); }
std::string Detail(std::string_view detail) { return " (" + std::string(detail) + ")"; }

}  // namespace

std::string Location(std::string_view path, long line, int column) {
  std::string out = Path(path) + ": regel " + std::to_string(line);
  if (column > 0) out += ", kolom " + std::to_string(column);
  return out;
}
std::string AtLine(std::string_view path, long line, std::string_view message) {
  return Location(path, line) + ": " + std::string(message);
}
std::string AtCell(std::string_view path, long line, int column, std::string_view message) {
  return Location(path, line, column) + ": " + std::string(message);
}

std::string FileNotFound(std::string_view path) { return Path(path) + ": bestand niet gevonden"; }
std::string CannotAccess(std::string_view path, std::string_view detail) {
  return Path(path) + ": het bestand is niet toegankelijk" + Detail(detail);
}
std::string IsADirectory(std::string_view path) { return Path(path) + ": is een map, geen bestand"; }
std::string CannotOpen(std::string_view path, std::string_view detail) {
  return Path(path) + ": kan niet worden geopend om te lezen" + Detail(detail);
}
std::string ReadFailed(std::string_view path) { return Path(path) + ": het lezen is mislukt"; }
std::string CannotCreate(std::string_view path, std::string_view detail) {
  return Path(path) + ": kan niet worden aangemaakt" + Detail(detail);
}
std::string WriteFailed(std::string_view path, std::string_view detail) {
  return Path(path) + ": het schrijven is mislukt" + Detail(detail);
}
std::string CannotMoveIntoPlace(std::string_view path, std::string_view detail) {
  return Path(path) + ": het voltooide bestand kan niet op zijn plaats worden gezet" + Detail(detail);
}

std::string EmptyFile(std::string_view path) {
  return Path(path) + ": het bestand is leeg (0 bytes); verwacht een kopregel en gegevensregels";
}
std::string NoHeaderOnlyComments(std::string_view path) {
  return Path(path) + ": het bestand heeft geen kopregel (alleen commentaar of lege regels)";
}
std::string NoHeader(std::string_view path) { return Path(path) + ": het bestand heeft geen kopregel"; }
std::string EmptyColumnName() { return "lege kolomnaam in de kopregel"; }
std::string ColumnTwice(std::string_view column) {
  return "kolom " + QuoteValue(column) + " komt twee keer voor in de kopregel";
}

std::string UnclosedQuote() {
  return "rij afgebroken: een veld tussen aanhalingstekens dat op deze regel begint, wordt voor het einde van het "
         "bestand niet meer gesloten";
}
std::string TruncatedLastLine(size_t fields, size_t expected) {
  return "laatste regel afgebroken: " + std::to_string(fields) + " van de " + std::to_string(expected) +
         " velden en geen regeleinde";
}
std::string CutOffInTransfer() {
  return "het bestand is waarschijnlijk tijdens het overzetten afgebroken; lever het opnieuw en volledig aan";
}
std::string WrongFieldCount(size_t expected, size_t found) {
  return std::to_string(expected) + " velden verwacht (zoals in de kopregel), " + std::to_string(found) + " gevonden";
}
std::string QuoteTheSeparator(std::string_view separator_name) {
  return "controleer of er een " + std::string(separator_name) +
         " zonder aanhalingstekens in een waarde staat; een waarde met het scheidingsteken erin moet tussen "
         "aanhalingstekens staan";
}
std::string WithHint(std::string_view error, std::string_view hint) {
  return std::string(error) + (hint.empty() ? "" : " (" + std::string(hint) + ")");
}

std::string DialectDescription(std::string_view separator_name, std::string_view encoding_name, bool converted) {
  return "scheidingsteken " + std::string(separator_name) + ", " + std::string(encoding_name) +
         (converted ? " (omgezet naar UTF-8)" : "");
}
std::string SeparatorNotRecognised() {
  return "het scheidingsteken is niet herkend: geen van ';', ',', tab en '|' verdeelt de kopregel en de eerste "
         "regels in hetzelfde aantal kolommen";
}
std::string UnknownDialect(std::string_view name) {
  return "onbekend dialect " + QuoteValue(name) + " (gebruik dutch, dutch-cp1252, plain of tab)";
}
std::string UnknownEncoding(std::string_view name) {
  return "onbekende tekencodering " + QuoteValue(name) + " (gebruik utf8, utf8-bom of windows-1252)";
}
std::string Utf16File() {
  return "het bestand is UTF-16 (het begint met een UTF-16-BOM); sla het op als UTF-8 of "
         "Windows-1252 (in Excel: 'CSV UTF-8 (door komma's gescheiden)')";
}
std::string InvalidUtf8AfterBom(size_t offset) {
  return "het bestand begint met een UTF-8-BOM, maar byte " + std::to_string(offset) +
         " is geen geldige UTF-8; exporteer het bestand opnieuw als UTF-8";
}
std::string NulByte(size_t offset) {
  return "byte " + std::to_string(offset) +
         " is een NUL-byte: dit is een binair bestand of UTF-16-tekst, geen CSV in UTF-8 of Windows-1252";
}
std::string UnsupportedByte(size_t offset, unsigned char byte) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  return "byte " + std::to_string(offset) + " (0x" + kHex[byte >> 4] + kHex[byte & 15] +
         ") is geen geldige UTF-8 en ook geen teken van Windows-1252; deze tekencodering wordt niet ondersteund. "
         "Exporteer het bestand opnieuw als UTF-8";
}

std::string NotASavFile(std::string_view path, std::string_view detail) {
  return Path(path) + ": geen leesbaar SPSS-bestand (.sav)" + Detail(detail);
}
std::string SavDescription(size_t respondents, size_t variables) {
  return "SPSS .sav (ReadStat), " + std::to_string(respondents) + " respondenten, " + std::to_string(variables) +
         " variabelen";
}

std::string PostcodeColumnMissing(std::string_view column) {
  return "kolom '" + std::string(column) +
         "' ontbreekt; een postcodetabel heeft de kolommen postcode;gemeente;wijk;buurt";
}
std::string NotAPostcode(std::string_view value) { return QuoteValue(value) + " is geen postcode (1234AB)"; }
std::string BuurtNotInWijk(std::string_view buurt, std::string_view wijk) {
  return "buurt " + QuoteValue(buurt) + " is volgens het regiobestand geen buurt van wijk " + QuoteValue(wijk);
}
std::string WijkNotInGemeente(std::string_view wijk, std::string_view gemeente) {
  return "wijk " + QuoteValue(wijk) + " ligt niet in gemeente " + QuoteValue(gemeente);
}

std::string RegionColumnsMissing() {
  return "een regiobestand heeft de kolommen 'code' en 'naam' nodig (optioneel: 'niveau', 'ouder')";
}
std::string NoLevelGiven(std::string_view reason) { return "geen 'niveau' opgegeven en " + std::string(reason); }
std::string NoRegions(std::string_view path) { return Path(path) + ": het regiobestand noemt geen regio's"; }

std::string XlsxRowBeforeSheet() { return "een XLSX-rij voor het eerste werkblad (een fout in Samenzicht)"; }

}  // namespace sz::io::msg
