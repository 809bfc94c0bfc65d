// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to chorus_server.
#include "Storage.h"

#include <httplib.h>

namespace chorus::server {

// HEAD/POST /submission (Bearer device token) and /v1/key/{token}/projects/{id}/submission.
void installSubmissionRoutes(httplib::Server &server, Storage &storage, qint64 maxBody);

// One submission request after HTTP parsing (exposed for the fuzz target): `pathToken` and
// `projectId` come from the /v1/key/{token}/projects/{id}/ form, empty for /submission.
void handleSubmissionRequest(const httplib::Request &request, httplib::Response &response, Storage &storage,
                             qint64 maxBody, const QByteArray &pathToken, const QString &projectId);

} // namespace chorus::server
