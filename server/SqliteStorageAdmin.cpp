// SPDX-License-Identifier: GPL-3.0-or-later
// SqliteStorage: withdrawals, admin deletes and device tokens.
#include "ServerLogging.h"
#include "SqliteStorage.h"

#include <sqlite3.h>

namespace chorus::server {

qint64 SqliteStorage::nextSubmissionChange()
{
    SqliteStatement next(m_db.get(), "SELECT coalesce(max(change_seq), 0) + 1 FROM submissions");
    return next.next() ? next.integer(0) : 1;
}

Status SqliteStorage::tombstoneLocked(const QString &instanceId, const QString &device)
{
    sqlite3 *db = m_db.get();
    qint64 id = 0;
    bool deleted = false;
    {
        SqliteStatement find(db, "SELECT id, deleted_at FROM submissions WHERE instance_id = ?");
        find.bind(1, instanceId);
        if (find.next()) {
            id = find.integer(0);
            deleted = !find.isNull(1);
        } else if (find.failed()) {
            return find.error();
        }
    }
    if (deleted) {
        return {};
    }
    const qint64 change = nextSubmissionChange();
    if (id == 0) {
        SqliteStatement insert(db, "INSERT INTO submissions (instance_id, project_id, device, xml, expected, "
                                   "received_at, change_seq, deleted_at) VALUES (?, '', ?, x'', '', ?, ?, ?)");
        insert.bind(1, instanceId);
        insert.bind(2, device);
        insert.bind(3, nowIso());
        insert.bind(4, change);
        insert.bind(5, nowIso());
        return insert.done();
    }
    SqliteStatement erase(db, "DELETE FROM files WHERE submission_id = ?");
    erase.bind(1, id);
    if (Status s = erase.done(); !s) {
        return s;
    }
    SqliteStatement mark(db, "UPDATE submissions SET xml = x'', expected = '', deleted_at = ?, change_seq = ? "
                             "WHERE id = ?");
    mark.bind(1, nowIso());
    mark.bind(2, change);
    mark.bind(3, id);
    return mark.done();
}

Result<StoreOutcome> SqliteStorage::storeWithdrawal(const IncomingWithdrawal &in)
{
    std::lock_guard lock(m_mutex);
    SqliteTransaction tx(m_db);
    if (!tx.begun()) {
        return tx.begun().error();
    }
    sqlite3 *db = m_db.get();
    {
        SqliteStatement find(db, "SELECT xml FROM withdrawals WHERE request_id = ?");
        find.bind(1, in.requestId);
        if (find.next()) {
            return find.blob(0) == in.xml ? StoreOutcome::Merged : StoreOutcome::DifferentXml;
        }
        if (find.failed()) {
            return find.error();
        }
    }
    SqliteStatement next(db, "SELECT coalesce(max(change_seq), 0) + 1 FROM withdrawals");
    const qint64 change = next.next() ? next.integer(0) : 1;
    SqliteStatement insert(db, "INSERT INTO withdrawals (request_id, target_id, device, xml, received_at, change_seq) "
                               "VALUES (?, ?, ?, ?, ?, ?)");
    insert.bind(1, in.requestId);
    insert.bind(2, in.targetId);
    insert.bind(3, in.device);
    insert.bindBlob(4, in.xml);
    insert.bind(5, nowIso());
    insert.bind(6, change);
    if (Status s = insert.done(); !s) {
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

Result<QList<WithdrawalSummary>> SqliteStorage::withdrawalsAfter(qint64 cursor, int limit)
{
    std::lock_guard lock(m_mutex);
    SqliteStatement select(m_db.get(), "SELECT id, change_seq, request_id, target_id, device, received_at "
                                       "FROM withdrawals WHERE change_seq > ? ORDER BY change_seq LIMIT ?");
    select.bind(1, cursor);
    select.bind(2, qint64(limit));
    QList<WithdrawalSummary> out;
    while (select.next()) {
        out.append({select.integer(0), select.integer(1), select.text(2), select.text(3), select.text(4),
                    select.text(5)});
    }
    if (select.failed()) {
        return select.error();
    }
    return out;
}

Result<QByteArray> SqliteStorage::withdrawalXml(qint64 id)
{
    std::lock_guard lock(m_mutex);
    SqliteStatement select(m_db.get(), "SELECT xml FROM withdrawals WHERE id = ?");
    select.bind(1, id);
    if (select.next()) {
        return select.blob(0);
    }
    if (select.failed()) {
        return select.error();
    }
    return makeError(ErrorKind::NotFound, QStringLiteral("no withdrawal request %1").arg(id));
}

Status SqliteStorage::deleteSubmission(qint64 id)
{
    std::lock_guard lock(m_mutex);
    SqliteTransaction tx(m_db);
    if (!tx.begun()) {
        return tx.begun();
    }
    QString instanceId;
    {
        SqliteStatement find(m_db.get(), "SELECT instance_id FROM submissions WHERE id = ?");
        find.bind(1, id);
        if (!find.next()) {
            return find.failed() ? Status(find.error())
                                 : Status(makeError(ErrorKind::NotFound, QStringLiteral("no submission %1").arg(id)));
        }
        instanceId = find.text(0);
    }
    if (Status s = tombstoneLocked(instanceId, QStringLiteral("admin")); !s) {
        return s;
    }
    if (Status s = tx.commit(); !s) {
        return s;
    }
    qCInfo(lcReceiver) << "deleted submission" << id;
    return {};
}

Status SqliteStorage::addDevice(const QString &name, const QByteArray &tokenHash)
{
    std::lock_guard lock(m_mutex);
    // Issuing again for a known device replaces its token: the old one stops working.
    SqliteStatement upsert(m_db.get(), "INSERT INTO devices (name, token_hash, created_at) VALUES (?, ?, ?) "
                                       "ON CONFLICT(name) DO UPDATE SET token_hash = excluded.token_hash, "
                                       "created_at = excluded.created_at, revoked_at = NULL");
    upsert.bind(1, name);
    upsert.bindBlob(2, tokenHash);
    upsert.bind(3, nowIso());
    return upsert.done();
}

Status SqliteStorage::revokeDevice(const QString &name)
{
    std::lock_guard lock(m_mutex);
    SqliteStatement update(m_db.get(), "UPDATE devices SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL");
    update.bind(1, nowIso());
    update.bind(2, name);
    if (Status s = update.done(); !s) {
        return s;
    }
    if (sqlite3_changes(m_db.get()) == 0) {
        return makeError(ErrorKind::NotFound, QStringLiteral("no active device named '%1'").arg(name));
    }
    return {};
}

Result<QList<DeviceInfo>> SqliteStorage::devices()
{
    std::lock_guard lock(m_mutex);
    SqliteStatement select(m_db.get(), "SELECT name, created_at, revoked_at, surveys FROM devices ORDER BY name");
    QList<DeviceInfo> out;
    while (select.next()) {
        out.append({select.text(0), select.text(1), select.text(2), select.text(3).split(QLatin1Char(','))});
    }
    if (select.failed()) {
        return select.error();
    }
    return out;
}

Result<QString> SqliteStorage::deviceForToken(const QByteArray &tokenHash)
{
    std::lock_guard lock(m_lookupMutex);
    SqliteStatement select(m_lookup.get(), "SELECT name FROM devices WHERE token_hash = ? AND revoked_at IS NULL");
    select.bindBlob(1, tokenHash);
    if (select.next()) {
        return select.text(0);
    }
    if (select.failed()) {
        return select.error();
    }
    return makeError(ErrorKind::Permission, QStringLiteral("unknown or revoked device token"));
}

} // namespace chorus::server
