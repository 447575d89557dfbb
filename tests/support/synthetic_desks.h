// Test helper: a generated synthetic Twente as the desks deliver it — `synth::Generate` into DIR/desks,
// one desk key (drawn from the seed) in DIR/desk.key, and each desk's pseudonymised extract in DIR/SOURCE.csv — for the
// tests that run the platform's stages on it (link, run). Returns the first failure, naming the step.
#pragma once

#include <cstdint>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/region.h"
#include "core/status.h"
#include "pipeline/link.h"
#include "pipeline/pseudonymise.h"
#include "pipeline/workspace.h"
#include "privacy/key.h"
#include "synth/generator.h"

namespace sz::testing {

struct SyntheticDesks {
  std::string dir;
  uint64_t seed = 1;
  double scale = 0.03;
  int first_year = 2022, last_year = 2024;
};

// Pseudonymises the generated desks of `spec` (GenerateAndPseudonymise made them) again into
// OUT_DIR/SOURCE.csv, with the same key; with field_encodings the extracts carry column veldcodering.
inline Status PseudonymiseDesks(const SyntheticDesks& spec, const RegionTable& regions, const Clock& clock,
                                const std::string& config_dir, const std::string& out_dir, bool field_encodings) {
  std::filesystem::create_directories(out_dir);
  for (const std::string& source : pipeline::DeskSources()) {
    pipeline::PseudonymiseRequest request{.source = source,
                                          .records_file = spec.dir + "/desks/" + source + "/registraties.csv",
                                          .persons_file = spec.dir + "/desks/" + source + "/betrokkenen.csv",
                                          .postcode_file = spec.dir + "/desks/postcodes.csv",
                                          .key_file = spec.dir + "/desk.key",
                                          .output_file = out_dir + "/" + source + ".csv",
                                          .field_encodings = field_encodings};
    pipeline::Workspace desk = pipeline::Workspace::Borrowing(nullptr, &regions, clock, config_dir);
    RETURN_IF_ERROR(pipeline::Pseudonymise(desk, request).status().WithContext(source));
  }
  return Status::Ok();
}

inline Status GenerateAndPseudonymise(const SyntheticDesks& spec, const RegionTable& regions, const Clock& clock,
                                      const std::string& config_dir) {
  synth::GeneratorOptions options;
  options.out_dir = spec.dir + "/desks";
  options.seed = spec.seed;
  options.scale = spec.scale;
  options.first_year = spec.first_year;
  options.last_year = spec.last_year;
  ASSIGN_OR_RETURN(options.config, synth::LoadSynthConfig(config_dir + "/synthetic-twente.json"));
  options.today = clock.Today();
  RETURN_IF_ERROR(synth::Generate(options, regions).status().WithContext("generate"));
  // A key drawn from the seed, so that the same spec gives the same extracts, linkage and figures in
  // every test process (a desk's real key is random: `samenzicht keygen`).
  std::mt19937_64 key_random(spec.seed * 0x9E3779B97F4A7C15ull + 1);
  std::vector<uint8_t> key_bytes(privacy::Key::kSize);
  for (uint8_t& byte : key_bytes) byte = static_cast<uint8_t>(key_random() >> 56);
  ASSIGN_OR_RETURN(privacy::Key key, privacy::Key::FromBytes(key_bytes));
  RETURN_IF_ERROR(key.WriteFile(spec.dir + "/desk.key"));
  return PseudonymiseDesks(spec, regions, clock, config_dir, spec.dir, /*field_encodings=*/false);
}

}  // namespace sz::testing
