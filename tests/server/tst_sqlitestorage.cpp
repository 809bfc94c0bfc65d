// SPDX-License-Identifier: GPL-3.0-or-later
#include "SqliteStorage.h"
#include "TestEnvelope.h"
#include "Tokens.h"

#include <QTemporaryDir>
#include <QTest>

using namespace chorus;
using namespace chorus::server;

namespace {
IncomingSubmission incoming(const sync::OutboxItem &item)
{
    IncomingSubmission in;
    in.instanceId = item.instanceId;
    in.projectId = QStringLiteral("1");
    in.device = QStringLiteral("tablet-1");
    in.xml = item.manifest;
    for (const FilePart &part : item.parts) {
        in.expected.append(part.name);
    }
    in.parts = item.parts;
    return in;
}
} // namespace

class TestSqliteStorage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void storedSubmission_survivesReopening()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("r.sqlite"));
        const sync::OutboxItem item = testing::makeEnvelope(1, 1);
        {
            auto storage = SqliteStorage::open(path);
            QVERIFY(storage);
            QCOMPARE(*(*storage)->store(incoming(item)), StoreOutcome::Created);
        }
        auto storage = SqliteStorage::open(path);
        QVERIFY(storage);
        auto changes = (*storage)->changesAfter(0, 10);
        QVERIFY(changes);
        QCOMPARE(changes->size(), 1);
        QVERIFY(changes->constFirst().complete);
        QCOMPARE(*(*storage)->manifest(changes->constFirst().id), item.manifest);
        QCOMPARE(*(*storage)->file(changes->constFirst().id, item.parts.at(0).name), item.parts.at(0).bytes);
        QCOMPARE(*(*storage)->store(incoming(item)), StoreOutcome::Merged);
        QCOMPARE((*storage)->changesAfter(0, 10)->size(), 1);
    }
    void resendWithDifferentPartBytes_keepsTheFirstCopy()
    {
        QTemporaryDir dir;
        auto storage = SqliteStorage::open(dir.filePath(QStringLiteral("r.sqlite")));
        QVERIFY(storage);
        sync::OutboxItem item = testing::makeEnvelope(2, 1);
        QVERIFY((*storage)->store(incoming(item)));
        const QByteArray original = item.parts.at(0).bytes;
        item.parts[0].bytes = "tampered";
        QCOMPARE(*(*storage)->store(incoming(item)), StoreOutcome::Merged);
        const qint64 id = (*storage)->changesAfter(0, 1)->constFirst().id;
        QCOMPARE(*(*storage)->file(id, item.parts.at(0).name), original);
    }
    void deviceTokens_revokedTokenIsRefused_andReissueReplacesIt()
    {
        QTemporaryDir dir;
        auto storage = SqliteStorage::open(dir.filePath(QStringLiteral("r.sqlite")));
        QVERIFY(storage);
        const QByteArray first = generateToken();
        QVERIFY((*storage)->addDevice(QStringLiteral("t1"), hashToken(first)));
        QCOMPARE(*(*storage)->deviceForToken(hashToken(first)), QStringLiteral("t1"));
        const QByteArray second = generateToken();
        QVERIFY((*storage)->addDevice(QStringLiteral("t1"), hashToken(second)));
        QVERIFY(!(*storage)->deviceForToken(hashToken(first)));
        QVERIFY((*storage)->revokeDevice(QStringLiteral("t1")));
        QCOMPARE((*storage)->deviceForToken(hashToken(second)).error().kind, ErrorKind::Permission);
        QVERIFY(!(*storage)->revokeDevice(QStringLiteral("t1")));
        QCOMPARE((*storage)->devices()->size(), 1);
    }
    void newerSchema_isRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("r.sqlite"));
        {
            SqliteConnection raw;
            QVERIFY(raw.open(path));
            QVERIFY(raw.exec("PRAGMA user_version = 99"));
        }
        auto storage = SqliteStorage::open(path);
        QVERIFY(!storage);
        QCOMPARE(storage.error().kind, ErrorKind::Unsupported);
    }
};

QTEST_GUILESS_MAIN(TestSqliteStorage)
#include "tst_sqlitestorage.moc"
