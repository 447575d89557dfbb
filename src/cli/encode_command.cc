// samenzicht encode --schema SCHEMA.json --secret TEXT IN.csv -o OUT.txt
//
// Encodes every row of IN.csv into a CLK with a clkhash linkage schema v3 (privacy/clk_encoder.h):
// one base64 CLK per line of OUT.txt, in row order, byte-identical to what clkhash's
// `clkhash hash IN.csv SECRET SCHEMA.json` produces, so a desk can check interoperability itself.
// Columns are matched to features by position (as clkhash does); the header's names must equal the
// feature identifiers unless --no-header-check.
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "cli/command_registry.h"
#include "io/text_table.h"
#include "privacy/clk_encoder.h"
#include "privacy/clk_schema.h"

namespace sz::cli {
namespace {

struct EncodeOptions {
  std::string schema;
  std::string secret;
  std::string secret_file;
  std::string input;
  std::string output;
  bool no_header_check = false;
};

Result<std::string> ReadSecret(const EncodeOptions& options) {
  if (!options.secret.empty() && !options.secret_file.empty()) {
    return InvalidArgumentError("give --secret or --secret-file, not both");
  }
  if (options.secret_file.empty()) {
    if (options.secret.empty()) return InvalidArgumentError("a secret is required (--secret or --secret-file)");
    return options.secret;
  }
  std::ifstream in(options.secret_file, std::ios::binary);
  if (!in) return NotFoundError("secret file " + options.secret_file + " cannot be opened");
  std::string secret((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  while (!secret.empty() && (secret.back() == '\n' || secret.back() == '\r')) secret.pop_back();
  if (secret.empty()) return DataError("secret file " + options.secret_file + " is empty");
  return secret;
}

Status RunEncode(const EncodeOptions& options) {
  ASSIGN_OR_RETURN(std::string secret, ReadSecret(options));
  ASSIGN_OR_RETURN(privacy::ClkSchema schema, privacy::ReadClkSchemaFile(options.schema));
  ASSIGN_OR_RETURN(privacy::ClkEncoder encoder, privacy::ClkEncoder::Create(schema, privacy::AsBytes(secret)));
  ASSIGN_OR_RETURN(io::TextTable table, io::ReadTextTable(options.input));

  const auto& features = encoder.schema().features;
  if (table.header.size() != features.size()) {
    return DataError(options.input + ": has " + std::to_string(table.header.size()) + " columns, the schema " +
                     options.schema + " describes " + std::to_string(features.size()) + " features");
  }
  if (!options.no_header_check) {
    for (size_t i = 0; i < features.size(); ++i) {
      if (table.header[i] != features[i].identifier) {
        return DataError(options.input + ": column " + std::to_string(i + 1) + " is named '" + table.header[i] +
                         "' but the schema's feature " + std::to_string(i + 1) + " is '" + features[i].identifier +
                         "' (columns are matched by position; use --no-header-check to accept other names)");
      }
    }
  }

  std::string temporary = options.output + ".partial";
  std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
  if (!out) return IoError("cannot create " + temporary);
  for (size_t row = 0; row < table.rows.size(); ++row) {
    Result<privacy::Clk> clk = encoder.Encode(table.rows[row]);
    if (!clk.ok()) {
      out.close();
      std::remove(temporary.c_str());
      return clk.status().WithContext(options.input + ": line " + std::to_string(table.line_numbers[row]));
    }
    out << clk->ToBase64() << '\n';
  }
  out.close();
  if (!out) {
    std::remove(temporary.c_str());
    return IoError("cannot write " + temporary);
  }
  if (std::rename(temporary.c_str(), options.output.c_str()) != 0) {
    return IoError("cannot move " + temporary + " to " + options.output);
  }
  std::cerr << "encoded " << table.rows.size() << " records from " << options.input << " (" << table.description
            << ") into " << options.output << "\n";
  return Status::Ok();
}

void AddEncodeCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("encode", "Encode a CSV into CLKs with a clkhash linkage schema v3 (one base64 per row)");
  auto options = std::make_shared<EncodeOptions>();
  cmd->add_option("--schema", options->schema, "Linkage schema v3 (JSON)")->required();
  cmd->add_option("--secret", options->secret, "The shared secret text (as clkhash's SECRET argument)");
  cmd->add_option("--secret-file", options->secret_file,
                  "Read the secret from this file instead (keeps it out of the process list and shell history)");
  cmd->add_option("input", options->input, "Input CSV with a header row")->required();
  cmd->add_option("-o,--output", options->output, "Output: one base64 CLK per input row")->required();
  cmd->add_flag("--no-header-check", options->no_header_check,
                "Do not require the header names to equal the schema's feature identifiers");
  cmd->callback([options] { ExitWith(RunEncode(*options)); });
}
SZ_REGISTER_COMMAND(AddEncodeCommand);

}  // namespace
}  // namespace sz::cli
