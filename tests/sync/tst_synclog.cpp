// SPDX-License-Identifier: GPL-3.0-or-later
#include "SyncLog.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace chorus;
using namespace chorus::sync;

namespace {
SyncLogEntry record(const QString &id, const QString &outcome, const QString &detail = {})
{
    return {QDateTime::currentDateTimeUtc(), SyncLogEntry::Event::Record, id, outcome, 201, 1, detail};
}
} // namespace

class TestSyncLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appended_entriesReadBackInOrder_acrossInstances()
    {
        QTemporaryDir dir;
        const QString path = FileSyncLog::pathFor(dir.filePath(QStringLiteral("d.db")));
        QVERIFY(FileSyncLog(path).append({record(QStringLiteral("uuid:1"), QStringLiteral("transient"), QStringLiteral("HTTP 503")),
                                          record(QStringLiteral("uuid:2"), QStringLiteral("accepted"))}));
        QVERIFY(FileSyncLog(path).append({record(QStringLiteral("uuid:1"), QStringLiteral("accepted"))}));
        auto entries = FileSyncLog(path).recent(10);
        QVERIFY(entries);
        QCOMPARE(entries->size(), 3);
        QCOMPARE(entries->at(0).detail, QStringLiteral("HTTP 503"));
        const QList<SyncLogEntry> latest = latestPerRecord(*entries);
        QCOMPARE(latest.size(), 2);
        QCOMPARE(latest.at(0).instanceId, QStringLiteral("uuid:1"));
        QCOMPARE(latest.at(0).outcome, QStringLiteral("accepted"));
        QCOMPARE(FileSyncLog(path).recent(1)->size(), 1);
    }
    void tornLastLine_isSkipped()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("log.jsonl"));
        QVERIFY(FileSyncLog(path).append({record(QStringLiteral("uuid:1"), QStringLiteral("accepted"))}));
        QFile file(path);
        QVERIFY(file.open(QIODevice::Append));
        file.write("{\"at\":\"2026-");
        file.close();
        QCOMPARE(FileSyncLog(path).recent(10)->size(), 1);
    }
    void largeLog_isTrimmedToItsNewestEntries()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("log.jsonl"));
        FileSyncLog log(path, 4096);
        for (int i = 0; i < 200; ++i) {
            QVERIFY(log.append({record(QStringLiteral("uuid:%1").arg(i), QStringLiteral("accepted"))}));
        }
        QVERIFY(QFile(path).size() <= 4096 + 200);
        auto entries = log.recent(1000);
        QVERIFY(entries);
        QVERIFY(entries->size() < 200);
        QCOMPARE(entries->constLast().instanceId, QStringLiteral("uuid:199"));
    }
};

QTEST_GUILESS_MAIN(TestSyncLog)
#include "tst_synclog.moc"
