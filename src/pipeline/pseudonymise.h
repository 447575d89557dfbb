// Pseudonymise: what a desk runs on its identified export before anything leaves the desk.
//
// Reads the desk's records file (registraties) and persons-involved file (betrokkenen) in any dialect
// ingest accepts, validates both against the source contract's `records` and `persons` tables,
// joins them, and writes the extract (the contract's `extract` table): one row per person per record,
// record fields carried over, identities replaced by keyed pseudonyms and a CLK (privacy module) and,
// when asked, keyed field-level encodings,
// the address coarsened to wijk and buurt through a postcode table, the birth date reduced to birth
// year and age at the event date, free text dropped.
//
//   PseudonymiseRequest request{.source = "veilig_thuis", .records_file = "registraties.csv",
//                               .persons_file = "betrokkenen.csv", .postcode_file = "postcodes.csv",
//                               .key_file = "desk.key", .output_file = "extract.csv"};
//   ASSIGN_OR_RETURN(PseudonymiseReport report, Pseudonymise(workspace, request));
//
// The workspace gives the region table, the clock and the linkage schema (CONFIG/linkage-schema.json
// unless the request names another); no store is opened: this runs at the desk. Without a
// postcode_file, postcodes.csv beside the records file or one folder up is used (where `samenzicht
// generate` writes it); without either, kInvalidArgument.
//
// The extract starts with header lines stating the format, source, contract version, key
// fingerprint, CLK schema (name and SHA-256) and counts. Rows that cannot be used (invalid dates,
// persons without a record, records without persons, …) are written to OUTPUT.rejects.csv beside the
// extract, with line, column and reason. That file contains identities: it stays at the desk, and
// the command says so. The key is read from its file and never written anywhere.
#pragma once

#include <string>

#include "core/status.h"
#include "pipeline/workspace.h"

namespace sz::pipeline {

struct PseudonymiseRequest {
  std::string source;
  std::string records_file;
  std::string persons_file;
  std::string postcode_file;  // "" to look beside the records file
  std::string key_file;
  std::string output_file;
  std::string clk_schema_file;  // "" for CONFIG/linkage-schema.json
  // Also write each person's keyed field-level encodings (column veldcodering; docs/privacy.md
  // "Field-level encodings" says what the hub learns from them). Off: the column stays empty.
  bool field_encodings = false;
};

struct PseudonymiseReport {
  long records_read = 0, records_rejected = 0;
  long persons_read = 0, persons_rejected = 0;
  long extract_rows = 0;
  long bsn_valid = 0, bsn_invalid = 0, bsn_missing = 0;
  long postcode_unknown = 0;  // persons whose postcode is not in the table (wijk/buurt left empty)
  std::string key_fingerprint;
  std::string rejects_file;   // "" if nothing was rejected
  std::string postcode_file;  // the postcode table used
};

Result<PseudonymiseReport> Pseudonymise(Workspace& workspace, const PseudonymiseRequest& request);

// The Samenzicht linkage schema shipped in the configuration directory.
inline constexpr const char* kClkSchemaFile = "linkage-schema.json";

}  // namespace sz::pipeline
