// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRunner.h"
#include "StoreBackends.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>

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

    void ledger_printsEachConsentWithWithdrawalAndServerTime_butNoReceiptHash()
    {
        const QString path = m_dir.filePath(QStringLiteral("ledger.db"));
        ManualClock clock;
        {
            auto store = SqliteStore::open(path, {}, clock.clock());
            QVERIFY(store.ok());
            for (int i = 1; i <= 2; ++i) {
                FinalizedResponse r = sampleResponse(QStringLiteral("uuid:c%1").arg(i), at(i));
                ConsentEntry e{QStringLiteral("consent-%1").arg(i), r.instanceId, QByteArray(32, '\x5a'), r.surveyId,
                               r.surveyVersion, at(i), std::nullopt};
                e.noticeId = QStringLiteral("privacy");
                e.noticeVersion = QStringLiteral("2");
                e.noticeLocale = QStringLiteral("cy");
                e.noticeSha256 = QString(64, QLatin1Char('b'));
                e.purposes = {{QStringLiteral("equality_monitoring"), i == 1}};
                e.mode = QStringLiteral("assisted");
                r.consent = e;
                QVERIFY((*store)->responses().finalize(r).ok());
            }
            QVERIFY((*store)->responses().markSending(QStringLiteral("uuid:c1")).ok());
            clock.advance(std::chrono::minutes(30));
            QVERIFY((*store)->responses().markAccepted(QStringLiteral("uuid:c1")).ok());
            QVERIFY((*store)->consent().markWithdrawn(QStringLiteral("consent-2"),
                                                      {at(50), QStringLiteral("written"), {}}).ok());
        }
        const CliResult r = runCli({QStringLiteral("outbox"), QStringLiteral("ledger"), QStringLiteral("--db"), path});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        const QJsonObject first = QJsonDocument::fromJson(lines.at(0).toUtf8()).object();
        QCOMPARE(first.value(QStringLiteral("consent_id")).toString(), QStringLiteral("consent-1"));
        QCOMPARE(first.value(QStringLiteral("notice_locale")).toString(), QStringLiteral("cy"));
        QCOMPARE(first.value(QStringLiteral("purposes")).toObject().value(QStringLiteral("equality_monitoring")), QJsonValue(true));
        QCOMPARE(first.value(QStringLiteral("server_received_at_utc")).toString(),
                 QStringLiteral("2026-11-24T10:30:00.000Z"));
        const QJsonObject second = QJsonDocument::fromJson(lines.at(1).toUtf8()).object();
        QCOMPARE(second.value(QStringLiteral("withdrawn_at_utc")).toString(), QStringLiteral("2026-11-24T09:50:00.000Z"));
        QCOMPARE(second.value(QStringLiteral("withdrawal_channel")).toString(), QStringLiteral("written"));
        QCOMPARE(second.value(QStringLiteral("notice_sha256")).toString(), QString()); // erased at withdrawal
        QVERIFY(second.value(QStringLiteral("server_received_at_utc")).isNull());
        QVERIFY(!r.out.contains(QLatin1String("5a5a5a")));
        QVERIFY(!r.out.contains(QLatin1String("receipt")));
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
