// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QString>

#include <vector>

namespace chorus::consent {

// A QR code as a square of dark/light modules, without any image type: core/ may not use
// QtGui, so the UI (or a CLI PNG writer) draws it. Draw `quietZone` light modules around it.
class QrMatrix
{
public:
    static constexpr int kQuietZone = 4; // modules, as ISO/IEC 18004 requires

    QrMatrix() = default;
    QrMatrix(int size, std::vector<bool> modules) : m_size(size), m_modules(std::move(modules)) {}

    int size() const { return m_size; }        // modules per side, without the quiet zone
    int version() const { return (m_size - 17) / 4; }
    bool isNull() const { return m_size == 0; }
    bool isDark(int x, int y) const { return m_modules[static_cast<size_t>(y * m_size + x)]; }

    // The matrix as text, one row per line, '#' dark and '.' light: for tests and terminals.
    QString toText() const;

    friend bool operator==(const QrMatrix &, const QrMatrix &) = default;

private:
    int m_size = 0;
    std::vector<bool> m_modules; // row-major
};

// Encodes `text` with libqrencode at error-correction level M in the smallest version that
// holds it. Receipt codes (upper case, digits, '-') use QR's compact alphanumeric mode.
Result<QrMatrix> encodeQr(const QString &text);

} // namespace chorus::consent
