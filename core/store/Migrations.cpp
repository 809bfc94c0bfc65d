// SPDX-License-Identifier: GPL-3.0-or-later
#include "Migrations.h"

#include "Sqlite.h"
#include "common/Logging.h"

namespace chorus::store {

namespace {

// Times are INTEGER milliseconds since the Unix epoch, UTC. Blobs are stored exactly as
// given: the store never interprets envelope or draft bytes.
constexpr const char *kV1[] = {
    R"(CREATE TABLE surveys (
        survey_id  TEXT PRIMARY KEY NOT NULL,
        version    TEXT NOT NULL,
        package    BLOB NOT NULL,
        signature  BLOB NOT NULL,
        stored_at  INTEGER NOT NULL))",
    R"(CREATE TABLE drafts (
        response_id    TEXT PRIMARY KEY NOT NULL,
        survey_id      TEXT NOT NULL,
        survey_version TEXT NOT NULL,
        blob           BLOB NOT NULL,
        updated_at     INTEGER NOT NULL))",
    R"(CREATE TABLE responses (
        id               INTEGER PRIMARY KEY,
        instance_id      TEXT NOT NULL UNIQUE,
        survey_id        TEXT NOT NULL,
        survey_version   TEXT NOT NULL,
        state            TEXT NOT NULL,
        retryable        INTEGER NOT NULL DEFAULT 0,
        failure_reason   TEXT,
        attempts         INTEGER NOT NULL DEFAULT 0,
        finalized_at     INTEGER NOT NULL,
        state_changed_at INTEGER NOT NULL,
        manifest         BLOB))",
    "CREATE INDEX responses_queue ON responses(state, finalized_at, id)",
    "CREATE INDEX responses_survey ON responses(survey_id, state)",
    R"(CREATE TABLE response_parts (
        response_id INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
        ordinal     INTEGER NOT NULL,
        name        TEXT NOT NULL,
        bytes       BLOB NOT NULL,
        PRIMARY KEY (response_id, ordinal)))",
    R"(CREATE TABLE audit_log (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        at         INTEGER NOT NULL,
        kind       TEXT NOT NULL,
        subject_id TEXT NOT NULL,
        detail     TEXT NOT NULL))",
    R"(CREATE TABLE settings (
        key   TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL))",
};

// The consent ledger: proof of what was agreed, never what was answered. The receipt code is
// kept only as a keyed hash, so the device cannot list the codes it handed out.
constexpr const char *kV2[] = {
    R"(CREATE TABLE consent_ledger (
        consent_id      TEXT PRIMARY KEY NOT NULL,
        response_id     TEXT NOT NULL,
        receipt_hash    BLOB NOT NULL,
        survey_id       TEXT NOT NULL,
        survey_version  TEXT NOT NULL,
        captured_at     INTEGER NOT NULL,
        withdrawn_at    INTEGER))",
    "CREATE INDEX consent_by_response ON consent_ledger(response_id)",
    "CREATE INDEX consent_by_receipt ON consent_ledger(receipt_hash)",
    "ALTER TABLE responses ADD COLUMN envelope_purged_at INTEGER",
};

// The ledger keeps the notice and the purposes agreed (erased again at withdrawal), the
// withdrawal's channel and scope, the server's acceptance time, and its MAC chain
// (LedgerChain.h). seq is the entry's place in the chain; ledger_chain holds the chain's key,
// length and head. Entries from schema 2 are chained when the store is next opened read-write.
constexpr const char *kV3[] = {
    "ALTER TABLE consent_ledger ADD COLUMN notice_id TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE consent_ledger ADD COLUMN notice_version TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE consent_ledger ADD COLUMN notice_locale TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE consent_ledger ADD COLUMN notice_sha256 TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE consent_ledger ADD COLUMN purposes TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE consent_ledger ADD COLUMN mode TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE consent_ledger ADD COLUMN withdrawal_channel TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE consent_ledger ADD COLUMN withdrawal_scope TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE consent_ledger ADD COLUMN server_received_at INTEGER",
    "ALTER TABLE consent_ledger ADD COLUMN seq INTEGER",
    "ALTER TABLE consent_ledger ADD COLUMN link_mac BLOB",
    "ALTER TABLE consent_ledger ADD COLUMN state_mac BLOB",
    "CREATE UNIQUE INDEX consent_by_seq ON consent_ledger(seq)",
    R"(CREATE TABLE ledger_chain (
        id        INTEGER PRIMARY KEY CHECK (id = 1),
        mac_key   BLOB NOT NULL,
        length    INTEGER NOT NULL,
        last_link BLOB NOT NULL,
        head_mac  BLOB NOT NULL))",
};

constexpr Migration kMigrations[] = {
    {1, kV1},
    {2, kV2},
    {3, kV3},
};

static_assert(std::size(kMigrations) == kSchemaVersion, "one migration per schema version");

} // namespace

std::span<const Migration> migrations()
{
    return kMigrations;
}

Status migrate(Database &db, std::span<const Migration> steps)
{
    auto current = db.userVersion();
    if (!current) {
        return current.error();
    }
    const int target = steps.empty() ? 0 : steps.back().version;
    if (*current > target) {
        return makeError(ErrorKind::Unsupported,
                         QStringLiteral("%1 was written by a newer version of Chorus (database schema %2; this "
                                        "version understands up to %3). Nothing was changed: install the newer "
                                        "Chorus to use it.")
                             .arg(db.path())
                             .arg(*current)
                             .arg(target));
    }
    for (const Migration &step : steps) {
        if (step.version <= *current) {
            continue;
        }
        auto tx = Transaction::begin(db);
        if (!tx) {
            return tx.error();
        }
        // Another process (the app and chorusctl, two screenshot runs) may have opened the same
        // new database at the same moment and upgraded it while we waited for the write lock:
        // read the version again inside the transaction and skip what is already done.
        auto now = db.userVersion();
        if (!now) {
            return now.error();
        }
        if (*now >= step.version) {
            *current = *now;
            continue; // the transaction rolls back: nothing was written
        }
        for (const char *sql : step.statements) {
            if (auto status = db.exec(sql); !status) {
                return makeError(status.error().kind,
                                 QStringLiteral("upgrading %1 to schema %2 failed (%3); the database was left at "
                                                "schema %4")
                                     .arg(db.path())
                                     .arg(step.version)
                                     .arg(status.error().message)
                                     .arg(*current));
            }
        }
        // PRAGMA arguments cannot be bound; the version is a constant from the table above.
        const QByteArray bump = "PRAGMA user_version=" + QByteArray::number(step.version);
        if (auto status = db.exec(bump.constData()); !status) {
            return status.error();
        }
        if (auto status = tx->commit(); !status) {
            return status.error();
        }
        qCInfo(lcStore) << "database schema upgraded to" << step.version;
        *current = step.version;
    }
    return {};
}

Status migrateToCurrent(Database &db)
{
    return migrate(db, migrations());
}

} // namespace chorus::store
