// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Clock.h"
#include "ResponseRepository.h"

namespace chorus::store {

class Database;

// Responses and their parts in two tables, every change in one transaction together with its
// audit row. Finalization is the write that must survive power loss: the connection runs
// with synchronous=FULL, so when finalize() returns the response is on disk.
class SqliteResponseRepository final : public ResponseRepository
{
public:
    explicit SqliteResponseRepository(Database &db, Clock clock = systemClock());

    Status finalize(const FinalizedResponse &response) override;
    Result<QList<StoredResponse>> queued(int limit) override;
    Status markSending(const QString &instanceId) override;
    Status markAccepted(const QString &instanceId) override;
    Status markConflict(const QString &instanceId, const QString &reason) override;
    Status markDeletedOnServer(const QString &instanceId, const QString &reason) override;
    Status markFailed(const QString &instanceId, const QString &reason) override;
    Status markTransientFailure(const QString &instanceId, const QString &reason) override;
    Status markWithdrawn(const QString &instanceId) override;
    Result<StoredResponse> load(const QString &instanceId) override;
    Result<StateCounts> countsByState(const QString &surveyId) override;
    Result<QList<ResponseSummary>> list() override;
    Result<QList<ResponseSummary>> listPage(qint64 offset, int limit) override;
    Result<int> removeAcceptedEnvelopes(const QDateTime &acceptedBefore) override;
    Status removeEnvelope(const QString &instanceId, const QString &reason) override;

private:
    Status move(const QString &instanceId, ResponseState to, const QString &reason, bool retryable);
    Status loadParts(qint64 rowId, FileParts *parts);

    Database &m_db;
    Clock m_clock;
};

} // namespace chorus::store
