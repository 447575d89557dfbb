#include "pipeline/generate.h"

#include "synth/config.h"

namespace sz::pipeline {

Result<synth::GenerationReport> GenerateSynthetic(Workspace& workspace, const GenerateRequest& request) {
  ASSIGN_OR_RETURN(auto years, synth::ParseYearRange(request.years));
  synth::GeneratorOptions generator;
  generator.out_dir = request.out_dir;
  generator.seed = request.seed;
  generator.scale = request.scale;
  generator.first_year = years.first;
  generator.last_year = years.second;
  generator.today = workspace.clock().Today();
  ASSIGN_OR_RETURN(generator.dialect, io::WriteDialect::Named(request.dialect));
  std::string config = request.config_file.empty() ? workspace.ConfigFile(kSynthConfigFile) : request.config_file;
  ASSIGN_OR_RETURN(generator.config, synth::LoadSynthConfig(config));
  ASSIGN_OR_RETURN(const RegionTable* regions, workspace.Regions());
  generator.progress = request.progress;
  return synth::Generate(generator, *regions);
}

}  // namespace sz::pipeline
