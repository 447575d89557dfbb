#include "signals/messages.h"

#include <cmath>
#include <cstdio>

namespace sz::signals::msg {

std::string HistoryTooShort(int periods) {
  return "te weinig voorgeschiedenis om te toetsen (" + std::to_string(periods) +
         " periodes; EARS C2 vraagt er minstens 10, farringtonFlexible 3 jaar)";
}

std::string TooSparse(int non_zero) {
  return "te weinig meldingen in de voorgeschiedenis om te toetsen (" + std::to_string(non_zero) +
         " periodes met een melding; minstens 5 nodig)";
}

std::string BackToNew() { return "een signaal kan niet terug naar 'nieuw'; kies besproken, geagendeerd of afgesloten"; }

std::string SameStatusWithoutNote(std::string_view status) {
  return "het signaal heeft al status '" + std::string(status) + "'; geef een andere status of een notitie (--note)";
}

std::string ScanBadInput() {
  return "de ruimte-tijdscan kreeg invoer die niet klopt (aantallen, verwachtingen en zones moeten bij de "
         "gebieden, stromen en weken passen en niet negatief zijn)";
}

std::string ScanHistoryTooShort(int needed, int have) {
  return "te weinig weken voor de ruimte-tijdscan (" + std::to_string(have) + " weken; minstens " +
         std::to_string(needed) + " nodig: de scanperiode en een jaar ervoor)";
}

std::string CoMovementTooFewWijken(int wijken) {
  return "te weinig wijken met een verwachting om samenhang te toetsen (" + std::to_string(wijken) +
         "; minstens 8 nodig)";
}

std::string CoMovementConstant() { return "de afwijkingen zijn in alle wijken gelijk: geen samenhang te toetsen"; }

std::string WaveEstimateUnusable() {
  return "een schatting zonder bruikbaar interval (ontbreekt, of ligt op 0% of 100%) kan niet worden getoetst";
}

std::string Number(double value, int decimals) {
  if (std::isnan(value)) return "onbekend";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  std::string out = buffer;
  if (out.find('.') != std::string::npos) {
    while (!out.empty() && out.back() == '0') out.pop_back();
    if (!out.empty() && out.back() == '.') out.pop_back();
  }
  for (char& c : out)
    if (c == '.') c = ',';
  if (out == "-0") out = "0";
  // A positive value that rounds to 0 is not nothing ("verwacht 0" for 0.04 expected reports).
  if (out == "0" && value > 0) {
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::pow(10.0, -decimals));
    out = std::string("minder dan ") + buffer;
    for (char& c : out)
      if (c == '.') c = ',';
  }
  return out;
}

std::string Probability(double value) {
  if (std::isnan(value)) return "onbekend";
  if (value < 0.0001) return "< 0,0001";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.2g", value);
  std::string out = buffer;
  if (out.find('e') != std::string::npos) {
    std::snprintf(buffer, sizeof buffer, "%.6f", value);
    out = buffer;
    while (out.back() == '0') out.pop_back();
  }
  for (char& c : out)
    if (c == '.') c = ',';
  return out;
}

std::string SeriesExplanation(const SeriesFacts& f) {
  std::string when;
  const std::string unit = f.weekly ? (f.periods == 1 ? "week" : "weken") : (f.periods == 1 ? "maand" : "maanden");
  if (f.from == f.to) {
    when = "in " + std::string(f.weekly ? "week " : "") + f.from;
  } else {
    when = "in " + std::to_string(f.periods) + " " + unit + " (" + f.from + " t/m " + f.to + ")";
  }
  std::string out = "In " + f.region + " kwamen " + when + " " + Number(f.observed, 0) + " " + f.subject;
  if (!f.category.empty()) out += " (" + f.category + ")";
  out += " binnen, verwacht " + Number(f.expected) + "; de drempel was " + Number(f.threshold) + " (" + f.method +
         ", q " + (f.q_value < 0.0001 ? "" : "= ") + Probability(f.q_value) + ").";
  return out;
}

