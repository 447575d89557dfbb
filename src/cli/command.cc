// The only file of the command that includes the command-line library (CLI11).
#include "cli/command.h"

#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/exit_codes.h"
#include "cli/messages.h"
#include "core/numbers.h"

namespace sz::cli {
namespace {

std::vector<CommandAdder>& Adders() {
  static std::vector<CommandAdder> adders;
  return adders;
}

// Dutch labels for the help screen.
void DutchHelp(CLI::App& app) {
  auto formatter = app.get_formatter();
  formatter->label("Usage", "Gebruik");
  formatter->label("OPTIONS", "OPTIES");
  formatter->label("SUBCOMMAND", "OPDRACHT");
  formatter->label("SUBCOMMANDS", "OPDRACHTEN");
  formatter->label("Options", "Opties");
  formatter->label("Positionals", "Argumenten");
  formatter->label("Subcommands", "Opdrachten");
  formatter->label("REQUIRED", "VERPLICHT");
  formatter->label("Needs", "Vereist");
  formatter->label("Excludes", "Sluit uit");
  formatter->label("Env", "Omgeving");
  app.option_defaults()->group("Opties");
  app.set_help_flag("-h,--help", msg::kHelpFlag)->group("Opties");
}

}  // namespace

Option Command::Typed(CLI::Option* option, const char* type_name) {
  option->type_name(type_name);
  return Option(option);
}

Option& Option::Required() {
  option_->required();
  return *this;
}

Option& Option::ShowDefault() {
  option_->capture_default_str();
  return *this;
}

Option& Option::DefaultText(const std::string& text) {
  option_->default_str(text);
  return *this;
}

Option& Option::Range(double min, double max) {
  option_->check(CLI::Validator(
      [min, max](std::string& input) -> std::string {
        std::optional<double> value = ParseNumber(input);
        if (!value) return msg::NotANumber(input);
        if (*value < min || *value > max) return msg::NotInRange(input, min, max);
        return "";
      },
      msg::RangeDescription(min, max), "bereik"));
  return *this;
}

Option& Option::NonNegative() {
  option_->check(CLI::Validator(
      [](std::string& input) -> std::string {
        std::optional<double> value = ParseNumber(input);
        if (!value) return msg::NotANumber(input);
        if (*value < 0) return msg::Negative(input);
        return "";
      },
      "≥ 0", "niet-negatief"));
  return *this;
}

Option& Option::OneOf(const std::vector<std::string>& values) {
  std::string joined;
  for (const std::string& value : values) joined += (joined.empty() ? "" : ", ") + value;
  option_->check(CLI::Validator(
      [values, joined](std::string& input) -> std::string {
        for (const std::string& value : values) {
          if (input == value) return "";
        }
        return msg::NotOneOf(input, joined);
      },
      "{" + joined + "}", "een van"));
  return *this;
}

Option Command::Add(const std::string& names, std::string& value, const std::string& help) {
  return Typed(app_->add_option(names, value, help), "TEKST");
}
Option Command::Add(const std::string& names, int& value, const std::string& help) {
  return Typed(app_->add_option(names, value, help), "GETAL");
}
Option Command::Add(const std::string& names, int64_t& value, const std::string& help) {
  return Typed(app_->add_option(names, value, help), "GETAL");
}
Option Command::Add(const std::string& names, uint64_t& value, const std::string& help) {
  return Typed(app_->add_option(names, value, help), "GETAL");
}
Option Command::Add(const std::string& names, double& value, const std::string& help) {
  return Typed(app_->add_option(names, value, help), "GETAL");
}
Option Command::Add(const std::string& names, std::optional<double>& value, const std::string& help) {
  return Typed(app_->add_option(names, value, help), "GETAL");
}
Option Command::Add(const std::string& names, std::vector<std::string>& values, const std::string& help) {
  return Typed(app_->add_option(names, values, help), "TEKST");
}
Option Command::Add(const std::string& names, std::optional<std::string>& value, const std::string& help) {
  return Typed(app_->add_option(names, value, help), "TEKST");
}
Option Command::Flag(const std::string& names, bool& value, const std::string& help) {
  return Option(app_->add_flag(names, value, help));
}
Option Command::Flag(const std::string& names, std::function<void()> on_given, const std::string& help) {
  return Option(app_->add_flag_function(
      names, [on_given = std::move(on_given)](std::int64_t) { on_given(); }, help));
}

void Command::AddWorkspaceOptions(pipeline::WorkspaceOptions& options, WorkspaceUse use) {
  Add("--config-dir", options.config_dir, msg::kConfigDirHelp);
  if (use == WorkspaceUse::kStore || use == WorkspaceUse::kStoreAndRegions) {
    Add("--db", options.store_url, msg::kDbHelp).ShowDefault();
  }
  if (use == WorkspaceUse::kRegions || use == WorkspaceUse::kStoreAndRegions) {
    Add("--regions", options.regions_file, msg::kRegionsHelp);
  }
}

void Command::Run(std::function<Status()> body) {
  app_->callback([app = app_, body = std::move(body)] {
    if (!app->get_subcommands().empty()) return;  // a subcommand of it ran instead
    Status status = body();
    if (status.ok()) return;
    std::cerr << "samenzicht: " << status.message() << "\n";
    throw CLI::RuntimeError(ExitCodeFor(status));
  });
}

Command Command::Subcommand(const std::string& name, const std::string& description) {
  CLI::App* command = app_->add_subcommand(name, description);
  command->group("Opdrachten");
  command->option_defaults()->group("Opties");
  if (command->get_help_ptr() != nullptr) command->get_help_ptr()->group("Opties");
  return Command(command);
}

Command Commands::Add(const std::string& name, const std::string& description) {
  CLI::App* command = app_.add_subcommand(name, description);
  command->group("Opdrachten");
  command->option_defaults()->group("Opties");
  if (command->get_help_ptr() != nullptr) command->get_help_ptr()->group("Opties");
  return Command(command);
}

bool RegisterCommand(CommandAdder adder) {
  Adders().push_back(adder);
  return true;
}

int RunCommandLine(int argc, char** argv) {
  CLI::App app{"Samenzicht — data- en signaleringsplatform van SamenTwente", "samenzicht"};
  DutchHelp(app);
  app.require_subcommand(1);
  app.set_version_flag("--version", "samenzicht 0.1.0", msg::kVersionFlag)->group("Opties");
  Commands commands(app);
  for (CommandAdder adder : Adders()) adder(commands);
  try {
    app.parse(argc, argv);
  } catch (const CLI::RuntimeError& error) {
    return error.get_exit_code();  // a command's own failure: its message is printed already
  } catch (const CLI::Success& success) {
    return app.exit(success);  // --help, --version
  } catch (const CLI::ParseError& error) {
    std::cerr << "samenzicht: " << msg::UsageError(error.get_name(), error.what()) << "\n" << msg::SeeHelp() << "\n";
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace sz::cli
