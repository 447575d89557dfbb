// Keys at the desk: the stage behind `samenzicht keygen`. Makes a desk's pseudonymisation key
// (privacy/key.h: 32 random bytes, file mode 0600, never overwrites) and tells only its fingerprint.
//
//   ASSIGN_OR_RETURN(std::string fingerprint, MakeKeyFile("desk.key"));
//
// Errors: kAlreadyExists when the file exists; kIoError when it cannot be written.
#pragma once

#include <string>

#include "core/status.h"

namespace sz::pipeline {

Result<std::string> MakeKeyFile(const std::string& path);

}  // namespace sz::pipeline
