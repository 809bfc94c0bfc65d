// SPDX-License-Identifier: GPL-3.0-or-later
#include "Sqlite.h"

#include "Migrations.h"
#include "common/Logging.h"

#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

#include <fcntl.h>
#include <unistd.h>

namespace chorus::store {

namespace {

constexpr auto kMemoryPath = ":memory:";
// A WAL left behind after a checkpoint is truncated to this size, so a busy day does not
// leave a large file of old pages (old draft ciphertext included) next to the database.
constexpr int kJournalSizeLimitBytes = 4 * 1024 * 1024;

bool isMemory(const QString &path)
{
    return path == QLatin1String(kMemoryPath) || path.isEmpty();
}

QString damagedAdvice(const QString &path)
{
    return QStringLiteral("Chorus has not changed the file. Keep a copy of %1 (and any %1-wal next to it), "
                          "then restore the latest backup (made with `chorusctl device backup`) or ask your "
                          "administrator for help.")
        .arg(path);
}

// Creates the file with owner-only permissions before SQLite sees it: SQLite gives the
// -wal and -shm files the same mode as the database, so they are 0600 too.
// IfCreatedMeanwhile::UseIt: another process creating the same database in the meantime is not an error
// (it made it with the same mode); for a backup's destination it is.
enum class IfCreatedMeanwhile { Fail, UseIt };
Status createPrivateFile(const QString &path, IfCreatedMeanwhile meanwhile = IfCreatedMeanwhile::Fail)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0 && errno == EEXIST && meanwhile == IfCreatedMeanwhile::UseIt) {
        return {};
    }
    if (fd < 0) {
        return makeError(ErrorKind::Io, QStringLiteral("%1: cannot create the database file (%2); check the "
                                                       "folder exists and is writable")
                                            .arg(path, QString::fromLocal8Bit(strerror(errno))));
    }
    ::close(fd);
    return {};
}

Result<sqlite3 *> rawOpen(const QString &path, int flags, const QByteArray &vfs = {})
{
    sqlite3 *db = nullptr;
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &db, flags,
                                   vfs.isEmpty() ? nullptr : vfs.constData());
    if (rc != SQLITE_OK) {
        const QString reason = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_close_v2(db);
        return makeError(ErrorKind::Database, QStringLiteral("%1: cannot open the database (%2)").arg(path, reason));
    }
    sqlite3_extended_result_codes(db, 1);
    return db;
}

// Reads user_version through a read-only connection, so a newer database is never opened
// for writing and a damaged one is reported before anything touches it. It waits for a lock
// as long as the real connection would: another process may be creating or upgrading the file.
Result<int> probeSchemaVersion(const QString &path, std::chrono::milliseconds busyTimeout)
{
    auto db = rawOpen(path, SQLITE_OPEN_READONLY);
    if (!db) {
        return db.error();
    }
    sqlite3_busy_timeout(*db, static_cast<int>(busyTimeout.count()));
    sqlite3_stmt *stmt = nullptr;
    int rc = sqlite3_prepare_v2(*db, "PRAGMA user_version", -1, &stmt, nullptr);
    int version = -1;
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW) {
            version = sqlite3_column_int(stmt, 0);
        }
    }
    const QString reason = QString::fromUtf8(sqlite3_errmsg(*db));
    sqlite3_finalize(stmt);
    sqlite3_close_v2(*db);
    if (version < 0) {
        if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT) {
            return makeError(ErrorKind::Database,
                             QStringLiteral("%1 is damaged or is not a Chorus database (%2). %3")
                                 .arg(path, reason, damagedAdvice(path)));
        }
        return makeError(ErrorKind::Database, QStringLiteral("%1: cannot read the database (%2)").arg(path, reason));
    }
    return version;
}

Error newerDatabaseError(const QString &path, int found)
{
    return makeError(ErrorKind::Unsupported,
                     QStringLiteral("%1 was written by a newer version of Chorus (database schema %2; this version "
                                    "understands up to %3). Nothing was changed: install the newer Chorus to use it.")
                         .arg(path)
                         .arg(found)
                         .arg(kSchemaVersion));
}

} // namespace

void Database::Closer::operator()(sqlite3 *db) const
{
    // close_v2 defers the close until every statement is finalized, so the order in which
    // owners are destroyed never leaks a handle.
    sqlite3_close_v2(db);
}

