#include "pipeline/keys.h"

#include "privacy/key.h"

namespace sz::pipeline {

Result<std::string> MakeKeyFile(const std::string& path) {
  ASSIGN_OR_RETURN(privacy::Key key, privacy::Key::Generate());
  RETURN_IF_ERROR(key.WriteFile(path));
  return key.Fingerprint();
}

}  // namespace sz::pipeline
