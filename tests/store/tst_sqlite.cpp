// SPDX-License-Identifier: GPL-3.0-or-later
// The SQLite layer: connection settings, migrations, transactions, refusing bad files.
#include "store/Migrations.h"
#include "store/Sqlite.h"
#include "store/SqliteStore.h"
#include "StoreBackends.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>
#include <sys/stat.h>

using namespace chorus;
using namespace chorus::store;
using namespace std::chrono_literals;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

mode_t permissions(const QString &path)
{
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? (st.st_mode & 0777) : 0;
}

QString pragmaText(Database &db, const char *sql)
{
    auto stmt = db.prepare(sql);
    return stmt && stmt->step().ok() ? stmt->text(0) : QStringLiteral("<error>");
}

bool tableExists(Database &db, const QString &name)
{
    auto stmt = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?");
    auto row = stmt->bind(1, name).step();
    return row.ok() && *row;
}

constexpr const char *kStepOne[] = {"CREATE TABLE one (x INTEGER)"};
constexpr const char *kStepTwoFails[] = {"CREATE TABLE two (x INTEGER)", "INSERT INTO one VALUES (1)",
                                         "CREATE TABLE one (x INTEGER)"};

} // namespace

class TestSqlite : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString dbPath() const { return m_dir.filePath(QStringLiteral("device.db")); }

    // A file database at `version`, written with the real schema and one finalized response.
    void makeDatabaseWithOneResponse()
    {
        auto store = SqliteStore::open(dbPath());
        QVERIFY(store.ok());
        QVERIFY((*store)->responses().finalize(testing::sampleResponse(QStringLiteral("uuid:kept"),
                                                                       QDateTime::currentDateTimeUtc())).ok());
    }

