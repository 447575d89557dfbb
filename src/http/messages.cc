#include "http/messages.h"

#include "core/messages.h"

namespace sz::http::msg {
namespace {

std::string Detail(std::string_view detail) { return " (" + std::string(detail) + ")"; }

}  // namespace

std::string QueryParameter(std::string_view decoded_name) { return "queryparameter " + QuoteValue(decoded_name, 40); }
std::string QueryParameterAt(size_t position) { return "queryparameter nr. " + std::to_string(position); }
std::string Path() { return "het pad"; }

std::string BadPercentEscape(std::string_view where) {
  return std::string(where) +
         " bevat een ongeldige procentcodering (verwacht % gevolgd door twee hexadecimale cijfers)";
}
std::string NulByte(std::string_view where) { return std::string(where) + " bevat een NUL-teken"; }
std::string ControlCharacter(std::string_view where) { return std::string(where) + " bevat een stuurteken"; }
std::string NotUtf8(std::string_view where) { return std::string(where) + " is na decodering geen geldige UTF-8"; }
std::string TooManyParameters(size_t maximum) {
  return "te veel queryparameters (hoogstens " + std::to_string(maximum) + ")";
}
std::string ParameterWithoutName(size_t position) { return QueryParameterAt(position) + " heeft geen naam"; }
std::string NameTooLong(size_t position, size_t maximum) {
  return "de naam van " + QueryParameterAt(position) + " is te lang (hoogstens " + std::to_string(maximum) + " bytes)";
}
std::string ValueTooLong(std::string_view where, size_t maximum) {
  return "de waarde van " + std::string(where) + " is te lang (hoogstens " + std::to_string(maximum) + " bytes)";
}

std::string BadRequest() { return "ongeldig verzoek"; }
std::string BadRequest(std::string_view reason) { return "ongeldig verzoek: " + std::string(reason); }
std::string TargetNotAPath() { return "ongeldig verzoek: het doel moet een pad zijn dat met '/' begint"; }
std::string IncompleteRequest() { return "ongeldig verzoek: het verzoek is onvolledig"; }
std::string HeaderTooLarge(size_t maximum) {
  return "de kopregels van het verzoek zijn te groot (hoogstens " + std::to_string(maximum) + " bytes)";
}
std::string BodyTooLarge(size_t maximum) {
  return "de inhoud van het verzoek is te groot (hoogstens " + std::to_string(maximum) + " bytes)";
}
std::string RequestTimeout() { return "het verzoek kwam niet op tijd volledig binnen"; }
std::string InternalError() { return "interne fout in de server; probeer het later opnieuw"; }
std::string ShuttingDown() { return "de server wordt gestopt; probeer het later opnieuw"; }

std::string BadHost(std::string_view host) {
  return QuoteValue(host) + " is geen IP-adres om op te luisteren (gebruik bijvoorbeeld 127.0.0.1, ::1 of 0.0.0.0)";
}
std::string CannotListen(std::string_view host, uint16_t port, std::string_view detail) {
  return "kan niet luisteren op " + std::string(host) + " poort " + std::to_string(port) + Detail(detail);
}
std::string BadThreadCount(int threads) {
  return "het aantal threads van de server moet tussen 1 en 256 liggen, niet " + std::to_string(threads);
}
std::string BadLimit(std::string_view name) { return "ongeldige serverlimiet " + std::string(name); }

std::string NotFound() { return "niet gevonden"; }
std::string BadStaticPath() { return "ongeldig pad"; }
std::string CannotReadFile() { return "het bestand kan niet worden gelezen"; }

}  // namespace sz::http::msg
