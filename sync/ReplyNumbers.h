// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace chorus::sync {

// Every number read from a server reply (package listings, pull pages, admin API replies) goes
// through here before it becomes an integer. JSON numbers arrive as doubles, and converting a
// double outside the target's range (`"size": 1e300`) is undefined behaviour: in practice a
// huge negative size that slips past every "too large" check. So a value must be a whole number
// within [min, max] (max at most 2^53, where doubles still count every integer), or the reply
// is refused with a message naming the field.
inline constexpr qint64 kMaxReplyInteger = qint64(1) << 53;
// Sizes of files and packages in replies: no receiver stores a terabyte in one file.
inline constexpr qint64 kMaxReplyBytes = qint64(1) << 40;

// `what` names the field for the error, e.g. "package size".
Result<qint64> replyInteger(const QJsonValue &value, qint64 min, qint64 max, const QString &what);

// `key` of `object`; `fallback` when the key is absent (an error when there is no fallback).
Result<qint64> replyInteger(const QJsonObject &object, const QString &key, qint64 min, qint64 max,
                            const QString &what, std::optional<qint64> fallback = std::nullopt);

} // namespace chorus::sync
