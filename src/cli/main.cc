// samenzicht: the command-line entry point. Every subcommand registers itself (command_registry.h).
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/command_registry.h"
#include "cli/exit_codes.h"

int main(int argc, char** argv) {
  CLI::App app{"Samenzicht — data- en signaleringsplatform van SamenTwente", "samenzicht"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "samenzicht 0.1.0");
  sz::cli::AddAllCommands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    // CLI11 uses its own codes for parse errors; our contract is 1 for every usage error.
    return code == 0 ? 0 : (dynamic_cast<const CLI::RuntimeError*>(&e) ? code : sz::cli::kExitUsage);
  }
  return 0;
}
