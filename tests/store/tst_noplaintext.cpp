// SPDX-License-Identifier: GPL-3.0-or-later
// No plaintext on disk: drafts and envelopes whose plaintext holds a sentinel are stored
// (as libsodium secretbox ciphertext, the way the crypto layer hands them over), replaced,
// finalized, discarded and withdrawn; then every file SQLite may have written — the database,
// -wal, -shm and the temp directory — is scanned raw for the sentinel and for the ciphertext
// that was deleted. The positive control proves the scan finds a blob that is still stored.
#include "StoreBackends.h"

#include <QDir>
#include <QDirIterator>

#include <sodium.h>

using namespace chorus;
using namespace chorus::store;
using namespace chorus::store::testing;

namespace {

const QByteArray kSentinel = QByteArrayLiteral("SENTINEL-answer-7f3a9c-Prefer-not-to-say");

class Sealer
{
public:
    Sealer() { crypto_secretbox_keygen(m_key); }
    ~Sealer() { sodium_memzero(m_key, sizeof m_key); }

    QByteArray seal(const QByteArray &plaintext) const
    {
        QByteArray out(int(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) + plaintext.size(), '\0');
        auto *nonce = reinterpret_cast<unsigned char *>(out.data());
        randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
        crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES,
                              reinterpret_cast<const unsigned char *>(plaintext.constData()),
                              quint64(plaintext.size()), nonce, m_key);
        return out;
    }

private:
    unsigned char m_key[crypto_secretbox_KEYBYTES];
};

// A plaintext the size of a real draft, the sentinel repeated through it.
QByteArray answers(int n)
{
    QByteArray text;
    for (int i = 0; i < 40; ++i) {
        text += "<q" + QByteArray::number(i) + ">" + kSentinel + QByteArray::number(n) + "</q>";
    }
    return text;
}

} // namespace

