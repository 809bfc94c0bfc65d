// SPDX-License-Identifier: GPL-3.0-or-later
#include "PostgresStorage.h"

#include "ServerLogging.h"
#include "SqliteHandle.h" // nowIso()

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QSet>

namespace chorus::server {

namespace {

constexpr int kSchemaVersion = 3;

// The same steps as SqliteStorage's, in PostgreSQL's types.
const char *const kMigrations[] = {
    R"sql(
CREATE TABLE submissions (
    id BIGSERIAL PRIMARY KEY,
    instance_id TEXT NOT NULL UNIQUE,
    project_id TEXT NOT NULL,
    device TEXT NOT NULL,
    xml BYTEA NOT NULL,
    expected TEXT NOT NULL,
    received_at TEXT NOT NULL,
    change_seq BIGINT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX submissions_change ON submissions(change_seq);
CREATE TABLE files (
    submission_id BIGINT NOT NULL REFERENCES submissions(id),
    name TEXT NOT NULL,
    bytes BYTEA NOT NULL,
    sha256 TEXT NOT NULL,
    PRIMARY KEY (submission_id, name)
);
CREATE TABLE devices (
    name TEXT PRIMARY KEY,
    token_hash BYTEA NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);
)sql",
    R"sql(
CREATE TABLE withdrawals (
    id BIGSERIAL PRIMARY KEY,
    request_id TEXT NOT NULL UNIQUE,
    target_id TEXT NOT NULL,
    device TEXT NOT NULL,
    xml BYTEA NOT NULL,
    received_at TEXT NOT NULL,
    change_seq BIGINT NOT NULL
);
CREATE INDEX withdrawals_change ON withdrawals(change_seq);
)sql",
    R"sql(
ALTER TABLE devices ADD COLUMN surveys TEXT NOT NULL DEFAULT '*';
CREATE TABLE packages (
    survey_id TEXT PRIMARY KEY,
    version TEXT NOT NULL,
    bytes BYTEA NOT NULL,
    signature BYTEA NOT NULL,
    sha256 TEXT NOT NULL,
    published_at TEXT NOT NULL
);
)sql",
};

// Arbitrary constants naming the receiver's advisory locks.
constexpr qint64 kWriteLock = 0x43686f7275730001;
constexpr qint64 kMigrateLock = 0x43686f7275730002;

QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

} // namespace

Result<std::unique_ptr<PostgresStorage>> PostgresStorage::open(const QString &uri, const QString &schema)
{
    std::unique_ptr<PostgresStorage> storage(new PostgresStorage);
    if (Status s = storage->m_db.open(uri); !s) {
        return s.error();
    }
    if (Status s = storage->m_lookup.open(uri); !s) {
        return s.error();
    }
    if (!schema.isEmpty()) {
        if (!QRegularExpression(QStringLiteral("^[a-z_][a-z0-9_]{0,62}$")).match(schema).hasMatch()) {
            return makeError(ErrorKind::InvalidInput, QStringLiteral("invalid schema name"));
        }
        const QByteArray sql = "CREATE SCHEMA IF NOT EXISTS " + schema.toLatin1() + "; SET search_path TO " + schema.toLatin1();
        if (Status s = storage->m_db.runScript(sql.constData()); !s) {
            return s.error();
        }
        const QByteArray path = "SET search_path TO " + schema.toLatin1();
        if (Status s = storage->m_lookup.runScript(path.constData()); !s) {
            return s.error();
        }
    }
    if (Status s = storage->migrate(); !s) {
        return s.error();
    }
    return storage;
}

Status PostgresStorage::migrate()
{
    PgTransaction tx(m_db);
    if (!tx.begun()) {
        return tx.begun();
    }
    // Receivers starting together take turns; the first one migrates.
    if (Status s = m_db.run("SELECT pg_advisory_xact_lock($1)", {PgParam::number(kMigrateLock)}); !s) {
        return s;
    }
    if (Status s = m_db.run("CREATE TABLE IF NOT EXISTS chorus_schema (version INTEGER NOT NULL)"); !s) {
        return s;
    }
    Result<PgResult> read = m_db.exec("SELECT max(version) FROM chorus_schema", {}, true);
    if (!read) {
        return read.error();
    }
    const int current = read->isNull(0, 0) ? 0 : int(read->integer(0, 0));
    if (current > kSchemaVersion) {
        return makeError(ErrorKind::Unsupported,
                         QStringLiteral("the receiver database was written by a newer chorus-receiver (schema %1); "
                                        "upgrade this receiver")
                             .arg(current));
    }
    for (int step = current; step < kSchemaVersion; ++step) {
        if (Status s = m_db.runScript(kMigrations[step]); !s) {
            return s;
        }
        if (Status s = m_db.run("INSERT INTO chorus_schema (version) VALUES ($1)", {PgParam::number(step + 1)}); !s) {
            return s;
        }
    }
    return tx.commit();
}

Status PostgresStorage::lockWrites()
{
    return m_db.run("SELECT pg_advisory_xact_lock($1)", {PgParam::number(kWriteLock)});
}

Result<qint64> PostgresStorage::nextChange(const char *table)
{
    const QByteArray sql = QByteArray("SELECT coalesce(max(change_seq), 0) + 1 FROM ") + table;
    Result<PgResult> next = m_db.exec(sql.constData(), {}, true);
    if (!next) {
        return next.error();
    }
    return next->integer(0, 0);
}

