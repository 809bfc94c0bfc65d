// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/KeyRing.h"

#include <QTemporaryDir>
#include <QTest>

using namespace chorus;
using namespace chorus::crypto;

class TestKeyRing : public QObject
{
    Q_OBJECT

    const QByteArray m_passphrase = QByteArrayLiteral("ring passphrase");

    static SealedSubmission sealWith(const CouncilPublicKey &key, const QString &instanceId)
    {
        auto sealed = OdkEnvelope::seal(
            key, QStringLiteral("f"), QStringLiteral("1"), instanceId, "<data>" + instanceId.toUtf8() + "</data>");
        return sealed ? *sealed : SealedSubmission {};
    }

private Q_SLOTS:
    void afterTwoRotations_everyGenerationStillOpens_withTheRightKeyReported()
    {
        QTemporaryDir tmp;
        KeyDirectory dir(tmp.path());
        QVERIFY(dir.init(m_passphrase, KdfParams::minimum()));
        QList<QPair<QString, SealedSubmission>> generations;
        for (int i = 0; i < 3; ++i) {
            auto pub = dir.councilPublicKey();
            QVERIFY(pub);
            generations.append({ pub->keyId(), sealWith(*pub, QStringLiteral("uuid:gen-%1").arg(i)) });
            if (i < 2) {
                QVERIFY(dir.rotate(m_passphrase, KdfParams::minimum()));
            }
        }
        auto ring = KeyRing::load(dir, m_passphrase);
        QVERIFY2(ring, ring ? "" : qPrintable(ring.error().message));
        QCOMPARE(ring->size(), 3);
        QCOMPARE(ring->keyIds().constFirst(), generations.constLast().first); // current first
        for (const auto &[keyId, sealed] : generations) {
            auto opened = ring->open(sealed.manifest, sealed.encryptedFiles);
            QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
            QCOMPARE(opened->councilKeyId, keyId);
            QVERIFY(opened->signatureValid);
            QCOMPARE(opened->xml, "<data>" + sealed.instanceId.toUtf8() + "</data>");
            auto hinted = ring->open(sealed.manifest, sealed.encryptedFiles, true, keyId);
            QVERIFY(hinted);
            QCOMPARE(hinted->councilKeyId, keyId);
            QVERIFY(ring->find(keyId));
        }
    }

    void open_withNoMatchingKey_listsTriedKeys_andNamesTheInstance()
    {
        auto a = generateCouncilKeyPair();
        auto b = generateCouncilKeyPair();
        auto stranger = generateCouncilKeyPair();
        QVERIFY(a && b && stranger);
        KeyRing ring;
        ring.add(a->privateKey);
        ring.add(b->privateKey);
        ring.add(a->privateKey); // duplicates are ignored
        QCOMPARE(ring.size(), 2);
        const SealedSubmission sealed = sealWith(stranger->publicKey, QStringLiteral("uuid:lost"));
        auto opened = ring.open(sealed.manifest, sealed.encryptedFiles);
        QVERIFY(!opened);
        QCOMPARE(opened.error().kind, ErrorKind::Crypto);
        QVERIFY(opened.error().message.contains(QLatin1String("uuid:lost")));
        QVERIFY(opened.error().message.contains(a->privateKey.keyId()));
        QVERIFY(opened.error().message.contains(b->privateKey.keyId()));
        QVERIFY(!ring.find(stranger->privateKey.keyId()));
    }

    void emptyRing_refusesClearly()
    {
        KeyRing ring;
        auto opened = ring.open("<data/>", {});
        QVERIFY(!opened);
        QVERIFY(opened.error().message.contains(QLatin1String("no council private key")));
    }
};

QTEST_GUILESS_MAIN(TestKeyRing)
#include "tst_keyring.moc"
