// samenzicht user add --naam NAME --rol ROLE [--wachtwoord-bestand FILE | --genereer] | user list |
// user remove --naam NAME | user passwd --naam NAME [--wachtwoord-bestand FILE | --genereer]: the
// server's accounts (pipeline/accounts.h, docs/api.md).
//
// The password comes from the file's first line, or a generated one (printed once), or standard input
// (asked twice without echo on a terminal; the first line otherwise). It is never an argument, so it
// stays out of the shell history and the process list.
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/messages.h"
#include "pipeline/accounts.h"

namespace sz::cli {
namespace {

struct PasswordSource {
  std::string file;
  bool generate = false;
};

struct AddOptions {
  pipeline::WorkspaceOptions workspace;
  std::string name, role;
  PasswordSource password;
};

struct NameOptions {
  pipeline::WorkspaceOptions workspace;
  std::string name;
  PasswordSource password;
};

struct ListOptions {
  pipeline::WorkspaceOptions workspace;
};

void StripLineEnd(std::string& line) {
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
}

// One line from the terminal with echo off.
Result<std::string> AskHidden(const char* prompt) {
  std::fputs(prompt, stderr);
  std::fflush(stderr);
  termios old_mode{};
  const bool terminal = tcgetattr(STDIN_FILENO, &old_mode) == 0;
  if (terminal) {
    termios hidden = old_mode;
    hidden.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &hidden);
  }
  std::string line;
  const bool read = static_cast<bool>(std::getline(std::cin, line));
  if (terminal) {
    tcsetattr(STDIN_FILENO, TCSANOW, &old_mode);
    std::fputs("\n", stderr);
  }
  if (!read) return InvalidArgumentError(msg::NoPasswordGiven());
  StripLineEnd(line);
  return line;
}

// The password as `source` says; `generated` is set when it was made here (and must be shown).
Result<std::string> ReadPassword(const PasswordSource& source, bool& generated) {
  generated = false;
  if (source.generate && !source.file.empty()) return InvalidArgumentError(msg::PasswordFileAndGenerate());
  if (source.generate) {
    generated = true;
    return privacy::GeneratePassword();
  }
  std::string line;
  if (!source.file.empty()) {
    std::ifstream in(source.file, std::ios::binary);
    if (!in) return NotFoundError(msg::CannotReadPasswordFile(source.file));
    if (!std::getline(in, line)) return InvalidArgumentError(msg::EmptyPasswordFile(source.file));
    StripLineEnd(line);
    return line;
  }
  if (isatty(STDIN_FILENO)) {
    ASSIGN_OR_RETURN(std::string first, AskHidden("Wachtwoord: "));
    ASSIGN_OR_RETURN(std::string second, AskHidden("Nogmaals: "));
    if (first != second) return InvalidArgumentError(msg::PasswordsDiffer());
    return first;
  }
  if (!std::getline(std::cin, line)) return InvalidArgumentError(msg::NoPasswordGiven());
  StripLineEnd(line);
  return line;
}

void ShowGenerated(const std::string& name, const std::string& password) {
  std::cout << "wachtwoord van " << name << ": " << password << "\n"
            << "Het wordt niet bewaard en niet nog eens getoond; geef het veilig door.\n";
}

Status RunAdd(const AddOptions& options) {
  ASSIGN_OR_RETURN(pipeline::Workspace workspace, pipeline::Workspace::Open(options.workspace));
  // Name and role first, so a typo is reported before a password is asked for.
  RETURN_IF_ERROR(pipeline::CheckAccountName(options.name));
  ASSIGN_OR_RETURN(const RegionTable* regions, workspace.Regions());
  RETURN_IF_ERROR(pipeline::ParseRole(options.role, *regions).status());
  bool generated = false;
  ASSIGN_OR_RETURN(std::string password, ReadPassword(options.password, generated));
  RETURN_IF_ERROR(pipeline::AddAccount(workspace, {.name = options.name, .role = options.role, .password = password}));
  std::cout << "gebruiker " << options.name << " toegevoegd met rol " << options.role << "\n";
  if (generated) ShowGenerated(options.name, password);
  return Status::Ok();
}

Status RunPasswd(const NameOptions& options) {
  ASSIGN_OR_RETURN(pipeline::Workspace workspace, pipeline::Workspace::Open(options.workspace));
  bool generated = false;
  ASSIGN_OR_RETURN(std::string password, ReadPassword(options.password, generated));
  RETURN_IF_ERROR(pipeline::ChangePassword(workspace, options.name, password));
  std::cout << "wachtwoord van " << options.name << " gewijzigd\n";
  if (generated) ShowGenerated(options.name, password);
  return Status::Ok();
}

Status RunRemove(const NameOptions& options) {
  ASSIGN_OR_RETURN(pipeline::Workspace workspace, pipeline::Workspace::Open(options.workspace));
  RETURN_IF_ERROR(pipeline::RemoveAccount(workspace, options.name));
  std::cout << "gebruiker " << options.name << " verwijderd\n";
  return Status::Ok();
}

Status RunList(const ListOptions& options) {
  ASSIGN_OR_RETURN(pipeline::Workspace workspace, pipeline::Workspace::Open(options.workspace));
  ASSIGN_OR_RETURN(std::vector<store::Account> accounts, pipeline::ListAccounts(workspace));
  std::printf("%zu %s\n", accounts.size(), accounts.size() == 1 ? "gebruiker" : "gebruikers");
  if (!accounts.empty()) std::printf("%-24s %-20s %-21s %s\n", "naam", "rol", "aangemaakt", "wachtwoord gewijzigd");
  for (const store::Account& a : accounts) {
    std::printf("%-24s %-20s %-21s %s\n", a.name.c_str(), a.role.c_str(), a.created_at.c_str(), a.changed_at.c_str());
  }
  std::fflush(stdout);
  return Status::Ok();
}

void AddPasswordOptions(Command& cmd, PasswordSource& source) {
  cmd.Add("--wachtwoord-bestand", source.file,
          "Lees het wachtwoord uit de eerste regel van dit bestand (anders van de standaardinvoer)");
  cmd.Flag("--genereer", source.generate, "Maak een willekeurig wachtwoord van 20 tekens en toon het eenmaal");
}

const char* kRoleHelp =
    "De rol: beheerder, analist, meldpunt:<bron> (bijvoorbeeld meldpunt:veilig_thuis) of gemeente:GMxxxx (bijvoorbeeld "
    "gemeente:GM0153)";

void AddUserCommand(Commands& commands) {
  auto list = std::make_shared<ListOptions>();
  Command cmd = commands.Add("user", "De accounts van de server: toevoegen, tonen, verwijderen, wachtwoord wijzigen");
  cmd.AddWorkspaceOptions(list->workspace, WorkspaceUse::kStore);
  cmd.Run([list] { return RunList(*list); });

  auto list_again = std::make_shared<ListOptions>();
  Command list_cmd = cmd.Subcommand("list", "Toon alle accounts met hun rol (nooit een wachtwoord)");
  list_cmd.AddWorkspaceOptions(list_again->workspace, WorkspaceUse::kStore);
  list_cmd.Run([list_again] { return RunList(*list_again); });

  auto add = std::make_shared<AddOptions>();
  Command add_cmd = cmd.Subcommand("add", "Voeg een account toe");
  add_cmd.AddWorkspaceOptions(add->workspace, WorkspaceUse::kStoreAndRegions);
  add_cmd.Add("--naam", add->name, "De gebruikersnaam (kleine letters, cijfers, '.', '_', '-')").Required();
  add_cmd.Add("--rol", add->role, kRoleHelp).Required();
  AddPasswordOptions(add_cmd, add->password);
  add_cmd.Run([add] { return RunAdd(*add); });

  auto passwd = std::make_shared<NameOptions>();
  Command passwd_cmd = cmd.Subcommand("passwd", "Geef een account een nieuw wachtwoord");
  passwd_cmd.AddWorkspaceOptions(passwd->workspace, WorkspaceUse::kStore);
  passwd_cmd.Add("--naam", passwd->name, "De gebruikersnaam").Required();
  AddPasswordOptions(passwd_cmd, passwd->password);
  passwd_cmd.Run([passwd] { return RunPasswd(*passwd); });

  auto remove = std::make_shared<NameOptions>();
  Command remove_cmd = cmd.Subcommand("remove", "Verwijder een account");
  remove_cmd.AddWorkspaceOptions(remove->workspace, WorkspaceUse::kStore);
  remove_cmd.Add("--naam", remove->name, "De gebruikersnaam").Required();
  remove_cmd.Run([remove] { return RunRemove(*remove); });
}
SZ_REGISTER_COMMAND(AddUserCommand);

}  // namespace
}  // namespace sz::cli
