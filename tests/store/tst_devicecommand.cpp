// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRunner.h"
#include "StoreBackends.h"

using namespace chorus;
using namespace chorus::store;
using namespace chorus::store::testing;

class TestDeviceCommand : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString dbPath() const { return m_dir.filePath(QStringLiteral("device.db")); }

private Q_SLOTS:
    void initTestCase()
    {
        auto store = SqliteStore::open(dbPath());
        QVERIFY(store.ok());
        QVERIFY((*store)->responses().finalize(sampleResponse(QStringLiteral("uuid:1"), QDateTime::currentDateTimeUtc())).ok());
    }

    void backup_whileTheAppHoldsTheDatabaseOpen_copiesEveryResponse()
    {
        auto running = SqliteStore::open(dbPath()); // as if the app were running
        QVERIFY(running.ok());
        QVERIFY((*running)->responses().finalize(sampleResponse(QStringLiteral("uuid:2"), QDateTime::currentDateTimeUtc())).ok());
        const QString out = m_dir.filePath(QStringLiteral("backup.db"));
        const CliResult r = runCli({QStringLiteral("device"), QStringLiteral("backup"), QStringLiteral("--db"), dbPath(),
                                    QStringLiteral("--out"), out});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith(QLatin1String("backed up")));
        auto copy = SqliteStore::open(out);
        QVERIFY(copy.ok());
        QCOMPARE((*copy)->responses().list()->size(), 2);
        QCOMPARE((*copy)->responses().load(QStringLiteral("uuid:2"))->envelope.encryptedFiles,
                 (*running)->responses().load(QStringLiteral("uuid:2"))->envelope.encryptedFiles);

        const CliResult again = runCli({QStringLiteral("device"), QStringLiteral("backup"), QStringLiteral("--db"),
                                        dbPath(), QStringLiteral("--out"), out});
        QCOMPARE(again.code, 1);
        QVERIFY(again.err.contains(QLatin1String("already exists")));
    }

    void check_reportsIntegrityAndCounts()
    {
        const CliResult r = runCli({QStringLiteral("device"), QStringLiteral("check"), QStringLiteral("--db"), dbPath()});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("integrity: ok")));
        QVERIFY(r.out.contains(QLatin1String("finalized: 2")));
    }

    void check_damagedFile_failsWithRecoveryAdvice()
    {
        const QString bad = m_dir.filePath(QStringLiteral("bad.db"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'z'));
        file.close();
        const CliResult r = runCli({QStringLiteral("device"), QStringLiteral("check"), QStringLiteral("--db"), bad});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QLatin1String("damaged")));
    }

    void missingOut_isUsageError()
    {
        QCOMPARE(runCli({QStringLiteral("device"), QStringLiteral("backup"), QStringLiteral("--db"), dbPath()}).code, 2);
    }
};

QTEST_GUILESS_MAIN(TestDeviceCommand)
#include "tst_devicecommand.moc"
