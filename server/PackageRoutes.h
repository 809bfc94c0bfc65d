// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to chorus_server.
#include "Storage.h"

#include <httplib.h>

#include <QString>

namespace chorus::server {

// Survey packages for enrolled devices (Bearer device token), served from a directory the
// admin fills (DATA/packages/). The receiver does not read them: signed packages are checked
// on the device.
//   GET /v1/packages          → {"packages": [{"name", "size", "sha256"}]}
//   GET /v1/packages/{name}   → the file's bytes
void installPackageRoutes(httplib::Server &server, Storage &storage, QString packagesDir);

} // namespace chorus::server
