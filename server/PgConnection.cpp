// SPDX-License-Identifier: GPL-3.0-or-later
#include "PgConnection.h"

#include <libpq-fe.h>

#include <QtEndian>

#include <vector>

namespace chorus::server {

PgResult::PgResult(pg_result *result, bool binary)
    : m_result(result)
    , m_binary(binary)
{
}

PgResult::~PgResult()
{
    PQclear(m_result);
}

PgResult::PgResult(PgResult &&other) noexcept
    : m_result(std::exchange(other.m_result, nullptr))
    , m_binary(other.m_binary)
{
}

PgResult &PgResult::operator=(PgResult &&other) noexcept
{
    if (this != &other) {
        PQclear(m_result);
        m_result = std::exchange(other.m_result, nullptr);
        m_binary = other.m_binary;
    }
    return *this;
}

bool PgResult::succeeded() const
{
    const ExecStatusType status = PQresultStatus(m_result);
    return m_result && (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK);
}

int PgResult::rows() const
{
    return PQntuples(m_result);
}

int PgResult::affected() const
{
    return QByteArray(PQcmdTuples(m_result)).toInt();
}

bool PgResult::isNull(int row, int column) const
{
    return PQgetisnull(m_result, row, column) != 0;
}

QString PgResult::text(int row, int column) const
{
    return QString::fromUtf8(PQgetvalue(m_result, row, column), PQgetlength(m_result, row, column));
}

qint64 PgResult::integer(int row, int column) const
{
    const char *value = PQgetvalue(m_result, row, column);
    if (!m_binary) {
        return QByteArray(value).toLongLong();
    }
    switch (PQgetlength(m_result, row, column)) {
    case 8: return qFromBigEndian<qint64>(value);
    case 4: return qFromBigEndian<qint32>(value);
    case 2: return qFromBigEndian<qint16>(value);
    default: return 0;
    }
}

QByteArray PgResult::bytes(int row, int column) const
{
    return QByteArray(PQgetvalue(m_result, row, column), PQgetlength(m_result, row, column));
}

PgConnection::~PgConnection()
{
    PQfinish(m_conn);
}

Status PgConnection::open(const QString &connectionUri)
{
    m_conn = PQconnectdb(connectionUri.toUtf8().constData());
    if (!m_conn || PQstatus(m_conn) != CONNECTION_OK) {
        // The URI may carry a password: the message names neither.
        return makeError(ErrorKind::Database,
                         QStringLiteral("cannot connect to PostgreSQL: %1")
                             .arg(QString::fromUtf8(m_conn ? PQerrorMessage(m_conn) : "out of memory").trimmed()));
    }
    return {};
}

Result<PgResult> PgConnection::exec(const char *sql, const QList<PgParam> &params, bool binaryResult)
{
    if (!m_conn) {
        return makeError(ErrorKind::Database, QStringLiteral("not connected to PostgreSQL"));
    }
    if (PQstatus(m_conn) != CONNECTION_OK) {
        PQreset(m_conn); // the server restarted or a proxy dropped an idle connection
    }
    std::vector<const char *> values;
    std::vector<int> lengths;
    std::vector<int> formats;
    for (const PgParam &p : params) {
        values.push_back(p.null ? nullptr : p.value.constData());
        lengths.push_back(int(p.value.size()));
        formats.push_back(p.binary ? 1 : 0);
    }
    PgResult result(PQexecParams(m_conn, sql, int(params.size()), nullptr, values.data(), lengths.data(),
                                 formats.data(), binaryResult ? 1 : 0),
                    binaryResult);
    if (!result.succeeded()) {
        return makeError(ErrorKind::Database,
                         QStringLiteral("receiver database error: %1").arg(QString::fromUtf8(PQerrorMessage(m_conn)).trimmed()));
    }
    return result;
}

Status PgConnection::run(const char *sql, const QList<PgParam> &params)
{
    Result<PgResult> result = exec(sql, params);
    if (!result) {
        return result.error();
    }
    return {};
}

Status PgConnection::runScript(const char *sql)
{
    PgResult result(PQexec(m_conn, sql));
    if (!result.succeeded()) {
        return makeError(ErrorKind::Database,
                         QStringLiteral("receiver database error: %1").arg(QString::fromUtf8(PQerrorMessage(m_conn)).trimmed()));
    }
    return {};
}

PgTransaction::PgTransaction(PgConnection &db)
    : m_db(db)
    , m_status(db.run("BEGIN"))
{
}

PgTransaction::~PgTransaction()
{
    if (m_status && !m_committed) {
        (void)m_db.run("ROLLBACK");
    }
}

Status PgTransaction::commit()
{
    Status s = m_db.run("COMMIT");
    m_committed = s.ok();
    return s;
}

} // namespace chorus::server
