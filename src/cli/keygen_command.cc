// samenzicht keygen --out desk.key: makes a desk's pseudonymisation key (privacy/key.h).
//
// Prints only the key's fingerprint, never the key. Refuses to overwrite an existing file. Desk-facing,
// so its help and output are Dutch.
#include <iostream>
#include <memory>
#include <string>

#include "cli/command_registry.h"
#include "privacy/key.h"

namespace sz::cli {
namespace {

struct KeygenOptions {
  std::string out;
};

Status RunKeygen(const KeygenOptions& options) {
  ASSIGN_OR_RETURN(privacy::Key key, privacy::Key::Generate());
  RETURN_IF_ERROR(key.WriteFile(options.out));
  std::cout << "sleutel geschreven naar " << options.out << " (modus 0600)\n"
            << "vingerafdruk: " << key.Fingerprint() << "\n"
            << "Bewaar dit bestand bij het meldpunt (of bij de vertrouwde derde partij) en maak een offline\n"
            << "reservekopie: zonder deze sleutel zijn nieuwe extracten niet te koppelen aan eerdere.\n"
            << "Stuur de sleutel nooit naar SamenTwente.\n";
  return Status::Ok();
}

void AddKeygenCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("keygen",
                                 "Maak een nieuwe sleutel voor pseudonimisering (32 bytes, modus 0600, overschrijft nooit)");
  auto options = std::make_shared<KeygenOptions>();
  cmd->add_option("--out,-o", options->out, "Het sleutelbestand dat wordt aangemaakt, bijv. desk.key")->required();
  cmd->callback([options] { ExitWith(RunKeygen(*options)); });
}
SZ_REGISTER_COMMAND(AddKeygenCommand);

}  // namespace
}  // namespace sz::cli
