// SPDX-License-Identifier: GPL-3.0-or-later
#include "SqliteStorage.h"

#include "ServerLogging.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QSet>

#include <sqlite3.h>

namespace chorus::server {

namespace {

constexpr int kSchemaVersion = 1;

const char kSchemaV1[] = R"sql(
CREATE TABLE submissions (
    id INTEGER PRIMARY KEY,
    instance_id TEXT NOT NULL UNIQUE,
    project_id TEXT NOT NULL,
    device TEXT NOT NULL,
    xml BLOB NOT NULL,
    expected TEXT NOT NULL,
    received_at TEXT NOT NULL,
    change_seq INTEGER NOT NULL,
    deleted_at TEXT
);
CREATE INDEX submissions_change ON submissions(change_seq);
CREATE TABLE files (
    submission_id INTEGER NOT NULL REFERENCES submissions(id),
    name TEXT NOT NULL,
    bytes BLOB NOT NULL,
    sha256 TEXT NOT NULL,
    PRIMARY KEY (submission_id, name)
);
CREATE TABLE devices (
    name TEXT PRIMARY KEY,
    token_hash BLOB NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);
)sql";

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

// Rolls back unless committed: every early return leaves the database as it was.
class Transaction
{
public:
    explicit Transaction(SqliteConnection &db) : m_db(db) { m_status = m_db.exec("BEGIN IMMEDIATE"); }
    ~Transaction()
    {
        if (m_status && !m_committed) {
            (void)m_db.exec("ROLLBACK");
        }
    }
    const Status &begun() const { return m_status; }
    Status commit()
    {
        Status s = m_db.exec("COMMIT");
        m_committed = s.ok();
        return s;
    }

private:
    SqliteConnection &m_db;
    Status m_status;
    bool m_committed = false;
};

} // namespace

Result<std::unique_ptr<SqliteStorage>> SqliteStorage::open(const QString &path)
{
    std::unique_ptr<SqliteStorage> storage(new SqliteStorage);
    if (Status s = storage->m_db.open(path); !s) {
        return s.error();
    }
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
        if (Status s = storage->m_db.exec(pragma); !s) {
            return s.error();
        }
    }
    if (Status s = storage->migrate(); !s) {
        return s.error();
    }
    return storage;
}

Status SqliteStorage::migrate()
{
    SqliteStatement version(m_db.get(), "PRAGMA user_version");
    const int current = version.next() ? int(version.integer(0)) : 0;
    if (current > kSchemaVersion) {
        return makeError(ErrorKind::Unsupported,
                         QStringLiteral("the receiver database was written by a newer chorus-receiver (schema %1); "
                                        "upgrade this receiver")
                             .arg(current));
    }
    if (current == kSchemaVersion) {
        return {};
    }
    Transaction tx(m_db);
    if (!tx.begun()) {
        return tx.begun();
    }
    if (Status s = m_db.exec(kSchemaV1); !s) {
        return s;
    }
    if (Status s = m_db.exec("PRAGMA user_version = 1"); !s) {
        return s;
    }
    return tx.commit();
}

Result<StoreOutcome> SqliteStorage::store(const IncomingSubmission &submission)
{
    std::lock_guard lock(m_mutex);
    return storeLocked(submission);
}

