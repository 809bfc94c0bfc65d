// SPDX-License-Identifier: GPL-3.0-or-later
// Enrollment bundles: what a device accepts, and every way a bundle is refused.
#include "BundleTestSupport.h"

#include <QJsonArray>
#include <QTest>

using namespace chorus;
using namespace chorus::enrollment;

class TestEnrollmentBundle : public QObject
{
    Q_OBJECT

    crypto::SigningKey m_key;
    crypto::SigningKey m_otherKey;
    ReadOptions m_inDate;

    QByteArray write(const EnrollmentBundle &bundle)
    {
        auto file = writeBundle(bundle, m_key);
        return file ? *file : QByteArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_key = crypto::SigningKey::generate().value();
        m_otherKey = crypto::SigningKey::generate().value();
        m_inDate.now = QDateTime(QDate(2026, 11, 25), QTime(9, 0), Qt::UTC);
    }

    void roundTrip_keepsEveryField()
    {
        EnrollmentBundle b = testing::sampleBundle(m_key);
        b.caCertificatePem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
        const QByteArray file = write(b);
        QVERIFY(!file.isEmpty());
        auto read = readBundle(file, m_inDate);
        QVERIFY2(read, qPrintable(read ? QString() : read.error().message));
        QCOMPARE(read->council, b.council);
        QCOMPARE(read->endpoint, b.endpoint);
        QCOMPARE(read->projectId, b.projectId);
        QCOMPARE(read->device, b.device);
        QCOMPARE(read->deviceToken, b.deviceToken);
        QCOMPARE(read->pins, b.pins);
        QCOMPARE(read->caCertificatePem, b.caCertificatePem);
        QCOMPARE(read->signingPublicKey, m_key.publicKey());
        QCOMPARE(read->surveys, b.surveys);
        QCOMPARE(read->issuedAt, b.issuedAt);
        QCOMPARE(read->expiresAt, b.expiresAt);
        QVERIFY(!read->allowHttpLoopback);
        QCOMPARE(read->signingKeyId(), m_key.keyId());
    }

    void read_pastedWithWhitespaceAndNewlines_isAccepted()
    {
        const QByteArray file = write(testing::sampleBundle(m_key));
        QVERIFY(readBundle("\n  " + file + "\r\n\n", m_inDate));
    }

    void write_sameBundle_sameSignedBytes()
    {
        const EnrollmentBundle b = testing::sampleBundle(m_key);
        QCOMPARE(testing::innerOf(write(b)), testing::innerOf(write(b)));
        // Ed25519 is deterministic: the whole file is the same too.
        QCOMPARE(write(b), write(b));
    }

    void tamperedByte_inSignedContent_isRefusedAsAltered()
    {
        const QByteArray file = write(testing::sampleBundle(m_key));
        QJsonObject inner = testing::innerOf(file);
        inner.insert(QStringLiteral("endpoint"), QStringLiteral("https://evil.example.net"));
        const QByteArray changed = QJsonDocument(inner).toJson(QJsonDocument::Compact);
        const QByteArray oldSignature = QByteArray::fromBase64(
            QJsonDocument::fromJson(file).object().value(QStringLiteral("signature")).toString().toLatin1());
        auto read = readBundle(testing::signedFile(changed, oldSignature), m_inDate);
        QVERIFY(!read);
        QCOMPARE(read.error().kind, ErrorKind::Crypto);
        QVERIFY2(read.error().message.contains(QStringLiteral("altered")), qPrintable(read.error().message));
    }

    void everySingleByteFlip_isRefused()
    {
        const QByteArray file = write(testing::sampleBundle(m_key));
        const QJsonObject outer = QJsonDocument::fromJson(file).object();
        const QByteArray inner = QByteArray::fromBase64(outer.value(QStringLiteral("bundle")).toString().toLatin1());
        const QByteArray signature = QByteArray::fromBase64(outer.value(QStringLiteral("signature")).toString().toLatin1());
        for (qsizetype i = 0; i < inner.size(); ++i) {
            QByteArray flipped = inner;
            flipped[i] = char(flipped[i] ^ 0x01);
            QVERIFY2(!readBundle(testing::signedFile(flipped, signature), m_inDate), qPrintable(QString::number(i)));
        }
    }

