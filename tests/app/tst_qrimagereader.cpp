// SPDX-License-Identifier: GPL-3.0-or-later
// The QR picture reader against codes made by libqrencode (core/consent/QrMatrix) in the test.
#include "QrImageReader.h"
#include "consent/QrMatrix.h"
#include "consent/QrPng.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

using namespace chorus;

class TestQrImageReader : public QObject
{
    Q_OBJECT

private:
    static QByteArray pngOf(const QString &text)
    {
        auto matrix = consent::encodeQr(text);
        if (!matrix) {
            qFatal("encodeQr failed: %s", qPrintable(matrix.error().message));
        }
        return consent::qrPng(*matrix, 6);
    }

private Q_SLOTS:
    void readFile_pngOfABundleSizedText_returnsTheExactText()
    {
        // About the size of an enrollment bundle: JSON with base64 fields.
        QByteArray text = "{\"bundle\":\"";
        for (int i = 0; i < 12; ++i) {
            text += QByteArray("eyJjb3VuY2lsIjoiVGVzdCBCb3JvdWdoIENvdW5jaWwiLCJlbmRwb2ludCI6").left(40 + i);
        }
        text += "\",\"signature\":\"abc+/==\"}";
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bundle.png"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(pngOf(QString::fromLatin1(text)));
        file.close();

        const auto read = platform::QrImageReader::readFile(path);
        QVERIFY2(read, read ? "" : qPrintable(read.error().message));
        QCOMPARE(*read, text);
    }

    void readImageBytes_jpegScaledAndOnGrey_stillReads()
    {
        QImage image;
        QVERIFY(image.loadFromData(pngOf(QStringLiteral("chorus enrollment"))));
        QImage photo(image.width() + 200, image.height() + 120, QImage::Format_RGB32);
        photo.fill(QColor(200, 200, 200));
        QPainter(&photo).drawImage(100, 60, image.scaled(image.size() * 1.5));
        QByteArray jpeg;
        QBuffer buffer(&jpeg);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(photo.save(&buffer, "JPEG", 90));

        const auto read = platform::QrImageReader::readImageBytes(jpeg);
        QVERIFY2(read, read ? "" : qPrintable(read.error().message));
        QCOMPARE(*read, QByteArray("chorus enrollment"));
    }

    void readImageBytes_noCode_saysNoQrCodeFound()
    {
        QImage blank(300, 300, QImage::Format_RGB32);
        blank.fill(Qt::white);
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(blank.save(&buffer, "PNG"));

        const auto read = platform::QrImageReader::readImageBytes(png);
        QVERIFY(!read);
        QVERIFY2(read.error().message.contains(QStringLiteral("no QR code")), qPrintable(read.error().message));
    }

    void readImageBytes_twoCodes_refusesToGuess()
    {
        QImage one, two;
        QVERIFY(one.loadFromData(pngOf(QStringLiteral("first"))));
        QVERIFY(two.loadFromData(pngOf(QStringLiteral("second"))));
        QImage both(one.width() + two.width(), std::max(one.height(), two.height()), QImage::Format_RGB32);
        both.fill(Qt::white);
        QPainter painter(&both);
        painter.drawImage(0, 0, one);
        painter.drawImage(one.width(), 0, two);
        painter.end();
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(both.save(&buffer, "PNG"));

        const auto read = platform::QrImageReader::readImageBytes(png);
        QVERIFY(!read);
        QVERIFY2(read.error().message.contains(QStringLiteral("2 QR codes")), qPrintable(read.error().message));
    }

    void readImageBytes_notAnImage_saysSo()
    {
        const auto read = platform::QrImageReader::readImageBytes(QByteArray("{\"bundle\":\"...\"}"));
        QVERIFY(!read);
        QVERIFY(read.error().message.contains(QStringLiteral("not a PNG or JPEG")));
    }
};

QTEST_GUILESS_MAIN(TestQrImageReader)

#include "tst_qrimagereader.moc"
