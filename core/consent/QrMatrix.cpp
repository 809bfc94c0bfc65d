// SPDX-License-Identifier: GPL-3.0-or-later
#include "QrMatrix.h"

#include <qrencode.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace chorus::consent {

namespace {
struct QrCodeFree {
    void operator()(QRcode *code) const { QRcode_free(code); }
};
} // namespace

QString QrMatrix::toText() const
{
    QString out;
    out.reserve(m_size * (m_size + 1));
    for (int y = 0; y < m_size; ++y) {
        for (int x = 0; x < m_size; ++x)
            out.append(isDark(x, y) ? u'#' : u'.');
        out.append(u'\n');
    }
    return out;
}

Result<QrMatrix> encodeQr(const QString &text)
{
    if (text.isEmpty())
        return makeError(ErrorKind::InvalidInput, u"Nothing to put in the QR code: the text is empty."_s);
    const QByteArray utf8 = text.toUtf8();
    // QR_MODE_8 as the hint lets libqrencode pick the densest mode per segment
    // (alphanumeric for a receipt code); case-sensitive keeps lower case intact.
    std::unique_ptr<QRcode, QrCodeFree> code(QRcode_encodeString(utf8.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
    if (!code)
        return makeError(ErrorKind::InvalidInput,
                         u"Could not make a QR code: the text is too long (%1 bytes)."_s.arg(utf8.size()));
    const int size = code->width;
    std::vector<bool> modules(static_cast<size_t>(size) * static_cast<size_t>(size));
    // libqrencode sets bit 0 of each byte for a dark module; the other bits are its own notes.
    for (size_t i = 0; i < modules.size(); ++i)
        modules[i] = (code->data[i] & 1u) != 0;
    return QrMatrix(size, std::move(modules));
}

} // namespace chorus::consent
