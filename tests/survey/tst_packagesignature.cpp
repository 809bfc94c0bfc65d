// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestPackages.h"
#include "survey/PackageSignature.h"

#include <QTest>

using namespace chorus;
using namespace chorus::survey;
using namespace chorus::testing;

class TestPackageSignature : public QObject
{
    Q_OBJECT

    QByteArray m_bytes;
    SigningKeyPair m_council;

private Q_SLOTS:
    void init()
    {
        m_bytes = toBytes(minimalPackageJson());
        m_council = generateSigningKeyPair();
        QCOMPARE(m_council.publicKey.size(), 32);
    }

    void signedPackage_isAccepted()
    {
        auto signature = signPackage(m_bytes, m_council.secretKey);
        QVERIFY(signature.ok());
        QCOMPARE(signature->size(), 64);
        auto package = acceptSignedPackage(m_bytes, *signature, AcceptPolicy{m_council.publicKey, {}});
        QVERIFY2(package.ok(), qPrintable(package.ok() ? QString() : package.error().message));
        QCOMPARE(package->id, QStringLiteral("demo_library_survey"));
    }

    void tamperedByte_isRefusedWithAClearMessage()
    {
        const QByteArray signature = *signPackage(m_bytes, m_council.secretKey);
        for (const qsizetype at : {qsizetype(0), m_bytes.size() / 2, m_bytes.size() - 1}) {
            QByteArray tampered = m_bytes;
            tampered[at] = char(tampered.at(at) ^ 0x01);
            auto package = acceptSignedPackage(tampered, signature, AcceptPolicy{m_council.publicKey, {}});
            QVERIFY(!package.ok());
            QCOMPARE(package.error().kind, ErrorKind::Crypto);
            QVERIFY(package.error().message.contains(QLatin1String("not signed by this device's council signing key")));
        }
    }

    void swappedEncryptionKey_isRefused()
    {
        const QByteArray signature = *signPackage(m_bytes, m_council.secretKey);
        QByteArray swapped = m_bytes;
        const qsizetype keyAt = swapped.indexOf("MIIB") + 40;
        swapped[keyAt] = swapped.at(keyAt) == 'A' ? 'B' : 'A';
        QVERIFY(!acceptSignedPackage(swapped, signature, AcceptPolicy{m_council.publicKey, {}}).ok());
    }

    void wrongKey_isRefused()
    {
        const SigningKeyPair attacker = generateSigningKeyPair();
        const QByteArray signature = *signPackage(m_bytes, attacker.secretKey);
        auto package = acceptSignedPackage(m_bytes, signature, AcceptPolicy{m_council.publicKey, {}});
        QVERIFY(!package.ok());
        QCOMPARE(package.error().kind, ErrorKind::Crypto);
    }

    void truncatedSignature_isRefused()
    {
        const QByteArray signature = *signPackage(m_bytes, m_council.secretKey);
        QVERIFY(!verifyPackageSignature(m_bytes, signature.left(63), m_council.publicKey).ok());
        QVERIFY(!verifyPackageSignature(m_bytes, {}, m_council.publicKey).ok());
    }

    void downgrade_isRefused_sameOrNewerIsAccepted()
    {
        const QByteArray signature = *signPackage(m_bytes, m_council.secretKey);
        AcceptPolicy policy{m_council.publicKey, {{QStringLiteral("demo_library_survey"), QStringLiteral("2026112402")}}};
        auto older = acceptSignedPackage(m_bytes, signature, policy);
        QVERIFY(!older.ok());
        QCOMPARE(older.error().kind, ErrorKind::Conflict);
        QVERIFY(older.error().message.contains(QLatin1String("older than the version 2026112402")));
        policy.installedVersions.insert(QStringLiteral("demo_library_survey"), QStringLiteral("2026112401"));
        QVERIFY(acceptSignedPackage(m_bytes, signature, policy).ok());
        policy.installedVersions.insert(QStringLiteral("demo_library_survey"), QStringLiteral("999"));
        QVERIFY(acceptSignedPackage(m_bytes, signature, policy).ok());
        policy.installedVersions = {{QStringLiteral("other_survey"), QStringLiteral("9999999999")}};
        QVERIFY(acceptSignedPackage(m_bytes, signature, policy).ok());
    }

    void validSignatureOnAnInvalidPackage_isStillRefused()
    {
        const QByteArray bad = QByteArrayLiteral("{\"format\": \"chorus-survey/1\"}");
        auto package = acceptSignedPackage(bad, *signPackage(bad, m_council.secretKey), AcceptPolicy{m_council.publicKey, {}});
        QVERIFY(!package.ok());
        QCOMPARE(package.error().kind, ErrorKind::InvalidInput);
    }

    void base64KeyFiles_mustHaveTheRightLength()
    {
        QVERIFY(decodeBase64Key(m_council.publicKey.toBase64() + "\n", 32, QStringLiteral("key")).ok());
        QVERIFY(!decodeBase64Key(m_council.publicKey.toBase64(), 64, QStringLiteral("key")).ok());
        QVERIFY(!decodeBase64Key("***", 32, QStringLiteral("key")).ok());
    }

    void wipeSecret_clearsTheBytes()
    {
        QByteArray secret = m_council.secretKey;
        wipeSecret(secret);
        QVERIFY(secret.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPackageSignature)
#include "tst_packagesignature.moc"
