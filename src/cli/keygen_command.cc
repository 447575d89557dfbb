// samenzicht keygen --out desk.key: makes a desk's pseudonymisation key (pipeline/keys.h).
//
// Prints only the key's fingerprint, never the key. Refuses to overwrite an existing file.
#include <iostream>
#include <memory>
#include <string>

#include "cli/command.h"
#include "pipeline/keys.h"

namespace sz::cli {
namespace {

struct KeygenOptions {
  pipeline::WorkspaceOptions workspace;  // only --config-dir, which keygen does not need
  std::string out;
};

Status RunKeygen(const KeygenOptions& options) {
  ASSIGN_OR_RETURN(std::string fingerprint, pipeline::MakeKeyFile(options.out));
  std::cout << "sleutel geschreven naar " << options.out << " (modus 0600)\n"
            << "vingerafdruk: " << fingerprint << "\n"
            << "Bewaar dit bestand bij het meldpunt (of bij de vertrouwde derde partij) en maak een offline\n"
            << "reservekopie: zonder deze sleutel zijn nieuwe extracten niet te koppelen aan eerdere.\n"
            << "Stuur de sleutel nooit naar SamenTwente.\n";
  return Status::Ok();
}

void AddKeygenCommand(Commands& commands) {
  auto options = std::make_shared<KeygenOptions>();
  Command cmd = commands.Add(
      "keygen", "Maak een nieuwe sleutel voor pseudonimisering (32 bytes, modus 0600, overschrijft nooit)");
  cmd.AddWorkspaceOptions(options->workspace, WorkspaceUse::kConfigOnly);
  cmd.Add("--out,-o", options->out, "Het sleutelbestand dat wordt aangemaakt, bijv. desk.key").Required();
  cmd.Run([options] { return RunKeygen(*options); });
}
SZ_REGISTER_COMMAND(AddKeygenCommand);

}  // namespace
}  // namespace sz::cli
