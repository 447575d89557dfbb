// Weekly counts of notifiable diseases per gemeente: expected counts from incidence, seasonality
// (a cosine peaking in the configured week) and trend, negative-binomial noise, plus injected
// outbreaks whose weeks and extra cases are written to the truth folder.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

#include "core/status.h"
#include "io/dialect.h"
#include "synth/internal/model.h"

namespace sz::synth::internal {

// Writes DIR/infectieziekten/infectieziekten.csv and DIR/truth/outbreaks.csv; adds to `rows` and
// fills `summary` with configured versus realised outbreak figures.
Status WriteInfections(const Model& model, const std::string& out_dir, const io::WriteDialect& dialect,
                       const io::WriteDialect& truth_dialect, int64_t& rows, int64_t& outbreak_rows, nlohmann::json& summary);

}  // namespace sz::synth::internal
