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

    void check_alteredConsentLedgerEntry_isReported()
    {
        const QString path = m_dir.filePath(QStringLiteral("ledger.db"));
        {
            auto store = SqliteStore::open(path);
            QVERIFY(store.ok());
            for (int n = 1; n <= 3; ++n) {
                FinalizedResponse r = sampleResponse(QStringLiteral("uuid:%1").arg(n), QDateTime::currentDateTimeUtc());
                r.consent = ConsentEntry{QStringLiteral("c%1").arg(n), r.instanceId, QByteArray(32, char(n)),
                                         r.surveyId, r.surveyVersion, QDateTime::currentDateTimeUtc(), std::nullopt};
                QVERIFY((*store)->responses().finalize(r).ok());
            }
            QVERIFY((*store)->consent().markWithdrawn(QStringLiteral("c1"), QDateTime::currentDateTimeUtc()).ok());
        }
        const CliResult ok = runCli({QStringLiteral("device"), QStringLiteral("check"), QStringLiteral("--db"), path});
        QCOMPARE(ok.code, 0);
        QVERIFY2(ok.out.contains(QLatin1String("consent ledger: ok (3 entries, 1 withdrawn)")), qPrintable(ok.out));
        {
            auto store = SqliteStore::open(path);
            QVERIFY((*store)->database().exec("UPDATE consent_ledger SET survey_version = '1' WHERE consent_id = 'c2'").ok());
        }
        const CliResult r = runCli({QStringLiteral("device"), QStringLiteral("check"), QStringLiteral("--db"), path});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains(QLatin1String("consent c2")), qPrintable(r.out));
        QVERIFY(r.err.contains(QLatin1String("tampered")));
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
