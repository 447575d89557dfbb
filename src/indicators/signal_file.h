// Reading config/signalen.toml: the settings of the signal stage (docs/signals.md). The file:
//
//   fdr_q = 0.05            # Benjamini–Hochberg level over every test of a run (0 < q < 1)
//   venster_weken = 4       # weekly series: the latest weeks each run tests
//   venster_maanden = 2     # monthly series: the latest months each run tests
//   max_tussenruimte = 1    # quiet periods allowed inside one signal (0..4)
//   [capaciteit]            # belasting: reports per week a desk can handle, per source (Twente)
//   veilig_thuis = 200      # a source without one is held against its own 90th percentile
//
// Every key is optional (the values above are the defaults, which also hold when the file is absent).
// The method per indicator is the catalogue's `signaalmethode`.
//
//   ASSIGN_OR_RETURN(SignalConfig config, LoadSignalConfig(config_dir / "signalen.toml"));
//
// Errors: kDataError naming file, line and column for bad TOML, unknown keys and values out of range.
// Thread safety: pure functions.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "core/status.h"

namespace sz::indicators {

struct SignalConfig {
  double fdr_q = 0.05;
  int window_weeks = 4;
  int window_months = 2;
  int max_gap = 1;
  std::map<std::string, double> capacity;  // [capaciteit]: source → reports per week (> 0)
};

Result<SignalConfig> LoadSignalConfig(const std::filesystem::path& file);
Result<SignalConfig> ParseSignalConfig(std::string_view text, const std::string& file);

}  // namespace sz::indicators
