// Reading config/openbaarmaking.toml: the primary rules of disclosure control per indicator kind
// (docs/disclosure.md). The file:
//
//   [standaard]                 # every kind, unless its own section says otherwise
//   min_aantal = 10             # counts of 1..min_aantal-1 are not shown
//   min_noemer = 50             # a rate with a smaller denominator is not shown
//   min_respondenten = 50       # a survey estimate with fewer respondents is not shown
//   afronden_wijk = 5           # counts at wijk level rounded to a multiple of this (1: not rounded)
//   fijnste_periode_wijk = "jaar"  # the shortest period published at wijk level: maand, kwartaal, jaar
//   min_breedte = 10            # the audit: every suppressed cell's interval at least this wide
//   [soort.enquete]             # per kind (verhouding, enquete, enquete_kloof_inkomen, gekoppeld,
//   min_respondenten = 100      # duur, voorspelling, levering): any key but min_breedte
//
// An indicator's own `openbaarmaking` table in the catalogue overrides its kind's, which overrides
// [standaard], which overrides the Dutch defaults above (which also hold when the file is absent).
//
//   ASSIGN_OR_RETURN(DisclosureConfig config, LoadDisclosureConfig(config_dir / "openbaarmaking.toml"));
//   DisclosureSettings rules = ResolveDisclosure(config, indicator);  // every field set
//
// Errors: kDataError naming file, line and column for bad TOML, unknown keys or kinds and values
// out of range (whole numbers 1..1,000,000; afronden_wijk may be 1). Thread safety: pure functions.
#pragma once

#include <filesystem>
#include <map>

#include "core/status.h"
#include "indicators/catalog.h"

namespace sz::indicators {

struct DisclosureConfig {
  DisclosureSettings defaults;                          // [standaard]; unset: the Dutch default
  std::map<IndicatorKind, DisclosureSettings> by_kind;  // [soort.NAME]
  int min_width = 10;                                   // min_breedte
};

// The config of the file; the defaults when it does not exist.
Result<DisclosureConfig> LoadDisclosureConfig(const std::filesystem::path& file);
// Reads a file's text (`file` names it in messages).
Result<DisclosureConfig> ParseDisclosureConfig(std::string_view text, const std::string& file);

// The settings that hold for `indicator`, every field set.
DisclosureSettings ResolveDisclosure(const DisclosureConfig& config, const Indicator& indicator);

}  // namespace sz::indicators
