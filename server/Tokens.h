// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace chorus::server {

// A new random bearer token: 32 bytes from libsodium, base64url without padding.
QByteArray generateToken();

// What the receiver stores and looks up instead of the token itself.
QByteArray hashToken(const QByteArray &token);

// Constant-time comparison of two tokens (through their hashes, so lengths do not leak).
bool tokensEqual(const QByteArray &a, const QByteArray &b);

} // namespace chorus::server
