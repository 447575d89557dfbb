// samenzicht generate: writes a synthetic Twente with ground truth (pipeline/generate.h,
// docs/synthetic-twente.md).
#include <unistd.h>

#include <iostream>
#include <memory>

#include "cli/command.h"
#include "pipeline/generate.h"

namespace sz::cli {
namespace {

struct GenerateOptions {
  pipeline::WorkspaceOptions workspace;
  pipeline::GenerateRequest request;
};

Status RunGenerate(GenerateOptions& options) {
  ASSIGN_OR_RETURN(pipeline::Workspace workspace, pipeline::Workspace::Open(options.workspace));
  if (isatty(STDERR_FILENO)) {
    options.request.progress = [](const std::string& line) { std::cerr << "\r" << line << "   " << std::flush; };
  }
  ASSIGN_OR_RETURN(synth::GenerationReport report, pipeline::GenerateSynthetic(workspace, options.request));
  if (options.request.progress) std::cerr << "\n";
  // Above scale 1 the generator makes a synthetic Netherlands (synth/internal/netherlands.h).
  std::cout << (options.request.scale > 1 ? "synthetisch Nederland" : "synthetisch Twente") << " geschreven naar "
            << options.request.out_dir << " (tot en met " << report.end_date.ToIso() << ")\n";
  for (const auto& [file, rows] : report.rows_per_file) std::cout << "  " << file << ": " << rows << " regels\n";
  std::cout << "personen gesimuleerd: " << report.persons << "; regels totaal: " << report.rows_written << "\n";
  return Status::Ok();
}

void AddGenerateCommand(Commands& commands) {
  auto options = std::make_shared<GenerateOptions>();
  Command cmd =
      commands.Add("generate", "Genereer een synthetisch Twente met grondwaarheid (docs/synthetic-twente.md)");
  cmd.AddWorkspaceOptions(options->workspace, WorkspaceUse::kRegions);
  auto& request = options->request;
  cmd.Add("--out", request.out_dir, "Uitvoermap").Required();
  cmd.Add("--seed", request.seed, "Startwaarde van de toevalsgenerator (zelfde seed: zelfde bytes)").ShowDefault();
  cmd.Add("--scale", request.scale, "Schaal: 1 = Twente (639.000), 28 ≈ Nederland").ShowDefault();
  cmd.Add("--years", request.years, "Jaren, bijvoorbeeld 2016-2025 of 2024").ShowDefault();
  cmd.Add("--dialect", request.dialect, "CSV-dialect: dutch, dutch-cp1252, plain of tab").ShowDefault();
  cmd.Add("--config", request.config_file, "Parameterbestand (standaard synthetic-twente.json van de configuratiemap)");
  cmd.Run([options] { return RunGenerate(*options); });
}
SZ_REGISTER_COMMAND(AddGenerateCommand);

}  // namespace
}  // namespace sz::cli
