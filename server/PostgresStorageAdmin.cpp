// SPDX-License-Identifier: GPL-3.0-or-later
// PostgresStorage: withdrawals, admin deletes and device tokens.
#include "PostgresStorage.h"
#include "ServerLogging.h"
#include "SqliteHandle.h" // nowIso()

namespace chorus::server {

Status PostgresStorage::tombstoneLocked(const QString &instanceId, const QString &device)
{
    Result<PgResult> found = m_db.exec("SELECT id, deleted_at FROM submissions WHERE instance_id = $1",
                                       {PgParam::text(instanceId)}, true);
    if (!found) {
        return found.error();
    }
    if (found->rows() > 0 && !found->isNull(0, 1)) {
        return {};
    }
    Result<qint64> change = nextChange("submissions");
    if (!change) {
        return change.error();
    }
    if (found->rows() == 0) {
        return m_db.run("INSERT INTO submissions (instance_id, project_id, device, xml, expected, received_at, "
                        "change_seq, deleted_at) VALUES ($1, '', $2, ''::bytea, '', $3, $4, $3)",
                        {PgParam::text(instanceId), PgParam::text(device), PgParam::text(nowIso()),
                         PgParam::number(*change)});
    }
    const qint64 id = found->integer(0, 0);
    if (Status s = m_db.run("DELETE FROM files WHERE submission_id = $1", {PgParam::number(id)}); !s) {
        return s;
    }
    return m_db.run("UPDATE submissions SET xml = ''::bytea, expected = '', deleted_at = $1, change_seq = $2 "
                    "WHERE id = $3",
                    {PgParam::text(nowIso()), PgParam::number(*change), PgParam::number(id)});
}

Result<StoreOutcome> PostgresStorage::storeWithdrawal(const IncomingWithdrawal &in)
{
    std::lock_guard lock(m_mutex);
    PgTransaction tx(m_db);
    if (Status s = tx.begun() ? lockWrites() : tx.begun(); !s) {
        return s.error();
    }
    Result<PgResult> found =
        m_db.exec("SELECT xml FROM withdrawals WHERE request_id = $1", {PgParam::text(in.requestId)}, true);
    if (!found) {
        return found.error();
    }
    if (found->rows() > 0) {
        return found->bytes(0, 0) == in.xml ? StoreOutcome::Merged : StoreOutcome::DifferentXml;
    }
    Result<qint64> change = nextChange("withdrawals");
    if (!change) {
        return change.error();
    }
    if (Status s = m_db.run("INSERT INTO withdrawals (request_id, target_id, device, xml, received_at, change_seq) "
                            "VALUES ($1, $2, $3, $4, $5, $6)",
                            {PgParam::text(in.requestId), PgParam::text(in.targetId), PgParam::text(in.device),
                             PgParam::bytes(in.xml), PgParam::text(nowIso()), PgParam::number(*change)});
        !s) {
        return s.error();
    }
    if (Status s = tombstoneLocked(in.targetId, in.device); !s) {
        return s.error();
    }
    if (Status s = tx.commit(); !s) {
        return s.error();
    }
    return StoreOutcome::Created;
}

Result<QList<WithdrawalSummary>> PostgresStorage::withdrawalsAfter(qint64 cursor, int limit)
{
    std::lock_guard lock(m_mutex);
    Result<PgResult> rows = m_db.exec("SELECT id, change_seq, request_id, target_id, device, received_at "
                                      "FROM withdrawals WHERE change_seq > $1 ORDER BY change_seq LIMIT $2",
                                      {PgParam::number(cursor), PgParam::number(limit)}, true);
    if (!rows) {
        return rows.error();
    }
    QList<WithdrawalSummary> out;
    for (int r = 0; r < rows->rows(); ++r) {
        out.append({rows->integer(r, 0), rows->integer(r, 1), rows->text(r, 2), rows->text(r, 3), rows->text(r, 4),
                    rows->text(r, 5)});
    }
    return out;
}

Status PostgresStorage::deleteSubmission(qint64 id)
{
    std::lock_guard lock(m_mutex);
    PgTransaction tx(m_db);
    if (Status s = tx.begun() ? lockWrites() : tx.begun(); !s) {
        return s;
    }
    Result<PgResult> found =
        m_db.exec("SELECT instance_id FROM submissions WHERE id = $1", {PgParam::number(id)}, true);
    if (!found) {
        return found.error();
    }
    if (found->rows() == 0) {
        return makeError(ErrorKind::NotFound, QStringLiteral("no submission %1").arg(id));
    }
    if (Status s = tombstoneLocked(found->text(0, 0), QStringLiteral("admin")); !s) {
        return s;
    }
    if (Status s = tx.commit(); !s) {
        return s;
    }
    qCInfo(lcReceiver) << "deleted submission" << id;
    return {};
}

Status PostgresStorage::addDevice(const QString &name, const QByteArray &tokenHash)
{
    std::lock_guard lock(m_mutex);
    return m_db.run("INSERT INTO devices (name, token_hash, created_at) VALUES ($1, $2, $3) "
                    "ON CONFLICT (name) DO UPDATE SET token_hash = excluded.token_hash, "
                    "created_at = excluded.created_at, revoked_at = NULL",
                    {PgParam::text(name), PgParam::bytes(tokenHash), PgParam::text(nowIso())});
}

Status PostgresStorage::revokeDevice(const QString &name)
{
    std::lock_guard lock(m_mutex);
    Result<PgResult> updated = m_db.exec("UPDATE devices SET revoked_at = $1 WHERE name = $2 AND revoked_at IS NULL",
                                         {PgParam::text(nowIso()), PgParam::text(name)});
    if (!updated) {
        return updated.error();
    }
    if (updated->affected() == 0) {
        return makeError(ErrorKind::NotFound, QStringLiteral("no active device named '%1'").arg(name));
    }
    return {};
}

Result<QList<DeviceInfo>> PostgresStorage::devices()
{
    std::lock_guard lock(m_mutex);
    Result<PgResult> rows = m_db.exec("SELECT name, created_at, coalesce(revoked_at, ''), surveys FROM devices ORDER BY name", {}, true);
    if (!rows) {
        return rows.error();
    }
    QList<DeviceInfo> out;
    for (int r = 0; r < rows->rows(); ++r) {
        out.append({rows->text(r, 0), rows->text(r, 1), rows->text(r, 2), rows->text(r, 3).split(QLatin1Char(','))});
    }
    return out;
}

Result<QString> PostgresStorage::deviceForToken(const QByteArray &tokenHash)
{
    std::lock_guard lock(m_lookupMutex);
    Result<PgResult> rows = m_lookup.exec("SELECT name FROM devices WHERE token_hash = $1 AND revoked_at IS NULL",
                                      {PgParam::bytes(tokenHash)}, true);
    if (!rows) {
        return rows.error();
    }
    if (rows->rows() == 0) {
        return makeError(ErrorKind::Permission, QStringLiteral("unknown or revoked device token"));
    }
    return rows->text(0, 0);
}

} // namespace chorus::server
