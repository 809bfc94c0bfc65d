// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to chorus_server.
#include "Storage.h"

#include <httplib.h>

namespace chorus::server {

// Device enrollment for admins (Bearer admin token; docs/formats/receiver-api.md):
//   POST   /v1/admin/devices                 {"name", "surveys": [...]} → 201 {"name", "token", "surveys"}
//   GET    /v1/admin/devices                 → {"devices": [{"name", "createdAt", "revokedAt", "surveys"}]}
//   PUT    /v1/admin/devices/{name}/surveys  {"surveys": [...]} → 200
//   DELETE /v1/admin/devices/{name}          → 204 (its token stops working at once)
// The token is in the reply once; the receiver keeps only its hash.
void installDeviceRoutes(httplib::Server &server, Storage &storage, QByteArray adminToken);

// True when the request carries the admin token; otherwise writes the 401 and returns false.
bool requireAdmin(const httplib::Request &request, httplib::Response &response, const QByteArray &adminToken);

// Device names as the receiver accepts them (and bundles carry): 1-64 of A-Z a-z 0-9 . _ -,
// not starting with a dot. Survey ids: as survey packages define them, or "*" for all.
bool isValidDeviceName(const QString &name);
bool isValidSurveyAssignment(const QString &surveyIdOrStar);

} // namespace chorus::server
