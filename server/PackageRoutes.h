// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to chorus_server.
#include "Storage.h"

#include <httplib.h>

#include <QString>

namespace chorus::server {

// Survey packages (docs/formats/receiver-api.md). The receiver checks a published package's
// detached signature against the council signing key it was given, then that it is a valid
// survey package, before it replaces anything: a package no device would accept must never
// take the place of the published one (a lower version is refused afterwards, so the real
// package could not be published again). Without a signing key, publishing is refused.
// Devices check the signature again, against the council key they were enrolled with.
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
void installPackageRoutes(httplib::Server &server, Storage &storage, QByteArray adminToken, QString packagesDir,
                          QByteArray signingPublicKey);

} // namespace chorus::server
