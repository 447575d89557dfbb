#include "cli/exit_codes.h"

namespace sz::cli {

int ExitCodeFor(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk: return kExitOk;
    case StatusCode::kInvalidArgument: return kExitUsage;
    case StatusCode::kDataError:
    case StatusCode::kAlreadyExists:
    case StatusCode::kFailedPrecondition: return kExitBadInput;
    case StatusCode::kNotFound:
    case StatusCode::kIoError:
    case StatusCode::kInternal: return kExitEnvironment;
  }
  return kExitEnvironment;
}

}  // namespace sz::cli