Database::Database(sqlite3 *db, QString path, bool readOnly)
    : m_db(db), m_cache(newStatementCache()), m_path(std::move(path)), m_readOnly(readOnly)
{
}

Database::Database(Database &&) noexcept = default;
Database &Database::operator=(Database &&) noexcept = default;
Database::~Database() = default;

Result<Database> Database::open(const QString &path, const OpenOptions &options)
{
    const bool memory = isMemory(path);
    const bool readOnly = options.mode == OpenMode::ReadOnly;
    const QString name = memory ? QString::fromLatin1(kMemoryPath) : path;

    if (!memory) {
        const QFileInfo info(path);
        if (info.exists() && info.size() > 0) {
            auto version = probeSchemaVersion(path, options.busyTimeout);
            if (!version) {
                return version.error();
            }
            if (*version > kSchemaVersion) {
                return newerDatabaseError(path, *version);
            }
        } else if (readOnly) {
            return makeError(ErrorKind::NotFound, QStringLiteral("%1: no such database").arg(path));
        } else if (!info.exists()) {
            if (auto created = createPrivateFile(path, IfCreatedMeanwhile::UseIt); !created) {
                return created.error();
            }
        }
    }

    const int flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
                      | SQLITE_OPEN_NOFOLLOW;
    auto raw = rawOpen(name, flags, options.vfs);
    if (!raw) {
        return raw.error();
    }
    Database db(*raw, name, readOnly);
    sqlite3_busy_timeout(db.handle(), int(options.busyTimeout.count()));

    if (!readOnly && !memory) {
        auto mode = db.prepare("PRAGMA journal_mode=WAL");
        if (!mode) {
            return mode.error();
        }
        auto row = mode->step();
        if (!row) {
            return row.error();
        }
        if (mode->text(0) != QLatin1String("wal")) {
            return makeError(ErrorKind::Database,
                             QStringLiteral("%1: cannot switch the database to WAL mode (it is in %2 mode); keep "
                                            "the database on a local disk, not a network share")
                                 .arg(path, mode->text(0)));
        }
    }
    for (const char *pragma : {"PRAGMA synchronous=FULL", "PRAGMA secure_delete=ON", "PRAGMA foreign_keys=ON",
                               "PRAGMA temp_store=MEMORY", "PRAGMA trusted_schema=OFF"}) {
        if (auto status = db.exec(pragma); !status) {
            return status.error();
        }
    }
    if (!readOnly) {
        // PRAGMA arguments cannot be bound; the limit is a compile-time constant, not a value.
        const QByteArray sql = "PRAGMA journal_size_limit=" + QByteArray::number(kJournalSizeLimitBytes);
        if (auto status = db.exec(sql.constData()); !status) {
            return status.error();
        }
    } else if (auto status = db.exec("PRAGMA query_only=ON"); !status) {
        return status.error();
    }

    if (options.quickCheck && !memory) {
        auto check = db.prepare("PRAGMA quick_check");
        if (!check) {
            return check.error();
        }
        auto row = check->step();
        if (!row) {
            return makeError(ErrorKind::Database, QStringLiteral("%1 is damaged (%2). %3")
                                                      .arg(path, row.error().message, damagedAdvice(path)));
        }
        if (check->text(0) != QLatin1String("ok")) {
            return makeError(ErrorKind::Database, QStringLiteral("%1 is damaged (integrity check: %2). %3")
                                                      .arg(path, check->text(0), damagedAdvice(path)));
        }
    }

    if (options.migrate && !readOnly) {
        if (auto migrated = migrateToCurrent(db); !migrated) {
            return migrated.error();
        }
    } else {
        auto version = db.userVersion();
        if (!version) {
            return version.error();
        }
        if (*version > kSchemaVersion) {
            return newerDatabaseError(path, *version);
        }
    }
    qCDebug(lcStore) << "opened database" << (readOnly ? "read-only" : "read-write");
    return db;
}

Error Database::lastError(const QString &what) const
{
    const int code = sqlite3_extended_errcode(handle());
    ErrorKind kind = ErrorKind::Database;
    switch (code & 0xff) {
    case SQLITE_FULL:
        return makeError(ErrorKind::Io, QStringLiteral("%1: the disk is full; free some space and try again "
                                                       "(nothing already saved was lost)")
                                            .arg(what));
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
        kind = ErrorKind::Io;
        break;
    case SQLITE_CONSTRAINT:
        kind = ErrorKind::Conflict;
        break;
    default:
        break;
    }
    return makeError(kind, QStringLiteral("%1: %2").arg(what, QString::fromUtf8(sqlite3_errmsg(handle()))));
}

