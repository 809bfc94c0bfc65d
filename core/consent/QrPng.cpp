// SPDX-License-Identifier: GPL-3.0-or-later
#include "QrPng.h"

#include <array>

namespace chorus::consent {

namespace {

constexpr std::array<quint32, 256> makeCrcTable()
{
    std::array<quint32, 256> table{};
    for (quint32 n = 0; n < 256; ++n) {
        quint32 c = n;
        for (int k = 0; k < 8; ++k)
            c = (c & 1u) ? 0xedb88320u ^ (c >> 1) : c >> 1;
        table[n] = c;
    }
    return table;
}
constexpr auto kCrcTable = makeCrcTable();

quint32 crc32(const QByteArray &bytes)
{
    quint32 c = 0xffffffffu;
    for (char b : bytes)
        c = kCrcTable[(c ^ static_cast<quint8>(b)) & 0xffu] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

void appendBigEndian(QByteArray &out, quint32 value)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        out.append(static_cast<char>((value >> shift) & 0xffu));
}

void appendChunk(QByteArray &png, const char type[4], const QByteArray &data)
{
    QByteArray typed(type, 4);
    typed.append(data);
    appendBigEndian(png, static_cast<quint32>(data.size()));
    png.append(typed);
    appendBigEndian(png, crc32(typed));
}

} // namespace

QByteArray qrPng(const QrMatrix &matrix, int moduleScale)
{
    Q_ASSERT(!matrix.isNull() && moduleScale > 0);
    const int modules = matrix.size() + 2 * QrMatrix::kQuietZone;
    const int pixels = modules * moduleScale;
    const int rowBytes = (pixels + 7) / 8;

    // 1-bit greyscale: bit set = white. Each row starts with filter type 0 (none).
    QByteArray raw;
    raw.reserve((rowBytes + 1) * pixels);
    for (int py = 0; py < pixels; ++py) {
        const int my = py / moduleScale - QrMatrix::kQuietZone;
        QByteArray row(rowBytes, '\0');
        for (int px = 0; px < pixels; ++px) {
            const int mx = px / moduleScale - QrMatrix::kQuietZone;
            const bool inside = mx >= 0 && my >= 0 && mx < matrix.size() && my < matrix.size();
            if (!(inside && matrix.isDark(mx, my)))
                row[px / 8] = static_cast<char>(row[px / 8] | (0x80 >> (px % 8)));
        }
        raw.append('\0');
        raw.append(row);
    }

    QByteArray header;
    appendBigEndian(header, static_cast<quint32>(pixels));
    appendBigEndian(header, static_cast<quint32>(pixels));
    header.append(char(1)); // bit depth
    header.append(char(0)); // greyscale
    header.append(char(0)); // deflate
    header.append(char(0)); // adaptive filtering
    header.append(char(0)); // no interlace

    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    appendChunk(png, "IHDR", header);
    // qCompress gives a zlib stream behind a 4-byte length prefix: PNG wants just the stream.
    appendChunk(png, "IDAT", qCompress(raw, 9).mid(4));
    appendChunk(png, "IEND", {});
    return png;
}

} // namespace chorus::consent
