// Settings: the store's small key → value part, for facts that belong to the data rather than to a
// configuration file (today: the fingerprint of the pseudonymisation key the store links with).
//
//   ASSIGN_OR_RETURN(std::optional<std::string> fingerprint, store.settings().Get(kLinkageKeyFingerprintSetting));
//
// Set needs an open transaction and overwrites.
#pragma once

#include <optional>
#include <string>

#include "core/status.h"

namespace sz::store {

// Setting key under which the fingerprint of the pseudonymisation key the store links with is kept.
inline constexpr const char* kLinkageKeyFingerprintSetting = "linkage_key_fingerprint";

class Settings {
 public:
  virtual ~Settings() = default;
  virtual Result<std::optional<std::string>> Get(const std::string& key) = 0;
  virtual Status Set(const std::string& key, const std::string& value) = 0;
};

}  // namespace sz::store
