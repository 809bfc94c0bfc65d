// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/KeyFile.h"

#include <QTest>

#include <sodium.h>

using namespace chorus;
using namespace chorus::crypto;

class TestKeyFile : public QObject
{
    Q_OBJECT

    const QByteArray m_passphrase = QByteArrayLiteral("correct horse battery staple");
    const QString m_name = QStringLiteral("KEYS/council-rsa.key");
    QByteArray m_file;

    static SecretBytes secret()
    {
        const unsigned char bytes[] = "a private key, honest";
        return SecretBytes::copyOf(bytes, sizeof bytes - 1);
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto file = KeyFile::encrypt(secret(), KeyFileContent::RsaPrivateKeyPkcs8, m_passphrase, KdfParams::minimum());
        QVERIFY(file);
        m_file = *file;
    }

    void decrypt_withRightPassphrase_returnsTheSecret()
    {
        auto out = KeyFile::decrypt(m_file, KeyFileContent::RsaPrivateKeyPkcs8, m_passphrase, m_name);
        QVERIFY(out);
        const SecretBytes expected = secret();
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(out->data()), qsizetype(out->size())),
            QByteArray(reinterpret_cast<const char *>(expected.data()), qsizetype(expected.size())));
    }

    void decrypt_withWrongPassphrase_saysSoNamingTheFile()
    {
        auto out = KeyFile::decrypt(m_file, KeyFileContent::RsaPrivateKeyPkcs8, "wrong", m_name);
        QVERIFY(!out);
        QCOMPARE(out.error().kind, ErrorKind::Crypto);
        QCOMPARE(out.error().message, QStringLiteral("wrong passphrase for KEYS/council-rsa.key"));
    }

    void decrypt_truncatedFile_isReportedAsTruncatedNotAsWrongPassphrase()
    {
        for (qsizetype size : { qsizetype(0), qsizetype(10), qsizetype(67), m_file.size() - 1 }) {
            auto out = KeyFile::decrypt(m_file.left(size), KeyFileContent::RsaPrivateKeyPkcs8, m_passphrase, m_name);
            QVERIFY(!out);
            QVERIFY(out.error().kind != ErrorKind::Crypto);
            QVERIFY2(out.error().message.contains(QLatin1String("truncated"))
                    || out.error().message.contains(QLatin1String("not a Chorus key file")),
                qPrintable(out.error().message));
        }
    }

    void decrypt_flippedByte_isReportedAsDamaged()
    {
        for (qsizetype at : { qsizetype(12), qsizetype(30), qsizetype(70), m_file.size() - 40 }) {
            QByteArray damaged = m_file;
            damaged[at] = static_cast<char>(damaged.at(at) ^ 0x10);
            auto out = KeyFile::decrypt(damaged, KeyFileContent::RsaPrivateKeyPkcs8, m_passphrase, m_name);
            QVERIFY(!out);
            QVERIFY2(out.error().message.contains(QLatin1String("damaged")), qPrintable(out.error().message));
        }
    }

    // Issue 14, item 26: a damaged version byte used to say "upgrade Chorus".
    void decrypt_damagedVersionByte_saysDamaged_butAnIntactNewerFileSaysUpgrade()
    {
        QByteArray damaged = m_file;
        damaged[8] = 2;
        auto out = KeyFile::decrypt(damaged, KeyFileContent::RsaPrivateKeyPkcs8, m_passphrase, m_name);
        QVERIFY(!out);
        QCOMPARE(out.error().kind, ErrorKind::InvalidInput);
        QVERIFY2(out.error().message.contains(QLatin1String("is damaged")), qPrintable(out.error().message));
        QVERIFY2(!out.error().message.contains(QLatin1String("upgrade")), qPrintable(out.error().message));

        // The same version byte in a file whose checksum matches: written by a newer Chorus.
        QByteArray newer = damaged.left(damaged.size() - 32);
        QByteArray sum(32, Qt::Uninitialized);
        crypto_generichash(reinterpret_cast<unsigned char *>(sum.data()), 32,
            reinterpret_cast<const unsigned char *>(newer.constData()), static_cast<unsigned long long>(newer.size()),
            nullptr, 0);
        newer += sum;
        out = KeyFile::decrypt(newer, KeyFileContent::RsaPrivateKeyPkcs8, m_passphrase, m_name);
        QVERIFY(!out);
        QCOMPARE(out.error().kind, ErrorKind::Unsupported);
        QVERIFY2(out.error().message.contains(QLatin1String("upgrade Chorus")), qPrintable(out.error().message));
    }

    void decrypt_anySingleBitFlip_isNeverAccepted()
    {
        for (qsizetype at = 0; at < m_file.size(); ++at) {
            QByteArray damaged = m_file;
            damaged[at] = static_cast<char>(damaged.at(at) ^ (1 << (at % 8)));
            QVERIFY(!KeyFile::decrypt(damaged, KeyFileContent::RsaPrivateKeyPkcs8, m_passphrase, m_name));
        }
    }

    void decrypt_otherKindOfFile_isRefused()
    {
        auto out = KeyFile::decrypt(m_file, KeyFileContent::Ed25519SecretKey, m_passphrase, m_name);
        QVERIFY(!out);
        QVERIFY(out.error().message.contains(QLatin1String("different kind")));
        QVERIFY(!KeyFile::decrypt("PEM-----", KeyFileContent::Ed25519SecretKey, m_passphrase, m_name));
    }

    void file_storesKdfParameters_andFreshSaltEachTime()
    {
        auto params = KeyFile::readParams(m_file, m_name);
        QVERIFY(params);
        QCOMPARE(params->opsLimit, KdfParams::minimum().opsLimit);
        QCOMPARE(params->memLimit, KdfParams::minimum().memLimit);
        auto again = KeyFile::encrypt(secret(), KeyFileContent::RsaPrivateKeyPkcs8, m_passphrase, KdfParams::minimum());
        QVERIFY(again);
        QVERIFY(again->mid(24, 16) != m_file.mid(24, 16));
        QVERIFY(!m_file.contains("a private key"));
    }

    void encrypt_refusesEmptyPassphrase()
    {
        QVERIFY(!KeyFile::encrypt(secret(), KeyFileContent::RsaPrivateKeyPkcs8, QByteArray(), KdfParams::minimum()));
    }
};

QTEST_GUILESS_MAIN(TestKeyFile)
#include "tst_keyfile.moc"
