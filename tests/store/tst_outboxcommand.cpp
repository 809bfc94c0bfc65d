// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRunner.h"
#include "StoreBackends.h"

#include <QDir>

using namespace chorus;
using namespace chorus::store;
using namespace chorus::store::testing;

class TestOutboxCommand : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString dbPath() const { return m_dir.filePath(QStringLiteral("device.db")); }
    QString outDir() const { return m_dir.filePath(QStringLiteral("usb")); }
    QDateTime at(int minutes) const { return QDateTime(QDate(2026, 11, 24), QTime(9, minutes), Qt::UTC); }

    static QByteArray readAll(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
    }

private Q_SLOTS:
    void init()
    {
        QDir(outDir()).removeRecursively();
        for (const char *suffix : {"", "-wal", "-shm"}) {
            QFile::remove(dbPath() + QLatin1String(suffix));
        }
        auto store = SqliteStore::open(dbPath());
        QVERIFY(store.ok());
        ResponseRepository &responses = (*store)->responses();
        for (int i = 1; i <= 4; ++i) {
            QVERIFY(responses.finalize(sampleResponse(QStringLiteral("uuid:r%1").arg(i), at(i))).ok());
        }
        QVERIFY(responses.markSending(QStringLiteral("uuid:r1")).ok());
        QVERIFY(responses.markAccepted(QStringLiteral("uuid:r1")).ok());
        QVERIFY(responses.markSending(QStringLiteral("uuid:r2")).ok());
        QVERIFY(responses.markTransientFailure(QStringLiteral("uuid:r2"), QStringLiteral("HTTP 503")).ok());
        QVERIFY(responses.markSending(QStringLiteral("uuid:r3")).ok());
        QVERIFY(responses.markFailed(QStringLiteral("uuid:r3"), QStringLiteral("HTTP 400")).ok());
    }

    void list_printsIdsAndStatesOnly()
    {
        const CliResult r = runCli({QStringLiteral("outbox"), QStringLiteral("list"), QStringLiteral("--db"), dbPath()});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QStringLiteral("uuid:r1\taccepted\nuuid:r2\tfailed\ttransient\nuuid:r3\tfailed\tpermanent\n"
                                       "uuid:r4\tfinalized\n"));
        QVERIFY(!r.out.contains(QLatin1String("HTTP")));
    }

    void export_writesQueuedEnvelopesByteForByte_andChangesNothing()
    {
        const QByteArray before = readAll(dbPath());
        const CliResult r = runCli({QStringLiteral("outbox"), QStringLiteral("export"), QStringLiteral("--db"), dbPath(),
                                    QStringLiteral("--out"), outDir()});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("exported 2 queued response(s)")));
        const QStringList dirs = QDir(outDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        QCOMPARE(dirs, (QStringList{QStringLiteral("uuid-r2"), QStringLiteral("uuid-r4")}));
        const FinalizedResponse expected = sampleResponse(QStringLiteral("uuid:r4"), at(4));
        const QDir r4(QDir(outDir()).filePath(QStringLiteral("uuid-r4")));
        QCOMPARE(readAll(r4.filePath(QStringLiteral("submission.xml"))), expected.manifest);
        for (const FilePart &part : expected.encryptedFiles) {
            QCOMPARE(readAll(r4.filePath(part.name)), part.bytes);
        }
        QCOMPARE(r4.entryList(QDir::Files).size(), 1 + expected.encryptedFiles.size());
        QCOMPARE(readAll(dbPath()), before);
    }

    void missingOptions_andUnknownSubcommand_areUsageErrors()
    {
        QCOMPARE(runCli({QStringLiteral("outbox"), QStringLiteral("export"), QStringLiteral("--db"), dbPath()}).code, 2);
        QCOMPARE(runCli({QStringLiteral("outbox"), QStringLiteral("list")}).code, 2);
        QCOMPARE(runCli({QStringLiteral("outbox"), QStringLiteral("send")}).code, 2);
        QCOMPARE(runCli({QStringLiteral("outbox"), QStringLiteral("list"), QStringLiteral("--help")}).code, 0);
    }

    void missingDatabase_failsWithOneLine()
    {
        const CliResult r = runCli({QStringLiteral("outbox"), QStringLiteral("list"), QStringLiteral("--db"),
                                    m_dir.filePath(QStringLiteral("absent.db"))});
        QCOMPARE(r.code, 1);
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
        QVERIFY(r.err.contains(QLatin1String("no such database")));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("absent.db"))));
    }
};

QTEST_GUILESS_MAIN(TestOutboxCommand)
#include "tst_outboxcommand.moc"
