// How subcommands join the `samenzicht` command.
//
// Each subcommand lives in its own file src/cli/<name>_command.cc and registers itself:
//
//   namespace sz::cli {
//   namespace {
//   void AddSurveyCommand(CLI::App& app) {
//     auto* cmd = app.add_subcommand("survey", "Design-based survey estimates (as R's survey package)");
//     auto options = std::make_shared<SurveyOptions>();
//     cmd->add_option("--data", options->data, "...")->required();
//     cmd->callback([options] { ExitWith(RunSurvey(*options)); });
//   }
//   SZ_REGISTER_COMMAND(AddSurveyCommand);
//   }  // namespace
//   }  // namespace sz::cli
//
// The callback ends with ExitWith(status): OK → exit 0; otherwise the message goes to stderr and
// the exit code follows the status code (exit_codes.h). Commands are compiled into the executable
// itself (not a library), so their static registrars are always linked in.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <vector>

#include "core/status.h"

namespace sz::cli {

using CommandAdder = void (*)(CLI::App& app);

// Registers a command adder; returns true so it can initialise a static.
bool RegisterCommand(CommandAdder adder);
// Calls every registered adder, in name order of their files (deterministic help output).
void AddAllCommands(CLI::App& app);

// Ends the command: prints a non-OK status to stderr (in the form "samenzicht: <message>") and
// makes `samenzicht` exit with the matching exit code. Returns normally only for OK.
void ExitWith(const Status& status);

// The --db option shared by every command that uses the store (default var/samenzicht.db).
CLI::Option* AddDbOption(CLI::App& cmd, std::string& db_path);

}  // namespace sz::cli

#define SZ_REGISTER_COMMAND(adder) \
  [[maybe_unused]] static const bool SZ_CONCAT(sz_command_registered_, __LINE__) = ::sz::cli::RegisterCommand(adder)
