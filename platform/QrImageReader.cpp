// SPDX-License-Identifier: GPL-3.0-or-later
#include "QrImageReader.h"

#include <QFile>
#include <QImage>

#include <cstring>
#include <memory>

#include <zbar.h>

// zbar.h declares its C API inside namespace zbar when compiled as C++.
using namespace zbar;

namespace chorus::platform::QrImageReader {

namespace {

struct ScannerDeleter {
    void operator()(zbar_image_scanner_t *s) const { zbar_image_scanner_destroy(s); }
};
struct ImageDeleter {
    void operator()(zbar_image_t *i) const { zbar_image_destroy(i); }
};

} // namespace

Result<QByteArray> readImageBytes(const QByteArray &encodedImage)
{
    QImage image;
    if (!image.loadFromData(encodedImage)) {
        return makeError(ErrorKind::InvalidInput,
                         QStringLiteral("the file is not a PNG or JPEG image; choose the QR picture of the bundle"));
    }
    if (image.width() > kMaxSide || image.height() > kMaxSide) {
        return makeError(ErrorKind::InvalidInput, QStringLiteral("the image is larger than %1 pixels on a side; "
                                                                 "crop it to the QR code").arg(kMaxSide));
    }
    // zbar reads 8-bit grey ("Y800") rows with no padding.
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    const int width = grey.width();
    const int height = grey.height();
    QByteArray pixels(qsizetype(width) * height, Qt::Uninitialized);
    for (int y = 0; y < height; ++y) {
        std::memcpy(pixels.data() + qsizetype(y) * width, grey.constScanLine(y), static_cast<size_t>(width));
    }

    std::unique_ptr<zbar_image_scanner_t, ScannerDeleter> scanner(zbar_image_scanner_create());
    std::unique_ptr<zbar_image_t, ImageDeleter> zimage(zbar_image_create());
    if (!scanner || !zimage) {
        return makeError(ErrorKind::Internal, QStringLiteral("the QR reader could not start (out of memory?)"));
    }
    zbar_image_scanner_set_config(scanner.get(), ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
    zbar_image_scanner_set_config(scanner.get(), ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
    // Keep the bytes as encoded: a bundle is ASCII JSON and must reach the verifier unchanged.
    zbar_image_scanner_set_config(scanner.get(), ZBAR_QRCODE, ZBAR_CFG_BINARY, 1);
    zbar_image_set_format(zimage.get(), zbar_fourcc('Y', '8', '0', '0'));
    zbar_image_set_size(zimage.get(), static_cast<unsigned>(width), static_cast<unsigned>(height));
    zbar_image_set_data(zimage.get(), pixels.constData(), static_cast<unsigned long>(pixels.size()), nullptr);

    const int found = zbar_scan_image(scanner.get(), zimage.get());
    if (found < 0) {
        return makeError(ErrorKind::Internal, QStringLiteral("the QR reader failed on this image"));
    }
    QByteArray text;
    int codes = 0;
    for (const zbar_symbol_t *symbol = zbar_image_first_symbol(zimage.get()); symbol;
         symbol = zbar_symbol_next(symbol)) {
        if (zbar_symbol_get_type(symbol) != ZBAR_QRCODE) {
            continue;
        }
        ++codes;
        text = QByteArray(zbar_symbol_get_data(symbol), static_cast<qsizetype>(zbar_symbol_get_data_length(symbol)));
    }
    if (codes == 0) {
        return makeError(ErrorKind::InvalidInput, QStringLiteral("no QR code found in the image; use a sharper, "
                                                                 "straight-on picture of the whole code"));
    }
    if (codes > 1) {
        return makeError(ErrorKind::InvalidInput,
                         QStringLiteral("the image holds %1 QR codes; use a picture of the bundle's code alone").arg(codes));
    }
    return text;
}

Result<QByteArray> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(ErrorKind::Io, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    }
    if (file.size() > kMaxFileBytes) {
        return makeError(ErrorKind::InvalidInput,
                         QStringLiteral("%1 is larger than %2 MB: not a QR picture").arg(path).arg(kMaxFileBytes >> 20));
    }
    return readImageBytes(file.read(kMaxFileBytes));
}

} // namespace chorus::platform::QrImageReader
