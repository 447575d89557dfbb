// The command line's own texts, in Dutch: the help screen's words, usage errors (translated from
// the command-line library's English), and the words the command files print around a stage's
// report. One place for the whole command.
#pragma once

#include <string>
#include <string_view>

namespace sz::cli::msg {

// A usage error from the command-line library (its class name and English text) in Dutch.
std::string UsageError(std::string_view error_class, std::string_view english);
std::string SeeHelp();
std::string NotANumber(std::string_view text);
std::string NotInRange(std::string_view text, double min, double max);
std::string RangeDescription(double min, double max);
std::string Negative(std::string_view text);
std::string NotOneOf(std::string_view text, std::string_view values);

// Reading a password (user add, user passwd).
std::string NoPasswordGiven();
std::string PasswordFileAndGenerate();
std::string CannotReadPasswordFile(std::string_view path);
std::string EmptyPasswordFile(std::string_view path);
std::string PasswordsDiffer();

// Help texts shared by every command.
inline constexpr const char* kHelpFlag = "Toon deze hulp en stop";
inline constexpr const char* kVersionFlag = "Toon de versie en stop";
inline constexpr const char* kConfigDirHelp =
    "Configuratiemap (regio's, koppelschema, …); anders SAMENZICHT_CONFIG, de map naast het programma of de checkout";
inline constexpr const char* kDbHelp =
    "Opslag: een SQLite-bestand (aangemaakt als het ontbreekt), sqlite:PAD of memory:";
inline constexpr const char* kRegionsHelp = "Regiobestand (docs/regions.md); standaard dat van de configuratiemap";
inline constexpr const char* kDefault = "standaard";

// A number as Dutch readers write it: `decimals` decimals and a decimal comma ("0,969").
std::string Decimal(double value, int decimals);

}  // namespace sz::cli::msg