std::string LoadExplanation(const LoadFacts& f) {
  const std::string when = f.from == f.to
                               ? "in week " + f.from
                               : "in " + std::to_string(f.weeks) + " weken (" + f.from + " t/m " + f.to + ")";
  std::string out = "Bij " + f.desk + " komen in " + f.region + " volgens de voorspelling " + when + " tot " +
                    Number(f.peak, 0) + " meldingen per week binnen, boven ";
  out += f.capacity ? "de capaciteit van " + Number(f.threshold) + " per week"
                    : "het eigen 90e percentiel van de afgelopen twee jaar (" + Number(f.threshold) + " per week)";
  return out + "; in de laatste volledige week waren het er " + Number(f.last_week, 0) + ".";
}

std::string LoadMethod(bool capacity) {
  return capacity ? "voorspelling boven capaciteit" : "voorspelling boven eigen P90";
}

std::string CrossDeskExplanation(const CrossDeskFacts& f) {
  const std::string when = f.from == f.to
                               ? "in week " + f.from
                               : "in " + std::to_string(f.weeks) + " weken (" + f.from + " t/m " + f.to + ")";
  std::string together;
  for (size_t i = 0; i < f.parts.size(); ++i) {
    together += (i == 0 ? "" : i + 1 == f.parts.size() ? " en " : ", ") + f.parts[i].subject;
  }
  std::string out = "In " + f.region + " stegen " + when + " " + together + " samen: " + Number(f.observed, 0) +
                    " meldingen, verwacht " + Number(f.expected) + " (";
  for (size_t i = 0; i < f.parts.size(); ++i) {
    out += (i ? "; " : "") + f.parts[i].subject + " " + Number(f.parts[i].observed, 0) + ", verwacht " +
           Number(f.parts[i].expected);
  }
  return out + "). Methode: " + CrossDeskMethod() + " over wijken, 1 tot 13 weken en twee of meer meldpunten; q " +
         (f.q_value < 0.0001 ? "" : "= ") + Probability(f.q_value) + ".";
}

std::string CrossDeskMethod() { return "ruimte-tijdscan (Neill)"; }

std::string CoMovementExplanation(const CoMovementFacts& f) {
  return "In de wijken van " + f.area + " gingen in " + std::to_string(f.weeks) + " weken (" + f.from + " t/m " + f.to +
         ") " + f.first + " en " + f.second +
         " samen op: waar het ene boven de verwachting lag, lag het andere dat vaak ook (rangcorrelatie " +
         Number(f.rho, 2) + " over " + std::to_string(f.wijken) + " wijken). Methode: " + CoMovementMethod() + "; q " +
         (f.q_value < 0.0001 ? "" : "= ") + Probability(f.q_value) + ".";
}

std::string CoMovementMethod() { return "samenhang over wijken (permutatietoets)"; }

std::string WaveExplanation(const WaveFacts& f) {
  const std::string worse = f.higher_is_worse ? "hoger" : "lager";
  std::string out = "In " + f.region + " was " + f.subject + " in de gezondheidsmonitor van " + f.wave + " " +
                    Number(f.value) + "%, ";
  out += f.against_twente ? worse + " dan in heel Twente (" + Number(f.reference) + "%)"
                          : worse + " dan in " + f.previous_wave + " (" + Number(f.reference) + "%)";
  return out + ". Methode: " + WaveMethod(f.against_twente) + "; q " + (f.q_value < 0.0001 ? "" : "= ") +
         Probability(f.q_value) + ".";
}

std::string WaveMethod(bool against_twente) {
  return against_twente ? "verschil met Twente naar het steekproefontwerp"
                        : "verandering tussen golven naar het steekproefontwerp";
}

std::string WithNeighbours(std::string_view wijk_name, std::string_view gemeente_name) {
  return "wijk " + std::string(wijk_name) + " en de wijken ernaast (" + std::string(gemeente_name) + ")";
}

std::string TotalRoseToo(double observed, double expected) {
  return "Het totaal steeg mee: " + Number(observed, 0) + " meldingen, verwacht " + Number(expected) + ".";
}

std::string AlsoRose(std::string_view region, const std::vector<std::string>& others) {
  std::string out = "In dezelfde periode steeg in " + std::string(region) + " ook: ";
  for (size_t i = 0; i < others.size(); ++i) out += (i ? "; " : "") + others[i];
  return out + ".";
}

}  // namespace sz::signals::msg
