// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ConsentLedger.h"
#include "common/FilePart.h"
#include "common/Result.h"
#include "response/ResponseStatus.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

namespace chorus::store {

using response::ResponseState;

// What finalization hands to the store: the sealed ODK envelope exactly as sync will send it.
// The manifest is the plaintext submission.xml (no answers in it); the parts are the .enc
// files in upload order. The store never changes a byte, so every retry is byte-identical.
struct FinalizedResponse {
    QString instanceId; // "uuid:…"; also the id the draft was saved under
    QString surveyId;
    QString surveyVersion;
    QByteArray manifest;
    FileParts encryptedFiles;
    QDateTime finalizedAt; // UTC
    // The ledger entry for this response's consent, written in the same transaction, so a
    // response is never stored without it. Its responseId must equal instanceId.
    std::optional<ConsentEntry> consent;
};

// A finalized response with its place in the lifecycle. After withdrawal, or after the
// retention period once accepted, the envelope bytes are gone and `envelopeRemoved` is set.
struct StoredResponse {
    FinalizedResponse envelope;
    ResponseState state = ResponseState::Finalized;
    bool retryable = false; // only for failed: a transient failure, retried by the next sync
    QString failureReason;  // for failed / conflict / deleted_on_server: what the server said
    int attempts = 0;       // how many times it was marked sending
    QDateTime stateChangedAt;
    bool envelopeRemoved = false;
};

// Ids and states only: what a status screen or `chorusctl outbox list` shows.
struct ResponseSummary {
    QString instanceId;
    QString surveyId;
    QString surveyVersion;
    ResponseState state = ResponseState::Finalized;
    bool retryable = false;
    QString failureReason;
    int attempts = 0;
    QDateTime finalizedAt;
    QDateTime stateChangedAt;
};

using StateCounts = QMap<ResponseState, int>;

// Finalized responses and their outbox state. Every mark-* goes through
// response::transition(), so an illegal move (accepted → sending) is refused here whoever
// asks. The outbox is `queued()`: finalized, sending (a crash mid-upload) and transiently
// failed responses, oldest first.
class ResponseRepository
{
public:
    virtual ~ResponseRepository() = default;

    // Stores the envelope as finalized and deletes the draft saved under the same id, in one
    // transaction: either the response is wholly stored and the draft gone, or nothing
    // changed. A second finalize of the same id is a Conflict and changes nothing.
    virtual Status finalize(const FinalizedResponse &response) = 0;

    virtual Result<QList<StoredResponse>> queued(int limit) = 0;

    virtual Status markSending(const QString &instanceId) = 0;
    virtual Status markAccepted(const QString &instanceId) = 0;
    virtual Status markConflict(const QString &instanceId, const QString &reason = {}) = 0;
    virtual Status markDeletedOnServer(const QString &instanceId, const QString &reason = {}) = 0;
    // A permanent failure (4xx other than 409): kept out of the queue, reason shown to people.
    virtual Status markFailed(const QString &instanceId, const QString &reason) = 0;
    // A transient failure (5xx, timeout, reset): stays in the queue for the next sync.
    virtual Status markTransientFailure(const QString &instanceId, const QString &reason) = 0;
    // Erased before it was accepted: the envelope bytes are deleted (securely), the id and
    // state remain so the record's fate is still visible.
    virtual Status markWithdrawn(const QString &instanceId) = 0;

    virtual Result<StoredResponse> load(const QString &instanceId) = 0;
    // Counts for one survey, or for all when surveyId is empty. States with no records are absent.
    virtual Result<StateCounts> countsByState(const QString &surveyId = {}) = 0;
    // Every response, oldest first, ids and states only.
    virtual Result<QList<ResponseSummary>> list() = 0;
    // The same order, `limit` rows from `offset`: a screen that pages lazily through a full
    // outbox instead of holding every row (issue 14: 100k records made the app start 3.6x slower).
    virtual Result<QList<ResponseSummary>> listPage(qint64 offset, int limit) = 0;

    // Retention: deletes the envelope bytes of responses accepted at or before `acceptedBefore`.
    // Returns how many envelopes were removed.
    virtual Result<int> removeAcceptedEnvelopes(const QDateTime &acceptedBefore) = 0;

    // Erases the envelope bytes of one response the server already has (accepted, conflict,
    // deleted on server) now, as markWithdrawn does before sync, keeping its id and state; the
    // audit line carries `reason`. A response whose envelope is still needed for sending
    // (finalized, sending, failed) is refused: withdraw it with markWithdrawn instead. Erasing
    // an envelope already gone changes nothing.
    virtual Status removeEnvelope(const QString &instanceId, const QString &reason) = 0;
};

} // namespace chorus::store
