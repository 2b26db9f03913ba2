// Status and Result<T>: how every stage of Parting reports failure.
//
// Errors are values. A failed Status carries a code, a message for people and,
// for invalid requests, the list of offending fields as JSON pointers
// ("/contract/notice_period/unit"), so that callers (the server, the command
// line) never parse message text. Both types are cheap to move and are not
// shared between threads.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace parting {

/// One offending field of a request: where it is and what is wrong with it.
struct FieldError {
  std::string pointer;  ///< RFC 6901 JSON pointer, "" for the whole document.
  std::string message;  ///< One readable sentence, no trailing period needed.
  bool operator==(const FieldError&) const = default;
};

enum class StatusCode {
  kOk,
  kUnparseable,  ///< not JSON, not UTF-8: HTTP 400
  kInvalid,      ///< parsed but wrong: HTTP 422, see errors()
  kNotFound,     ///< a resource (template, font) is missing
  kInternal,     ///< a bug or a broken installation: HTTP 500
};

class Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  /// Text that is not the JSON asked for; `errors` names the field at fault
  /// when there is one (a key given twice).
  static Status Unparseable(std::string message, std::vector<FieldError> errors = {}) {
    return Status(StatusCode::kUnparseable, std::move(message), std::move(errors));
  }
  /// A request that parsed but is wrong; `errors` names every offending field.
  static Status Invalid(std::vector<FieldError> errors) {
    return Status(StatusCode::kInvalid, "the request is invalid", std::move(errors));
  }
  static Status NotFound(std::string message) {
    return Status(StatusCode::kNotFound, std::move(message), {});
  }
  static Status Internal(std::string message) {
    return Status(StatusCode::kInternal, std::move(message), {});
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::vector<FieldError>& errors() const { return errors_; }

  /// "message" or "message: /a/b: why; /c: why" — for logs and the command line.
  std::string ToString() const;

 private:
  Status(StatusCode code, std::string message, std::vector<FieldError> errors)
      : code_(code), message_(std::move(message)), errors_(std::move(errors)) {}

  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::vector<FieldError> errors_;
};

/// A value or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT
  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  /// Requires ok().
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace parting
