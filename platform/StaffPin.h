// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>

namespace chorus::platform {

// The staff PIN that unlocks a kiosk. Only an Argon2id hash (libsodium crypto_pwhash_str,
// which embeds its salt and cost parameters) is ever stored, so a stolen settings file does
// not reveal the PIN; the PIN text is wiped from memory after hashing or checking.
namespace StaffPin {

// A PIN is 4 to 12 digits: staff type it on a touch screen, often under pressure.
Status validate(const QString &pin);

// The storable hash (an ASCII "$argon2id$..." string), or why the PIN was refused.
Result<QByteArray> hash(const QString &pin);

// True when `pin` matches `storedHash`. A malformed hash never matches.
bool verify(const QString &pin, const QByteArray &storedHash);

} // namespace StaffPin

} // namespace chorus::platform
