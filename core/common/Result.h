// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace chorus {

// What went wrong, in kinds a caller can act on. The message is for people: it says what
// happened and, where there is one, what to do next. It never carries an answer or a secret.
enum class ErrorKind {
    InvalidInput, // the input (file, argument, reply) is malformed or breaks a rule
    NotFound,
    Io,           // file system: missing, unreadable, full disk
    Crypto,       // wrong key or passphrase, failed authentication, tampering
    Database,
    Conflict,     // the other side holds something different under the same id
    Network,      // transient: worth a retry
    Permission,   // refused: re-enrol or ask an admin
    Unsupported,  // e.g. a database written by a newer Chorus
    Internal,
};

struct Error {
    ErrorKind kind = ErrorKind::Internal;
    QString message;

    // Transient failures are worth retrying with backoff; everything else is final.
    bool isRetryable() const { return kind == ErrorKind::Network; }
};

inline Error makeError(ErrorKind kind, QString message)
{
    return Error{kind, std::move(message)};
}

// A value or an Error: the project's std::expected (which clang 14 cannot use from libstdc++ 12).
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_state(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_state); }
    const T &value() const & { return std::get<0>(m_state); }
    T &&value() && { return std::get<0>(std::move(m_state)); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

    const Error &error() const { return std::get<1>(m_state); }

private:
    std::variant<T, Error> m_state;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

} // namespace chorus
