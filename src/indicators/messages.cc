#include "indicators/messages.h"

#include <string>

#include "core/messages.h"

namespace sz::indicators::msg {

std::string UnknownDeskSource(std::string_view source, std::string_view record_id) {
  return "onbekende meldpuntbron '" + std::string(source) + "' (registratie " + std::string(record_id) +
         "); verwacht een van veilig_thuis, zorgwekkend_gedrag, woningvervuiling, wonen_verblijf, jeugdhulp, wmo";
}
std::string EmptyRecordId(std::string_view source) {
  return std::string(source) + ": een betrokkenheid heeft een leeg registratienummer";
}
std::string InvolvementPlace(std::string_view source, std::string_view record_id, int betrokkene_nr) {
  return std::string(source) + " " + std::string(record_id) + " betrokkene " + std::to_string(betrokkene_nr);
}
std::string EmptyPersonOrHousehold(std::string_view where) {
  return std::string(where) +
         ": persoon of huishouden ontbreekt (elke betrokkenheid krijgt beide van de koppeling; koppel eerst)";
}
std::string AppearsTwice(std::string_view where) { return std::string(where) + ": komt twee keer voor"; }
std::string EndBeforeEvent(std::string_view where, std::string_view end_date, std::string_view event_date) {
  return std::string(where) + ": einddatum " + std::string(end_date) + " ligt voor de datum van de melding " +
         std::string(event_date);
}
std::string RegistrationFieldsDiffer(std::string_view where, int first_betrokkene_nr) {
  return std::string(where) +
         ": velden van de registratie (datum, einddatum, soort, uithuisplaatsing, aanbieder, gemeente) verschillen "
         "van die bij betrokkene " +
         std::to_string(first_betrokkene_nr) + " van dezelfde registratie";
}

namespace {
std::string S(std::string_view text) { return std::string(text); }
std::string List(const std::vector<std::string>& items, size_t max_items = 12) {
  std::string out;
  for (size_t i = 0; i < items.size() && i < max_items; ++i) {
    if (i > 0) out += ", ";
    out += items[i].empty() ? "(leeg)" : items[i];
  }
  if (items.size() > max_items) out += ", … (" + std::to_string(items.size()) + " in totaal)";
  return out;
}
}  // namespace

std::string CatalogSyntax(std::string_view detail) { return "geen geldige TOML: " + S(detail); }
std::string CatalogUnknownTopLevel(std::string_view key) {
  return "onbekende sleutel " + QuoteValue(key) + " buiten een [[indicator]]-tabel";
}
std::string CatalogNoIndicators() { return "het bestand bevat geen [[indicator]]-tabellen"; }
std::string CatalogIndicatorNotTables() {
  return "'indicator' moet een lijst van tabellen zijn: schrijf [[indicator]]";
}
std::string CatalogUnknownKey(std::string_view path, const std::vector<std::string>& allowed) {
  return "onbekende sleutel " + QuoteValue(path) + " (toegestaan: " + List(allowed, 40) + ")";
}
std::string CatalogMissingKey(std::string_view path) { return S(path) + " ontbreekt"; }
std::string CatalogNotText(std::string_view path) { return S(path) + " moet tekst zijn (tussen aanhalingstekens)"; }
std::string CatalogEmptyText(std::string_view path) { return S(path) + " mag niet leeg zijn"; }
std::string CatalogNotOneOf(std::string_view path, std::string_view value, const std::vector<std::string>& allowed) {
  return S(path) + ": " + QuoteValue(value) + " is geen toegestane waarde (toegestaan: " + List(allowed) + ")";
}
std::string CatalogNotTextList(std::string_view path) {
  return S(path) + " moet een lijst van teksten zijn, bijvoorbeeld [\"a\", \"b\"]";
}
std::string CatalogEmptyList(std::string_view path) { return S(path) + " mag niet leeg zijn"; }
std::string CatalogListedTwice(std::string_view path, std::string_view value) {
  return S(path) + ": " + QuoteValue(value) + " staat er twee keer in";
}
std::string CatalogNotNumber(std::string_view path) { return S(path) + " moet een getal zijn"; }
std::string CatalogNotIntegerBetween(std::string_view path, long long min, long long max) {
  return S(path) + " moet een geheel getal van " + std::to_string(min) + " tot en met " + std::to_string(max) + " zijn";
}
std::string CatalogNotBoolean(std::string_view path) { return S(path) + " moet true of false zijn"; }
std::string CatalogNotTable(std::string_view path) {
  return S(path) + " moet een tabel zijn: [indicator." + S(path) + "]";
}
std::string CatalogUnknownSource(std::string_view path, std::string_view source, std::string_view known) {
  return S(path) + ": onbekende bron " + QuoteValue(source) + " (bronnen: " + S(known) + ")";
}
std::string CatalogUnknownColumn(std::string_view path, std::string_view source, std::string_view column,
                                 const std::vector<std::string>& columns) {
  return S(path) + ": " + S(source) + " heeft geen kolom " + QuoteValue(column) + " (kolommen: " + List(columns, 40) +
         ")";
}
std::string CatalogFilterNotCategory(std::string_view path, std::string_view source, std::string_view column) {
  return S(path) + ": filteren kan alleen op een categorie of ja/nee, en " + S(source) + "." + S(column) +
         " is dat niet";
}
std::string CatalogValueNotAllowed(std::string_view path, std::string_view value, std::string_view source,
                                   std::string_view column, const std::vector<std::string>& allowed) {
  return S(path) + ": " + QuoteValue(value) + " is geen toegestane waarde van " + S(source) + "." + S(column) +
         " (toegestaan: " + List(allowed, 40) + ")";
}
std::string CatalogBadAge(std::string_view path, std::string_view text) {
  return S(path) + ": " + QuoteValue(text) + " is geen leeftijd zoals \"0-17\" of \"65+\"";
}
std::string CatalogAgeNotWholeBands(std::string_view path, std::string_view text,
                                    const std::vector<std::string>& bands) {
  return S(path) + ": " + QuoteValue(text) + " valt niet samen met hele leeftijdsklassen van bevolking (" +
         List(bands) + ")";
}
std::string CatalogNoAgeColumn(std::string_view path, std::string_view source) {
  return S(path) + ": " + S(source) + " heeft geen leeftijd om op te filteren";
}
std::string CatalogOneSourceOnly(std::string_view path) {
  return S(path) + ": hier hoort één bron (meer bronnen kan alleen bij soort voorspelling)";
}
std::string CatalogUnitNeedsDesk(std::string_view path, std::string_view unit, std::string_view source) {
  return S(path) + ": " + S(unit) + " tellen kan alleen bij een meldpunt, en " + S(source) +
         " is er geen (tel daar \"rijen\" of \"som\")";
}
std::string CatalogColumnOnlyForSum(std::string_view path) { return S(path) + " hoort alleen bij tel = \"som\""; }
std::string CatalogSumNotNumber(std::string_view path, std::string_view source, std::string_view column) {
  return S(path) + ": " + S(source) + "." + S(column) + " is geen getal en kan niet worden opgeteld";
}
std::string CatalogSumNeedsColumn(std::string_view path) {
  return S(path) + " ontbreekt: tel = \"som\" vraagt de kolom die wordt opgeteld";
}
std::string CatalogNotADateColumn(std::string_view path, std::string_view source, std::string_view column) {
  return S(path) + ": " + S(source) + "." + S(column) + " is geen datumkolom";
}
std::string CatalogBadId(std::string_view id) {
  return "id " + QuoteValue(id) +
         " moet beginnen met een kleine letter en verder alleen kleine letters, cijfers en _ hebben";
}
std::string CatalogFactorPositive() { return "factor moet groter dan 0 zijn"; }
std::string CatalogKindNeeds(std::string_view kind, std::string_view key) {
  if (key == "noemer") return "een " + S(kind) + " heeft een noemer nodig: voeg [indicator.noemer] toe";
  return "soort " + S(kind) + " heeft [indicator." + S(key) + "] nodig";
}
std::string CatalogNotForKind(std::string_view key, std::string_view kind) {
  return S(key) + " hoort niet bij soort " + S(kind);
}
std::string CatalogSurveyIntervalIsDesign() {
  return "interval: een enquête-indicator heeft het interval van het steekproefontwerp (\"ontwerp\")";
}
std::string CatalogPeriodNotForKind(std::string_view period, std::string_view kind) {
  return "periodes: " + QuoteValue(period) + " past niet bij soort " + S(kind) +
         " (enquête-indicatoren per golf, de andere per week, maand, kwartaal of jaar)";
}
std::string CatalogNotZeroOne(std::string_view path, std::string_view variable) {
  return S(path) + ": " + QuoteValue(variable) + " is geen 0/1-variabele van de gezondheidsmonitor";
}
std::string CatalogUnknownMeasure(std::string_view measure, const std::vector<std::string>& measures) {
  return "gekoppeld.maat: onbekende maat " + QuoteValue(measure) + " (maten: " + List(measures, 40) + ")";
}
std::string CatalogUnknownMeasureCategory(std::string_view measure, std::string_view category,
                                          const std::vector<std::string>& categories) {
  return "gekoppeld.categorie: " + QuoteValue(category) + " is geen categorie van " + S(measure) +
         " (categorieën: " + List(categories, 40) + ")";
}
std::string CatalogLevelBetween(std::string_view path) {
  return S(path) + " moet tussen 0 en 1 liggen, bijvoorbeeld 0.95";
}
std::string CatalogSourcesDiffer(const std::vector<std::string>& used) {
  return "bronnen moet de bronnen noemen die de indicator leest: " + List(used, 40);
}
std::string CatalogNoBreakdownForKind(std::string_view kind) {
  return "uitsplitsingen: soort " + S(kind) + " kent geen uitsplitsingen";
}
std::string CatalogBreakdownNotCategory(std::string_view column, std::string_view source) {
  return "uitsplitsingen: " + S(source) + "." + S(column) +
         " is geen categorie (uitsplitsen kan op categorieën, ja/nee en kleine gehele getallen)";
}
std::string CatalogDuplicateId(std::string_view id, std::string_view first_file, int first_line) {
  return "id " + QuoteValue(id) + " staat er al, in " + S(first_file) + " regel " + std::to_string(first_line);
}
std::string CatalogNoFolder() { return "de map van de indicatorcatalogus bestaat niet"; }
std::string CatalogNoFiles() { return "de map van de indicatorcatalogus bevat geen .toml-bestanden"; }
std::string CatalogCannotRead() { return "kan het bestand niet lezen"; }
std::string CatalogHasProblems(size_t count) {
  return "de indicatorcatalogus heeft " + std::to_string(count) + (count == 1 ? " fout:" : " fouten:");
}
std::string DisclosureConfigHasProblems(size_t count) {
  return "de openbaarmakingsregels hebben " + std::to_string(count) + (count == 1 ? " fout:" : " fouten:");
}
std::string SignalConfigHasProblems(size_t count) {
  return "de signaleringsinstellingen hebben " + std::to_string(count) + (count == 1 ? " fout:" : " fouten:");
}
std::string SignalUnknownSource(std::string_view source) {
  return "capaciteit." + std::string(source) + ": onbekende bron (de bronnen staan in 'samenzicht schema')";
}
std::string SignalCapacityPositive(std::string_view source) {
  return "capaciteit." + std::string(source) + " moet een getal boven 0 zijn (meldingen per week)";
}
std::string SignalFdrLevel() { return "fdr_q moet een getal tussen 0 en 1 zijn (bijvoorbeeld 0.05)"; }
std::string AndMore(size_t count) { return "… en nog " + std::to_string(count); }
std::string NotARate(std::string_view id) {
  return "indicator " + S(id) + " is geen verhouding (een fout in Samenzicht)";
}
std::string RateSourcesDiffer(std::string_view id) {
  return "indicator " + S(id) +
         ": de gegeven rijen zijn niet van de bronnen van teller en noemer (een fout in Samenzicht)";
}
std::string StockAsNumerator(std::string_view id) {
  return "indicator " + S(id) + ": een bestand zonder datum (zoals bevolking) kan alleen noemer zijn";
}
std::string NotLinked(std::string_view id) {
  return "indicator " + S(id) + " is geen gekoppelde maat (een fout in Samenzicht)";
}
std::string NotASurveyIndicator(std::string_view id) {
  return "indicator " + S(id) + " is geen enquête-indicator (een fout in Samenzicht)";
}
std::string TooManyCells(std::string_view id) {
  return "indicator " + S(id) + " heeft meer regio's, periodes of uitsplitsingen dan Samenzicht kan tellen";
}
std::string NotADuration(std::string_view id) {
  return "indicator " + S(id) + " is geen duur-indicator (een fout in Samenzicht)";
}
std::string NotADelivery(std::string_view id) {
  return "indicator " + S(id) + " is geen leverings-indicator (een fout in Samenzicht)";
}
std::string NoPopulationToCalibrate(int wave) {
  return "kalibratie: de bevolking heeft geen aantallen per gemeente voor " + std::to_string(wave) +
         " (lees de bevolking van dat jaar in, of zet kalibratie uit)";
}
std::string NoPopulationForCell(std::string_view cell, int wave) {
  return "kalibratie: geen bevolking voor de cel " + S(cell) + " (gemeente|leeftijdsklasse|geslacht) in " +
         std::to_string(wave) + ", terwijl de golf daar respondenten heeft";
}
std::string NoValuesForTarget() { return "geen jaarwaarden om een trend op te schatten"; }
std::string IncomeGapTitle(std::string_view title) {
  return S(title) + ": verschil tussen hoogste en laagste inkomenskwintiel";
}
std::string IncomeGapDefinition() {
  return "Het percentage in het hoogste inkomenskwintiel min het percentage in het laagste, met de standaardfout van "
         "dat verschil volgens het steekproefontwerp.";
}
std::string IncomeGapUnit() { return "procentpunt"; }

}  // namespace sz::indicators::msg
