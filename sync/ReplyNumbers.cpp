// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReplyNumbers.h"

#include <QJsonValue>

#include <algorithm>
#include <cmath>

namespace chorus::sync {

Result<qint64> replyInteger(const QJsonValue &value, qint64 min, qint64 max, const QString &what)
{
    max = std::min(max, kMaxReplyInteger);
    min = std::max(min, -kMaxReplyInteger);
    // Compared as doubles first: both bounds are exact in a double, so the cast below is defined.
    const double d = value.toDouble(std::nan(""));
    if (!value.isDouble() || !std::isfinite(d) || d != std::trunc(d) || d < double(min) || d > double(max)) {
        const QString shown = value.isDouble() ? QString::number(d, 'g', 6) : QStringLiteral("not a number");
        return makeError(ErrorKind::InvalidInput,
                         QStringLiteral("the server's reply has an impossible %1 (%2; expected a whole number from "
                                        "%3 to %4): it is not a Chorus-compatible server, or the reply was damaged")
                             .arg(what, shown)
                             .arg(min)
                             .arg(max));
    }
    return static_cast<qint64>(d);
}

Result<qint64> replyInteger(const QJsonObject &object, const QString &key, qint64 min, qint64 max, const QString &what,
                            std::optional<qint64> fallback)
{
    if (!object.contains(key) && fallback) {
        return *fallback;
    }
    return replyInteger(object.value(key), min, max, what);
}

} // namespace chorus::sync
