// samenzicht encode --schema SCHEMA.json --secret TEXT IN.csv -o OUT.txt : clkhash-compatible CLKs
// (pipeline/encode.h).
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "pipeline/encode.h"

namespace sz::cli {
namespace {

struct EncodeOptions {
  pipeline::WorkspaceOptions workspace;  // only --config-dir, which encode does not need
  pipeline::EncodeRequest request;
};

Status RunEncode(const EncodeOptions& options) {
  ASSIGN_OR_RETURN(pipeline::EncodeReport report, pipeline::EncodeClks(options.request));
  std::cerr << report.rows << " rijen uit " << options.request.input << " (" << report.input_description
            << ") versleuteld naar " << options.request.output << "\n";
  return Status::Ok();
}

void AddEncodeCommand(Commands& commands) {
  auto options = std::make_shared<EncodeOptions>();
  Command cmd = commands.Add(
      "encode", "Versleutel een CSV tot CLK's met een clkhash-koppelschema v3 (één base64-CLK per rij, als clkhash)");
  cmd.AddWorkspaceOptions(options->workspace, WorkspaceUse::kConfigOnly);
  auto& request = options->request;
  cmd.Add("--schema", request.schema, "Koppelschema, clkhash linkage schema v3 (JSON)").Required();
  cmd.Add("--secret", request.secret, "Het gedeelde geheim (als het SECRET-argument van clkhash)");
  cmd.Add("--secret-file", request.secret_file,
          "Lees het geheim uit dit bestand (blijft buiten de proceslijst en de shellgeschiedenis)");
  cmd.Add("input", request.input, "Invoer-CSV met een kopregel").Required();
  cmd.Add("-o,--output", request.output, "Uitvoer: één base64-CLK per invoerrij").Required();
  cmd.Flag("--no-header-check", request.no_header_check,
           "Eis niet dat de kolomnamen gelijk zijn aan de kenmerken van het schema");
  cmd.Run([options] { return RunEncode(*options); });
}
SZ_REGISTER_COMMAND(AddEncodeCommand);

}  // namespace
}  // namespace sz::cli
