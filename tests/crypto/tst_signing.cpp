// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/Signing.h"

#include <QTest>

using namespace chorus;
using namespace chorus::crypto;

class TestSigning : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sign_thenVerify_acceptsOnlyTheSameMessageAndKey()
    {
        auto key = SigningKey::generate();
        auto other = SigningKey::generate();
        QVERIFY(key && other);
        const QByteArray message = QByteArrayLiteral("survey package v3");
        const QByteArray signature = key->sign(message);
        QCOMPARE(signature.size(), 64);
        QVERIFY(Signing::verify(key->publicKey(), message, signature));
        QVERIFY(!Signing::verify(key->publicKey(), message + ' ', signature));
        QVERIFY(!Signing::verify(other->publicKey(), message, signature));
        QByteArray flipped = signature;
        flipped[5] = static_cast<char>(flipped.at(5) ^ 1);
        QVERIFY(!Signing::verify(key->publicKey(), message, flipped));
        QVERIFY(!Signing::verify(key->publicKey().left(31), message, signature));
        QVERIFY(!Signing::verify(key->publicKey(), message, signature.left(63)));
    }

    void fromSecretKey_restoresTheSameKey_andRefusesDamage()
    {
        auto key = SigningKey::generate();
        QVERIFY(key);
        auto restored
            = SigningKey::fromSecretKey(SecretBytes::copyOf(key->secretKey().data(), key->secretKey().size()));
        QVERIFY(restored);
        QCOMPARE(restored->publicKey(), key->publicKey());
        QCOMPARE(restored->keyId(), key->keyId());
        QCOMPARE(restored->keyId().size(), 16);

        SecretBytes damaged = SecretBytes::copyOf(key->secretKey().data(), key->secretKey().size());
        damaged.data()[40] ^= 1; // the stored public half no longer matches the seed
        QVERIFY(!SigningKey::fromSecretKey(std::move(damaged)));
        QVERIFY(!SigningKey::fromSecretKey(SecretBytes(10)));
    }

    void publicKeyFromBase64_requiresThirtyTwoBytes()
    {
        auto key = SigningKey::generate();
        QVERIFY(key);
        auto parsed = Signing::publicKeyFromBase64(key->publicKey().toBase64() + "\n");
        QVERIFY(parsed);
        QCOMPARE(*parsed, key->publicKey());
        QVERIFY(!Signing::publicKeyFromBase64(QByteArray(31, 'a').toBase64()));
        QVERIFY(!Signing::publicKeyFromBase64("***"));
    }
};

QTEST_GUILESS_MAIN(TestSigning)
#include "tst_signing.moc"
