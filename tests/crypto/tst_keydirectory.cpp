// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/KeyDirectory.h"
#include "crypto/OdkEnvelope.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace chorus;
using namespace chorus::crypto;

class TestKeyDirectory : public QObject
{
    Q_OBJECT

    const QByteArray m_passphrase = QByteArrayLiteral("four words make a passphrase");

    static QByteArray readAll(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init_writesTheFiveFiles_ownerOnly_withoutSecretsInPublicFiles()
    {
        QTemporaryDir tmp;
        KeyDirectory dir(tmp.filePath(QStringLiteral("KEYS")));
        auto info = dir.init(m_passphrase, KdfParams::minimum());
        QVERIFY2(info, info ? "" : qPrintable(info.error().message));
        const QStringList names { QStringLiteral("council-rsa.pub"), QStringLiteral("council-rsa.key"),
            QStringLiteral("signing-ed25519.pub"), QStringLiteral("signing-ed25519.key"), QStringLiteral("keys.json") };
        for (const QString &name : names) {
            const QString path = dir.filePath(name);
            QVERIFY2(QFile::exists(path), qPrintable(path));
            QCOMPARE(QFile::permissions(path)
                    & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup
                        | QFileDevice::WriteOther),
                QFileDevice::Permissions());
        }
        QCOMPARE(readAll(dir.filePath(QStringLiteral("council-rsa.pub"))), info->councilPublicKeyBase64 + '\n');
        QCOMPARE(readAll(dir.filePath(QStringLiteral("signing-ed25519.pub"))), info->signingPublicKeyBase64 + '\n');
        const QJsonObject json = QJsonDocument::fromJson(readAll(dir.filePath(QStringLiteral("keys.json")))).object();
        QCOMPARE(json.value(QStringLiteral("council")).toObject().value(QStringLiteral("keyId")).toString(),
            info->councilKeyId);
        QCOMPARE(json.value(QStringLiteral("signing")).toObject().value(QStringLiteral("keyId")).toString(),
            info->signingKeyId);
        QVERIFY(readAll(dir.filePath(QStringLiteral("council-rsa.key"))).startsWith("CHORUSKF"));
    }

    void init_refusesToOverwrite_unlessForced()
    {
        QTemporaryDir tmp;
        KeyDirectory dir(tmp.path());
        auto first = dir.init(m_passphrase, KdfParams::minimum());
        QVERIFY(first);
        auto again = dir.init(m_passphrase, KdfParams::minimum());
        QVERIFY(!again);
        QCOMPARE(again.error().kind, ErrorKind::Conflict);
        QCOMPARE(dir.info()->councilKeyId, first->councilKeyId);
        auto forced = dir.init(m_passphrase, KdfParams::minimum(), true);
        QVERIFY(forced);
        QVERIFY(forced->councilKeyId != first->councilKeyId);
    }

    void loadedKeys_openWhatThePublicKeySealed_andSign()
    {
        QTemporaryDir tmp;
        KeyDirectory dir(tmp.path());
        QVERIFY(dir.init(m_passphrase, KdfParams::minimum()));
        auto pub = dir.councilPublicKey();
        auto priv = dir.loadCouncilPrivateKey(m_passphrase);
        QVERIFY(pub && priv);
        auto sealed = OdkEnvelope::seal(*pub, QStringLiteral("f"), {}, QStringLiteral("uuid:1"), "<data/>");
        QVERIFY(sealed);
        auto opened = OdkEnvelope::open(*priv, sealed->manifest, sealed->encryptedFiles);
        QVERIFY(opened && opened->signatureValid);

        auto signing = dir.loadSigningKey(m_passphrase);
        QVERIFY(signing);
        QCOMPARE(signing->publicKey().toBase64(), dir.info()->signingPublicKeyBase64);
    }

    void load_withWrongPassphrase_namesTheFile()
    {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("KEYS"));
        KeyDirectory dir(path);
        QVERIFY(dir.init(m_passphrase, KdfParams::minimum()));
        auto priv = dir.loadCouncilPrivateKey("nope");
        QVERIFY(!priv);
        QCOMPARE(priv.error().kind, ErrorKind::Crypto);
        QCOMPARE(priv.error().message, QStringLiteral("wrong passphrase for %1/council-rsa.key").arg(path));
    }

    void load_truncatedKeyFile_saysTruncated()
    {
        QTemporaryDir tmp;
        KeyDirectory dir(tmp.path());
        QVERIFY(dir.init(m_passphrase, KdfParams::minimum()));
        QFile file(dir.filePath(QStringLiteral("council-rsa.key")));
        QVERIFY(file.resize(100));
        auto priv = dir.loadCouncilPrivateKey(m_passphrase);
        QVERIFY(!priv);
        QVERIFY(priv.error().kind != ErrorKind::Crypto);
        QVERIFY2(priv.error().message.contains(QLatin1String("truncated")), qPrintable(priv.error().message));
    }

    void rotate_keepsOldKeyRetired_soOldDataStillOpens()
    {
        QTemporaryDir tmp;
        KeyDirectory dir(tmp.path());
        auto first = dir.init(m_passphrase, KdfParams::minimum());
        QVERIFY(first);
        auto oldPub = dir.councilPublicKey();
        QVERIFY(oldPub);
        auto oldSealed = OdkEnvelope::seal(*oldPub, QStringLiteral("f"), {}, QStringLiteral("uuid:old"), "<old/>");
        QVERIFY(oldSealed);

        QVERIFY(!dir.rotate("wrong passphrase", KdfParams::minimum()));
        QCOMPARE(dir.info()->councilKeyId, first->councilKeyId);

        auto rotated = dir.rotate(m_passphrase, KdfParams::minimum());
        QVERIFY2(rotated, rotated ? "" : qPrintable(rotated.error().message));
        QVERIFY(rotated->councilKeyId != first->councilKeyId);
        QCOMPARE(rotated->signingKeyId, first->signingKeyId);
        QCOMPARE(rotated->retired.size(), 1);
        QCOMPARE(rotated->retired.constFirst().keyId, first->councilKeyId);
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("retired/%1.key").arg(first->councilKeyId))));

        auto retired = dir.loadRetiredCouncilKeys(m_passphrase);
        QVERIFY(retired);
        QCOMPARE(retired->size(), 1);
        auto opened = OdkEnvelope::open(retired->constFirst(), oldSealed->manifest, oldSealed->encryptedFiles);
        QVERIFY(opened);
        QCOMPARE(opened->xml, QByteArrayLiteral("<old/>"));
        auto current = dir.loadCouncilPrivateKey(m_passphrase);
        QVERIFY(current);
        QVERIFY(!OdkEnvelope::open(*current, oldSealed->manifest, oldSealed->encryptedFiles));
    }

    void info_ofEmptyDirectory_pointsAtKeysInit()
    {
        QTemporaryDir tmp;
        auto info = KeyDirectory(tmp.path()).info();
        QVERIFY(!info);
        QCOMPARE(info.error().kind, ErrorKind::NotFound);
        QVERIFY(info.error().message.contains(QLatin1String("keys init")));
    }
};

QTEST_GUILESS_MAIN(TestKeyDirectory)
#include "tst_keydirectory.moc"
