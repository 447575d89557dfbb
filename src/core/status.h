// Status and Result<T>: how Samenzicht reports expected failures.
//
// Every function that can fail on bad input or a bad environment returns a Status or a Result<T>
// instead of throwing. The code says what kind of failure it is; the message says what went wrong
// and, where possible, how to fix it. Status codes map to exit codes in exactly one place
// (cli/exit_codes.h) and to HTTP statuses in exactly one place (server, later).
//
//   Result<int> ParseCount(std::string_view text);
//   ...
//   ASSIGN_OR_RETURN(int count, ParseCount(cell));
//   RETURN_IF_ERROR(store.Commit());
//
// Thread safety: values, no shared state.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace sz {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,     // the caller (user) asked for something malformed: usage error
  kDataError,           // input data is bad: rows rejected, file unreadable as the format it claims
  kNotFound,            // a named thing (file, source, region) does not exist
  kAlreadyExists,       // refusing to overwrite or to add twice
  kFailedPrecondition,  // the state does not allow this (e.g. key fingerprint mismatch)
  kIoError,             // environment: file system, disk full, database not writable
  kInternal,            // a bug: an invariant did not hold
};

std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "DATA_ERROR: message" — for logs and tests.
  std::string ToString() const;

  // Returns a copy with `context + ": "` prefixed to the message.
  Status WithContext(std::string_view context) const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgumentError(std::string message) {
  return Status(StatusCode::kInvalidArgument, std::move(message));
}
inline Status DataError(std::string message) { return Status(StatusCode::kDataError, std::move(message)); }
inline Status NotFoundError(std::string message) { return Status(StatusCode::kNotFound, std::move(message)); }
inline Status AlreadyExistsError(std::string message) {
  return Status(StatusCode::kAlreadyExists, std::move(message));
}
inline Status FailedPreconditionError(std::string message) {
  return Status(StatusCode::kFailedPrecondition, std::move(message));
}
inline Status IoError(std::string message) { return Status(StatusCode::kIoError, std::move(message)); }
inline Status InternalError(std::string message) { return Status(StatusCode::kInternal, std::move(message)); }

// A value or an error Status (never an OK status).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {  // NOLINT: implicit by design
    assert(!std::get<Status>(data_).ok() && "Result constructed from an OK status");
  }

  bool ok() const { return std::holds_alternative<T>(data_); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(data_);
  }
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace sz

#define SZ_CONCAT_INNER(a, b) a##b
#define SZ_CONCAT(a, b) SZ_CONCAT_INNER(a, b)

#define RETURN_IF_ERROR(expr)                   \
  do {                                          \
    ::sz::Status sz_status_ = (expr);           \
    if (!sz_status_.ok()) return sz_status_;    \
  } while (false)

#define ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                          \
  if (!tmp.ok()) return tmp.status();         \
  lhs = std::move(tmp).value()

#define ASSIGN_OR_RETURN(lhs, expr) ASSIGN_OR_RETURN_IMPL(SZ_CONCAT(sz_result_, __LINE__), lhs, expr)