Result<StoreOutcome> SqliteStorage::storeLocked(const IncomingSubmission &in)
{
    Transaction tx(m_db);
    if (!tx.begun()) {
        return tx.begun().error();
    }
    sqlite3 *db = m_db.get();
    qint64 id = 0;
    StoreOutcome outcome = StoreOutcome::Created;
    {
        SqliteStatement find(db, "SELECT id, xml, deleted_at FROM submissions WHERE instance_id = ?");
        find.bind(1, in.instanceId);
        if (find.next()) {
            if (!find.isNull(2)) {
                return StoreOutcome::Deleted;
            }
            if (find.blob(1) != in.xml) {
                return StoreOutcome::DifferentXml;
            }
            id = find.integer(0);
            outcome = StoreOutcome::Merged;
        } else if (find.failed()) {
            return find.error();
        }
    }
    SqliteStatement nextChange(db, "SELECT coalesce(max(change_seq), 0) + 1 FROM submissions");
    const qint64 change = nextChange.next() ? nextChange.integer(0) : 1;

    if (outcome == StoreOutcome::Created) {
        SqliteStatement insert(db, "INSERT INTO submissions (instance_id, project_id, device, xml, expected, "
                                   "received_at, change_seq) VALUES (?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, in.instanceId);
        insert.bind(2, in.projectId);
        insert.bind(3, in.device);
        insert.bindBlob(4, in.xml);
        insert.bind(5, in.expected.join(QLatin1Char('\n')));
        insert.bind(6, nowIso());
        insert.bind(7, change);
        if (Status s = insert.done(); !s) {
            return s.error();
        }
        id = sqlite3_last_insert_rowid(db);
    }

    // First copy wins: a resend never replaces stored bytes.
    int added = 0;
    for (const FilePart &part : in.parts) {
        SqliteStatement insert(db, "INSERT OR IGNORE INTO files (submission_id, name, bytes, sha256) VALUES (?, ?, ?, ?)");
        insert.bind(1, id);
        insert.bind(2, part.name);
        insert.bindBlob(3, part.bytes);
        insert.bind(4, QString::fromLatin1(sha256Hex(part.bytes)));
        if (Status s = insert.done(); !s) {
            return s.error();
        }
        added += sqlite3_changes(db);
    }
    if (outcome == StoreOutcome::Merged && added > 0) {
        SqliteStatement bump(db, "UPDATE submissions SET change_seq = ? WHERE id = ?");
        bump.bind(1, change);
        bump.bind(2, id);
        if (Status s = bump.done(); !s) {
            return s.error();
        }
    }
    if (Status s = tx.commit(); !s) {
        return s.error();
    }
    return outcome;
}

Result<QList<StoredFileInfo>> SqliteStorage::filesOf(qint64 id)
{
    SqliteStatement select(m_db.get(), "SELECT name, length(bytes), sha256 FROM files WHERE submission_id = ? "
                                       "ORDER BY name");
    select.bind(1, id);
    QList<StoredFileInfo> files;
    while (select.next()) {
        files.append({select.text(0), select.integer(1), select.text(2).toLatin1()});
    }
    if (select.failed()) {
        return select.error();
    }
    return files;
}

Result<QList<SubmissionSummary>> SqliteStorage::changesAfter(qint64 cursor, int limit)
{
    std::lock_guard lock(m_mutex);
    SqliteStatement select(m_db.get(), "SELECT id, change_seq, instance_id, project_id, received_at, deleted_at, "
                                       "expected FROM submissions WHERE change_seq > ? ORDER BY change_seq LIMIT ?");
    select.bind(1, cursor);
    select.bind(2, qint64(limit));
    QList<SubmissionSummary> out;
    QList<QStringList> expected;
    while (select.next()) {
        SubmissionSummary s;
        s.id = select.integer(0);
        s.change = select.integer(1);
        s.instanceId = select.text(2);
        s.projectId = select.text(3);
        s.receivedAt = select.text(4);
        s.deleted = !select.isNull(5);
        out.append(s);
        expected.append(select.text(6).split(QLatin1Char('\n'), Qt::SkipEmptyParts));
    }
    if (select.failed()) {
        return select.error();
    }
    for (qsizetype i = 0; i < out.size(); ++i) {
        Result<QList<StoredFileInfo>> files = filesOf(out[i].id);
        if (!files) {
            return files.error();
        }
        out[i].files = *files;
        QSet<QString> have;
        for (const StoredFileInfo &f : out[i].files) {
            have.insert(f.name);
        }
        out[i].complete = std::all_of(expected[i].cbegin(), expected[i].cend(),
                                      [&have](const QString &name) { return have.contains(name); });
    }
    return out;
}

Result<QByteArray> SqliteStorage::manifest(qint64 id)
{
    std::lock_guard lock(m_mutex);
    SqliteStatement select(m_db.get(), "SELECT xml FROM submissions WHERE id = ? AND deleted_at IS NULL");
    select.bind(1, id);
    if (select.next()) {
        return select.blob(0);
    }
    if (select.failed()) {
        return select.error();
    }
    return makeError(ErrorKind::NotFound, QStringLiteral("no submission %1").arg(id));
}

Result<QByteArray> SqliteStorage::file(qint64 id, const QString &name)
{
    std::lock_guard lock(m_mutex);
    SqliteStatement select(m_db.get(), "SELECT f.bytes FROM files f JOIN submissions s ON s.id = f.submission_id "
                                       "WHERE f.submission_id = ? AND f.name = ? AND s.deleted_at IS NULL");
    select.bind(1, id);
    select.bind(2, name);
    if (select.next()) {
        return select.blob(0);
    }
    if (select.failed()) {
        return select.error();
    }
    return makeError(ErrorKind::NotFound, QStringLiteral("no file %1 in submission %2").arg(name).arg(id));
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
    SqliteStatement select(m_db.get(), "SELECT name, created_at, revoked_at FROM devices ORDER BY name");
    QList<DeviceInfo> out;
    while (select.next()) {
        out.append({select.text(0), select.text(1), select.text(2)});
    }
    if (select.failed()) {
        return select.error();
    }
    return out;
}

Result<QString> SqliteStorage::deviceForToken(const QByteArray &tokenHash)
{
    std::lock_guard lock(m_mutex);
    SqliteStatement select(m_db.get(), "SELECT name FROM devices WHERE token_hash = ? AND revoked_at IS NULL");
    select.bindBlob(1, tokenHash);
    if (select.next()) {
        return select.text(0);
    }
    if (select.failed()) {
        return select.error();
    }
    return makeError(ErrorKind::Permission, QStringLiteral("unknown or revoked device token"));
}

Status SqliteStorage::healthCheck()
{
    std::lock_guard lock(m_mutex);
    SqliteStatement select(m_db.get(), "SELECT 1");
    if (!select.next()) {
        return select.error();
    }
    return {};
}

} // namespace chorus::server
