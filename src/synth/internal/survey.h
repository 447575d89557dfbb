// The Gezondheidsmonitor: a stratified sample (gemeente × age stratum) drawn on each wave's fieldwork
// day from the simulated population, response by age and income, item values from logistic models
// whose intercepts are calibrated to the configured Twente prevalence of the wave, design weights
// N_h / n_h (stratum population over respondents). Written as CSV and SPSS .sav per wave.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

#include "core/status.h"
#include "io/dialect.h"
#include "synth/internal/chunk.h"

namespace sz::synth::internal {

// Inclusion probabilities and item intercepts (model.params). Call after PrepareParams.
Status PrepareSurvey(Model& model);
// Draws the sample of wave `wave_index` among the chunk's persons alive on `day`.
void SurveyChunk(Model& model, Chunk& chunk, int wave_index, int32_t day);
// Writes DIR/gezondheidsmonitor/monitor-YYYY.csv and .sav for every wave with respondents.
Status WriteSurvey(const Model& model, const std::string& out_dir, const io::WriteDialect& dialect, int64_t& rows);
// Configured versus realised figures per wave (for truth/summary.json).
nlohmann::json SurveySummary(const Model& model);

}  // namespace sz::synth::internal
