// SPDX-License-Identifier: GPL-3.0-or-later
#include "OdkTestSupport.h"
#include "crypto/OdkCipher.h"
#include "crypto/OdkEnvelope.h"
#include "crypto/OdkManifest.h"

#include <QRandomGenerator>
#include <QTest>

using namespace chorus;
using namespace chorus::crypto;

class TestOdkEnvelope : public QObject
{
    Q_OBJECT

    CouncilKeyPair m_pair;
    CouncilKeyPair m_otherPair;
    const QString m_instanceId = QStringLiteral("uuid:5b9cf8d1-106f-4004-844f-c072d76762ed");
    const QByteArray m_xml = QByteArrayLiteral("<data id=\"eq\"><ethnicity>white_british</ethnicity></data>");

    SealedSubmission sealOrFail(const QString &version, const FileParts &attachments = {})
    {
        auto sealed
            = OdkEnvelope::seal(m_pair.publicKey, QStringLiteral("eq"), version, m_instanceId, m_xml, attachments);
        if (!sealed) {
            qFatal("seal failed: %s", qPrintable(sealed.error().message));
        }
        return *sealed;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto a = generateCouncilKeyPair();
        auto b = generateCouncilKeyPair();
        QVERIFY(a && b);
        m_pair = std::move(*a);
        m_otherPair = std::move(*b);
    }

    void ivSequence_matchesReferenceKnownAnswer()
    {
        unsigned char raw[32];
        for (int i = 0; i < 32; ++i) {
            raw[i] = static_cast<unsigned char>(i);
        }
        const OdkKey key = OdkKey::fromBytes(raw);
        OdkIvSequence ivs(m_instanceId, key);
        QCOMPARE(ivs.seed().toHex(), QByteArrayLiteral("1edf29e981dcbc369f1a5b96374e1f56"));
        QCOMPARE(ivs.next().toHex(), QByteArrayLiteral("1fdf29e981dcbc369f1a5b96374e1f56"));
        QCOMPARE(ivs.next().toHex(), QByteArrayLiteral("1fe029e981dcbc369f1a5b96374e1f56"));
        QCOMPARE(ivs.next().toHex(), QByteArrayLiteral("1fe02ae981dcbc369f1a5b96374e1f56"));
    }

    void ivSequence_wrapsByteAndIndexAfterSixteenFiles()
    {
        const OdkKey key;
        OdkIvSequence ivs(QStringLiteral("x"), key);
        const QByteArray seed = ivs.seed();
        QByteArray iv;
        for (int i = 0; i < 17; ++i) {
            iv = ivs.next();
        }
        QCOMPARE(static_cast<unsigned char>(iv.at(0)), static_cast<unsigned char>(seed.at(0) + 2));
        QCOMPARE(static_cast<unsigned char>(iv.at(1)), static_cast<unsigned char>(seed.at(1) + 1));
    }

    void aes_padsEveryLength_withOneToSixteenBytes()
    {
        const OdkKey key = OdkKey::random();
        const QByteArray iv(16, '\x07');
        for (int size : { 0, 1, 15, 16, 17, 31, 32, 1000 }) {
            const QByteArray plain(size, 'a');
            auto encrypted = odkAesEncrypt(key, iv, plain);
            QVERIFY(encrypted);
            QCOMPARE(encrypted->size(), (size / 16 + 1) * 16);
            auto decrypted = odkAesDecrypt(key, iv, *encrypted);
            QVERIFY(decrypted);
            QCOMPARE(*decrypted, plain);
        }
    }

    void seal_thenOpen_roundTripsXmlAndAttachments_withValidSignature()
    {
        const FileParts attachments { { QStringLiteral("photo.jpg"), QByteArray(5000, 'p') },
            { QStringLiteral("empty.txt"), QByteArray() } };
        const SealedSubmission sealed = sealOrFail(QStringLiteral("2026-01"), attachments);
        QCOMPARE(sealed.instanceId, m_instanceId);
        QCOMPARE(sealed.encryptedFiles.size(), 3);
        QCOMPARE(sealed.encryptedFiles.at(0).name, QStringLiteral("photo.jpg.enc"));
        QCOMPARE(sealed.encryptedFiles.at(1).name, QStringLiteral("empty.txt.enc"));
        QCOMPARE(sealed.encryptedFiles.at(2).name, QStringLiteral("submission.xml.enc"));
        QVERIFY(!sealed.manifest.contains("white_british"));

        auto opened = OdkEnvelope::open(m_pair.privateKey, sealed.manifest, sealed.encryptedFiles);
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
        QCOMPARE(opened->xml, m_xml);
        QCOMPARE(opened->attachments, attachments);
        QCOMPARE(opened->formId, QStringLiteral("eq"));
        QCOMPARE(opened->formVersion, QStringLiteral("2026-01"));
        QCOMPARE(opened->instanceId, m_instanceId);
        QVERIFY(opened->signatureValid);
    }