    void signedByAnotherKey_isRefused()
    {
        // Signed with another key but claiming ours: the signature does not verify.
        const QByteArray file = write(testing::sampleBundle(m_key));
        const QByteArray inner = QJsonDocument(testing::innerOf(file)).toJson(QJsonDocument::Compact);
        auto read = readBundle(testing::signedFile(inner, m_otherKey.sign(inner)), m_inDate);
        QVERIFY(!read);
        QCOMPARE(read.error().kind, ErrorKind::Crypto);
    }

    void otherCouncilKey_whenDeviceExpectsOurs_isRefused()
    {
        EnrollmentBundle other = testing::sampleBundle(m_otherKey);
        auto file = writeBundle(other, m_otherKey);
        QVERIFY(file);
        ReadOptions options = m_inDate;
        options.expectedSigningKey = m_key.publicKey();
        auto read = readBundle(*file, options);
        QVERIFY(!read);
        QVERIFY(read.error().message.contains(keyFingerprint(m_key.publicKey())));
    }

    void write_withKeyNotInBundle_isRefused()
    {
        QVERIFY(!writeBundle(testing::sampleBundle(m_key), m_otherKey));
    }

    void expired_isRefusedWithTheDate()
    {
        ReadOptions late;
        late.now = QDateTime(QDate(2026, 12, 9), QTime(10, 0, 1), Qt::UTC);
        auto read = readBundle(write(testing::sampleBundle(m_key)), late);
        QVERIFY(!read);
        QVERIFY2(read.error().message.contains(QStringLiteral("expired on 2026-12-08T10:00:00Z")),
                 qPrintable(read.error().message));
        late.checkExpiry = false;
        QVERIFY(readBundle(write(testing::sampleBundle(m_key)), late));
    }

    void unknownField_signedContent_isRefused()
    {
        QJsonObject inner = testing::innerOf(write(testing::sampleBundle(m_key)));
        inner.insert(QStringLiteral("adminToken"), QStringLiteral("x"));
        auto read = readBundle(testing::resign(inner, m_key), m_inDate);
        QVERIFY(!read);
        QVERIFY2(read.error().message.contains(QStringLiteral("unknown field \"adminToken\"")),
                 qPrintable(read.error().message));
    }

    void unknownField_inSigningKeyOrOuterFile_isRefused()
    {
        QJsonObject inner = testing::innerOf(write(testing::sampleBundle(m_key)));
        QJsonObject key = inner.value(QStringLiteral("signingKey")).toObject();
        key.insert(QStringLiteral("secretKey"), QStringLiteral("x"));
        inner.insert(QStringLiteral("signingKey"), key);
        QVERIFY(!readBundle(testing::resign(inner, m_key), m_inDate));

        QJsonObject outer = QJsonDocument::fromJson(write(testing::sampleBundle(m_key))).object();
        outer.insert(QStringLiteral("comment"), QStringLiteral("hello"));
        auto read = readBundle(QJsonDocument(outer).toJson(), m_inDate);
        QVERIFY(!read);
        QVERIFY(read.error().message.contains(QStringLiteral("comment")));
    }

    void plainHttp_toAnotherHost_isRefusedEvenWhenAllowed()
    {
        QJsonObject inner = testing::innerOf(write(testing::sampleBundle(m_key)));
        inner.insert(QStringLiteral("endpoint"), QStringLiteral("http://collect.example.gov.uk"));
        inner.insert(QStringLiteral("allowHttpLoopback"), true);
        auto read = readBundle(testing::resign(inner, m_key), m_inDate);
        QVERIFY(!read);
        QVERIFY2(read.error().message.contains(QStringLiteral("only https")), qPrintable(read.error().message));

        EnrollmentBundle b = testing::sampleBundle(m_key);
        b.endpoint = QUrl(QStringLiteral("http://collect.example.gov.uk"));
        b.allowHttpLoopback = true;
        QVERIFY(!writeBundle(b, m_key));
    }

