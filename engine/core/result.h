// Result<T> and Status: the engine's error channel. No exceptions cross the engine API; every
// failure carries a code and one human-readable line that names the file and the problem.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace litelab {

enum class ErrorCode {
    kIo,           // the file cannot be opened, read or written
    kFormat,       // the bytes are not a valid file of the expected format
    kInvalid,      // the content is well-formed but inconsistent (indices, sizes)
    kUnsupported,  // valid, but beyond what LiteLab implements
    kUsage,        // the caller asked for something impossible
    kCancelled,    // the user stopped the job; not a failure
};

struct Error {
    ErrorCode code = ErrorCode::kInvalid;
    std::string message;

    // Prefixes the message with the file it concerns: "model.tflite: <message>".
    Error in_file(const std::string& path) const& { return {code, path + ": " + message}; }
};

inline Error make_error(ErrorCode code, std::string message) { return {code, std::move(message)}; }

template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : state_(std::move(value)) {}
    Result(Error error) : state_(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(state_); }
    explicit operator bool() const { return ok(); }

    T& value() & { assert(ok()); return std::get<T>(state_); }
    const T& value() const& { assert(ok()); return std::get<T>(state_); }
    T&& value() && { assert(ok()); return std::get<T>(std::move(state_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const { assert(!ok()); return std::get<Error>(state_); }

private:
    std::variant<T, Error> state_;
};

class [[nodiscard]] Status {
public:
    Status() = default;
    Status(Error error) : error_(std::move(error)), failed_(true) {}

    static Status success() { return {}; }
    bool ok() const { return !failed_; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { assert(failed_); return error_; }

private:
    Error error_;
    bool failed_ = false;
};

}  // namespace litelab

// Propagates a failed Status or Result from an expression in a function returning Status/Result.
#define LITELAB_TRY(expr)                               \
    do {                                                \
        if (auto litelab_try_ = (expr); !litelab_try_)  \
            return litelab_try_.error();                \
    } while (false)
