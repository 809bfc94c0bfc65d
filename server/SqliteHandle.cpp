// SPDX-License-Identifier: GPL-3.0-or-later
#include "SqliteHandle.h"

#include <QDateTime>

#include <sqlite3.h>

namespace chorus::server {

SqliteStatement::SqliteStatement(sqlite3 *db, const char *sql)
    : m_db(db)
{
    if (sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr) != SQLITE_OK) {
        m_stmt = nullptr;
        m_failed = true;
    }
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

void SqliteStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
}

void SqliteStatement::bind(int index, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

void SqliteStatement::bindBlob(int index, const QByteArray &bytes)
{
    // A zero-length blob (not NULL) for empty parts.
    sqlite3_bind_blob64(m_stmt, index, bytes.isEmpty() ? "" : bytes.constData(), sqlite3_uint64(bytes.size()),
                        SQLITE_TRANSIENT);
}

void SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
}

bool SqliteStatement::next()
{
    if (!m_stmt) {
        return false;
    }
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc != SQLITE_DONE) {
        m_failed = true;
    }
    return false;
}

Status SqliteStatement::done()
{
    while (next()) {
    }
    if (m_failed) {
        return error();
    }
    return {};
}

Error SqliteStatement::error() const
{
    return makeError(ErrorKind::Database,
                     QStringLiteral("receiver database error: %1").arg(QString::fromUtf8(sqlite3_errmsg(m_db))));
}

qint64 SqliteStatement::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

QString SqliteStatement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return data ? QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column)) : QString();
}

QByteArray SqliteStatement::blob(int column) const
{
    const void *data = sqlite3_column_blob(m_stmt, column);
    return data ? QByteArray(static_cast<const char *>(data), sqlite3_column_bytes(m_stmt, column)) : QByteArray();
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

SqliteConnection::~SqliteConnection()
{
    sqlite3_close_v2(m_db);
}

Status SqliteConnection::open(const QString &path)
{
    const QByteArray file = path.toUtf8();
    if (sqlite3_open_v2(file.constData(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        nullptr)
        != SQLITE_OK) {
        return lastError(QStringLiteral("cannot open %1").arg(path));
    }
    sqlite3_busy_timeout(m_db, 10000);
    return {};
}

Status SqliteConnection::exec(const char *sql)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        const QString text = QString::fromUtf8(message ? message : "unknown error");
        sqlite3_free(message);
        return makeError(ErrorKind::Database, QStringLiteral("receiver database error: %1").arg(text));
    }
    return {};
}

Error SqliteConnection::lastError(const QString &what) const
{
    return makeError(ErrorKind::Database,
                     QStringLiteral("%1: %2").arg(what, QString::fromUtf8(m_db ? sqlite3_errmsg(m_db) : "out of memory")));
}

SqliteTransaction::SqliteTransaction(SqliteConnection &db)
    : m_db(db)
    , m_status(db.exec("BEGIN IMMEDIATE"))
{
}

SqliteTransaction::~SqliteTransaction()
{
    if (m_status && !m_committed) {
        (void)m_db.exec("ROLLBACK");
    }
}

Status SqliteTransaction::commit()
{
    Status s = m_db.exec("COMMIT");
    m_committed = s.ok();
    return s;
}

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

} // namespace chorus::server
