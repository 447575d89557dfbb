#include "server/messages.h"

namespace sz::server::msg {
namespace {

// A name from the request, cut to a readable length.
std::string Quoted(std::string_view text) {
  constexpr size_t kMax = 64;
  return "'" + std::string(text.substr(0, kMax)) + (text.size() > kMax ? "…" : "") + "'";
}

}  // namespace

std::string UnknownPath() { return "onbekend adres; docs/api.md beschrijft de API"; }
std::string MethodNotAllowed(std::string_view allowed) {
  return "deze methode kan hier niet; gebruik " + std::string(allowed);
}
std::string NotLoggedIn() { return "niet ingelogd, of de sessie is verlopen: log (opnieuw) in"; }
std::string CsrfMissing() {
  return "de kopregel X-CSRF-Token ontbreekt of klopt niet: gebruik het csrf_token van het inloggen of van GET /api/ik";
}
std::string RoleGone() { return "de rol van dit account bestaat niet meer; vraag de beheerder"; }
std::string JsonBodyNeeded() { return "stuur een JSON-body met Content-Type: application/json"; }
std::string LoginBody() {
  return "stuur {\"gebruikersnaam\": \"…\", \"wachtwoord\": \"…\"} als JSON-body, beide als tekst";
}
std::string WrongLogin() { return "gebruikersnaam of wachtwoord onjuist"; }
std::string TooManyAttempts(int64_t minutes) {
  return "te veel mislukte pogingen om in te loggen; probeer het over " + std::to_string(minutes) + " minuten opnieuw";
}
std::string StoreUnavailable() { return "de opslag is nu niet bereikbaar; probeer het zo opnieuw"; }
std::string InternalError() { return "er ging iets mis op de server; de beheerder kan het in het log nazien"; }
std::string AuditFailed() {
  return "het auditlog kon niet worden bijgewerkt, dus het antwoord wordt niet gegeven; probeer het opnieuw";
}

std::string UnknownParameter(std::string_view name, std::initializer_list<std::string_view> known) {
  std::string list;
  for (std::string_view k : known) list += (list.empty() ? "" : ", ") + std::string(k);
  return "onbekende parameter " + Quoted(name) +
         (list.empty() ? ": dit adres kent geen parameters" : "; bekend: " + list);
}
std::string RepeatedParameter(std::string_view name) {
  return "parameter " + Quoted(name) + " komt meer dan eens voor; geef hem eenmaal";
}
std::string MissingParameter(std::string_view name) { return "parameter " + std::string(name) + " ontbreekt"; }
std::string BadParameter(std::string_view name, std::string_view example) {
  return "parameter " + std::string(name) + " heeft geen geldige waarde; bijvoorbeeld " + std::string(example);
}
std::string UnknownIndicator(std::string_view id) {
  return "onbekende indicator " + Quoted(id) + "; GET /api/indicatoren toont ze";
}
std::string UnknownRegion(std::string_view parameter, std::string_view code) {
  return "parameter " + std::string(parameter) + ": onbekende regio " + Quoted(code) + "; GET /api/regios toont ze";
}
std::string UnknownField(std::string_view name) { return "onbekend veld " + Quoted(name) + " in de JSON-body"; }
std::string NoteTooLong(size_t max_bytes) {
  return "de notitie is te lang: hoogstens " + std::to_string(max_bytes) + " bytes";
}
std::string TriageBody() {
  return "stuur {\"status\": \"besproken\", \"notitie\": \"…\"} als JSON-body; status is nieuw, besproken, "
         "geagendeerd of afgesloten";
}

std::string AdminSeesNoFigures() { return "de beheerder ziet geen cijfers; log in met een account met een andere rol"; }
std::string AuditForAdminOnly() { return "alleen de beheerder ziet het auditlog"; }
std::string ForAdminOnly() { return "alleen de beheerder ziet de accounts en de sleutels"; }
std::string NoSignalsForRole() { return "signalen zijn er voor de analisten en de meldpunten"; }
std::string OtherDesksSignal() { return "dit signaal gaat niet over uw meldpunt"; }
std::string PublicSeesNoWijken() { return "openbaar zijn alleen Twente en de gemeenten, geen wijken"; }
std::string OtherGemeentesWijken(std::string_view gemeente) {
  return "u ziet alleen de wijken van uw eigen gemeente, niet die van " + std::string(gemeente);
}
std::string OtherDesksWijken(std::string_view indicator) {
  return "indicator " + std::string(indicator) +
         " is op wijkniveau alleen voor het eigen meldpunt; vraag gemeenteniveau";
}

std::string BoundariesUnreadable(std::string_view file) {
  return std::string(file) + ": het bestand met wijkgrenzen is niet te lezen; controleer het pad en de rechten";
}
std::string BoundariesNotJson(std::string_view file, size_t byte) {
  return std::string(file) + ": geen geldige JSON (bij byte " + std::to_string(byte) +
         "); geef een TopoJSON-bestand met de wijkgrenzen van CBS";
}
std::string BoundariesNotTopology(std::string_view file) {
  return std::string(file) +
         ": geen TopoJSON-topologie met een GeometryCollection en arcs; geef een bestand in het formaat van "
         "gemeente_2024.topojson (CBS via PDOK, cartomap/nl), met wijken";
}
std::string BoundariesBadGeometry(std::string_view file) {
  return std::string(file) + ": een wijk heeft geen geldige arcs (lijsten van boognummers per ring)";
}
std::string BoundariesArcOutOfRange(std::string_view file, int64_t index) {
  return std::string(file) + ": boognummer " + std::to_string(index) +
         " bestaat niet in arcs; het bestand is beschadigd of onvolledig";
}
std::string BoundariesNoWijk(std::string_view file) {
  return std::string(file) +
         ": geen enkele grens hoort bij een wijk van de regio; elke wijk heeft de property statcode met de "
         "wijkcode (bijvoorbeeld WK015300)";
}

}  // namespace sz::server::msg
