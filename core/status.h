// Status: the outcome of an operation that can fail, passed across module boundaries as a value
// (the LevelDB/RocksDB convention). The caller decides what a failure means; the CLI maps codes to
// exit codes (see ExitCodeFor in cli/).
#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace kg {

class Status final {
 public:
  enum class Code {
    kOk = 0,
    kNotFound,         // the thing asked for does not exist (exit 1 at the CLI)
    kInvalidArgument,  // bad input or bad usage: the user can fix it (exit 2)
    kCorruption,       // stored or model data is damaged (exit 3)
    kIOError,          // the operating system refused (exit 3)
    kBusy,             // another process holds the store (exit 3)
    kNotSupported,     // e.g. a store or model written by a newer version (exit 3)
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status InvalidArgument(std::string msg) {
    return Status(Code::kInvalidArgument, std::move(msg));
  }
  static Status Corruption(std::string msg) { return Status(Code::kCorruption, std::move(msg)); }
  static Status IOError(std::string msg) { return Status(Code::kIOError, std::move(msg)); }
  static Status Busy(std::string msg) { return Status(Code::kBusy, std::move(msg)); }
  static Status NotSupported(std::string msg) {
    return Status(Code::kNotSupported, std::move(msg));
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  bool IsNotFound() const { return code_ == Code::kNotFound; }
  bool IsInvalidArgument() const { return code_ == Code::kInvalidArgument; }
  // The message alone, one line, meant for the user.
  const std::string& message() const { return message_; }

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

}  // namespace kg

// Returns early from the enclosing function when `expr` yields a failed Status.
#define KG_RETURN_IF_ERROR(expr)             \
  do {                                       \
    ::kg::Status kg_status_ = (expr);        \
    if (!kg_status_.ok()) return kg_status_; \
  } while (0)
