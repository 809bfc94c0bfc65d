// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "QrMatrix.h"

#include <QByteArray>

namespace chorus::consent {

// A QR matrix as a black-on-white 1-bit PNG, with the quiet zone, `moduleScale` pixels per
// module. Written by hand (zlib from qCompress, CRC-32 here) because core/ may not use QtGui;
// chorusctl prints a receipt's QR with it, the UI draws the matrix itself.
QByteArray qrPng(const QrMatrix &matrix, int moduleScale = 8);

} // namespace chorus::consent
