#include "detection/messages.h"

#include "core/messages.h"

namespace sz::detection::msg {
namespace {

std::string Line(long line) { return "regel " + std::to_string(line); }
std::string Text(int value) { return std::to_string(value); }
std::string RangeText(int first, int last) { return Text(first) + ":" + Text(last); }
std::string PeriodNoun(bool monthly) { return monthly ? "maand" : "week"; }

}  // namespace

std::string NoObservedColumn(const std::vector<std::string>& header) {
  std::string columns;
  for (size_t i = 0; i < header.size() && i < 20; ++i) columns += (i ? ", " : "") + QuoteValue(header[i], 40);
  if (header.size() > 20) columns += ", …";
  return "geen kolom 'observed' (gevonden kolommen: " + columns + ")";
}
std::string NoRows() { return "de reeks heeft geen rijen"; }
std::string RowCellCount(long line, size_t cells, size_t header_cells) {
  return Line(line) + " heeft " + std::to_string(cells) + " cellen, de kopregel heeft er " +
         std::to_string(header_cells);
}
std::string NotACount(long line, std::string_view cell) {
  return Line(line) + ": observed " + QuoteValue(cell) + " is geen aantal (een geheel getal ≥ 0, of leeg/NA)";
}
std::string InDateColumn(long line) { return Line(line) + ", kolom date"; }
std::string DateNotAfter(long line, std::string_view date, std::string_view previous) {
  return Line(line) + ": datum " + std::string(date) + " komt niet na " + std::string(previous) +
         " (de rijen moeten in tijdsvolgorde staan)";
}
std::string DateMissing(long line) {
  return Line(line) +
         ": de datum ontbreekt; een reeks met datums heeft op elke rij een datum nodig (of laat de kolom date "
         "helemaal leeg of NA voor een reeks zonder datums)";
}
std::string PopulationMissing(long line) {
  return Line(line) +
         ": population ontbreekt; een reeks met population heeft die op elke rij nodig, zoals in R's surveillance "
         "(of laat de kolom helemaal leeg of NA: dan is de population overal 1)";
}
std::string NotAPositivePopulation(long line, std::string_view cell) {
  return Line(line) + ": population " + QuoteValue(cell) + " is geen positief getal";
}
std::string PeriodMissing(long line, std::string_view column, bool monthly) {
  return Line(line) + ": de " + PeriodNoun(monthly) + " ontbreekt (kolom " + QuoteValue(column) +
         "); zet op elke rij het jaar en de " + PeriodNoun(monthly) + ", ook op een rij met een ontbrekend aantal";
}
std::string NotAPeriod(long line, std::string_view column, std::string_view cell) {
  return Line(line) + ": " + std::string(column) + " " + QuoteValue(cell) + " is geen geheel getal ≥ 1";
}
std::string YearMissing(long line, std::string_view column, bool monthly) {
  return Line(line) + ": het jaar ontbreekt (kolom " + QuoteValue(column) + "); zet op elke rij het jaar en de " +
         PeriodNoun(monthly) + ", ook op een rij met een ontbrekend aantal";
}
std::string NotAYear(long line, std::string_view column, std::string_view cell) {
  return Line(line) + ": " + std::string(column) + " " + QuoteValue(cell) + " is geen jaartal";
}
std::string NoSuchPeriod(long line, int year, int period, int periods_in_year, bool monthly) {
  if (monthly) {
    return Line(line) + ": " + Text(year) + " heeft geen maand " + Text(period) + " (een jaar heeft " +
           Text(periods_in_year) + " maanden)";
  }
  return Line(line) + ": " + Text(year) + " heeft geen week " + Text(period) + " (ISO-jaar " + Text(year) + " heeft " +
         Text(periods_in_year) + " weken)";
}
std::string PeriodGap(long line, int year, int period, int previous_year, int previous_period, bool monthly) {
  return Line(line) + ": " + Text(year) + "-" + Text(period) + " volgt niet op " + Text(previous_year) + "-" +
         Text(previous_period) + " (de rijen moeten opeenvolgende " + (monthly ? "maanden" : "ISO-weken") +
         " in tijdsvolgorde zijn; voeg een ontbrekende " + PeriodNoun(monthly) + " toe als rij met een lege observed)";
}

std::string BadOption(std::string_view name, std::string_view value, std::string_view expected) {
  return "optie " + std::string(name) + ": " + QuoteValue(value) + " is ongeldig (verwacht " + std::string(expected) +
         ")";
}
std::string ExpectInteger() { return "een geheel getal"; }
std::string ExpectIntegerAtLeast(int minimum) { return "een geheel getal ≥ " + Text(minimum); }
std::string ExpectNumber() { return "een getal"; }
std::string ExpectBool() { return "true of false"; }
std::string ExpectRange() { return "EERSTE:LAATSTE, vanaf 1"; }
std::string ExpectOrderedRange() { return "EERSTE:LAATSTE met 1 ≤ EERSTE ≤ LAATSTE"; }
std::string ExpectLimit54() { return "GEVALLEN,PERIODE zoals 5,4"; }
std::string ExpectLimit54Bounds() { return "gevallen ≥ 0 en periode > 0"; }
std::string ExpectPowerTrans() { return "2/3, 1/2 of none"; }
std::string ExpectLevel() { return "een niveau tussen 0 en 1"; }
std::string ExpectThresholdMethod() { return "delta, nbPlugin of muan"; }
std::string ExpectCusumMean() { return "mean, glm of een positief getal"; }
std::string ExpectCusumTrans() { return "standard, rossi, anscombe, anscombe2nd, pearsonNegBin of none"; }
std::string OptionNotForMethod(std::string_view name, std::string_view method, std::string_view options) {
  return "optie " + QuoteValue(name) + " hoort niet bij " + std::string(method) + " (opties van " +
         std::string(method) + ": " + std::string(options) + ")";
}
std::string UnknownMethod(std::string_view name) {
  return "onbekende methode " + QuoteValue(name) +
         " (kies farringtonFlexible, farrington, earsC1, earsC2, earsC3 of "
         "cusum)";
}
std::string BadFrequency(int frequency) {
  return "de frequentie moet 52 (per week) of 12 (per maand) zijn, niet " + Text(frequency);
}
std::string NegativeCount(int t) { return "het aantal op t = " + Text(t) + " is negatief"; }
std::string PopulationLength() { return "population moet één waarde per tijdstip hebben"; }
std::string DatesLength() { return "er moet één datum per tijdstip zijn"; }
std::string DatesNotIncreasing(std::string_view date, int t, std::string_view previous) {
  return "de datums moeten oplopen: " + std::string(date) + " op t = " + Text(t) + " volgt op " + std::string(previous);
}
std::string UnhandledMethod() { return "onbehandelde methode (een fout in Samenzicht)"; }

std::string RangeOutsideSeries(std::string_view method, int first, int last, int n) {
  return std::string(method) + ": range " + RangeText(first, last) + " ligt buiten de reeks 1:" + Text(n);
}
std::string BAndW(std::string_view method) { return std::string(method) + ": b moet ≥ 1 zijn en w ≥ 0"; }
std::string Limit54OutOfBounds(std::string_view method) {
  return std::string(method) + ": de argumenten van limit54 vallen buiten hun grenzen: cases ≥ 0 en period > 0";
}

std::string CusumRangeRequired() { return "cusum: geef een range op (R's algo.cusum heeft geen standaard-range)"; }
std::string CusumRangeOutside(int first, int last, int n) {
  return "cusum: range " + RangeText(first, last) + " moet binnen 2:" + Text(n) +
         " liggen (het referentiegemiddelde heeft minstens één eerder tijdstip nodig)";
}
std::string CusumGlmNeedsCompleteCounts(int t) {
  return "cusum: m = glm heeft vóór de range alle aantallen nodig (het aantal op t = " + Text(t) + " ontbreekt)";
}

std::string EarsNegativeMinSigma() { return "earsC: minSigma mag niet negatief zijn"; }
std::string EarsBaselineTooSmall() { return "earsC: baseline moet minstens 3 zijn"; }
std::string EarsTooLittleHistory(std::string_view method, int baseline, int lag, int first) {
  return std::string(method) + " met baseline " + Text(baseline) + " heeft " + Text(lag) +
         " eerdere tijdstippen nodig: de range moet op " + Text(lag + 1) + " of later beginnen (hij begint op " +
         Text(first) + ")";
}

std::string FarringtonRangeOutside(int first, int last, int n, int b, int w, int default_first) {
  return RangeOutsideSeries("farrington", first, last, n) + " (met b = " + Text(b) + " en w = " + Text(w) +
         " begint de standaard-range bij freq·b − w = " + Text(default_first) + ")";
}
std::string FarringtonNoReferenceValues(int t, int b, int w, int first_with_history) {
  return "farrington: tijdstip " + Text(t) + " heeft geen referentiewaarden; met b = " + Text(b) +
         " en w = " + Text(w) + " is het eerste tijdstip met voorgeschiedenis " + Text(first_with_history);
}

std::string TooManyFactors() {
  return "farringtonFlexible: te veel seizoensperioden (noPeriods) voor de weken tussen de referentievensters; "
         "kies een kleinere noPeriods of w (R: \"Number of factors too big!\")";
}
std::string NoBaselineCounts(int t) {
  return "farringtonFlexible: tijdstip " + Text(t) + " heeft geen referentieaantallen (alle referentieweken ontbreken)";
}
std::string SeasonFactorLevels(int t) {
  return "farringtonFlexible: tijdstip " + Text(t) + ": de seizoensfactor heeft minder dan 2 niveaus met gegevens";
}
std::string NoCountInReferenceWindows(int t) {
  return "farringtonFlexible: tijdstip " + Text(t) +
         ": geen enkel aantal in de referentievensters (de seizoensfactor krijgt een nieuw niveau)";
}
std::string ReferenceDateMissing(int t, std::string_view date, std::string_view reference_date, int years_back) {
  return "farringtonFlexible: tijdstip " + Text(t) + " (" + std::string(date) + "): de referentiedatum " +
         std::string(reference_date) + " (" + Text(years_back) +
         " jaar terug) staat niet in de reeks; kies een kleinere b of begin de range later "
         "(R: \"Some reference time points did not exist\")";
}
std::string TooLittleHistoryBeforeWindow(int t) {
  return "farringtonFlexible: tijdstip " + Text(t) +
         " heeft te weinig voorgeschiedenis vóór het oudste referentievenster; begin de range later";
}
std::string NoPeriodsAtLeastOne() { return "farringtonFlexible: noPeriods moet ≥ 1 zijn"; }
std::string PastWeeksNegative() { return "farringtonFlexible: pastWeeksNotIncluded mag niet negatief zijn"; }
std::string AlphaOutOfRange() { return "farringtonFlexible: alpha moet tussen 0 en 1 liggen"; }
std::string PopulationOffsetNeedsPositive() {
  return "farringtonFlexible: populationOffset heeft een positieve population nodig";
}
std::string DefaultRangeNeedsMoreHistory(int b, int w, int frequency, int needed, int n) {
  return "farringtonFlexible met b = " + Text(b) + ", w = " + Text(w) + " en frequentie " + Text(frequency) +
         " heeft voor de standaard-range minstens " + Text(needed) +
         " tijdstippen nodig (freq·b + w + 1); de reeks heeft er " + Text(n) +
         ". Kies een kleinere b of lever meer voorgeschiedenis.";
}
std::string FlexibleTooLittleHistory(int t, int b, int w, int frequency, int first_possible) {
  return "farringtonFlexible: tijdstip " + Text(t) + " heeft te weinig voorgeschiedenis: met b = " + Text(b) +
         ", w = " + Text(w) + " en frequentie " + Text(frequency) + " is het eerste evalueerbare tijdstip " +
         Text(first_possible) + " (R: \"Some reference time points did not exist\")";
}

std::string GlmResponseLength() { return "glm: de respons is niet even lang als de designmatrix"; }
std::string GlmOffsetLength() { return "glm: de offset is niet even lang als de designmatrix"; }
std::string GlmWeightsLength() { return "glm: de gewichten zijn niet even lang als de designmatrix"; }
std::string GlmEmptyDesign() { return "glm: lege designmatrix"; }
std::string GlmBadGroupedDesign() {
  return "glm: groepsdesign met een groep buiten 0..groepen-1 of zonder een tijd per rij";
}
std::string GlmPoissonNegative() { return "glm: negatieve of ontbrekende waarden kunnen niet bij de Poisson-familie"; }
std::string GlmNegativeWeights() { return "glm: negatieve of ontbrekende gewichten zijn niet toegestaan"; }
std::string GlmNoPositiveWeight() { return "glm: geen waarneming met een positief gewicht"; }
std::string GlmNonFiniteDeviance() {
  return "glm: geen geldige coëfficiënten gevonden (de deviantie is niet eindig) "
         "(R: \"no valid set of coefficients has been found\")";
}
std::string GlmInvalidMean() {
  return "glm: geen geldige coëfficiënten gevonden (ongeldig gemiddelde) "
         "(R: \"no valid set of coefficients has been found\")";
}
std::string GlmCannotCorrectStep(int loop) {
  return "glm: de stapgrootte is niet te corrigeren (binnenste lus " + Text(loop) + ") (R: \"inner loop " + Text(loop) +
         "; cannot correct step size\")";
}

std::string TooShortToForecast(size_t counts) {
  return "te korte reeks om te voorspellen: " + std::to_string(counts) + " weken met een aantal, minstens 8 nodig";
}

}  // namespace sz::detection::msg
