// samenzicht encode --schema SCHEMA.json --secret TEXT IN.csv -o OUT.txt
//
// Encodes every row of IN.csv into a CLK with a clkhash linkage schema v3 (privacy/clk_encoder.h):
// one base64 CLK per line of OUT.txt, in row order, byte-identical to what clkhash's
// `clkhash hash IN.csv SECRET SCHEMA.json` produces, so a desk can check interoperability itself.
// Columns are matched to features by position (as clkhash does); the header's names must equal the
// feature identifiers unless --no-header-check. Help and messages of the command itself are Dutch.
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
    return InvalidArgumentError("geef --secret of --secret-file, niet allebei");
  }
  if (options.secret_file.empty()) {
    if (options.secret.empty()) return InvalidArgumentError("een geheim is verplicht (--secret of --secret-file)");
    return options.secret;
  }
  std::ifstream in(options.secret_file, std::ios::binary);
  if (!in) return NotFoundError("geheimbestand " + options.secret_file + " kan niet worden geopend");
  std::string secret((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  while (!secret.empty() && (secret.back() == '\n' || secret.back() == '\r')) secret.pop_back();
  if (secret.empty()) return DataError("geheimbestand " + options.secret_file + " is leeg");
  return secret;
}

Status RunEncode(const EncodeOptions& options) {
  ASSIGN_OR_RETURN(std::string secret, ReadSecret(options));
  ASSIGN_OR_RETURN(privacy::ClkSchema schema, privacy::ReadClkSchemaFile(options.schema));
  ASSIGN_OR_RETURN(privacy::ClkEncoder encoder, privacy::ClkEncoder::Create(schema, privacy::AsBytes(secret)));
  ASSIGN_OR_RETURN(io::TextTable table, io::ReadTextTable(options.input));

  const auto& features = encoder.schema().features;
  if (table.header.size() != features.size()) {
    return DataError(options.input + ": heeft " + std::to_string(table.header.size()) + " kolommen, het schema " +
                     options.schema + " beschrijft " + std::to_string(features.size()) + " kenmerken");
  }
  if (!options.no_header_check) {
    for (size_t i = 0; i < features.size(); ++i) {
      if (table.header[i] != features[i].identifier) {
        return DataError(options.input + ": kolom " + std::to_string(i + 1) + " heet '" + table.header[i] +
                         "' maar kenmerk " + std::to_string(i + 1) + " van het schema is '" + features[i].identifier +
                         "' (kolommen worden op positie gekoppeld; --no-header-check accepteert andere namen)");
      }
    }
  }

  std::string temporary = options.output + ".partial";
  std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
  if (!out) return IoError("kan " + temporary + " niet aanmaken");
  for (size_t row = 0; row < table.rows.size(); ++row) {
    Result<privacy::Clk> clk = encoder.Encode(table.rows[row]);
    if (!clk.ok()) {
      out.close();
      std::remove(temporary.c_str());
      return clk.status().WithContext(options.input + ": regel " + std::to_string(table.line_numbers[row]));
    }
    out << clk->ToBase64() << '\n';
  }
  out.close();
  if (!out) {
    std::remove(temporary.c_str());
    return IoError("kan " + temporary + " niet schrijven");
  }
  if (std::rename(temporary.c_str(), options.output.c_str()) != 0) {
    return IoError("kan " + temporary + " niet hernoemen naar " + options.output);
  }
  std::cerr << table.rows.size() << " rijen uit " << options.input << " (" << table.description << ") versleuteld naar "
            << options.output << "\n";
  return Status::Ok();
}

void AddEncodeCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "encode", "Versleutel een CSV tot CLK's met een clkhash-koppelschema v3 (één base64-CLK per rij, als clkhash)");
  auto options = std::make_shared<EncodeOptions>();
  cmd->add_option("--schema", options->schema, "Koppelschema, clkhash linkage schema v3 (JSON)")->required();
  cmd->add_option("--secret", options->secret, "Het gedeelde geheim (als het SECRET-argument van clkhash)");
  cmd->add_option("--secret-file", options->secret_file,
                  "Lees het geheim uit dit bestand (blijft buiten de proceslijst en de shellgeschiedenis)");
  cmd->add_option("input", options->input, "Invoer-CSV met een kopregel")->required();
  cmd->add_option("-o,--output", options->output, "Uitvoer: één base64-CLK per invoerrij")->required();
  cmd->add_flag("--no-header-check", options->no_header_check,
                "Eis niet dat de kolomnamen gelijk zijn aan de kenmerken van het schema");
  cmd->callback([options] { ExitWith(RunEncode(*options)); });
}
SZ_REGISTER_COMMAND(AddEncodeCommand);

}  // namespace
}  // namespace sz::cli
