// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to core/enrollment: the signed part of a bundle as JSON, and its rules.
#include "EnrollmentBundle.h"

#include <QJsonObject>

namespace chorus::enrollment::detail {

// The signed JSON object; QJsonObject sorts keys, so the compact form is canonical.
QJsonObject toJson(const EnrollmentBundle &bundle);
// Types and unknown fields only; the values' rules are checkFields().
Result<EnrollmentBundle> fromJson(const QJsonObject &object);
// Every value rule: lengths, character sets, URL scheme, pins, dates, key id and fingerprint.
Status checkFields(const EnrollmentBundle &bundle);
Status onlyKnownKeys(const QJsonObject &object, const QStringList &known, const QString &where);

// 127.0.0.0/8, ::1 and localhost (core may not use QtNetwork's QHostAddress).
bool isLoopbackHost(const QString &host);

} // namespace chorus::enrollment::detail
