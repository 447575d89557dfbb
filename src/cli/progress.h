// Progress on stderr for long work, only when stderr is a terminal (quiet in scripts, CI and logs).
#pragma once

#include <string>

namespace sz::cli {

class Progress {
 public:
  Progress();
  ~Progress();
  // Overwrites the current progress line, e.g. "extract.csv: 150000 rijen".
  void Update(const std::string& text);
  void Done();
  bool enabled() const { return enabled_; }

 private:
  bool enabled_;
  bool dirty_ = false;
};

}  // namespace sz::cli