    void plainHttp_toLoopback_needsTheBundlesPermission()
    {
        EnrollmentBundle b = testing::sampleBundle(m_key);
        b.endpoint = QUrl(QStringLiteral("http://127.0.0.1:8080"));
        QVERIFY(!writeBundle(b, m_key));
        b.allowHttpLoopback = true;
        auto read = readBundle(write(b), m_inDate);
        QVERIFY(read);
        QVERIFY(read->allowHttpLoopback);
    }

    void badValues_areRefused_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("pin form") << "pins" << QJsonValue(QJsonArray{QStringLiteral("md5//abc")});
        QTest::newRow("five pins") << "pins" << QJsonValue(QJsonArray{1, 2, 3, 4, 5});
        QTest::newRow("device name") << "device" << QJsonValue(QStringLiteral("../etc"));
        QTest::newRow("token") << "deviceToken" << QJsonValue(QStringLiteral("short"));
        QTest::newRow("no surveys") << "surveys" << QJsonValue(QJsonArray{});
        QTest::newRow("survey id") << "surveys" << QJsonValue(QJsonArray{QStringLiteral("a b")});
        QTest::newRow("date") << "expiresAt" << QJsonValue(QStringLiteral("tomorrow"));
        QTest::newRow("local date") << "expiresAt" << QJsonValue(QStringLiteral("2026-12-01T10:00:00"));
        QTest::newRow("ftp") << "endpoint" << QJsonValue(QStringLiteral("ftp://collect.example.gov.uk"));
        QTest::newRow("query") << "endpoint" << QJsonValue(QStringLiteral("https://collect.example.gov.uk/?x=1"));
        QTest::newRow("number") << "council" << QJsonValue(42);
        QTest::newRow("ca") << "caCertificate" << QJsonValue(QStringLiteral("not a pem"));
        QTest::newRow("version") << "version" << QJsonValue(2);
    }

    void badValues_areRefused()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QJsonObject inner = testing::innerOf(write(testing::sampleBundle(m_key)));
        inner.insert(field, value);
        auto read = readBundle(testing::resign(inner, m_key), m_inDate);
        QVERIFY(!read);
        QVERIFY(!read.error().message.isEmpty());
    }

    void notABundle_saysSo()
    {
        for (const QByteArray &text : {QByteArray(), QByteArray("hello"), QByteArray("{\"format\":\"x\"}"),
                                       QByteArray(70 * 1024, '{')}) {
            auto read = readBundle(text);
            QVERIFY(!read);
            QVERIFY(read.error().message.startsWith(QStringLiteral("enrollment bundle:")));
        }
    }

    void fingerprint_isShortGroupedAndStable()
    {
        const QString fp = keyFingerprint(m_key.publicKey());
        QVERIFY2(QRegularExpression(QStringLiteral("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$")).match(fp).hasMatch(),
                 qPrintable(fp));
        QCOMPARE(keyFingerprint(m_key.publicKey()), fp);
        QVERIFY(keyFingerprint(m_otherKey.publicKey()) != fp);
        // Fixed vector (computed independently in Python): SHA-256 of 32 zero bytes starts 66687aadf862bd776c8f.
        QCOMPARE(keyFingerprint(QByteArray(32, '\0')), QStringLiteral("CSM7-NBFR-CAYQ-EV4F"));
    }

    void qr_typicalBundle_fitsOneCode()
    {
        auto qr = bundleQr(write(testing::sampleBundle(m_key)));
        QVERIFY(qr);
        QVERIFY(qr->version() <= 25);
    }

    void qr_bundleWithLargeCa_saysItDoesNotFit()
    {
        EnrollmentBundle b = testing::sampleBundle(m_key);
        b.caCertificatePem = "-----BEGIN CERTIFICATE-----\n" + QByteArray(3000, 'A') + "\n-----END CERTIFICATE-----\n";
        auto qr = bundleQr(write(b));
        QVERIFY(!qr);
        QVERIFY(qr.error().message.contains(QStringLiteral("does not fit")));
    }
};

QTEST_GUILESS_MAIN(TestEnrollmentBundle)
#include "tst_enrollmentbundle.moc"
