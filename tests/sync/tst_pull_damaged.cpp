// SPDX-License-Identifier: GPL-3.0-or-later
// One stored file on the receiver that no longer matches its SHA-256 used to stop every pull,
// for ever ("arrived damaged; run the pull again"), leaving a .partial- folder. Now the pull
// skips it, reports it, keeps going with later submissions, and lets the admin retry it once
// the receiver's copy is restored, or give up on it. Against a real receiver whose stored
// bytes are changed in its database file.
#include "CliRunner.h"
#include "CurlTransport.h"
#include "LiveReceiver.h"
#include "MemoryOutbox.h"
#include "SyncEngine.h"
#include "TestEnvelope.h"

#include <QDir>
#include <QStandardPaths>
#include <QTest>

#include <sqlite3.h>

using namespace chorus;
using namespace chorus::sync;

namespace {

void syncAll(const testing::LiveReceiver &live, const QList<OutboxItem> &items)
{
    MemoryOutbox device;
    for (const OutboxItem &item : items)
        device.add(item);
    CurlOptions curl;
    curl.allowHttpLoopback = true;
    SyncOptions options;
    options.concurrency = 1;
    SyncEngine([curl] { return std::make_unique<CurlTransport>(curl); },
               QUrl(QStringLiteral("http://127.0.0.1:%1/submission").arg(live.port)), live.deviceToken, options)
        .run(device);
}

// Runs one SQL statement on the receiver's database file, binding `blob` to ?1 and `instanceId`
// to ?2: what bit rot, a bad restore or a careless hand does to the stored envelope.
bool onReceiverDatabase(const testing::LiveReceiver &live, const char *sql, const QByteArray &blob,
                        const QString &instanceId)
{
    sqlite3 *db = nullptr;
    const QByteArray path = QFile::encodeName(live.dir.filePath(QStringLiteral("receiver.sqlite")));
    bool ok = sqlite3_open_v2(path.constData(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK;
    sqlite3_stmt *stmt = nullptr;
    const QByteArray id = instanceId.toUtf8();
    ok = ok && sqlite3_busy_timeout(db, 10000) == SQLITE_OK && sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK
      && sqlite3_bind_blob(stmt, 1, blob.constData(), int(blob.size()), SQLITE_TRANSIENT) == SQLITE_OK
      && sqlite3_bind_text(stmt, 2, id.constData(), int(id.size()), SQLITE_TRANSIENT) == SQLITE_OK
      && sqlite3_step(stmt) == SQLITE_DONE && sqlite3_changes(db) == 1;
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return ok;
}

const char kCorrupt[] = "UPDATE files SET bytes = ?1 WHERE name = 'submission.xml.enc' AND submission_id = "
                        "(SELECT id FROM submissions WHERE instance_id = ?2)";

QByteArray flippedFirstByte(const OutboxItem &item)
{
    QByteArray bytes = item.parts.constLast().bytes; // submission.xml.enc
    bytes[0] = char(bytes[0] ^ 0x01);
    return bytes;
}

QString dirName(const QString &instanceId)
{
    return QString(instanceId).replace(QLatin1Char(':'), QLatin1Char('-'));
}

} // namespace

class TestPullDamaged : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QStringList pull(const testing::LiveReceiver &live, const QString &out, const QStringList &extra = {})
    {
        const QString file = m_dir.filePath(QStringLiteral("admin-token"));
        QFile f(file);
        if (f.open(QIODevice::WriteOnly))
            f.write(live.adminToken + '\n');
        return QStringList{QStringLiteral("pull"), QStringLiteral("--endpoint"), live.base(),
                           QStringLiteral("--admin-token-file"), file, QStringLiteral("--allow-http-loopback"),
                           QStringLiteral("--quiet"), QStringLiteral("--out"), out}
             + extra;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void damagedStoredFile_isSkippedAndReported_laterOnesArePulled_thenRetriedOrForgotten()
    {
        if (testing::usePostgres())
            QSKIP("this test changes the receiver's SQLite file directly");
        testing::LiveReceiver live;
        CHORUS_START_RECEIVER(live);
        const OutboxItem first = testing::makeEnvelope(1);
        const OutboxItem damaged = testing::makeEnvelope(2);
        const OutboxItem third = testing::makeEnvelope(3);
        syncAll(live, {first, damaged, third});
        QVERIFY(onReceiverDatabase(live, kCorrupt, flippedFirstByte(damaged), damaged.instanceId));

        const QString out = m_dir.filePath(QStringLiteral("admin"));
        auto run = testing::runCli(pull(live, out));
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("2 submissions written")), qPrintable(run.out));
        QVERIFY2(run.err.contains(QStringLiteral("damaged ") + damaged.instanceId), qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("--retry-damaged")));
        const QDir submissions(out + QStringLiteral("/submissions"));
        QVERIFY(submissions.exists(dirName(first.instanceId)));
        QVERIFY(submissions.exists(dirName(third.instanceId)));
        QVERIFY(!submissions.exists(dirName(damaged.instanceId)));
        QVERIFY2(submissions.entryList({QStringLiteral(".partial-*")}, QDir::Dirs | QDir::Hidden).isEmpty(),
                 "a .partial- folder was left behind");

