// Encode: the stage behind `samenzicht encode`. Encodes every row of a CSV into a CLK with a clkhash
// linkage schema v3 (privacy/clk_encoder.h), one base64 CLK per line of the output, in row order,
// byte-identical to clkhash's `clkhash hash IN.csv SECRET SCHEMA.json`, so a desk can check
// interoperability itself. Columns are matched to features by position (as clkhash does); the
// header's names must equal the feature identifiers unless `no_header_check`. The output is written
// to OUT.partial and renamed when complete.
//
//   ASSIGN_OR_RETURN(EncodeReport report, EncodeClks({.schema = "schema.json", .secret = "s", .input = "in.csv",
//                                                     .output = "clks.txt"}));
//
// Errors: kInvalidArgument without a secret or with both secret forms; kNotFound for a missing file;
// kDataError for a header that does not fit the schema or a value a feature cannot encode (naming the line).
#pragma once

#include <string>

#include "core/status.h"

namespace sz::pipeline {

struct EncodeRequest {
  std::string schema;
  std::string secret;       // the shared secret, or:
  std::string secret_file;  // a file holding it (kept out of the process list and shell history)
  std::string input;
  std::string output;
  bool no_header_check = false;
};

struct EncodeReport {
  size_t rows = 0;
  std::string input_description;  // dialect and encoding of the input
};

Result<EncodeReport> EncodeClks(const EncodeRequest& request);

}  // namespace sz::pipeline
