// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>

namespace chorus::platform {

// Reads the text of the QR code in a PNG or JPEG (a photo or screenshot of an enrollment
// bundle's QR) with libzbar. Exactly one QR code is expected; none, several, or an image too
// large to be a QR picture are errors that say what to do.
namespace QrImageReader {

inline constexpr qsizetype kMaxFileBytes = 20 * 1024 * 1024;
inline constexpr int kMaxSide = 8000; // pixels

Result<QByteArray> readFile(const QString &path);
Result<QByteArray> readImageBytes(const QByteArray &encodedImage);

} // namespace QrImageReader

} // namespace chorus::platform
