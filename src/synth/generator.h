// The synthetic Twente generator (issue 3): identified desk exports, health-monitor waves, population
// tables, weekly infectious-disease counts, a postcode table, and the ground truth behind all of it.
//
//   GeneratorOptions options;
//   options.out_dir = "out/synth";
//   options.seed = 42;
//   options.scale = 0.05;
//   options.first_year = 2023; options.last_year = 2024;
//   ASSIGN_OR_RETURN(options.config, LoadSynthConfig("config/synthetic-twente.json"));
//   ASSIGN_OR_RETURN(GenerationReport report, Generate(options, regions));
//
// Output layout (docs/synthetic-twente.md):
//   DIR/<desk>/registraties.csv, DIR/<desk>/betrokkenen.csv    six desk sources, chosen dialect
//   DIR/gezondheidsmonitor/monitor-YYYY.csv and .sav            per wave within the years
//   DIR/bevolking/bevolking.csv                                 1 January per year, gemeente and wijk
//   DIR/infectieziekten/infectieziekten.csv                     ISO week × gemeente × disease
//   DIR/postcodes.csv                                           postcode;gemeente;wijk;buurt
//   DIR/regio-indeling.csv                                      the region table used (> 1: with synthetic gemeenten)
//   DIR/truth/persons.csv, households.csv, outbreaks.csv, dwarsverbanden.csv, vt_classificatie.csv, summary.json
//
// Determinism: the same options (seed, scale, years, dialect, configuration, region table) give the
// same bytes; nothing depends on the clock except that no date after `today` is written.
// Memory: households are simulated in chunks of `config.chunk_households`; only survey respondents
// and aggregate counts outlive a chunk. Errors: kInvalidArgument for bad options/configuration,
// kDataError for a region table that lacks the configured gemeenten, kIoError for file problems.
// Thread safety: Generate is reentrant (no global state).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "core/date.h"
#include "core/region.h"
#include "core/status.h"
#include "io/dialect.h"
#include "synth/config.h"

namespace sz::synth {

struct GeneratorOptions {
  std::string out_dir;
  uint64_t seed = 1;
  double scale = 1.0;  // 1 = Twente (639,000); ≤ 1 scales each gemeente; > 1 a synthetic Netherlands (Twente +
                       // synthetic gemeenten, internal/netherlands.h); 28 ≈ the Netherlands
  int first_year = 2016;
  int last_year = 2025;
  io::WriteDialect dialect = io::WriteDialect::DutchExcel();  // desk exports, monitor, bevolking, infectieziekten
  SynthConfig config;
  std::optional<Date> today;                         // no date after this is written; default: the system clock's today
  std::function<void(const std::string&)> progress;  // optional progress lines
};

struct GenerationReport {
  Date end_date;                                 // min(31 December of last_year, today)
  int64_t persons = 0;                           // persons simulated (incl. births)
  int64_t rows_written = 0;                      // data rows over all files
  std::map<std::string, int64_t> rows_per_file;  // relative path → data rows
};

// Writes the whole synthetic Twente into options.out_dir (created if missing; existing files with the
// same names are replaced).
Result<GenerationReport> Generate(const GeneratorOptions& options, const RegionTable& regions);

// Parses "2016-2025" or "2024" into (first, last). kInvalidArgument otherwise.
Result<std::pair<int, int>> ParseYearRange(std::string_view text);

}  // namespace sz::synth
