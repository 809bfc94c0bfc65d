// SPDX-License-Identifier: GPL-3.0-or-later
#include "Backoff.h"

#include <QLocale>
#include <QRandomGenerator>

#include <algorithm>

namespace chorus::sync {

Backoff::Backoff(std::chrono::milliseconds base, std::chrono::milliseconds max, Random random)
    : m_base(std::max(base, std::chrono::milliseconds(1)))
    , m_max(std::max(max, m_base))
    , m_random(std::move(random))
{
    if (!m_random) {
        m_random = [](quint64 bound) { return QRandomGenerator::global()->bounded(bound + 1); };
    }
}

std::chrono::milliseconds Backoff::ceiling(int failures) const
{
    // Doubling stops at the cap; the shift is bounded so it cannot overflow.
    const int doublings = std::clamp(failures - 1, 0, 40);
    const long long base = m_base.count();
    const long long cap = m_max.count();
    const long long grown = doublings >= 62 || base > (cap >> doublings) ? cap : base << doublings;
    return std::chrono::milliseconds(std::min(grown, cap));
}

std::chrono::milliseconds Backoff::next(std::optional<std::chrono::milliseconds> retryAfter)
{
    ++m_failures;
    const long long d = ceiling(m_failures).count();
    const long long half = d / 2;
    const long long jittered = half + std::min<long long>(d - half, qint64(m_random(quint64(d - half))));
    const std::chrono::milliseconds delay(jittered);
    return retryAfter && *retryAfter > delay ? *retryAfter : delay;
}

std::optional<std::chrono::milliseconds> parseRetryAfter(const QByteArray &value, const QDateTime &nowUtc)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty()) {
        return std::nullopt;
    }
    bool ok = false;
    const qint64 seconds = trimmed.toLongLong(&ok);
    if (ok) {
        return seconds < 0 ? std::nullopt : std::optional(std::chrono::milliseconds(std::min<qint64>(seconds, 86400) * 1000));
    }
    // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT".
    QDateTime at = QLocale::c().toDateTime(QString::fromLatin1(trimmed), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!at.isValid()) {
        return std::nullopt;
    }
    at.setTimeSpec(Qt::UTC);
    const qint64 ms = nowUtc.msecsTo(at);
    return std::chrono::milliseconds(std::clamp<qint64>(ms, 0, 86400 * 1000));
}

} // namespace chorus::sync
