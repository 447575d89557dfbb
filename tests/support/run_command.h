// Test helper: runs the built samenzicht command and captures its exit code and output.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace sz::testing {

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

// `arguments` is appended to the samenzicht executable as shell words (quote them yourself);
// `environment` ("NAME=value …") is set for the command only.
inline CommandResult RunSamenzicht(const std::string& arguments, const std::string& environment = "") {
  CommandResult result;
  std::string command =
      (environment.empty() ? "" : "env " + environment + " ") + std::string(SZ_SAMENZICHT) + " " + arguments + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.output.append(buffer.data(), n);
  int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

}  // namespace sz::testing
