#include "store/store.h"

#include "store/memory/memory_store.h"
#include "store/messages.h"
#include "store/sqlite/sqlite_store.h"

namespace sz::store {

Transaction& Transaction::operator=(Transaction&& other) noexcept {
  if (this != &other) {
    if (backend_) backend_->Rollback();
    backend_ = std::move(other.backend_);
  }
  return *this;
}

Transaction::~Transaction() {
  if (backend_) backend_->Rollback();
}

Status Transaction::Commit() {
  if (!backend_) return FailedPreconditionError(msg::TransactionFinished());
  std::unique_ptr<TransactionBackend> backend = std::move(backend_);
  return backend->Commit();
}

Result<std::unique_ptr<Store>> OpenStore(std::string_view url) {
  // A scheme is letters before a ':' with no '/' before it; anything else is a path.
  size_t colon = url.find(':');
  std::string_view scheme = colon == std::string_view::npos ? std::string_view() : url.substr(0, colon);
  bool has_scheme = !scheme.empty() && scheme.find('/') == std::string_view::npos;
  if (!has_scheme) return OpenSqliteStore(std::string(url));
  std::string_view rest = url.substr(colon + 1);
  if (scheme == "sqlite") {
    if (rest.rfind("//", 0) == 0) rest.remove_prefix(2);  // sqlite://PATH as well
    if (rest.empty()) return InvalidArgumentError(msg::UnknownStoreUrl(url));
    return OpenSqliteStore(std::string(rest));
  }
  if (scheme == "memory") return OpenMemoryStore();
  if (scheme == "postgresql" || scheme == "postgres") return InvalidArgumentError(msg::PostgresNotYet(url));
  return InvalidArgumentError(msg::UnknownStoreUrl(url));
}

}  // namespace sz::store
