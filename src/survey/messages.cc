#include "survey/messages.h"

#include <cmath>
#include <cstdio>

#include "core/messages.h"

namespace sz::survey::msg {
namespace {

std::string Number(double value) {
  if (std::isnan(value)) return "NA";
  if (std::isinf(value)) return value > 0 ? "Inf" : "-Inf";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.15g", value);
  return buffer;
}

// Names (columns, terms) as a list of quoted values: 'a', 'b', 'c'.
std::string QuotedList(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + QuoteValue(names[i], 40);
  return out;
}

// A label inside R's own words: as R prints it when it is short and plain, else shortened.
std::string InRWords(std::string_view label) {
  bool plain = label.size() <= 60;
  for (unsigned char c : label) plain = plain && c >= 0x20 && c != 0x7F && c != '"';
  return plain ? std::string(label) : "…";
}

}  // namespace

std::string RowCellCount(size_t row, size_t cells, size_t header_cells) {
  return "rij " + std::to_string(row) + " heeft " + std::to_string(cells) + " cellen, de kopregel heeft er " +
         std::to_string(header_cells);
}
std::string ColumnNameTwice(std::string_view name) { return "kolomnaam " + QuoteValue(name) + " komt twee keer voor"; }
std::string NoSuchColumn(std::string_view name, const std::vector<std::string>& columns, bool more) {
  return "geen kolom " + QuoteValue(name) + " in de gegevens (kolommen: " + QuotedList(columns) + (more ? ", …" : "") +
         ")";
}

std::string MissingDesignValue(std::string_view role, std::string_view column, size_t data_row) {
  return "ontbrekende waarde op gegevensrij " + std::to_string(data_row) + " in kolom " + QuoteValue(column) + " (" +
         std::string(role) + ")";
}
std::string DesignColumnNotNumeric(std::string_view role, std::string_view column, std::string_view example) {
  return "kolom " + QuoteValue(column) + " (" + std::string(role) + ") is niet numeriek (bijvoorbeeld " +
         QuoteValue(example) + ")";
}
std::string BadLonelyPsu(std::string_view value) {
  return "--lonely-psu moet fail, remove, certainty, adjust of average zijn, niet " + QuoteValue(value);
}
std::string NoRows() { return "de gegevens hebben geen rijen"; }
std::string OnlyOnePsu() {
  return "het ontwerp heeft maar één primaire steekproefeenheid (PSU), dus geen schatbare variantie "
         "(R: \"Design has only one primary sampling unit\")";
}
std::string ClustersNotNested(std::string_view psu, std::string_view stratum_a, std::string_view stratum_b) {
  return "de clusters liggen niet genest in de strata: PSU " + QuoteValue(psu) + " komt voor in stratum " +
         QuoteValue(stratum_a) + " en in stratum " + QuoteValue(stratum_b) +
         "; zijn de PSU-nummers alleen binnen een stratum uniek, geef dan nest=TRUE op (--nest) "
         "(R: \"Clusters not nested in strata at top level; you may want nest=TRUE\")";
}
std::string FpcColumnsForStages(size_t fpc_columns, size_t stages) {
  return "--fpc heeft " + std::to_string(fpc_columns) + " kolom(men), maar het ontwerp heeft " +
         std::to_string(stages) + " trap(pen)";
}
std::string MixedFpc() {
  return "de fpc moet overal ≥ 1 (populatiegroottes) of overal ≤ 1 (steekproeffracties) zijn, niet door elkaar "
         "(R: \"Must have all fpc>=1 or all fpc<=1\")";
}
std::string FpcAbove100Percent(size_t data_row, size_t stage, double population, long sampled) {
  return "volgens de fpc is in een stratum meer dan 100% bemonsterd (gegevensrij " + std::to_string(data_row) +
         ", trap " + std::to_string(stage) + ": populatie " + Number(population) + ", steekproef " +
         std::to_string(sampled) + ") (R: \"FPC implies >100% sampling in some strata\")";
}
std::string LonelyPsu(std::string_view stratum, int stage) {
  return "stratum " + QuoteValue(stratum) + " heeft maar één PSU in trap " + std::to_string(stage) +
         "; kies --lonely-psu remove, certainty, adjust of average (R: \"Stratum (" + InRWords(stratum) +
         ") has only one PSU at stage " + std::to_string(stage) + "\")";
}

std::string ComparisonLabel() { return "een vergelijking"; }
std::string NeedsNumericVariable(std::string_view what, std::string_view variable, std::string_view example_level) {
  return std::string(what) + " heeft een numerieke variabele nodig; " + QuoteValue(variable) +
         " is categorisch (niveaus zoals " + QuoteValue(example_level) + ")";
}
std::string VariableCount(std::string_view option, size_t wanted, size_t given) {
  return std::string(option) + " verwacht " + std::to_string(wanted) + " variabele(n), niet " + std::to_string(given);
}
std::string NeedsAVariable(std::string_view option) {
  return std::string(option) + " heeft minstens één variabele nodig";
}
std::string UnknownStatistic() { return "onbekende statistiek (een fout in Samenzicht)"; }
std::string InDomain(const std::vector<std::string>& by, const std::vector<std::string>& levels) {
  std::string out = "domein ";
  for (size_t k = 0; k < by.size() && k < levels.size(); ++k) {
    out += (k ? ", " : "") + by[k] + "=" + QuoteValue(levels[k]);
  }
  return out;
}
std::string QuantileOutOfRange(double p) { return "het kwantiel moet tussen 0 en 1 liggen, niet " + Number(p); }
std::string BadCiMethod(std::string_view value) {
  return "--ci-method moet logit, beta, likelihood, xlogit, asin of mean zijn, niet " + QuoteValue(value);
}
std::string CiPropNeedsNumeric(std::string_view variable) {
  return "--ciprop heeft een numerieke 0/1-variabele nodig; " + QuoteValue(variable) + " is categorisch";
}
std::string FewerThanTwoLevels(std::string_view group) {
  return QuoteValue(group) + " heeft minder dan twee niveaus met respondenten; er is geen verschil te schatten";
}
std::string LikelihoodDfNotPositive() {
  return "de vrijheidsgraden van de noemer zijn nul of negatief; er is geen likelihood-interval te berekenen";
}
std::string ProfileFoundBetterFit() {
  return "het profiel van de likelihood vond een betere oplossing dan de fit (de fit is niet geconvergeerd)";
}

std::string MissingCalibrationValue(std::string_view variable, size_t data_row) {
  return "ontbrekende waarde op gegevensrij " + std::to_string(data_row) + " in kalibratievariabele " +
         QuoteValue(variable);
}
std::string PopulationCellLevels(size_t levels, size_t variables) {
  return "een cel van de populatietabel heeft " + std::to_string(levels) + " niveau(s) voor " +
         std::to_string(variables) + " variabele(n)";
}
std::string NoPopulationCount(const std::vector<std::string>& variables, const std::vector<std::string>& levels) {
  std::string cell;
  for (size_t k = 0; k < variables.size() && k < levels.size(); ++k) {
    cell += (k ? ", " : "") + variables[k] + "=" + QuoteValue(levels[k]);
  }
  return "geen populatieaantal voor de steekproefcel " + cell + "; voeg die cel toe aan de populatietabel";
}
std::string CalibrationSingular() { return "het kalibratiemodel is singulier (collineaire termen)"; }
std::string RakeWithoutMargins() { return "raking heeft minstens één marge nodig (--rake)"; }
std::string RakingDidNotConverge() { return "kalibratie mislukt: raking convergeert niet (R: \"Calibration failed\")"; }
std::string CollinearCalibrationTerm(std::string_view term) {
  return "kalibratieterm " + QuoteValue(term) + " is collineair met de andere termen";
}
std::string CalibrationTotals(size_t wanted, const std::vector<std::string>& terms, size_t given) {
  return "de kalibratie heeft " + std::to_string(wanted) + " populatietotalen nodig (" + QuotedList(terms) +
         "), niet " + std::to_string(given);
}

std::string BadRatioOption(std::string_view value) {
  return "--ratio verwacht TELLER/NOEMER, bijvoorbeeld --ratio api.stu/enroll; niet " + QuoteValue(value);
}
std::string BadQuantileOption(std::string_view value) {
  return "--quantile verwacht VAR:P, bijvoorbeeld --quantile bmi:0.5; niet " + QuoteValue(value);
}
std::string BadQuantileProbability(std::string_view p_text) {
  return "--quantile: P moet een getal tussen 0 en 1 zijn; niet " + QuoteValue(p_text);
}
std::string OneStatistic(int given) {
  return "geef precies één van --mean, --total, --ratio, --ciprop en --quantile (nu " + std::to_string(given) + ")";
}
std::string EmptyVariableName() { return "lege variabelenaam in de optie van de statistiek"; }
std::string BadLevel(double level) {
  return "--level moet tussen 0 en 1 liggen, bijvoorbeeld 0.95; niet " + Number(level);
}
std::string DeffNotAvailable() { return "--deff kan alleen bij --mean, --total en --ratio (zoals in R)"; }
std::string PoststratifyOrRake() { return "gebruik --poststratify of --rake, niet allebei"; }

std::string NoWeightsGiven() { return "weights=1 (geen gewichten opgegeven)"; }
std::string WeightsFromFpc() { return "weights=N/n uit fpc"; }
std::string DesignDescription(std::string_view design, std::string_view level,
                              const std::vector<std::string>& variables) {
  std::string joined;
  for (size_t k = 0; k < variables.size(); ++k) joined += (k ? "/" : "") + variables[k];
  return "ontwerp " + std::string(design) + "; level=" + std::string(level) +
         "; ontbrekende waarden: na.rm=TRUE (rijen met een ontbrekende waarde in " + joined +
         " vallen per domein weg; de PSU-aantallen van het hele ontwerp blijven)";
}

}  // namespace sz::survey::msg
