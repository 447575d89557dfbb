// samenzicht: the command-line entry point. Every subcommand registers itself (command.h).
#include "cli/command.h"

int main(int argc, char** argv) { return sz::cli::RunCommandLine(argc, argv); }
