// SPDX-License-Identifier: GPL-3.0-or-later
// A receiver database from before device assignment (schema 2) upgrades in place: its devices
// keep working and are assigned every survey, as before.
#include "SqliteHandle.h"
#include "SqliteStorage.h"
#include "Tokens.h"

#include <QTemporaryDir>
#include <QTest>

using namespace chorus;
using namespace chorus::server;

class TestReceiverUpgrade : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void schema2Database_upgrades_andItsDevicesGetEverySurvey()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("receiver.sqlite"));
        const QByteArray token = generateToken();
        {
            // The tables as schema 2 left them (the devices table is the one that changes).
            SqliteConnection raw;
            QVERIFY(raw.open(path));
            QVERIFY(raw.exec("CREATE TABLE submissions (id INTEGER PRIMARY KEY, instance_id TEXT NOT NULL UNIQUE, "
                             "project_id TEXT NOT NULL, device TEXT NOT NULL, xml BLOB NOT NULL, expected TEXT NOT NULL, "
                             "received_at TEXT NOT NULL, change_seq INTEGER NOT NULL, deleted_at TEXT);"
                             "CREATE TABLE files (submission_id INTEGER NOT NULL REFERENCES submissions(id), "
                             "name TEXT NOT NULL, bytes BLOB NOT NULL, sha256 TEXT NOT NULL, PRIMARY KEY (submission_id, name));"
                             "CREATE TABLE devices (name TEXT PRIMARY KEY, token_hash BLOB NOT NULL UNIQUE, "
                             "created_at TEXT NOT NULL, revoked_at TEXT);"
                             "CREATE TABLE withdrawals (id INTEGER PRIMARY KEY, request_id TEXT NOT NULL UNIQUE, "
                             "target_id TEXT NOT NULL, device TEXT NOT NULL, xml BLOB NOT NULL, received_at TEXT NOT NULL, "
                             "change_seq INTEGER NOT NULL);"
                             "PRAGMA user_version = 2;"));
            SqliteStatement insert(raw.get(), "INSERT INTO devices (name, token_hash, created_at) VALUES ('old-tablet', ?, '2026-01-01T00:00:00Z')");
            insert.bindBlob(1, hashToken(token));
            QVERIFY(insert.done());
        }
        auto storage = SqliteStorage::open(path);
        QVERIFY2(storage, qPrintable(storage ? QString() : storage.error().message));
        QCOMPARE(*(*storage)->deviceForToken(hashToken(token)), QStringLiteral("old-tablet"));
        QCOMPARE(*(*storage)->assignedSurveys(QStringLiteral("old-tablet")), QStringList{QStringLiteral("*")});
        QCOMPARE((*storage)->devices()->constFirst().surveys, QStringList{QStringLiteral("*")});
        QVERIFY((*storage)->packages()->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestReceiverUpgrade)
#include "tst_receiver_upgrade.moc"
