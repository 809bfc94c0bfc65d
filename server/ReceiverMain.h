// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QTextStream>

namespace chorus::server {

// The chorus-receiver command line (arguments after argv[0] included), so tests can drive it:
//   chorus-receiver --data DIR --listen HOST:PORT [--admin-token-file F] [--max-body BYTES]
//   chorus-receiver token issue --data DIR --device NAME | revoke --data DIR --device NAME | list --data DIR
// Returns the exit code: 0 ok, 1 failure, 2 usage error.
int receiverMain(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace chorus::server
