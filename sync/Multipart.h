// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/FilePart.h"

#include <QByteArray>

namespace chorus::sync {

struct MultipartBody {
    QByteArray contentType; // multipart/form-data; boundary=...
    QByteArray body;
};

// An OpenRosa submission body: the manifest as part `xml_submission_file` (with the filename=
// Central needs), then each part named by its file name. Bytes are copied as they are.
MultipartBody buildSubmissionBody(const QByteArray &manifest, const FileParts &parts);

// Groups parts into uploads whose bodies stay within `maxBytes`, each repeating the manifest
// (OpenRosa's split upload). A single part too big on its own still gets its own upload.
QList<FileParts> splitParts(const QByteArray &manifest, const FileParts &parts, qint64 maxBytes);

} // namespace chorus::sync
