// The synthetic Twente's ground truth, read from a folder that `samenzicht generate` wrote
// (docs/synthetic-twente.md) — the one reader of it, for every stage and test that scores itself.
//
//   ASSIGN_OR_RETURN(TruePersons truth, ReadTruePersons("out/truth/persons.csv", keys));
//   ASSIGN_OR_RETURN(indicators::SynthTruth truth, ReadSynthTruth("out"));
//   ASSIGN_OR_RETURN(std::vector<TrueOutbreak> outbreaks, ReadOutbreakTruth("out"));
//
// Files: DIR/truth/persons.csv (the true person and household per betrokkene), households.csv (the
// household's wijk over time), vt_classificatie.csv (the true CBS class per VT registration),
// outbreaks.csv (the injected outbreaks), and the desks' own registraties.csv and betrokkenen.csv.
// Any dialect the generator writes (io/csv_reader.h). Columns are found by name.
// Errors: kNotFound for a missing file; kDataError for a missing column, a bad value (naming file and
// line) or an involvement the truth does not know (naming it). Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/period.h"
#include "core/status.h"
#include "indicators/truth_comparison.h"

namespace sz::pipeline {

// One involvement, by its key.
struct InvolvementKey {
  std::string_view source, record_id;
  int betrokkene_nr = 0;
};

// The true person and household of each involvement, in their order, as labels: equal labels, the same
// person (household). Labels are numbered 0, 1, … in the order the involvements first name them.
struct TruePersons {
  std::vector<uint32_t> person;
  std::vector<uint32_t> household;
};

// From PERSONS_CSV (truth/persons.csv: bron, registratie_id, betrokkene_nr, persoon_id, huishouden_id;
// the English names source, record_id, person_id, household_id are accepted too), streamed: besides the
// file's bytes it holds 16 bytes per involvement and one entry per distinct label. Rows that match no
// involvement are skipped; a key named twice takes its last row.
Result<TruePersons> ReadTruePersons(const std::string& persons_csv, std::span<const InvolvementKey> involvements);

// The desks' involvements with the true person and household ids, and the true VT classes.
Result<indicators::SynthTruth> ReadSynthTruth(const std::string& dir);
// Only DIR/truth/vt_classificatie.csv: enough to score a classification computed from linked ids
// (record ids survive pseudonymisation).
Result<std::vector<indicators::SynthTruthVt>> ReadVtClassificationTruth(const std::string& dir);

struct TrueOutbreak {
  std::string ziekte, gemeente;
  IsoWeek first, last;
  int64_t extra = 0;  // extra_gevallen
};
// DIR/truth/outbreaks.csv: ziekte, gemeente, eerste_week, laatste_week, and extra_gevallen when present
// (0 otherwise).
Result<std::vector<TrueOutbreak>> ReadOutbreakTruth(const std::string& dir);

struct TrueCrossDeskCluster {
  std::string gemeente, wijk;
  std::vector<std::string> sources;  // bronnen, split at '+'
  IsoWeek first, last;
  int64_t extra = 0;
};
// DIR/truth/dwarsverbanden.csv: gemeente, wijk, bronnen (joined with '+'), eerste_week, laatste_week,
// extra_meldingen.
Result<std::vector<TrueCrossDeskCluster>> ReadCrossDeskTruth(const std::string& dir);

}  // namespace sz::pipeline
