// SPDX-License-Identifier: GPL-3.0-or-later
#include "consent/QrMatrix.h"
#include "consent/QrPng.h"
#include "consent/ReceiptCode.h"

#include <QImage>
#include <QTest>

using namespace Qt::StringLiterals;
using chorus::consent::encodeQr;
using chorus::consent::QrMatrix;

namespace {
// A finder pattern: 7x7 dark ring, light ring, 3x3 dark centre, at (x0, y0).
bool hasFinderAt(const QrMatrix &m, int x0, int y0)
{
    for (int y = 0; y < 7; ++y) {
        for (int x = 0; x < 7; ++x) {
            const bool ring = x == 0 || y == 0 || x == 6 || y == 6;
            const bool centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;
            if (m.isDark(x0 + x, y0 + y) != (ring || centre))
                return false;
        }
    }
    return true;
}
} // namespace

class TestQrMatrix : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encodeQr_receiptCode_fitsVersion1WithThreeFinderPatterns()
    {
        const auto code = chorus::consent::ReceiptCode::generate();
        auto matrix = encodeQr(code.formatted());
        QVERIFY(matrix.ok());
        // 14 alphanumeric characters fit version 1 at level M (capacity 20).
        QCOMPARE(matrix->size(), 21);
        QCOMPARE(matrix->version(), 1);
        QVERIFY(hasFinderAt(*matrix, 0, 0));
        QVERIFY(hasFinderAt(*matrix, matrix->size() - 7, 0));
        QVERIFY(hasFinderAt(*matrix, 0, matrix->size() - 7));
        QVERIFY(!hasFinderAt(*matrix, matrix->size() - 7, matrix->size() - 7));
    }

    void encodeQr_isDeterministicAndDependsOnTheText()
    {
        auto a = encodeQr(u"7K2M-QX9D-R4T1"_s);
        auto b = encodeQr(u"7K2M-QX9D-R4T1"_s);
        auto c = encodeQr(u"7K2M-QX9D-R4T2"_s);
        QVERIFY(a.ok() && b.ok() && c.ok());
        QCOMPARE(*a, *b);
        QVERIFY(!(*a == *c));
    }

    void encodeQr_longerText_growsTheVersion()
    {
        auto matrix = encodeQr(QString(200, u'A'));
        QVERIFY(matrix.ok());
        QVERIFY(matrix->version() > 1);
        QCOMPARE(matrix->size(), 17 + 4 * matrix->version());
    }

    void toText_drawsOneLinePerRow()
    {
        auto matrix = encodeQr(u"HELLO"_s);
        QVERIFY(matrix.ok());
        const QStringList rows = matrix->toText().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), matrix->size());
        QCOMPARE(rows.first().left(7), u"#######"_s);
    }

    void qrPng_decodesToTheMatrixWithQuietZoneAtTheScale()
    {
        auto matrix = encodeQr(u"7K2M-QX9D-R4T1"_s);
        QVERIFY(matrix.ok());
        constexpr int scale = 5;
        const QByteArray png = chorus::consent::qrPng(*matrix, scale);
        QVERIFY(png.startsWith("\x89PNG\r\n\x1a\n"));
        QImage image;
        QVERIFY(image.loadFromData(png, "PNG"));
        const int side = (matrix->size() + 2 * QrMatrix::kQuietZone) * scale;
        QCOMPARE(image.width(), side);
        QCOMPARE(image.height(), side);
        const int offset = QrMatrix::kQuietZone * scale;
        for (int y = 0; y < side; ++y) {
            for (int x = 0; x < side; ++x) {
                const int mx = (x - offset) / scale;
                const int my = (y - offset) / scale;
                const bool inside = x >= offset && y >= offset && mx < matrix->size() && my < matrix->size();
                const bool dark = inside && matrix->isDark(mx, my);
                if (qGray(image.pixel(x, y)) != (dark ? 0 : 255))
                    QFAIL(qPrintable(u"pixel (%1, %2) is wrong"_s.arg(x).arg(y)));
            }
        }
    }

    void encodeQr_emptyOrTooLong_isAnError()
    {
        QVERIFY(!encodeQr(QString()).ok());
        auto tooLong = encodeQr(QString(8000, u'x'));
        QVERIFY(!tooLong.ok());
        QVERIFY(tooLong.error().message.contains(u"too long"));
    }
};

QTEST_GUILESS_MAIN(TestQrMatrix)
#include "tst_qrmatrix.moc"
