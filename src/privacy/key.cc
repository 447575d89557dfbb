#include "privacy/key.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/crypto.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "privacy/hmac.h"
#include "privacy/messages.h"
#include "privacy/random.h"

namespace sz::privacy {
namespace {

constexpr std::string_view kFingerprintLabel = "samenzicht-fingerprint-v1";

std::string Errno() { return std::strerror(errno); }

}  // namespace

Key::~Key() { SecureWipe(bytes_.data(), bytes_.size()); }

Result<Key> Key::Generate() {
  Key key;
  RETURN_IF_ERROR(SecureRandom(key.bytes_));
  RETURN_IF_ERROR(key.ComputeFingerprint());
  return key;
}

Result<Key> Key::FromBytes(ByteView bytes) {
  if (bytes.size() != kSize) return InvalidArgumentError(msg::KeyWrongSize());
  Key key;
  std::copy(bytes.begin(), bytes.end(), key.bytes_.begin());
  RETURN_IF_ERROR(key.ComputeFingerprint());
  return key;
}

Result<Key> Key::Parse(std::string_view content) {
  while (!content.empty() && (content.back() == '\n' || content.back() == '\r')) content.remove_suffix(1);
  if (content.size() != 2 * kSize) {
    return DataError(msg::NotAKeyFileLength());
  }
  auto decoded = HexDecode(content);
  if (!decoded.ok()) return DataError(msg::NotAKeyFileHex());
  Bytes bytes = std::move(decoded).value();
  Result<Key> key = FromBytes(bytes);
  SecureWipe(bytes.data(), bytes.size());
  return key;
}

Result<Key> Key::ReadFile(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return NotFoundError(msg::KeyFileMissing(path));
    return IoError(msg::CannotOpenKeyFile(path, Errno()));
  }
  std::string content;
  char buffer[256];
  for (;;) {
    ssize_t got = read(fd, buffer, sizeof(buffer));
    if (got < 0) {
      if (errno == EINTR) continue;
      Status status = IoError(msg::CannotReadKeyFile(path, Errno()));
      close(fd);
      return status;
    }
    if (got == 0) break;
    content.append(buffer, static_cast<size_t>(got));
    if (content.size() > 1024) break;  // a key file is 65 bytes; do not slurp a wrong file
  }
  close(fd);
  SecureWipe(buffer, sizeof(buffer));
  Result<Key> key = Parse(content);
  SecureWipe(content.data(), content.size());
  if (!key.ok()) return key.status().WithContext(msg::KeyFile(path));
  return key;
}

Status Key::WriteFile(const std::string& path) const {
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) {
      return AlreadyExistsError(msg::KeyFileExists(path));
    }
    return IoError(msg::CannotCreateKeyFile(path, Errno()));
  }
  // `message` is made (with errno) before the clean-up below can change errno.
  auto fail = [&](std::string message) {
    Status status = IoError(std::move(message));
    close(fd);
    unlink(path.c_str());
    return status;
  };
  // The umask may have removed bits but never adds any; make the mode exact anyway.
  if (fchmod(fd, 0600) != 0) return fail(msg::CannotSetKeyFileMode(path, Errno()));
  std::string line = HexEncode(bytes_) + "\n";
  size_t written = 0;
  while (written < line.size()) {
    ssize_t n = write(fd, line.data() + written, line.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      SecureWipe(line.data(), line.size());
      return fail(msg::CannotWriteKeyFile(path, Errno()));
    }
    written += static_cast<size_t>(n);
  }
  SecureWipe(line.data(), line.size());
  if (fsync(fd) != 0) return fail(msg::CannotSyncKeyFile(path, Errno()));
  if (close(fd) != 0) {
    unlink(path.c_str());
    return IoError(msg::CannotCloseKeyFile(path, Errno()));
  }
  return Status::Ok();
}

Status Key::ComputeFingerprint() {
  ASSIGN_OR_RETURN(Sha256Digest tag, HmacSha256(bytes_, AsBytes(kFingerprintLabel)));
  fingerprint_ = HexEncode(ByteView(tag.data(), 8));
  return Status::Ok();
}

bool Key::operator==(const Key& other) const { return CRYPTO_memcmp(bytes_.data(), other.bytes_.data(), kSize) == 0; }

}  // namespace sz::privacy