private Q_SLOTS:
    void init()
    {
        for (const char *suffix : {"", "-wal", "-shm", ".bak"}) {
            QFile::remove(dbPath() + QLatin1String(suffix));
        }
    }

    void open_newFile_isOwnerOnly_inWalMode_withSafePragmas()
    {
        auto db = Database::open(dbPath());
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
        QCOMPARE(permissions(dbPath()), mode_t(0600));
        QCOMPARE(pragmaText(*db, "PRAGMA journal_mode"), QStringLiteral("wal"));
        QCOMPARE(pragmaText(*db, "PRAGMA synchronous"), QStringLiteral("2")); // FULL
        QCOMPARE(pragmaText(*db, "PRAGMA secure_delete"), QStringLiteral("1"));
        QCOMPARE(pragmaText(*db, "PRAGMA foreign_keys"), QStringLiteral("1"));
        QCOMPARE(pragmaText(*db, "PRAGMA temp_store"), QStringLiteral("2")); // MEMORY
        QCOMPARE(pragmaText(*db, "PRAGMA journal_size_limit").toInt(), 4 * 1024 * 1024);
        QCOMPARE(*db->userVersion(), kSchemaVersion);
        QVERIFY(db->exec("INSERT INTO settings(key, value) VALUES ('k', 'v')").ok());
        QVERIFY(QFile::exists(dbPath() + QStringLiteral("-wal")));
        QCOMPARE(permissions(dbPath() + QStringLiteral("-wal")), mode_t(0600));
    }

    void open_databaseFromANewerChorus_isRefused_andNeverWritten()
    {
        makeDatabaseWithOneResponse();
        {
            auto db = Database::open(dbPath());
            QVERIFY(db->exec("PRAGMA user_version=99").ok());
            QVERIFY(db->checkpoint().ok());
        }
        const QByteArray before = readAll(dbPath());
        for (const OpenMode mode : {OpenMode::ReadWrite, OpenMode::ReadOnly}) {
            OpenOptions options;
            options.mode = mode;
            auto db = Database::open(dbPath(), options);
            QVERIFY(!db.ok());
            QCOMPARE(db.error().kind, ErrorKind::Unsupported);
            QVERIFY2(db.error().message.contains(QLatin1String("newer version of Chorus")), qPrintable(db.error().message));
            QVERIFY(db.error().message.contains(QLatin1String("schema 99")));
        }
        QCOMPARE(readAll(dbPath()), before);
    }

    void open_notADatabase_saysDamaged_andHowToRecover_andLeavesTheFile()
    {
        QByteArray garbage(8192, 'x');
        {
            QFile file(dbPath());
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(garbage);
        }
        auto db = Database::open(dbPath());
        QVERIFY(!db.ok());
        QCOMPARE(db.error().kind, ErrorKind::Database);
        QVERIFY2(db.error().message.contains(QLatin1String("damaged")), qPrintable(db.error().message));
        QVERIFY(db.error().message.contains(QLatin1String("chorusctl device backup")));
        QCOMPARE(readAll(dbPath()), garbage);
    }

    void open_damagedPages_failQuickCheck_withRecoveryMessage()
    {
        {
            auto store = SqliteStore::open(dbPath());
            QVERIFY(store.ok());
            for (int i = 0; i < 200; ++i) {
                QVERIFY((*store)->responses().finalize(testing::sampleResponse(QStringLiteral("uuid:%1").arg(i),
                                                                               QDateTime::currentDateTimeUtc())).ok());
            }
            QVERIFY((*store)->database().checkpoint().ok());
        }
        QByteArray bytes = readAll(dbPath());
        QVERIFY(bytes.size() > 16 * 4096);
        // Scribble over the middle of the file, leaving the header (page 1) intact.
        for (qsizetype i = 3 * 4096; i < 12 * 4096; ++i) {
            bytes[i] = char(i * 7);
        }
        {
            QFile file(dbPath());
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(bytes);
        }
        auto db = Database::open(dbPath());
        QVERIFY(!db.ok());
        QVERIFY2(db.error().message.contains(QLatin1String("damaged")), qPrintable(db.error().message));
        QCOMPARE(readAll(dbPath()), bytes);
    }

    void migrate_failingStep_rollsBack_toTheLastCompleteVersion()
    {
        OpenOptions options;
        options.migrate = false;
        auto db = Database::open(dbPath(), options);
        QVERIFY(db.ok());
        const Migration steps[] = {{1, kStepOne}, {2, kStepTwoFails}};
        const Status status = migrate(*db, steps);
        QVERIFY(!status.ok());
        QVERIFY2(status.error().message.contains(QLatin1String("left at schema 1")), qPrintable(status.error().message));
        QCOMPARE(*db->userVersion(), 1);
        QVERIFY(tableExists(*db, QStringLiteral("one")));
        QVERIFY(!tableExists(*db, QStringLiteral("two")));
        auto count = db->prepare("SELECT COUNT(*) FROM one");
        QVERIFY(count->step().ok());
        QCOMPARE(count->int64(0), 0);
    }

    void migrate_isIdempotent_andUpgradesAnOlderDatabase()
    {
        OpenOptions options;
        options.migrate = false;
        {
            auto db = Database::open(dbPath(), options);
            QVERIFY(migrate(*db, migrations().first(1)).ok());
            QCOMPARE(*db->userVersion(), 1);
        }
        auto db = Database::open(dbPath());
        QVERIFY(db.ok());
        QCOMPARE(*db->userVersion(), kSchemaVersion);
        QVERIFY(migrateToCurrent(*db).ok());
        QVERIFY(tableExists(*db, QStringLiteral("consent_ledger")));
    }

    void transaction_notCommitted_rollsBack()
    {
        auto db = Database::open(dbPath());
        {
            auto tx = Transaction::begin(*db);
            QVERIFY(tx.ok());
            QVERIFY(db->exec("INSERT INTO settings(key, value) VALUES ('k', 'v')").ok());
        }
        auto count = db->prepare("SELECT COUNT(*) FROM settings");
        QVERIFY(count->step().ok());
        QCOMPARE(count->int64(0), 0);
        {
            auto tx = Transaction::begin(*db);
            QVERIFY(db->exec("INSERT INTO settings(key, value) VALUES ('k', 'v')").ok());
            QVERIFY(tx->commit().ok());
        }
        count->reset();
        QVERIFY(count->step().ok());
        QCOMPARE(count->int64(0), 1);
    }

    void readOnly_refusesWrites()
    {
        makeDatabaseWithOneResponse();
        OpenOptions options;
        options.mode = OpenMode::ReadOnly;
        auto db = Database::open(dbPath(), options);
        QVERIFY(db.ok());
        QVERIFY(db->isReadOnly());
        QVERIFY(!db->exec("INSERT INTO settings(key, value) VALUES ('k', 'v')").ok());
        OpenOptions missing = options;
        QCOMPARE(Database::open(m_dir.filePath(QStringLiteral("nope.db")), missing).error().kind, ErrorKind::NotFound);
    }

    void busy_writerWaitsForTheBusyTimeout_thenFailsClearly()
    {
        auto first = Database::open(dbPath());
        OpenOptions impatient;
        impatient.busyTimeout = 50ms;
        auto second = Database::open(dbPath(), impatient);
        QVERIFY(first.ok() && second.ok());
        auto held = Transaction::begin(*first);
        QVERIFY(held.ok());
        auto blocked = Transaction::begin(*second);
        QVERIFY(!blocked.ok());
        QVERIFY2(blocked.error().message.contains(QLatin1String("locked")), qPrintable(blocked.error().message));
        QVERIFY(held->commit().ok());
        QVERIFY(Transaction::begin(*second).ok());
    }

    void backup_copiesAConsistentOwnerOnlyDatabase_andRefusesToOverwrite()
    {
        makeDatabaseWithOneResponse();
        auto source = SqliteStore::open(dbPath());
        QVERIFY(source.ok());
        const QString target = dbPath() + QStringLiteral(".bak");
        QVERIFY((*source)->database().backupTo(target).ok());
        QCOMPARE(permissions(target), mode_t(0600));
        auto copy = SqliteStore::open(target);
        QVERIFY(copy.ok());
        QVERIFY((*copy)->database().integrityCheck().ok());
        QCOMPARE((*copy)->responses().load(QStringLiteral("uuid:kept"))->envelope.encryptedFiles,
                 (*source)->responses().load(QStringLiteral("uuid:kept"))->envelope.encryptedFiles);
        const Status again = (*source)->database().backupTo(target);
        QVERIFY(!again.ok());
        QVERIFY(again.error().message.contains(QLatin1String("already exists")));
    }
};

QTEST_GUILESS_MAIN(TestSqlite)
#include "tst_sqlite.moc"
