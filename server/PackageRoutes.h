// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to chorus_server.
#include "Storage.h"

#include <httplib.h>

#include <QString>

namespace chorus::server {

// Survey packages (docs/formats/receiver-api.md). The receiver checks that a published file is
// a valid survey package and keeps it with its detached signature; the signature itself is
// checked on the device, against the council key it was enrolled with.
//
// Admins (Bearer admin token):
//   PUT /v1/admin/packages/{surveyId}  body: the package bytes, header X-Chorus-Signature:
//                                      base64 of the 64-byte signature → 201 / 200, or 409
//                                      for a lower version (or the same version, changed)
//   GET /v1/admin/packages             → {"packages": [{"surveyId", "version", "size", "sha256", "publishedAt"}]}
// Enrolled devices (Bearer device token), only the surveys assigned to them:
//   GET /v1/packages                   → {"packages": [{"name", "surveyId", "version", "size", "sha256"}]}
//   GET /v1/packages/{name}            → the package bytes
//   GET /v1/packages/{name}/signature  → the signature, base64 on one line
// Files an admin puts in `packagesDir` (the older way, empty: none) are offered as well, only
// to devices assigned all surveys ("*"), their signature in `{name}.sig` beside them.
void installPackageRoutes(httplib::Server &server, Storage &storage, QByteArray adminToken, QString packagesDir);

} // namespace chorus::server
