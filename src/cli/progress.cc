#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>

namespace sz::cli {

Progress::Progress() : enabled_(isatty(STDERR_FILENO) == 1) {}
Progress::~Progress() { Done(); }

void Progress::Update(const std::string& text) {
  if (!enabled_) return;
  std::fprintf(stderr, "\r\033[K%s", text.c_str());
  std::fflush(stderr);
  dirty_ = true;
}

void Progress::Done() {
  if (enabled_ && dirty_) {
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
  }
  dirty_ = false;
}

}  // namespace sz::cli
