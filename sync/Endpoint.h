// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QString>
#include <QUrl>

namespace chorus::sync {

// True for 127.0.0.0/8, ::1 and "localhost": the only hosts plain http may reach, and only
// when the caller explicitly allows it (tests, a receiver on the same machine).
bool isLoopbackHost(const QString &host);

// Checks the scheme rule: https always; http only to loopback and only with `allowHttpLoopback`.
Status checkUrlAllowed(const QUrl &url, bool allowHttpLoopback);

// The OpenRosa submission URL for a server base. `https://host` becomes `https://host/submission`;
// a URL already ending in `/submission` (e.g. Central's `/v1/key/{token}/projects/{id}/submission`)
// is used as given.
Result<QUrl> submissionUrl(const QString &endpoint, bool allowHttpLoopback);

} // namespace chorus::sync
