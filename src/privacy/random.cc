#include "privacy/random.h"

#include <sys/random.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "privacy/messages.h"

namespace sz::privacy {

Status SecureRandom(std::span<uint8_t> out) {
  size_t filled = 0;
  while (filled < out.size()) {
    ssize_t got = getrandom(out.data() + filled, out.size() - filled, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      return IoError(msg::RandomSourceFailed(std::strerror(errno)));
    }
    filled += static_cast<size_t>(got);
  }
  return Status::Ok();
}

}  // namespace sz::privacy