Result<StoreOutcome> PostgresStorage::store(const IncomingSubmission &in)
{
    std::lock_guard lock(m_mutex);
    PgTransaction tx(m_db);
    if (Status s = tx.begun() ? lockWrites() : tx.begun(); !s) {
        return s.error();
    }
    Result<PgResult> found = m_db.exec("SELECT id, xml, deleted_at FROM submissions WHERE instance_id = $1",
                                       {PgParam::text(in.instanceId)}, true);
    if (!found) {
        return found.error();
    }
    qint64 id = 0;
    StoreOutcome outcome = StoreOutcome::Created;
    if (found->rows() > 0) {
        if (!found->isNull(0, 2)) {
            return StoreOutcome::Deleted;
        }
        if (found->bytes(0, 1) != in.xml) {
            return StoreOutcome::DifferentXml;
        }
        id = found->integer(0, 0);
        outcome = StoreOutcome::Merged;
    }
    Result<qint64> change = nextChange("submissions");
    if (!change) {
        return change.error();
    }
    if (outcome == StoreOutcome::Created) {
        Result<PgResult> inserted = m_db.exec(
            "INSERT INTO submissions (instance_id, project_id, device, xml, expected, received_at, change_seq) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            {PgParam::text(in.instanceId), PgParam::text(in.projectId), PgParam::text(in.device), PgParam::bytes(in.xml),
             PgParam::text(in.expected.join(QLatin1Char('\n'))), PgParam::text(nowIso()), PgParam::number(*change)},
            true);
        if (!inserted) {
            return inserted.error();
        }
        id = inserted->integer(0, 0);
    }
    int added = 0;
    for (const FilePart &part : in.parts) {
        Result<PgResult> inserted = m_db.exec(
            "INSERT INTO files (submission_id, name, bytes, sha256) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
            {PgParam::number(id), PgParam::text(part.name), PgParam::bytes(part.bytes),
             PgParam::text(QString::fromLatin1(sha256Hex(part.bytes)))});
        if (!inserted) {
            return inserted.error();
        }
        added += inserted->affected();
    }
    if (outcome == StoreOutcome::Merged && added > 0) {
        if (Status s = m_db.run("UPDATE submissions SET change_seq = $1 WHERE id = $2",
                                {PgParam::number(*change), PgParam::number(id)});
            !s) {
            return s.error();
        }
    }
    if (Status s = tx.commit(); !s) {
        return s.error();
    }
    return outcome;
}

Result<QList<SubmissionSummary>> PostgresStorage::changesAfter(qint64 cursor, int limit)
{
    std::lock_guard lock(m_mutex);
    Result<PgResult> rows = m_db.exec(
        "SELECT id, change_seq, instance_id, project_id, received_at, deleted_at, expected FROM submissions "
        "WHERE change_seq > $1 ORDER BY change_seq LIMIT $2",
        {PgParam::number(cursor), PgParam::number(limit)}, true);
    if (!rows) {
        return rows.error();
    }
    QList<SubmissionSummary> out;
    for (int r = 0; r < rows->rows(); ++r) {
        SubmissionSummary s;
        s.id = rows->integer(r, 0);
        s.change = rows->integer(r, 1);
        s.instanceId = rows->text(r, 2);
        s.projectId = rows->text(r, 3);
        s.receivedAt = rows->text(r, 4);
        s.deleted = !rows->isNull(r, 5);
        const QStringList expected = rows->text(r, 6).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        Result<PgResult> files = m_db.exec("SELECT name, length(bytes)::bigint, sha256 FROM files "
                                           "WHERE submission_id = $1 ORDER BY name",
                                           {PgParam::number(s.id)}, true);
        if (!files) {
            return files.error();
        }
        QSet<QString> have;
        for (int f = 0; f < files->rows(); ++f) {
            s.files.append({files->text(f, 0), files->integer(f, 1), files->text(f, 2).toLatin1()});
            have.insert(files->text(f, 0));
        }
        s.complete = std::all_of(expected.cbegin(), expected.cend(), [&have](const QString &n) { return have.contains(n); });
        out.append(s);
    }
    return out;
}

Result<QByteArray> PostgresStorage::oneBlob(const char *sql, const QList<PgParam> &params, const QString &notFound)
{
    std::lock_guard lock(m_mutex);
    Result<PgResult> rows = m_db.exec(sql, params, true);
    if (!rows) {
        return rows.error();
    }
    if (rows->rows() == 0) {
        return makeError(ErrorKind::NotFound, notFound);
    }
    return rows->bytes(0, 0);
}

Result<QByteArray> PostgresStorage::manifest(qint64 id)
{
    return oneBlob("SELECT xml FROM submissions WHERE id = $1 AND deleted_at IS NULL", {PgParam::number(id)},
                   QStringLiteral("no submission %1").arg(id));
}

Result<QByteArray> PostgresStorage::file(qint64 id, const QString &name)
{
    return oneBlob("SELECT f.bytes FROM files f JOIN submissions s ON s.id = f.submission_id "
                   "WHERE f.submission_id = $1 AND f.name = $2 AND s.deleted_at IS NULL",
                   {PgParam::number(id), PgParam::text(name)}, QStringLiteral("no file %1 in submission %2").arg(name).arg(id));
}

Result<QByteArray> PostgresStorage::withdrawalXml(qint64 id)
{
    return oneBlob("SELECT xml FROM withdrawals WHERE id = $1", {PgParam::number(id)},
                   QStringLiteral("no withdrawal request %1").arg(id));
}

Status PostgresStorage::healthCheck()
{
    std::lock_guard lock(m_mutex);
    return m_db.run("SELECT 1");
}

} // namespace chorus::server
