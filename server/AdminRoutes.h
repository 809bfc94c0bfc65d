// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to chorus_server.
#include "Storage.h"

#include <httplib.h>

namespace chorus::server {

// The admin pull API (docs/formats/receiver-api.md) behind a Bearer admin token, and /healthz.
void installAdminRoutes(httplib::Server &server, Storage &storage, QByteArray adminToken);

} // namespace chorus::server
