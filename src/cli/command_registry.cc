#include "cli/command_registry.h"

#include <iostream>

#include "cli/exit_codes.h"

namespace sz::cli {
namespace {
std::vector<CommandAdder>& Adders() {
  static std::vector<CommandAdder> adders;
  return adders;
}
}  // namespace

bool RegisterCommand(CommandAdder adder) {
  Adders().push_back(adder);
  return true;
}

void AddAllCommands(CLI::App& app) {
  for (CommandAdder adder : Adders()) adder(app);
}

void ExitWith(const Status& status) {
  if (status.ok()) return;
  std::cerr << "samenzicht: " << status.message() << "\n";
  throw CLI::RuntimeError(ExitCodeFor(status));
}

CLI::Option* AddDbOption(CLI::App& cmd, std::string& db_path) {
  db_path = "var/samenzicht.db";
  return cmd.add_option("--db", db_path, "SQLite store file (created if missing)")->capture_default_str();
}

}  // namespace sz::cli
