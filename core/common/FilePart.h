// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace chorus {

// A named blob: an encrypted envelope part ("submission.xml.enc"), an attachment, or a
// multipart body part. Crypto produces them, the store keeps them byte for byte, sync sends them.
struct FilePart {
    QString name;
    QByteArray bytes;

    friend bool operator==(const FilePart &, const FilePart &) = default;
};

using FileParts = QList<FilePart>;

} // namespace chorus
