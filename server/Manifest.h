// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace chorus::server {

// What the receiver needs from a submission's XML: its instanceID and the files it names
// (`media/file` and `encryptedXmlFile` in an encrypted envelope). Nothing else is read.
struct ManifestInfo {
    QString formId; // the root element's `id`; required, as ODK Central requires it
    QString instanceId;
    QStringList files;
    // Set for a withdrawal request (root element `chorus-withdrawal`): the response to erase.
    QString withdrawalTarget;
    bool isWithdrawal() const { return !withdrawalTarget.isEmpty(); }
};

Result<ManifestInfo> readManifest(const QByteArray &xml);

// A part name the receiver will store and serve: 1-200 characters of [A-Za-z0-9._-], not
// starting with a dot. Anything else (paths, control characters) is refused with 400.
bool isSafeFileName(const QString &name);

// An instanceID the receiver accepts: 1-200 characters of [A-Za-z0-9:._-], starting with a
// letter or digit (so it can become a directory name on the admin side).
bool isSafeInstanceId(const QString &id);

} // namespace chorus::server
