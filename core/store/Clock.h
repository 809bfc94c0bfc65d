// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>

#include <functional>

namespace chorus::store {

// Where repositories get "now" (UTC). Injected so tests can drive retention and ordering
// without sleeping.
using Clock = std::function<QDateTime()>;

inline Clock systemClock()
{
    return [] { return QDateTime::currentDateTimeUtc(); };
}

// Times are stored as milliseconds since the epoch, UTC, so they order and compare exactly.
inline qint64 toStoredTime(const QDateTime &time)
{
    return time.toMSecsSinceEpoch();
}

inline QDateTime fromStoredTime(qint64 msecs)
{
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
}

} // namespace chorus::store
