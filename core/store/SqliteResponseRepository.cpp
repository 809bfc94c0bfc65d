// SPDX-License-Identifier: GPL-3.0-or-later
#include "SqliteResponseRepository.h"

#include "Sqlite.h"
#include "SqliteConsentLedger.h"
#include "StoreRules.h"
#include "common/Logging.h"

namespace chorus::store {

using response::stateFromName;
using response::stateName;

namespace {

Status appendAudit(Database &db, qint64 at, const QString &kind, const QString &subject, const QString &detail)
{
    auto stmt = db.cached("INSERT INTO audit_log(at, kind, subject_id, detail) VALUES (?, ?, ?, ?)");
    if (!stmt) {
        return stmt.error();
    }
    return stmt->bind(1, at).bind(2, kind).bind(3, subject).bind(4, detail).run();
}

Status deleteEnvelope(Database &db, qint64 rowId, qint64 at)
{
    auto parts = db.prepare("DELETE FROM response_parts WHERE response_id = ?");
    if (!parts) {
        return parts.error();
    }
    if (auto status = parts->bind(1, rowId).run(); !status) {
        return status;
    }
    auto manifest = db.prepare("UPDATE responses SET manifest = NULL, envelope_purged_at = ? WHERE id = ?");
    if (!manifest) {
        return manifest.error();
    }
    return manifest->bind(1, at).bind(2, rowId).run();
}

struct CurrentRow {
    qint64 rowId = 0;
    ResponseState state = ResponseState::Finalized;
    bool envelopeRemoved = false;
};

// The row, state and envelope of `instanceId`, read inside the caller's transaction. The
// statement is reset before returning: an active one would block the checkpoint that scrubs
// an erased envelope out of the WAL.
Result<CurrentRow> currentRow(Database &db, const QString &instanceId)
{
    auto current = db.cached("SELECT id, state, envelope_purged_at FROM responses WHERE instance_id = ?");
    if (!current) {
        return current.error();
    }
    auto found = current->bind(1, instanceId).step();
    if (!found) {
        return found.error();
    }
    if (!*found) {
        return rules::notFound(instanceId);
    }
    const qint64 rowId = current->int64(0);
    const QString stateText = current->text(1);
    const bool envelopeRemoved = !current->isNull(2);
    current->reset();
    const auto state = stateFromName(stateText);
    if (!state) {
        return makeError(ErrorKind::Database, QStringLiteral("response '%1' has an unknown state '%2' in the database")
                                                  .arg(instanceId, stateText));
    }
    return CurrentRow{rowId, *state, envelopeRemoved};
}

} // namespace

SqliteResponseRepository::SqliteResponseRepository(Database &db, Clock clock) : m_db(db), m_clock(std::move(clock)) {}

Status SqliteResponseRepository::finalize(const FinalizedResponse &response)
{
    if (auto status = rules::validate(response); !status) {
        return status;
    }
    auto tx = Transaction::begin(m_db);
    if (!tx) {
        return tx.error();
    }
    auto existing = m_db.cached("SELECT 1 FROM responses WHERE instance_id = ?");
    if (!existing) {
        return existing.error();
    }
    auto found = existing->bind(1, response.instanceId).step();
    if (!found) {
        return found.error();
    }
    if (*found) {
        return rules::alreadyFinalized(response.instanceId);
    }
    const qint64 now = toStoredTime(m_clock());
    auto insert = m_db.cached("INSERT INTO responses(instance_id, survey_id, survey_version, state, finalized_at, "
                               "state_changed_at, manifest) VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (!insert) {
        return insert.error();
    }
    insert->bind(1, response.instanceId)
        .bind(2, response.surveyId)
        .bind(3, response.surveyVersion)
        .bind(4, stateName(ResponseState::Finalized))
        .bind(5, toStoredTime(response.finalizedAt))
        .bind(6, now)
        .bind(7, response.manifest);
    if (auto status = insert->run(); !status) {
        return status;
    }
    const qint64 rowId = m_db.lastInsertRowId();
    auto part = m_db.cached("INSERT INTO response_parts(response_id, ordinal, name, bytes) VALUES (?, ?, ?, ?)");
    if (!part) {
        return part.error();
    }
    for (int i = 0; i < response.encryptedFiles.size(); ++i) {
        const FilePart &file = response.encryptedFiles.at(i);
        part->reset();
        if (auto status = part->bind(1, rowId).bind(2, i).bind(3, file.name).bind(4, file.bytes).run(); !status) {
            return status;
        }
    }
    if (response.consent) {
        if (auto status = SqliteConsentLedger::insert(m_db, *response.consent); !status) {
            return status;
        }
    }
    auto draft = m_db.cached("DELETE FROM drafts WHERE response_id = ?");
    if (!draft) {
        return draft.error();
    }
    if (auto status = draft->bind(1, response.instanceId).run(); !status) {
        return status;
    }
    if (auto status = appendAudit(m_db, now, QStringLiteral("response.finalized"), response.instanceId,
                                  QStringLiteral("survey %1 version %2").arg(response.surveyId, response.surveyVersion));
        !status) {
        return status;
    }
    if (auto status = tx->commit(); !status) {
        return status;
    }
    qCDebug(lcStore) << "finalized" << response.instanceId;
    return {};
}

Status SqliteResponseRepository::move(const QString &instanceId, ResponseState to, const QString &reason,
                                      bool retryable)
{
    auto tx = Transaction::begin(m_db);
    if (!tx) {
        return tx.error();
    }
    auto row = currentRow(m_db, instanceId);
    if (!row) {
        return row.error();
    }
    const qint64 rowId = row->rowId;
    if (auto allowed = response::transition(row->state, to); !allowed) {
        return makeError(allowed.error().kind,
                         QStringLiteral("response '%1': %2").arg(instanceId, allowed.error().message));
    }
    const qint64 now = toStoredTime(m_clock());
    auto update = m_db.cached("UPDATE responses SET state = ?, retryable = ?, failure_reason = ?, "
                               "state_changed_at = ?, attempts = attempts + ? WHERE id = ?");
    if (!update) {
        return update.error();
    }
    update->bind(1, stateName(to)).bind(2, retryable ? 1 : 0);
    if (reason.isEmpty()) {
        update->bindNull(3);
    } else {
        update->bind(3, reason);
    }
    update->bind(4, now).bind(5, to == ResponseState::Sending ? 1 : 0).bind(6, rowId);
    if (auto status = update->run(); !status) {
        return status;
    }
    if (to == ResponseState::Withdrawn) {
        if (auto status = deleteEnvelope(m_db, rowId, now); !status) {
            return status;
        }
    }
    if (to == ResponseState::Accepted) {
        // The moment the receiver's 201 reached this device: the consent record's server_received_at.
        if (auto status = SqliteConsentLedger::noteServerReceived(m_db, instanceId, fromStoredTime(now)); !status) {
            return status;
        }
    }
    // Sending is written before every attempt; the audit keeps outcomes, not attempts.
    if (to != ResponseState::Sending) {
        const QString kind = QStringLiteral("response.") + stateName(to);
        const QString detail = retryable ? QStringLiteral("transient: ") + reason : reason;
        if (auto status = appendAudit(m_db, now, kind, instanceId, detail); !status) {
            return status;
        }
    }
    if (auto status = tx->commit(); !status) {
        return status;
    }
    if (to == ResponseState::Withdrawn) {
        m_db.scrubWal();
    }
    return {};
}

Status SqliteResponseRepository::markSending(const QString &id)
{
    return move(id, ResponseState::Sending, {}, false);
}

Status SqliteResponseRepository::markAccepted(const QString &id)
{
    return move(id, ResponseState::Accepted, {}, false);
}

Status SqliteResponseRepository::markConflict(const QString &id, const QString &reason)
{
    return move(id, ResponseState::Conflict, reason, false);
}

Status SqliteResponseRepository::markDeletedOnServer(const QString &id, const QString &reason)
{
    return move(id, ResponseState::DeletedOnServer, reason, false);
}

Status SqliteResponseRepository::markFailed(const QString &id, const QString &reason)
{
    return move(id, ResponseState::Failed, reason, false);
}

Status SqliteResponseRepository::markTransientFailure(const QString &id, const QString &reason)
{
    return move(id, ResponseState::Failed, reason, true);
}

Status SqliteResponseRepository::markWithdrawn(const QString &id)
{
    return move(id, ResponseState::Withdrawn, {}, false);
}

Result<int> SqliteResponseRepository::removeAcceptedEnvelopes(const QDateTime &acceptedBefore)
{
    auto tx = Transaction::begin(m_db);
    if (!tx) {
        return tx.error();
    }
    auto select = m_db.prepare("SELECT id, instance_id FROM responses WHERE state = 'accepted' AND "
                               "envelope_purged_at IS NULL AND state_changed_at <= ?");
    if (!select) {
        return select.error();
    }
    select->bind(1, toStoredTime(acceptedBefore));
    QList<std::pair<qint64, QString>> targets;
    for (;;) {
        auto row = select->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            break;
        }
        targets.append({select->int64(0), select->text(1)});
    }
    const qint64 now = toStoredTime(m_clock());
    for (const auto &[rowId, instanceId] : targets) {
        if (auto status = deleteEnvelope(m_db, rowId, now); !status) {
            return status.error();
        }
        if (auto status = appendAudit(m_db, now, QStringLiteral("response.envelope_removed"), instanceId,
                                      QStringLiteral("retention after acceptance"));
            !status) {
            return status.error();
        }
    }
    if (auto status = tx->commit(); !status) {
        return status.error();
    }
    if (!targets.isEmpty()) {
        m_db.scrubWal();
    }
    return int(targets.size());
}

Status SqliteResponseRepository::removeEnvelope(const QString &instanceId, const QString &reason)
{
    auto tx = Transaction::begin(m_db);
    if (!tx) {
        return tx.error();
    }
    auto row = currentRow(m_db, instanceId);
    if (!row) {
        return row.error();
    }
    const qint64 rowId = row->rowId;
    const bool alreadyGone = row->envelopeRemoved;
    if (auto allowed = rules::envelopeMayBeRemoved(instanceId, row->state); !allowed) {
        return allowed;
    }
    if (alreadyGone) {
        return {};
    }
    const qint64 now = toStoredTime(m_clock());
    if (auto status = deleteEnvelope(m_db, rowId, now); !status) {
        return status;
    }
    if (auto status = appendAudit(m_db, now, QStringLiteral("response.envelope_removed"), instanceId, reason);
        !status) {
        return status;
    }
    if (auto status = tx->commit(); !status) {
        return status;
    }
    m_db.scrubWal();
    return {};
}

} // namespace chorus::store
