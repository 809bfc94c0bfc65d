// SPDX-License-Identifier: GPL-3.0-or-later
// SqliteResponseRepository's reads: one envelope, the outbox queue, counts and the summary list.
// The writes (finalize, state moves, retention) are in SqliteResponseRepository.cpp.
#include "SqliteResponseRepository.h"

#include "Sqlite.h"
#include "StoreRules.h"

namespace chorus::store {

using response::stateFromName;

namespace {

constexpr const char *kSummaryColumns =
    "id, instance_id, survey_id, survey_version, state, retryable, failure_reason, attempts, finalized_at, "
    "state_changed_at, manifest, envelope_purged_at";

ResponseSummary readSummary(const Statement &row)
{
    ResponseSummary s;
    s.instanceId = row.text(1);
    s.surveyId = row.text(2);
    s.surveyVersion = row.text(3);
    s.state = stateFromName(row.text(4)).value_or(ResponseState::Failed);
    s.retryable = row.int64(5) != 0;
    s.failureReason = row.text(6);
    s.attempts = int(row.int64(7));
    s.finalizedAt = fromStoredTime(row.int64(8));
    s.stateChangedAt = fromStoredTime(row.int64(9));
    return s;
}

StoredResponse toStored(const ResponseSummary &s, const Statement &row)
{
    StoredResponse r;
    r.envelope.instanceId = s.instanceId;
    r.envelope.surveyId = s.surveyId;
    r.envelope.surveyVersion = s.surveyVersion;
    r.envelope.finalizedAt = s.finalizedAt;
    r.envelope.manifest = row.blob(10);
    r.state = s.state;
    r.retryable = s.retryable;
    r.failureReason = s.failureReason;
    r.attempts = s.attempts;
    r.stateChangedAt = s.stateChangedAt;
    r.envelopeRemoved = !row.isNull(11);
    return r;
}

QByteArray selectSql(const char *tail)
{
    return QByteArray("SELECT ") + kSummaryColumns + " FROM responses " + tail;
}

} // namespace

Status SqliteResponseRepository::loadParts(qint64 rowId, FileParts *parts)
{
    auto stmt = m_db.prepare("SELECT name, bytes FROM response_parts WHERE response_id = ? ORDER BY ordinal");
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, rowId);
    for (;;) {
        auto row = stmt->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return {};
        }
        parts->append(FilePart{stmt->text(0), stmt->blob(1)});
    }
}

Result<StoredResponse> SqliteResponseRepository::load(const QString &instanceId)
{
    auto stmt = m_db.prepare(selectSql("WHERE instance_id = ?").constData());
    if (!stmt) {
        return stmt.error();
    }
    auto row = stmt->bind(1, instanceId).step();
    if (!row) {
        return row.error();
    }
    if (!*row) {
        return rules::notFound(instanceId);
    }
    StoredResponse stored = toStored(readSummary(*stmt), *stmt);
    if (auto status = loadParts(stmt->int64(0), &stored.envelope.encryptedFiles); !status) {
        return status.error();
    }
    return stored;
}

Result<QList<StoredResponse>> SqliteResponseRepository::queued(int limit)
{
    auto stmt = m_db.prepare(selectSql("WHERE state IN ('finalized', 'sending') OR (state = 'failed' AND retryable = 1) "
                                       "ORDER BY finalized_at, id LIMIT ?")
                                 .constData());
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, qint64(limit < 0 ? -1 : limit));
    QList<std::pair<qint64, StoredResponse>> rows;
    for (;;) {
        auto row = stmt->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            break;
        }
        rows.append({stmt->int64(0), toStored(readSummary(*stmt), *stmt)});
    }
    QList<StoredResponse> result;
    for (auto &[rowId, stored] : rows) {
        if (auto status = loadParts(rowId, &stored.envelope.encryptedFiles); !status) {
            return status.error();
        }
        result.append(std::move(stored));
    }
    return result;
}

Result<StateCounts> SqliteResponseRepository::countsByState(const QString &surveyId)
{
    // Two statements rather than "? = '' OR survey_id = ?": each is then answered from an index
    // alone (responses_queue, responses_survey) instead of a scan of every row and its manifest,
    // which the app's home screen paid at every start.
    auto stmt = surveyId.isEmpty()
        ? m_db.prepare("SELECT state, COUNT(*) FROM responses GROUP BY state")
        : m_db.prepare("SELECT state, COUNT(*) FROM responses WHERE survey_id = ? GROUP BY state");
    if (!stmt) {
        return stmt.error();
    }
    if (!surveyId.isEmpty()) {
        stmt->bind(1, surveyId);
    }
    StateCounts counts;
    for (;;) {
        auto row = stmt->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return counts;
        }
        if (const auto state = stateFromName(stmt->text(0))) {
            counts.insert(*state, int(stmt->int64(1)));
        }
    }
}

Result<QList<ResponseSummary>> SqliteResponseRepository::list()
{
    return listPage(0, -1); // LIMIT -1: no limit
}

Result<QList<ResponseSummary>> SqliteResponseRepository::listPage(qint64 offset, int limit)
{
    // The summary columns only (readSummary's 0-9): not the manifest blob of every row.
    auto stmt = m_db.prepare("SELECT id, instance_id, survey_id, survey_version, state, retryable, failure_reason, "
                             "attempts, finalized_at, state_changed_at FROM responses "
                             "ORDER BY finalized_at, id LIMIT ? OFFSET ?");
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, qint64(limit)).bind(2, offset);
    QList<ResponseSummary> result;
    for (;;) {
        auto row = stmt->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return result;
        }
        result.append(readSummary(*stmt));
    }
}

} // namespace chorus::store
