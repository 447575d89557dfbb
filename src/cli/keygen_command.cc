// samenzicht keygen --out desk.key: makes a desk's pseudonymisation key (privacy/key.h).
//
// Prints only the key's fingerprint, never the key. Refuses to overwrite an existing file.
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
  std::cout << "key written to " << options.out << " (mode 0600)\n"
            << "fingerprint: " << key.Fingerprint() << "\n"
            << "Keep this file at the desk (or with the trusted third party) and make an offline backup: without it,\n"
            << "new extracts cannot be linked to earlier ones. Never send it to SamenTwente.\n";
  return Status::Ok();
}

void AddKeygenCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("keygen", "Make a new 32-byte pseudonymisation key (file mode 0600, never overwrites)");
  auto options = std::make_shared<KeygenOptions>();
  cmd->add_option("--out,-o", options->out, "Key file to create, e.g. desk.key")->required();
  cmd->callback([options] { ExitWith(RunKeygen(*options)); });
}
SZ_REGISTER_COMMAND(AddKeygenCommand);

}  // namespace
}  // namespace sz::cli