class TestNoPlaintext : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_tempDir;
    QString dbPath() const { return m_dir.filePath(QStringLiteral("device.db")); }

    QStringList filesToScan() const
    {
        QStringList files;
        for (const char *suffix : {"", "-wal", "-shm", "-journal"}) {
            if (QFile::exists(dbPath() + QLatin1String(suffix))) {
                files.append(dbPath() + QLatin1String(suffix));
            }
        }
        QDirIterator it(m_tempDir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            files.append(it.next());
        }
        return files;
    }

    // The files (if any) that contain `needle`.
    QStringList filesContaining(const QByteArray &needle) const
    {
        QStringList hits;
        for (const QString &path : filesToScan()) {
            QFile file(path);
            if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle)) {
                hits.append(QFileInfo(path).fileName());
            }
        }
        return hits;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(sodium_init() >= 0);
        // Anything SQLite might spill to a temp file would land here, where the scan looks.
        m_tempDir = m_dir.filePath(QStringLiteral("tmp"));
        QVERIFY(QDir().mkpath(m_tempDir));
        qputenv("TMPDIR", QFile::encodeName(m_tempDir));
        qputenv("SQLITE_TMPDIR", QFile::encodeName(m_tempDir));
    }

    void discardedDraftsAndWithdrawnEnvelopes_leaveNoBytesBehind()
    {
        const Sealer sealer;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto opened = SqliteStore::open(dbPath());
        QVERIFY(opened.ok());
        Store &store = **opened;

        // A draft saved three times (each answer), then discarded by a kiosk reset.
        QList<QByteArray> draftVersions;
        for (int i = 0; i < 3; ++i) {
            draftVersions.append(sealer.seal(answers(i)));
            QVERIFY(store.drafts().save({QStringLiteral("uuid:discarded"), QStringLiteral("s"), QStringLiteral("1"),
                                         draftVersions.last(), now}).ok());
        }
        // A response finalized from its draft, then withdrawn before sync.
        const QByteArray withdrawnDraft = sealer.seal(answers(10));
        QVERIFY(store.drafts().save({QStringLiteral("uuid:withdrawn"), QStringLiteral("s"), QStringLiteral("1"),
                                     withdrawnDraft, now}).ok());
        FinalizedResponse withdrawn = sampleResponse(QStringLiteral("uuid:withdrawn"), now);
        withdrawn.encryptedFiles = {FilePart{QStringLiteral("submission.xml.enc"), sealer.seal(answers(11))}};
        QVERIFY(store.responses().finalize(withdrawn).ok());
        // A response that stays queued: the positive control.
        FinalizedResponse kept = sampleResponse(QStringLiteral("uuid:kept"), now);
        kept.encryptedFiles = {FilePart{QStringLiteral("submission.xml.enc"), sealer.seal(answers(20))}};
        QVERIFY(store.responses().finalize(kept).ok());

        QVERIFY(!filesContaining(draftVersions.last()).isEmpty()); // the scan does see stored blobs

        // Each deletion scrubs on its own: check after the discard, before anything else runs.
        QVERIFY(store.drafts().discard(QStringLiteral("uuid:discarded")).ok());
        for (int i = 0; i < draftVersions.size(); ++i) {
            QVERIFY2(filesContaining(draftVersions.at(i)).isEmpty(),
                     qPrintable(QStringLiteral("discarded draft version %1 found in %2")
                                    .arg(i)
                                    .arg(filesContaining(draftVersions.at(i)).join(QLatin1Char(',')))));
        }
        QVERIFY(!filesContaining(withdrawn.encryptedFiles.constFirst().bytes).isEmpty());
        QVERIFY(store.responses().markWithdrawn(QStringLiteral("uuid:withdrawn")).ok());

        QVERIFY(filesToScan().size() >= 1);
        QCOMPARE(filesContaining(kSentinel), QStringList());
        QCOMPARE(filesContaining(withdrawn.encryptedFiles.constFirst().bytes), QStringList());
        QCOMPARE(filesContaining(withdrawnDraft), QStringList());
        // The queued envelope is still there, byte for byte (in the database or its WAL).
        QVERIFY(!filesContaining(kept.encryptedFiles.constFirst().bytes).isEmpty());

        opened->reset();
        QCOMPARE(filesContaining(kSentinel), QStringList());
        QCOMPARE(filesContaining(draftVersions.constFirst()), QStringList());
    }

    // Negative control: the same deletion with secure_delete switched off leaves the ciphertext
    // in the file, so the scan above would catch a connection that forgot the pragma (Debian's
    // SQLite defaults it on; other builds, e.g. Android's, do not).
    void control_withoutSecureDelete_theScanFindsTheResidue()
    {
        const Sealer sealer;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto opened = SqliteStore::open(dbPath());
        QVERIFY(opened.ok());
        QVERIFY((*opened)->database().exec("PRAGMA secure_delete=OFF").ok());
        const QByteArray blob = sealer.seal(answers(40));
        QVERIFY((*opened)->drafts().save({QStringLiteral("uuid:control"), QStringLiteral("s"), QStringLiteral("1"), blob, now}).ok());
        QVERIFY((*opened)->drafts().discard(QStringLiteral("uuid:control")).ok());
        QVERIFY(!filesContaining(blob).isEmpty());
        QVERIFY((*opened)->database().exec("PRAGMA secure_delete=ON").ok());
    }

    void envelopeRemovedByRetention_leavesNoBytesBehind()
    {
        const Sealer sealer;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto opened = SqliteStore::open(dbPath());
        QVERIFY(opened.ok());
        ResponseRepository &responses = (*opened)->responses();
        FinalizedResponse accepted = sampleResponse(QStringLiteral("uuid:accepted"), now);
        accepted.encryptedFiles = {FilePart{QStringLiteral("submission.xml.enc"), sealer.seal(answers(30))}};
        QVERIFY(responses.finalize(accepted).ok());
        QVERIFY(responses.markSending(accepted.instanceId).ok());
        QVERIFY(responses.markAccepted(accepted.instanceId).ok());
        QVERIFY(!filesContaining(accepted.encryptedFiles.constFirst().bytes).isEmpty());
        QCOMPARE(*responses.removeAcceptedEnvelopes(now.addDays(1)), 1);
        QCOMPARE(filesContaining(accepted.encryptedFiles.constFirst().bytes), QStringList());
        QCOMPARE(filesContaining(accepted.manifest), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestNoPlaintext)
#include "tst_noplaintext.moc"
