// How subcommands join the `samenzicht` command, without seeing the command-line library.
//
// Each subcommand lives in its own file src/cli/<name>_command.cc, declares its options on a
// Command and registers itself:
//
//   namespace sz::cli {
//   namespace {
//   void AddKeygenCommand(Commands& commands) {
//     auto options = std::make_shared<KeygenOptions>();
//     Command cmd = commands.Add("keygen", "Maak een nieuwe sleutel voor pseudonimisering");
//     cmd.Add("--out,-o", options->out, "Het sleutelbestand dat wordt aangemaakt").Required();
//     cmd.Run([options] { return RunKeygen(*options); });
//   }
//   SZ_REGISTER_COMMAND(AddKeygenCommand);
//   }  // namespace
//   }  // namespace sz::cli
//
// The body's Status ends the command (exit_codes.h): OK → exit 0; otherwise the message goes to
// stderr as "samenzicht: <message>" and the exit code follows the status code. Help texts, usage
// errors and the help screen's own words are Dutch (cli/messages.h translates the library's).
// Only command.cc includes the library (CLI11), so a command file compiles in a second or two.
// Commands are compiled into the executable itself (not a library), so their registrars are linked.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "pipeline/workspace.h"

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace sz::cli {

// One option or flag, to refine after adding it.
class Option {
 public:
  Option& Required();
  Option& ShowDefault();                         // "(standaard: …)" after the help text
  Option& DefaultText(const std::string& text);  // the default shown, when the value is filled in later
  Option& Range(double min, double max);         // numbers only
  Option& NonNegative();                         // numbers only
  Option& OneOf(const std::vector<std::string>& values);

 private:
  friend class Command;
  explicit Option(CLI::Option* option) : option_(option) {}
  CLI::Option* option_;
};

// What the store-using commands ask of the workspace options.
enum class WorkspaceUse {
  kConfigOnly,       // --config-dir
  kRegions,          // --config-dir, --regions
  kStore,            // --config-dir, --db
  kStoreAndRegions,  // --config-dir, --db, --regions
};

// One subcommand. Values are written into the variables given when the command line is parsed,
// before the body runs; the variables must outlive parsing (keep them in a shared_ptr the body holds).
class Command {
 public:
  Option Add(const std::string& names, std::string& value, const std::string& help);
  Option Add(const std::string& names, int& value, const std::string& help);
  Option Add(const std::string& names, int64_t& value, const std::string& help);
  Option Add(const std::string& names, uint64_t& value, const std::string& help);
  Option Add(const std::string& names, double& value, const std::string& help);
  Option Add(const std::string& names, std::optional<double>& value, const std::string& help);  // empty: not given
  Option Add(const std::string& names, std::vector<std::string>& values, const std::string& help);
  Option Add(const std::string& names, std::optional<std::string>& value, const std::string& help);
  Option Flag(const std::string& names, bool& value, const std::string& help);
  Option Flag(const std::string& names, std::function<void()> on_given, const std::string& help);
  // --config-dir on every command; --db and --regions as `use` says. The workspace is opened from them.
  void AddWorkspaceOptions(pipeline::WorkspaceOptions& options, WorkspaceUse use);
  void Run(std::function<Status()> body);
  // A subcommand of this one ("signals show"): its own options and body. When it is given, only its
  // body runs, not this command's. A name without dashes in Add makes a positional argument.
  Command Subcommand(const std::string& name, const std::string& description);

 private:
  friend class Commands;
  explicit Command(CLI::App* app) : app_(app) {}
  static Option Typed(CLI::Option* option, const char* type_name);
  CLI::App* app_;
};

class Commands {
 public:
  explicit Commands(CLI::App& app) : app_(app) {}
  Command Add(const std::string& name, const std::string& description);

 private:
  CLI::App& app_;
};

using CommandAdder = void (*)(Commands& commands);

// Registers a command adder; returns true so it can initialise a static.
bool RegisterCommand(CommandAdder adder);

// The whole command line: registered commands, Dutch help, Dutch usage errors. Returns the exit code.
int RunCommandLine(int argc, char** argv);

}  // namespace sz::cli

#define SZ_REGISTER_COMMAND(adder) \
  [[maybe_unused]] static const bool SZ_CONCAT(sz_command_registered_, __LINE__) = ::sz::cli::RegisterCommand(adder)
