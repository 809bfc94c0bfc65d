// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

struct pg_conn;
struct pg_result;

namespace chorus::server {

// One query parameter: text (integers, names) or binary (bytea), or NULL.
struct PgParam {
    QByteArray value;
    bool binary = false;
    bool null = false;

    static PgParam text(const QString &s) { return {s.toUtf8(), false, false}; }
    static PgParam number(qint64 n) { return {QByteArray::number(n), false, false}; }
    static PgParam bytes(const QByteArray &b) { return {b, true, false}; }
};

// RAII over a PGresult, with typed reads by row and column.
class PgResult
{
public:
    explicit PgResult(pg_result *result = nullptr, bool binary = false);
    ~PgResult();
    PgResult(PgResult &&other) noexcept;
    PgResult &operator=(PgResult &&other) noexcept;
    PgResult(const PgResult &) = delete;
    PgResult &operator=(const PgResult &) = delete;

    bool succeeded() const;
    int rows() const;
    int affected() const;
    bool isNull(int row, int column) const;
    QString text(int row, int column) const;
    qint64 integer(int row, int column) const;
    QByteArray bytes(int row, int column) const; // bytea: binary results only

private:
    pg_result *m_result = nullptr;
    bool m_binary = false;
};

// RAII over a libpq connection; every call is synchronous. Not thread-safe: callers lock.
class PgConnection
{
public:
    PgConnection() = default;
    ~PgConnection();
    PgConnection(const PgConnection &) = delete;
    PgConnection &operator=(const PgConnection &) = delete;

    Status open(const QString &connectionUri);
    // Runs one statement. `binaryResult` asks for binary columns (for bytea reads).
    Result<PgResult> exec(const char *sql, const QList<PgParam> &params = {}, bool binaryResult = false);
    Status run(const char *sql, const QList<PgParam> &params = {});
    // Several statements without parameters (migrations).
    Status runScript(const char *sql);

private:
    pg_conn *m_conn = nullptr;
};

// BEGIN ... COMMIT; rolls back unless committed.
class PgTransaction
{
public:
    explicit PgTransaction(PgConnection &db);
    ~PgTransaction();
    PgTransaction(const PgTransaction &) = delete;
    PgTransaction &operator=(const PgTransaction &) = delete;

    const Status &begun() const { return m_status; }
    Status commit();

private:
    PgConnection &m_db;
    Status m_status;
    bool m_committed = false;
};

} // namespace chorus::server
