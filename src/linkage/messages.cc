#include "linkage/messages.h"

#include <string>

namespace sz::linkage::msg {

std::string TooManyRecords() { return "te veel records voor één koppeling (hoogstens 2^32-2)"; }
std::string TooFewRecords() { return "koppelen vraagt minstens twee records"; }
std::string IncrementalNeedsModel() { return "bijkoppelen vraagt het model van de vorige koppeling"; }
std::string IncrementalNeedsEarlierPersons() {
  return "bijkoppelen vraagt voor elk eerder gekoppeld record de persoon van de vorige koppeling";
}
std::string TruthNeedsOneLabelPerRecord() { return "de waarheid moet precies één persoon per record geven"; }
std::string AcrossSourcesNeedsTwoSources() {
  return "koppelen tussen bronnen vraagt records van minstens twee bronnen";
}
std::string NoCandidatePairs() { return "de blokkering vond geen enkel kandidaatpaar om te vergelijken"; }

std::string PatternLevelOutOfRange() { return "een vergelijkingspatroon heeft een niveau dat niet bestaat"; }
std::string PatternCountsNegative() { return "de patroontellingen mogen niet negatief zijn"; }
std::string NoPairsToEstimateFrom() { return "er zijn geen paren om het model op te schatten"; }
std::string TotalPairsTooSmall() { return "total_pairs is kleiner dan het aantal getelde paren"; }
std::string EstimateUNeedsEveryPair() {
  return "estimate_u vraagt dat elk paar geteld is (total_pairs gelijk aan het aantal getelde paren)";
}
std::string StartingModelWrongLevels() { return "het startmodel heeft voor een veld het verkeerde aantal niveaus"; }

std::string EvaluationSizesDiffer() { return "waarheid, records en koppeluitkomst moeten evenveel records hebben"; }

std::string ExtractLacksColumn(std::string_view source, std::string_view column) {
  return "extract van " + std::string(source) + " heeft geen kolom " + std::string(column);
}
std::string ExtractRowWrongWidth(size_t found, size_t expected) {
  return "extractregel heeft " + std::to_string(found) + " waarden, verwacht " + std::to_string(expected);
}
std::string ClkColumn(std::string_view reason) { return "kolom clk: " + std::string(reason); }
std::string FieldEncodingsColumn(std::string_view reason) { return "kolom veldcodering: " + std::string(reason); }
std::string UnknownSex() { return "kolom geslacht: onbekende waarde (verwacht man, vrouw of onbekend)"; }

}  // namespace sz::linkage::msg
