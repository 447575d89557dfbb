// The texts of the signals module, in Dutch: why a series is not tested, triage refusals, and the
// sentence that explains a signal to a policy officer. One place, so that the command, the server and
// the dashboard show the same words. Numbers are written the Dutch way (decimal comma).
//
//   msg::SeriesExplanation({.region = "Hengelo", .subject = "meldingen zorgwekkend gedrag", ...});
//   // "In Hengelo kwamen in 3 weken (2024-W05 t/m 2024-W07) 23 meldingen zorgwekkend gedrag binnen, ..."
//
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sz::signals::msg {

std::string HistoryTooShort(int periods);
std::string TooSparse(int non_zero);
std::string BackToNew();
std::string SameStatusWithoutNote(std::string_view status);
std::string ScanBadInput();  // scan.h: sizes, zones or values that do not fit
std::string ScanHistoryTooShort(int needed, int have);
std::string CoMovementTooFewWijken(int wijken);  // comovement.h
std::string CoMovementConstant();
std::string WaveEstimateUnusable();  // waves.h                // crossdesk.h: weeks needed, weeks there

// A number with at most `decimals` decimals, trailing zeros dropped, decimal comma: 9,4 · 23 · 0,012;
// a positive number that would round to 0 is "minder dan 0,1" (with 1 decimal).
std::string Number(double value, int decimals = 1);
// A p- or q-value: two significant digits, decimal comma, "< 0,0001" below that.
std::string Probability(double value);

struct SeriesFacts {
  std::string region;    // the region's name, e.g. "Hengelo" or "wijk Hasseler Es (Hengelo)"
  std::string subject;   // what was counted, e.g. "meldingen zorgwekkend gedrag"
  std::string category;  // "" or e.g. "categorie overlast"
  int periods = 0;       // significant periods
  bool weekly = true;
  std::string from, to;  // "2024-W05"
  double observed = 0, expected = 0, threshold = 0;
  std::string method;
  double q_value = 1;
};
std::string SeriesExplanation(const SeriesFacts& facts);
// Belasting (load.h).
struct LoadFacts {
  std::string desk;    // the desk's name, e.g. "Veilig Thuis Twente"
  std::string region;  // "Twente" or a gemeente's name
  int weeks = 0;
  std::string from, to;  // forecast weeks
  double peak = 0;       // the highest expected weekly count
  double threshold = 0;
  bool capacity = false;  // the threshold is the configured capacity (else the own 90th percentile)
  double last_week = 0;   // the last complete week's count
};
std::string LoadExplanation(const LoadFacts& facts);
std::string LoadMethod(bool capacity);  // "voorspelling boven capaciteit" | "voorspelling boven eigen P90"

// A dwarsverband (crossdesk.h): what rose together, per desk, in the zone's weeks.
struct CrossDeskPart {
  std::string subject;  // "meldingen zorgwekkend gedrag"
  double observed = 0, expected = 0;
};
struct CrossDeskFacts {
  std::string region;  // "wijk Hasseler Es (Hengelo)", "wijk … en de wijken ernaast (…)", "Hengelo"
  int weeks = 0;
  std::string from, to;
  std::vector<CrossDeskPart> parts;  // ≥ 2
  double observed = 0, expected = 0;
  double q_value = 1;
};
std::string CrossDeskExplanation(const CrossDeskFacts& facts);
std::string CrossDeskMethod();  // "ruimte-tijdscan (Neill)"
// Co-movement across wijken (comovement.h).
struct CoMovementFacts {
  std::string area;           // "Twente"
  std::string first, second;  // subjects
  int weeks = 0, wijken = 0;
  std::string from, to;
  double rho = 0, q_value = 1;
};
std::string CoMovementExplanation(const CoMovementFacts& facts);
std::string CoMovementMethod();  // "samenhang over wijken (permutatietoets)"
// A survey indicator worse than the previous wave or than Twente (waves.h).
struct WaveFacts {
  std::string region;   // "Hengelo"
  std::string subject;  // "eenzaam" (the indicator's title, lower case)
  bool against_twente = false;
  std::string wave, previous_wave;  // "2024", "2022"
  double value = 0, reference = 0;  // percentages: this wave, and the previous wave or Twente
  bool higher_is_worse = true;
  double q_value = 1;
};
std::string WaveExplanation(const WaveFacts& facts);
std::string WaveMethod(bool against_twente);
std::string WithNeighbours(std::string_view wijk_name, std::string_view gemeente_name);

// "Het totaal steeg mee: 18 meldingen, verwacht 1." (a total folded into its category's signal).
std::string TotalRoseToo(double observed, double expected);
// "In dezelfde periode steeg in Hengelo ook: a; b." (`others` non-empty).
std::string AlsoRose(std::string_view region, const std::vector<std::string>& others);

}  // namespace sz::signals::msg
