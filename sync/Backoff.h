// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>

#include <chrono>
#include <functional>
#include <optional>

namespace chorus::sync {

// Exponential backoff with jitter for retries after transient failures. The n-th consecutive
// failure waits d = min(max, base·2^(n-1)), drawn uniformly from [d/2, d] so devices that failed
// together (a receiver restart, a dead cell) do not come back together, and never less than a
// server's Retry-After. reset() after a success starts again from `base`.
//
// The random source is injectable so tests can pin the jitter; it returns a value in [0, bound].
class Backoff
{
public:
    using Random = std::function<quint64(quint64 bound)>;

    Backoff(std::chrono::milliseconds base, std::chrono::milliseconds max, Random random = {});

    // Counts one more failure and returns how long to wait before the next try.
    std::chrono::milliseconds next(std::optional<std::chrono::milliseconds> retryAfter = std::nullopt);
    void reset() { m_failures = 0; }
    int failures() const { return m_failures; }

    // The ceiling d for the n-th consecutive failure (n >= 1), before jitter.
    std::chrono::milliseconds ceiling(int failures) const;

private:
    std::chrono::milliseconds m_base;
    std::chrono::milliseconds m_max;
    Random m_random;
    int m_failures = 0;
};

// A Retry-After header (delta-seconds or an HTTP-date, RFC 9110 §10.2.3) as a wait from `now`;
// nullopt when absent or unreadable. A date in the past is a wait of zero.
std::optional<std::chrono::milliseconds> parseRetryAfter(const QByteArray &value, const QDateTime &nowUtc);

} // namespace chorus::sync
