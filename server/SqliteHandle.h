// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace chorus::server {

// RAII over a prepared statement, with the few bindings and reads the receiver needs.
class SqliteStatement
{
public:
    SqliteStatement(sqlite3 *db, const char *sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool prepared() const { return m_stmt != nullptr; }
    void bind(int index, qint64 value);
    void bind(int index, const QString &text);
    void bindBlob(int index, const QByteArray &bytes);
    void bindNull(int index);

    // Steps once: true with a row, false when done. Errors land in error().
    bool next();
    Status done(); // steps to completion, returning any error
    bool failed() const { return m_failed; }
    Error error() const;

    qint64 integer(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;
    bool isNull(int column) const;

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    bool m_failed = false;
};

// RAII over a connection.
class SqliteConnection
{
public:
    SqliteConnection() = default;
    ~SqliteConnection();
    SqliteConnection(const SqliteConnection &) = delete;
    SqliteConnection &operator=(const SqliteConnection &) = delete;

    Status open(const QString &path);
    Status exec(const char *sql);
    sqlite3 *get() const { return m_db; }
    Error lastError(const QString &what) const;

private:
    sqlite3 *m_db = nullptr;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back unless committed, so every early return leaves the
// database as it was.
class SqliteTransaction
{
public:
    explicit SqliteTransaction(SqliteConnection &db);
    ~SqliteTransaction();
    SqliteTransaction(const SqliteTransaction &) = delete;
    SqliteTransaction &operator=(const SqliteTransaction &) = delete;

    const Status &begun() const { return m_status; }
    Status commit();

private:
    SqliteConnection &m_db;
    Status m_status;
    bool m_committed = false;
};

// Now, as stored in the receiver's tables (ISO 8601 UTC with milliseconds).
QString nowIso();

} // namespace chorus::server