Status Database::exec(const char *sql)
{
    auto stmt = prepare(sql);
    if (!stmt) {
        return stmt.error();
    }
    for (;;) {
        auto row = stmt->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return {};
        }
    }
}

Result<Statement> Database::prepare(const char *sql)
{
    sqlite3_stmt *stmt = nullptr;
    const int rc = sqlite3_prepare_v2(handle(), sql, -1, &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT) {
            return makeError(ErrorKind::Database, QStringLiteral("%1 is damaged (%2). %3")
                                                      .arg(m_path, QString::fromUtf8(sqlite3_errmsg(handle())),
                                                           damagedAdvice(m_path)));
        }
        return lastError(QStringLiteral("preparing a statement on %1").arg(m_path));
    }
    return Statement(stmt, this);
}

Result<int> Database::userVersion()
{
    auto stmt = prepare("PRAGMA user_version");
    if (!stmt) {
        return stmt.error();
    }
    auto row = stmt->step();
    if (!row) {
        return row.error();
    }
    return int(stmt->int64(0));
}

qint64 Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(handle());
}

Status Database::checkpoint()
{
    if (m_readOnly) {
        return {};
    }
    int logFrames = 0;
    int checkpointed = 0;
    const int rc = sqlite3_wal_checkpoint_v2(handle(), nullptr, SQLITE_CHECKPOINT_TRUNCATE, &logFrames, &checkpointed);
    if (rc != SQLITE_OK) {
        return lastError(QStringLiteral("checkpointing %1").arg(m_path));
    }
    return {};
}

void Database::scrubWal()
{
    if (auto status = checkpoint(); !status) {
        qCWarning(lcStore) << "could not truncate the write-ahead log after a deletion; it will be retried:"
                           << status.error().message;
    }
}

Status Database::integrityCheck()
{
    auto stmt = prepare("PRAGMA integrity_check");
    if (!stmt) {
        return stmt.error();
    }
    QStringList problems;
    for (;;) {
        auto row = stmt->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            break;
        }
        if (stmt->text(0) != QLatin1String("ok")) {
            problems.append(stmt->text(0));
        }
    }
    if (!problems.isEmpty()) {
        return makeError(ErrorKind::Database, QStringLiteral("%1 failed the integrity check: %2")
                                                  .arg(m_path, problems.mid(0, 3).join(QStringLiteral("; "))));
    }
    return {};
}

Status Database::backupTo(const QString &destination)
{
    if (QFileInfo::exists(destination)) {
        return makeError(ErrorKind::InvalidInput,
                         QStringLiteral("%1 already exists; choose a new file name for the backup").arg(destination));
    }
    if (auto created = createPrivateFile(destination); !created) {
        return created.error();
    }
    auto removeOnFailure = [&](Error error) {
        QFile::remove(destination);
        return error;
    };
    auto target = rawOpen(destination, SQLITE_OPEN_READWRITE);
    if (!target) {
        return removeOnFailure(target.error());
    }
    std::unique_ptr<sqlite3, Closer> dest(*target);
    sqlite3_backup *backup = sqlite3_backup_init(dest.get(), "main", handle(), "main");
    if (!backup) {
        return removeOnFailure(makeError(ErrorKind::Database, QStringLiteral("%1: cannot start the backup (%2)")
                                                                   .arg(destination, QString::fromUtf8(sqlite3_errmsg(dest.get())))));
    }
    // Copy in slices so writers on other connections are not locked out for the whole copy;
    // a write in between restarts the copy, which is what keeps the backup consistent.
    int rc = SQLITE_OK;
    do {
        rc = sqlite3_backup_step(backup, 256);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            sqlite3_sleep(20);
        }
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) {
        const QString reason = (rc & 0xff) == SQLITE_FULL ? QStringLiteral("the disk is full")
                                                          : QString::fromUtf8(sqlite3_errstr(rc));
        return removeOnFailure(makeError((rc & 0xff) == SQLITE_FULL ? ErrorKind::Io : ErrorKind::Database,
                                         QStringLiteral("%1: the backup failed (%2); the source database is unchanged")
                                             .arg(destination, reason)));
    }
    return {};
}

} // namespace chorus::store
