#include "synth/messages.h"

#include <cstdio>

#include "core/messages.h"

namespace sz::synth::msg {
namespace {

std::string Number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

// A key path as the file spells it, or quoted shortened when it is long or not plain text.
std::string Key(std::string_view key) {
  bool plain = !key.empty() && key.size() <= 100;
  for (unsigned char c : key) plain = plain && c > 0x20 && c != 0x7F && c != '\'' && c != '"';
  return plain ? std::string(key) : QuoteValue(key, 100);
}

}  // namespace

std::string Config(std::string_view key, std::string_view what) {
  return "synthetische configuratie: " + Key(key) + " " + std::string(what);
}
std::string MustBeNumber() { return "moet een getal zijn"; }
std::string MustBeBetween(double low, double high, double value) {
  return "moet tussen " + Number(low) + " en " + Number(high) + " liggen (nu " + Number(value) + ")";
}
std::string MustBeWholeNumber() { return "moet een geheel getal zijn"; }
std::string MustBeText() { return "moet een tekst (JSON-string) zijn"; }
std::string MustBeWeights() { return "moet een object van naam: getal zijn"; }
std::string MustBeNonNegativeNumber() { return "moet een getal ≥ 0 zijn"; }
std::string MustBeNumberList() { return "moet een lijst (JSON-array) van getallen zijn"; }
std::string MustBeTextList() { return "moet een lijst (JSON-array) van teksten zijn"; }
std::string MustBeObject() { return "moet een object zijn"; }
std::string ContractWithoutAgeBands() {
  return "kan niet worden gelezen: het bevolkingscontract heeft geen kolom leeftijdsklasse (een fout in Samenzicht)";
}
std::string MissesAgeBand(std::string_view band) {
  return "mist leeftijdsklasse " + QuoteValue(band) + " van het bevolkingscontract";
}
std::string NotAnAgeBandOfTheContract() { return "is geen leeftijdsklasse van het bevolkingscontract"; }
std::string MustSumToOne() { return "moet optellen tot 1"; }
std::string OneNumberPerStratum() { return "moet één getal per leeftijdsstratum (age_strata) hebben"; }
std::string FiveIncomeFactors() { return "moet vijf getallen hebben (inkomenskwintielen 1 tot en met 5)"; }
std::string AtLeastMinWeeks(const std::string& min_key) { return "moet ≥ " + min_key + " zijn"; }
std::string AtLeastMinDesks() { return "moet ≥ min_desks zijn"; }
std::string NotAReportDesk(const std::string& desk) {
  return "'" + desk +
         "' is geen meldpunt met meldingen; kies uit veilig_thuis, zorgwekkend_gedrag, woningvervuiling, "
         "wonen_verblijf";
}
std::string DeskTwice(const std::string& desk) { return "'" + desk + "' staat er twee keer in"; }
std::string MoreDesksThanListed() { return "is groter dan het aantal meldpunten in dwarsverbanden.desks"; }
std::string VervolgPlusHermeldingTooHigh() {
  return "te hoog: vervolg_probability + hermelding_probability moet onder 0.98 blijven";
}
std::string IsEmpty() { return "is leeg"; }
std::string IsMissing() { return "ontbreekt"; }
std::string NineAgeBands() { return "moet de 9 leeftijdsklassen van het bevolkingscontract hebben"; }
std::string NotAGemeenteOfTheRegions() { return "is geen gemeente in het regiobestand"; }
std::string NotADeskSource(std::string_view sources) {
  return "is geen bron van een meldpunt (bronnen: " + std::string(sources) + ")";
}
std::string NotACategoryColumn(std::string_view desk) {
  return "is geen categoriekolom van het contract van " + std::string(desk);
}
std::string NotAnAllowedValue(std::string_view desk, std::string_view column) {
  return "is geen toegestane waarde van " + std::string(desk) + "." + std::string(column);
}
std::string NotAnAllowedGeweldsvorm() { return "is geen toegestane geweldsvorm"; }
std::string NotAZeroOneItem() { return "is geen 0/1-item van het contract van de gezondheidsmonitor"; }
std::string NotAnAgeBand() { return "is geen leeftijdsklasse"; }
std::string NotAnAllowedZiekte() { return "is geen toegestane ziekte van het contract infectieziekten"; }
std::string BadAgeStratum(std::string_view stratum) {
  return QuoteValue(stratum) + " is geen leeftijdsklasse zoals 18-64 of 75+";
}
std::string NotAnAgeRange(std::string_view band) {
  return "kan niet worden gelezen: " + QuoteValue(band) + " is geen leeftijdsklasse zoals 0-3 of 85+";
}
std::string AgeRangesNotParsed() {
  return "heeft geen gelezen leeftijdsklassen: laad de configuratie met LoadSynthConfig of ParseSynthConfig "
         "(een fout in Samenzicht)";
}
std::string ImpliedByNamesNoItem() { return "noemt geen item van survey.items"; }
std::string ImpliedChain() {
  return "verwijst naar een item dat zelf implied_by heeft; ketens worden niet ondersteund";
}
std::string AtMost16Items() { return "mag hoogstens 16 items hebben"; }
std::string NotValidJson(long line, long column, std::string_view detail) {
  std::string where = line > 0 ? " op regel " + std::to_string(line) + ", kolom " + std::to_string(column) : "";
  return "de synthetische configuratie is geen geldige JSON: fout" + where + " (de JSON-lezer meldt " +
         QuoteValue(detail, 200) + ")";
}
std::string NotAJsonObject() { return "de synthetische configuratie moet een JSON-object zijn"; }
std::string CannotOpenConfig(std::string_view path) {
  return std::string(path) + ": de synthetische configuratie is niet te openen";
}

std::string ReadFailed(std::string_view path) { return std::string(path) + ": lezen mislukt"; }
std::string WriteFailed(std::string_view path) { return std::string(path) + ": schrijven mislukt"; }
std::string CannotCreateDirectory(std::string_view path, std::string_view detail) {
  return std::string(path) + ": de map is niet aan te maken: " + std::string(detail);
}
std::string CannotCreateFile(std::string_view path, std::string_view detail) {
  return std::string(path) + ": het bestand is niet aan te maken: " + std::string(detail);
}
std::string CannotRename(std::string_view path, std::string_view detail) {
  return std::string(path) + ": het voltooide bestand is niet op zijn plaats te zetten" +
         (detail.empty() ? std::string() : ": " + std::string(detail));
}
std::string SavWriteFailed(std::string_view path, std::string_view detail) {
  return std::string(path) + ": het SPSS-bestand schrijven is mislukt: " + std::string(detail);
}
std::string NotANumberCell(std::string_view cell) {
  return "numerieke cel " + QuoteValue(cell) + " is geen getal (een fout in Samenzicht)";
}

std::string GemeenteWithoutWijken(std::string_view code) {
  return "regiobestand: gemeente " + QuoteValue(code) + " heeft geen wijken";
}
std::string NoConfiguredGemeente() { return "het regiobestand heeft geen van de geconfigureerde gemeenten"; }
std::string ConfiguredGemeenteMissing(std::string_view code) {
  return "het regiobestand mist de geconfigureerde gemeente " + QuoteValue(code);
}
std::string WijkWithoutBuurten(std::string_view code) {
  return "regiobestand: wijk " + QuoteValue(code) + " heeft geen buurten";
}
std::string TooManyWijken() { return "te veel wijken voor de postcodes 74xx–76xx"; }
std::string NoRegioForNetherlands() {
  return "het regiobestand heeft geen regio: bij --scale boven 1 komen de synthetische gemeenten in de eerste regio";
}
std::string TooManyGemeenten() {
  return "te veel synthetische gemeenten voor de codes GM5001–GM9999: kies een kleinere --scale";
}

std::string BadYears(std::string_view text) {
  return "--years: verwacht een jaar of een periode zoals 2016-2025, niet " + QuoteValue(text);
}
std::string OutRequired() { return "--out: een uitvoermap is verplicht"; }
std::string BadScale() { return "--scale moet > 0 en ≤ 100 zijn"; }
std::string YearsReversed() {
  return "--years: het eerste jaar mag niet na het laatste liggen, en beide liggen tussen 1990 en 2100";
}
std::string AtMost30Years() { return "--years: hoogstens 30 jaar"; }
std::string PeriodAfterToday(std::string_view today) {
  return "--years: de periode begint na vandaag (" + std::string(today) + "); datums liggen nooit in de toekomst";
}
std::string NoDeskContract(std::string_view desk) {
  return "geen contract voor meldpunt " + std::string(desk) + " (een fout in Samenzicht)";
}

}  // namespace sz::synth::msg