    void seal_withoutVersion_omitsTheAttributeEntirely()
    {
        const SealedSubmission sealed = sealOrFail(QString());
        QVERIFY(!sealed.manifest.contains("version=\"\""));
        auto manifest = OdkManifest::parse(sealed.manifest);
        QVERIFY(manifest);
        QVERIFY(manifest->formVersion.isEmpty());
        QVERIFY(sealed.manifest.contains("encrypted=\"yes\""));
        QVERIFY(sealed.manifest.contains("xmlns=\"http://opendatakit.org/submissions\""));
        QVERIFY(sealed.manifest.contains(QByteArray("<orx:instanceID>" + m_instanceId.toUtf8() + "</orx:instanceID>")));
        auto opened = OdkEnvelope::open(m_pair.privateKey, sealed.manifest, sealed.encryptedFiles);
        QVERIFY(opened && opened->signatureValid);
    }

    void seal_twice_usesFreshKeys()
    {
        const SealedSubmission a = sealOrFail(QString());
        const SealedSubmission b = sealOrFail(QString());
        QVERIFY(a.encryptedFiles.constLast().bytes != b.encryptedFiles.constLast().bytes);
    }

    void open_tamperedCiphertextByte_isDetected()
    {
        SealedSubmission sealed = sealOrFail(QStringLiteral("1"));
        QByteArray &bytes = sealed.encryptedFiles.last().bytes;
        bytes[bytes.size() / 2] = static_cast<char>(bytes.at(bytes.size() / 2) ^ 0x01);
        auto opened = OdkEnvelope::open(m_pair.privateKey, sealed.manifest, sealed.encryptedFiles);
        // CFB garbles the block: either the padding fails or the signature no longer matches.
        QVERIFY(!opened || !opened->signatureValid);
    }

    void open_tamperedFormIdInManifest_invalidatesSignature()
    {
        SealedSubmission sealed = sealOrFail(QStringLiteral("1"));
        sealed.manifest.replace("id=\"eq\"", "id=\"other\"");
        auto opened = OdkEnvelope::open(m_pair.privateKey, sealed.manifest, sealed.encryptedFiles);
        QVERIFY(opened);
        QVERIFY(!opened->signatureValid);
    }

    void open_withWrongKey_failsNamingTheInstanceId()
    {
        const SealedSubmission sealed = sealOrFail(QStringLiteral("1"));
        auto opened = OdkEnvelope::open(m_otherPair.privateKey, sealed.manifest, sealed.encryptedFiles);
        QVERIFY(!opened);
        QCOMPARE(opened.error().kind, ErrorKind::Crypto);
        QVERIFY(opened.error().message.contains(m_instanceId));
    }

    void open_keyWrappedWithMgf1Sha1_isRefused()
    {
        const SealedSubmission sealed
            = testing::sealWithMgf1Sha1(m_pair.publicKey, QStringLiteral("eq"), m_instanceId, m_xml);
        auto opened = OdkEnvelope::open(m_pair.privateKey, sealed.manifest, sealed.encryptedFiles);
        QVERIFY(!opened);
        QCOMPARE(opened.error().kind, ErrorKind::Crypto);
        QVERIFY(opened.error().message.contains(m_instanceId));
    }

    void open_missingPart_isAClearError()
    {
        SealedSubmission sealed = sealOrFail(QString(), { { QStringLiteral("a.bin"), QByteArray("x") } });
        sealed.encryptedFiles.removeFirst();
        auto opened = OdkEnvelope::open(m_pair.privateKey, sealed.manifest, sealed.encryptedFiles);
        QVERIFY(!opened);
        QVERIFY(opened.error().message.contains(QLatin1String("a.bin.enc")));
    }

    void open_swappedAttachmentOrder_isDetected()
    {
        SealedSubmission sealed = sealOrFail(QString(),
            { { QStringLiteral("a.bin"), QByteArray(40, 'a') }, { QStringLiteral("b.bin"), QByteArray(40, 'b') } });
        QByteArray manifest = sealed.manifest;
        manifest.replace("a.bin.enc", "TMP").replace("b.bin.enc", "a.bin.enc").replace("TMP", "b.bin.enc");
        auto opened = OdkEnvelope::open(m_pair.privateKey, manifest, sealed.encryptedFiles);
        QVERIFY(!opened || !opened->signatureValid);
    }