        run = testing::runCli({QStringLiteral("pull"), QStringLiteral("--status"), QStringLiteral("--out"), out});
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.contains(QStringLiteral("1 damaged submission(s)")), qPrintable(run.out));
        QVERIFY(run.out.contains(damaged.instanceId));

        // Later submissions keep coming; the damaged one is still reported.
        const OutboxItem fourth = testing::makeEnvelope(4);
        syncAll(live, {fourth});
        run = testing::runCli(pull(live, out));
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("1 submissions written")), qPrintable(run.out));
        QVERIFY(submissions.exists(dirName(fourth.instanceId)));
        QVERIFY(run.err.contains(damaged.instanceId));

        // The receiver's copy is restored from a backup: a retry fetches it.
        QVERIFY(onReceiverDatabase(live, kCorrupt, damaged.parts.constLast().bytes, damaged.instanceId));
        run = testing::runCli(pull(live, out, {QStringLiteral("--retry-damaged")}));
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("1 submission(s) that were damaged before were written")),
                 qPrintable(run.out));
        QVERIFY(submissions.exists(dirName(damaged.instanceId)));
        QVERIFY(!run.err.contains(QStringLiteral("damaged")));
        run = testing::runCli({QStringLiteral("pull"), QStringLiteral("--status"), QStringLiteral("--out"), out});
        QVERIFY2(run.out.contains(QStringLiteral("0 damaged submission(s)")), qPrintable(run.out));

        // One that cannot be restored: the admin gives up on it.
        const OutboxItem lost = testing::makeEnvelope(5);
        syncAll(live, {lost});
        QVERIFY(onReceiverDatabase(live, kCorrupt, flippedFirstByte(lost), lost.instanceId));
        run = testing::runCli(pull(live, out));
        QVERIFY2(run.code == 0 && run.err.contains(lost.instanceId), qPrintable(run.err));
        run = testing::runCli({QStringLiteral("pull"), QStringLiteral("--forget-damaged"), lost.instanceId,
                               QStringLiteral("--out"), out});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        run = testing::runCli({QStringLiteral("pull"), QStringLiteral("--forget-damaged"), lost.instanceId,
                               QStringLiteral("--out"), out});
        QCOMPARE(run.code, 1); // no longer listed
        run = testing::runCli({QStringLiteral("pull"), QStringLiteral("--status"), QStringLiteral("--out"), out});
        QVERIFY2(run.out.contains(QStringLiteral("0 damaged submission(s)")), qPrintable(run.out));
    }
};

QTEST_GUILESS_MAIN(TestPullDamaged)
#include "tst_pull_damaged.moc"
