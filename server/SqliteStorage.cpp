// SPDX-License-Identifier: GPL-3.0-or-later
#include "SqliteStorage.h"

#include "ServerLogging.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QSet>

#include <sqlite3.h>

namespace chorus::server {

namespace {

constexpr int kSchemaVersion = 3;

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

// Withdrawal requests, a feed of their own for the admin API.
const char kSchemaV2[] = R"sql(
CREATE TABLE withdrawals (
    id INTEGER PRIMARY KEY,
    request_id TEXT NOT NULL UNIQUE,
    target_id TEXT NOT NULL,
    device TEXT NOT NULL,
    xml BLOB NOT NULL,
    received_at TEXT NOT NULL,
    change_seq INTEGER NOT NULL
);
CREATE INDEX withdrawals_change ON withdrawals(change_seq);
)sql";

// Per-device survey assignment (existing devices keep getting everything) and published
// survey packages (SqliteStorageDevices.cpp).
const char kSchemaV3[] = R"sql(
ALTER TABLE devices ADD COLUMN surveys TEXT NOT NULL DEFAULT '*';
CREATE TABLE packages (
    survey_id TEXT PRIMARY KEY,
    version TEXT NOT NULL,
    bytes BLOB NOT NULL,
    signature BLOB NOT NULL,
    sha256 TEXT NOT NULL,
    published_at TEXT NOT NULL
);
)sql";

const char *const kMigrations[] = {kSchemaV1, kSchemaV2, kSchemaV3};

QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

} // namespace

Result<std::unique_ptr<SqliteStorage>> SqliteStorage::open(const QString &path)
{
    std::unique_ptr<SqliteStorage> storage(new SqliteStorage);
    if (Status s = storage->m_db.open(path); !s) {
        return s.error();
    }
    // secure_delete: erased envelopes (withdrawals, admin deletes) are overwritten, not left in free pages.
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON",
                               "PRAGMA secure_delete=ON"}) {
        if (Status s = storage->m_db.exec(pragma); !s) {
            return s.error();
        }
    }
    if (Status s = storage->migrate(); !s) {
        return s.error();
    }
    if (Status s = storage->m_lookup.open(path); !s) {
        return s.error();
    }
    if (Status s = storage->m_lookup.exec("PRAGMA query_only=ON"); !s) {
        return s.error();
    }
    return storage;
}

Status SqliteStorage::migrate()
{
    int current = 0;
    {
        SqliteStatement read(m_db.get(), "PRAGMA user_version");
        current = read.next() ? int(read.integer(0)) : 0;
    }
    if (current > kSchemaVersion) {
        return makeError(ErrorKind::Unsupported,
                         QStringLiteral("the receiver database was written by a newer chorus-receiver (schema %1); "
                                        "upgrade this receiver")
                             .arg(current));
    }
    // Each step in its own transaction: a failure leaves the last good version.
    for (int step = current; step < kSchemaVersion; ++step) {
        SqliteTransaction tx(m_db);
        if (!tx.begun()) {
            return tx.begun();
        }
        if (Status s = m_db.exec(kMigrations[step]); !s) {
            return s;
        }
        const QByteArray setVersion = "PRAGMA user_version = " + QByteArray::number(step + 1);
        if (Status s = m_db.exec(setVersion.constData()); !s) {
            return s;
        }
        if (Status s = tx.commit(); !s) {
            return s;
        }
    }
    return {};
}

Result<StoreOutcome> SqliteStorage::store(const IncomingSubmission &submission)
{
    std::lock_guard lock(m_mutex);
    return storeLocked(submission);
}

Result<StoreOutcome> SqliteStorage::storeLocked(const IncomingSubmission &in)
{
    SqliteTransaction tx(m_db);
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
