// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/CouncilKeys.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <QCryptographicHash>
#include <QTest>

using namespace chorus;
using namespace chorus::crypto;

namespace
{
// An RSA key of another size, or another algorithm, as SPKI DER.
QByteArray spkiOf(const char *algorithm, int bits)
{
    EVP_PKEY *key = nullptr;
    if (bits > 0) {
        key = EVP_PKEY_Q_keygen(nullptr, nullptr, algorithm, static_cast<size_t>(bits));
    } else {
        key = EVP_PKEY_Q_keygen(nullptr, nullptr, algorithm, "P-256");
    }
    const int size = i2d_PUBKEY(key, nullptr);
    QByteArray der(size, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(der.data());
    i2d_PUBKEY(key, &out);
    EVP_PKEY_free(key);
    return der;
}
} // namespace

class TestCouncilKeys : public QObject
{
    Q_OBJECT

    CouncilKeyPair m_pair;

private Q_SLOTS:
    void initTestCase()
    {
        auto pair = generateCouncilKeyPair();
        QVERIFY(pair);
        m_pair = std::move(*pair);
    }

    void publicKey_base64_isOdkFormOnOneLine_andRoundTrips()
    {
        const QByteArray b64 = m_pair.publicKey.toBase64();
        QCOMPARE(b64.size(), 392); // RSA-2048 SPKI, as in every ODK form
        QVERIFY(!b64.contains('\n'));
        QVERIFY(b64.startsWith("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A"));
        auto parsed = CouncilPublicKey::fromBase64(b64 + "\n");
        QVERIFY(parsed);
        QCOMPARE(parsed->der(), m_pair.publicKey.der());
        QCOMPARE(parsed->keyId(), m_pair.publicKey.keyId());
    }

    void keyId_isSixteenHexOfSha256OverDer()
    {
        const QString id = m_pair.publicKey.keyId();
        QCOMPARE(id.size(), 16);
        QCOMPARE(id,
            QString::fromLatin1(
                QCryptographicHash::hash(m_pair.publicKey.der(), QCryptographicHash::Sha256).toHex().left(16)));
        QCOMPARE(m_pair.privateKey.keyId(), id);
    }

    void fromBase64_refusesOtherSizesAndAlgorithms_withAClearReason()
    {
        auto small = CouncilPublicKey::fromDer(spkiOf("RSA", 1024));
        QVERIFY(!small);
        QVERIFY(small.error().message.contains(QLatin1String("1024-bit")));
        auto ec = CouncilPublicKey::fromDer(spkiOf("EC", 0));
        QVERIFY(!ec);
        QVERIFY(ec.error().message.contains(QLatin1String("not an RSA key")));
        QVERIFY(!CouncilPublicKey::fromBase64("not base64 !!"));
        QVERIFY(!CouncilPublicKey::fromBase64(""));
    }

    void fromDer_refusesPkcs1RsaPublicKey()
    {
        const QByteArray pkcs1 = m_pair.publicKey.der().mid(24); // strip the SPKI wrapper
        auto parsed = CouncilPublicKey::fromDer(pkcs1);
        QVERIFY(!parsed);
        QVERIFY(parsed.error().message.contains(QLatin1String("SubjectPublicKeyInfo")));
    }

    void privateKey_pkcs8_roundTrips()
    {
        auto der = m_pair.privateKey.toPkcs8Der();
        QVERIFY(der);
        auto back = CouncilPrivateKey::fromPkcs8Der(*der);
        QVERIFY(back);
        QCOMPARE(back->keyId(), m_pair.privateKey.keyId());
    }

    void privateKey_fromPem_acceptsOpensslGenrsaOutput()
    {
        BIO *bio = BIO_new(BIO_s_mem());
        PEM_write_bio_PrivateKey_traditional(bio, m_pair.privateKey.handle(), nullptr, nullptr, 0, nullptr, nullptr);
        char *data = nullptr;
        const long size = BIO_get_mem_data(bio, &data);
        const QByteArray pem(data, size);
        BIO_free(bio);
        QVERIFY(pem.startsWith("-----BEGIN RSA PRIVATE KEY-----"));
        auto key = CouncilPrivateKey::fromPem(pem);
        QVERIFY(key);
        QCOMPARE(key->keyId(), m_pair.privateKey.keyId());
        QVERIFY(!CouncilPrivateKey::fromPem("-----BEGIN NOTHING-----"));
    }
};

QTEST_GUILESS_MAIN(TestCouncilKeys)
#include "tst_councilkeys.moc"
