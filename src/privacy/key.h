// Key: the desk's 32-byte secret from which every pseudonym and CLK secret is derived.
//
//   ASSIGN_OR_RETURN(Key key, Key::Generate());          // OS CSPRNG
//   RETURN_IF_ERROR(key.WriteFile("desk.key"));           // mode 0600, never overwrites
//   ASSIGN_OR_RETURN(Key key, Key::ReadFile("desk.key"));
//   std::string fp = key.Fingerprint();                   // "9f86d081884c7d65": safe to log and store
//
// Key file format (version 1): one line of text, the 32 key bytes as 64 lowercase hex digits followed
// by a newline (uppercase digits and a CRLF ending are accepted on reading; nothing else). Text rather
// than raw bytes because a desk must be able to back the key up on paper, move it through a password
// manager and see at a glance that a copy is complete; hex has no ambiguous characters.
//
// Fingerprint: the first 16 hex digits (64 bits) of HMAC-SHA256(key, "samenzicht-fingerprint-v1").
// It identifies the key in extracts and in the store; it is one-way (it reveals nothing usable about the
// key) and is not itself a key for anything.
//
// The key bytes are never printed, logged or put into a message: no function here writes them anywhere
// but the key file, and error messages name the file, not its content. Memory holding them is wiped on
// destruction.
//
// Errors: WriteFile: kAlreadyExists if the path exists (also a symlink), kIoError otherwise.
//         ReadFile: kNotFound, kIoError, kDataError (not a version-1 key file).
// Thread safety: a const Key may be shared between threads.
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "core/status.h"
#include "privacy/bytes.h"

namespace sz::privacy {

class Key {
 public:
  static constexpr size_t kSize = 32;

  static Result<Key> Generate();
  // Exactly kSize bytes, else kInvalidArgument.
  static Result<Key> FromBytes(ByteView bytes);
  static Result<Key> ReadFile(const std::string& path);
  // Parses the key file format above (for tests and for keys passed through other channels).
  static Result<Key> Parse(std::string_view file_content);

  Key(const Key& other) = default;
  Key& operator=(const Key& other) = default;
  ~Key();

  // Creates `path` with mode 0600 (O_EXCL: refuses to overwrite or follow a symlink) and fsyncs it.
  Status WriteFile(const std::string& path) const;

  // Computed once when the key is made; 16 lowercase hex digits.
  const std::string& Fingerprint() const { return fingerprint_; }
  ByteView bytes() const { return ByteView(bytes_); }

  // Constant-time comparison.
  bool operator==(const Key& other) const;

 private:
  Key() = default;
  Status ComputeFingerprint();
  std::array<uint8_t, kSize> bytes_{};
  std::string fingerprint_;
};

}  // namespace sz::privacy
