#include "cli/messages.h"

#include <charconv>
#include <cstdio>
#include <regex>

namespace sz::cli::msg {
namespace {

std::string Number(double value) {
  char buffer[32];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return error == std::errc() ? std::string(buffer, end) : std::string();
}

}  // namespace

std::string UsageError(std::string_view error_class, std::string_view english) {
  const std::string text(english);
  std::smatch match;
  if (error_class == "RequiredError") {
    if (text == "A subcommand is required") return "geef een opdracht; `samenzicht --help` toont ze";
    if (std::regex_match(text, match, std::regex("(.*) is required"))) return match[1].str() + " is verplicht";
  }
  if (error_class == "ExtrasError" &&
      std::regex_match(text, match, std::regex("The following arguments? (?:was|were) not expected: (.*)"))) {
    return "onverwacht(e) argument(en): " + match[1].str();
  }
  if (error_class == "ConversionError") {
    if (std::regex_match(text, match, std::regex("The value (.*) is not an allowed value for (.*)"))) {
      return match[2].str() + ": '" + match[1].str() + "' is geen toegestane waarde";
    }
    if (std::regex_match(text, match, std::regex("Could not convert: (.*) = (.*)"))) {
      return match[1].str() + ": '" + match[2].str() + "' is geen geldige waarde (verwacht een getal)";
    }
    if (std::regex_match(text, match, std::regex("(.*): too many inputs for a flag"))) {
      return match[1].str() + " is een vlag en krijgt geen waarde";
    }
  }
  if (error_class == "ArgumentMismatch") {
    if (std::regex_match(text, match, std::regex("(.*): \\d+ required .* missing"))) {
      return match[1].str() + " verwacht een waarde";
    }
    if (std::regex_match(text, match,
                         std::regex("Expected (?:exactly|at least) (\\d+) arguments to (.*), got (\\d+)"))) {
      return match[2].str() + " verwacht " + match[1].str() + " waarde(n), kreeg er " + match[3].str();
    }
  }
  if (error_class == "RequiresError" && std::regex_match(text, match, std::regex("(.*) requires (.*)"))) {
    return match[1].str() + " vereist " + match[2].str();
  }
  if (error_class == "ExcludesError" && std::regex_match(text, match, std::regex("(.*) excludes (.*)"))) {
    return match[1].str() + " kan niet samen met " + match[2].str();
  }
  if (error_class == "ValidationError") return text;  // our validators' texts are Dutch already
  if (error_class == "FileError" &&
      std::regex_match(text, match, std::regex("(.*) was not readable \\(missing\\?\\)"))) {
    return match[1].str() + " is niet leesbaar (ontbreekt het?)";
  }
  return "ongeldige opdrachtregel: " + text;
}

std::string SeeHelp() { return "Gebruik --help voor meer informatie."; }
std::string NotANumber(std::string_view text) { return "'" + std::string(text) + "' is geen getal"; }
std::string NotInRange(std::string_view text, double min, double max) {
  return "'" + std::string(text) + "' ligt niet tussen " + Number(min) + " en " + Number(max);
}
std::string RangeDescription(double min, double max) { return "tussen " + Number(min) + " en " + Number(max); }
std::string Negative(std::string_view text) { return "'" + std::string(text) + "' mag niet negatief zijn"; }
std::string NotOneOf(std::string_view text, std::string_view values) {
  return "'" + std::string(text) + "' is geen van: " + std::string(values);
}

std::string NoPasswordGiven() {
  return "geen wachtwoord ontvangen: geef het op de standaardinvoer, met --wachtwoord-bestand of laat het maken met "
         "--genereer";
}
std::string PasswordFileAndGenerate() { return "geef --wachtwoord-bestand of --genereer, niet allebei"; }
std::string CannotReadPasswordFile(std::string_view path) {
  return "kan het wachtwoordbestand " + std::string(path) + " niet lezen";
}
std::string EmptyPasswordFile(std::string_view path) {
  return "het wachtwoordbestand " + std::string(path) + " is leeg: zet het wachtwoord op de eerste regel";
}
std::string PasswordsDiffer() { return "de twee wachtwoorden verschillen; probeer het opnieuw"; }

std::string Decimal(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  std::string out = buffer;
  for (char& c : out)
    if (c == '.') c = ',';
  return out;
}

}  // namespace sz::cli::msg
