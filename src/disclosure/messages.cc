#include "disclosure/messages.h"

#include <cmath>
#include <cstdio>

namespace sz::disclosure::msg {
namespace {

std::string Num(double value) {
  if (std::isinf(value)) return value > 0 ? "oneindig" : "-oneindig";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.10g", value);
  std::string text = buffer;
  for (char& c : text) {
    if (c == '.') c = ',';  // Dutch decimal comma
  }
  return text;
}
std::string Int(long long value) { return std::to_string(value); }

}  // namespace

std::string NoValue() { return "geen waarde berekend"; }
std::string SmallCount(int min_count) {
  return "aantal kleiner dan " + Int(min_count) + " (1 tot en met " + Int(min_count - 1) + " wordt niet getoond)";
}
std::string SmallNumerator(int min_count) {
  return "teller kleiner dan " + Int(min_count) + " (1 tot en met " + Int(min_count - 1) + " wordt niet getoond)";
}
std::string SmallDenominator(int min_denominator) { return "noemer kleiner dan " + Int(min_denominator); }
std::string FewRespondents(int min_respondents) { return "minder dan " + Int(min_respondents) + " respondenten"; }
std::string RoundedWijk(int base) { return "afgerond op een veelvoud van " + Int(base) + " (wijkniveau)"; }
std::string HiddenWithRate(const std::string& rate_reason) {
  return "deze teller hoort ook bij een verhouding die niet getoond wordt (" + rate_reason + ")";
}
std::string FewEnded(int min_count) {
  return "mediaan over minder dan " + std::to_string(min_count) + " afgeronde registraties";
}
std::string SecondarySuppression(double min_width) {
  return "secundair onderdrukt: anders is een onderdrukte cel uit de andere cijfers af te leiden tot op minder "
         "dan " +
         Num(min_width);
}

std::string BadCellValue(size_t cell, double value) {
  return "cel " + Int(static_cast<long long>(cell)) + " heeft waarde " + Num(value) +
         "; een tabel voor openbaarmaking bevat alleen aantallen van 0 of meer";
}
std::string RelationUnknownCell(size_t relation, int cell) {
  return "optelrelatie " + Int(static_cast<long long>(relation)) + " noemt cel " + Int(cell) + ", die niet bestaat";
}
std::string RelationCellTwice(size_t relation, int cell) {
  return "optelrelatie " + Int(static_cast<long long>(relation)) + " noemt cel " + Int(cell) + " twee keer";
}
std::string KnowledgeSize(size_t given, size_t cells) {
  return "de controle kreeg " + Int(static_cast<long long>(given)) + " intervallen voor een tabel van " +
         Int(static_cast<long long>(cells)) + " cellen";
}
std::string AuditUnknownCell(int cell) { return "de controle vraagt naar cel " + Int(cell) + ", die niet bestaat"; }
std::string AuditInfeasible(int cell, int lp_status) {
  return "de controle van cel " + Int(cell) + " vond geen oplossing (Clp-status " + Int(lp_status) +
         "): wat gepubliceerd wordt, klopt niet met de optelrelaties van de tabel";
}
std::string ProtectSizes(size_t cells, size_t published, size_t primary, size_t cost) {
  return "secundaire onderdrukking kreeg " + Int(static_cast<long long>(published)) + " publicaties, " +
         Int(static_cast<long long>(primary)) + " primaire markeringen en " + Int(static_cast<long long>(cost)) +
         " kosten voor een tabel van " + Int(static_cast<long long>(cells)) + " cellen";
}
std::string CannotProtect(int cell, double lower, double upper, double min_width) {
  return "cel " + Int(cell) + " ligt na onderdrukking nog tussen " + Num(lower) + " en " + Num(upper) +
         " (minder dan " + Num(min_width) + " breed) en er is niets meer te onderdrukken";
}

}  // namespace sz::disclosure::msg