    void open_manifestNamingAPathAsAttachment_isRefused()
    {
        SealedSubmission sealed = sealOrFail(QString(), { { QStringLiteral("a.bin"), QByteArray("x") } });
        sealed.manifest.replace("<file>a.bin.enc</file>", "<file>../../evil.enc</file>");
        sealed.encryptedFiles[0].name = QStringLiteral("../../evil.enc");
        auto opened = OdkEnvelope::open(m_pair.privateKey, sealed.manifest, sealed.encryptedFiles);
        QVERIFY(!opened);
        QCOMPARE(opened.error().kind, ErrorKind::InvalidInput);
        QVERIFY(opened.error().message.contains(m_instanceId));
    }

    void open_anySingleByteDamage_neverYieldsWrongPlaintextWithAValidSignature()
    {
        const FileParts attachments { { QStringLiteral("a.bin"), QByteArray(100, 'a') } };
        const SealedSubmission sealed = sealOrFail(QStringLiteral("1"), attachments);
        QRandomGenerator rng(20261124); // fixed seed: reproducible
        for (int round = 0; round < 300; ++round) {
            QByteArray manifest = sealed.manifest;
            FileParts files = sealed.encryptedFiles;
            const int target = int(rng.bounded(qint64(files.size() + 1)));
            QByteArray &bytes = target == files.size() ? manifest : files[target].bytes;
            const auto at = qsizetype(rng.bounded(qint64(bytes.size())));
            bytes[at] = static_cast<char>(bytes.at(at) ^ (1 << rng.bounded(8)));
            auto opened = OdkEnvelope::open(m_pair.privateKey, manifest, files);
            if (opened && opened->signatureValid) {
                // Only unsigned bytes (XML declaration, namespace) may change without notice.
                QCOMPARE(opened->xml, m_xml);
                QCOMPARE(opened->attachments, attachments);
            }
        }
    }

    void seal_rejectsBadNamesAndIds()
    {
        const auto &key = m_pair.publicKey;
        QVERIFY(!OdkEnvelope::seal(key, QString(), {}, m_instanceId, m_xml));
        QVERIFY(!OdkEnvelope::seal(key, QStringLiteral("f"), {}, QStringLiteral(" uuid:x"), m_xml));
        QVERIFY(!OdkEnvelope::seal(key, QStringLiteral("f"), QStringLiteral("1\n2"), m_instanceId, m_xml));
        QVERIFY(!OdkEnvelope::seal(
            key, QStringLiteral("f"), {}, m_instanceId, m_xml, { { QStringLiteral("../x"), QByteArray() } }));
        QVERIFY(!OdkEnvelope::seal(
            key, QStringLiteral("f"), {}, m_instanceId, m_xml, { { QStringLiteral("submission.xml"), QByteArray() } }));
        QVERIFY(!OdkEnvelope::seal(key, QStringLiteral("f"), {}, m_instanceId, m_xml,
            { { QStringLiteral("a"), QByteArray() }, { QStringLiteral("a"), QByteArray() } }));
        QVERIFY(!OdkEnvelope::seal(CouncilPublicKey(), QStringLiteral("f"), {}, m_instanceId, m_xml));
    }

    void manifest_parse_acceptsCollectNamespace()
    {
        const QByteArray collect
            = "<data xmlns=\"http://www.opendatakit.org/xforms/encrypted\" id=\"f\" encrypted=\"yes\">"
              "<base64EncryptedKey>QUJD</base64EncryptedKey>"
              "<orx:meta xmlns:orx=\"http://openrosa.org/xforms\"><orx:instanceID>uuid:1</orx:instanceID></orx:meta>"
              "<media><file>a.jpg.enc</file></media>"
              "<encryptedXmlFile>submission.xml.enc</encryptedXmlFile>"
              "<base64EncryptedElementSignature>REVG</base64EncryptedElementSignature></data>";
        auto manifest = OdkManifest::parse(collect);
        QVERIFY(manifest);
        QCOMPARE(manifest->instanceId, QStringLiteral("uuid:1"));
        QCOMPARE(manifest->mediaFiles, QStringList { QStringLiteral("a.jpg.enc") });
        QCOMPARE(manifest->base64EncryptedKey, QByteArrayLiteral("QUJD"));
    }

    void manifest_parse_refusesPlainSubmission()
    {
        QVERIFY(!OdkManifest::parse("<data id=\"f\"><q>1</q></data>"));
        QVERIFY(!OdkManifest::parse("not xml"));
    }
};

QTEST_GUILESS_MAIN(TestOdkEnvelope)
#include "tst_odkenvelope.moc"
