// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to chorus_server.
#include "Storage.h"

#include <httplib.h>

namespace chorus::server {

// HEAD/POST /submission (Bearer device token) and /v1/key/{token}/projects/{id}/submission.
void installSubmissionRoutes(httplib::Server &server, Storage &storage, qint64 maxBody);

} // namespace chorus::server
