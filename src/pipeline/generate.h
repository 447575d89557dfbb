// Generate: the stage behind `samenzicht generate` — the synthetic Twente with its ground truth
// (synth/generator.h, docs/synthetic-twente.md), configured from the workspace: the generator's
// parameters from CONFIG/synthetic-twente.json unless `config_file` names another, the regions from
// the workspace's region table.
//
//   ASSIGN_OR_RETURN(synth::GenerationReport report,
//                    GenerateSynthetic(workspace, {.out_dir = "demo-out/desks", .seed = 2026}));
//
// Errors: kInvalidArgument for bad years, dialect or configuration; the generator's otherwise.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "core/status.h"
#include "pipeline/workspace.h"
#include "synth/generator.h"

namespace sz::pipeline {

struct GenerateRequest {
  std::string out_dir;
  uint64_t seed = 1;
  double scale = 1.0;
  std::string years = "2016-2025";  // "2016-2025" or "2024"
  std::string dialect = "dutch";    // dutch, dutch-cp1252, plain or tab (io/dialect.h)
  std::string config_file;          // "" for CONFIG/synthetic-twente.json
  std::function<void(const std::string&)> progress;
};

Result<synth::GenerationReport> GenerateSynthetic(Workspace& workspace, const GenerateRequest& request);

// The generator's parameters shipped in the configuration directory.
inline constexpr const char* kSynthConfigFile = "synthetic-twente.json";

}  // namespace sz::pipeline
