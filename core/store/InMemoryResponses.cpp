// SPDX-License-Identifier: GPL-3.0-or-later
// The in-memory ResponseRepository: the same lifecycle rules as SQLite, over a list.
#include "InMemoryInternal.h"
#include "LedgerChain.h"
#include "StoreRules.h"

#include <algorithm>

namespace chorus::store::inmemory {

namespace {

ResponseSummary summarize(const StoredResponse &r)
{
    return ResponseSummary{r.envelope.instanceId, r.envelope.surveyId, r.envelope.surveyVersion, r.state,
                           r.retryable, r.failureReason, r.attempts, r.envelope.finalizedAt, r.stateChangedAt};
}


class Responses final : public ResponseRepository
{
public:
    explicit Responses(std::shared_ptr<Data> data) : m_data(std::move(data)) {}

    Status finalize(const FinalizedResponse &response) override
    {
        if (auto status = rules::validate(response); !status) {
            return status;
        }
        if (find(response.instanceId)) {
            return rules::alreadyFinalized(response.instanceId);
        }
        if (response.consent) {
            for (const ConsentEntry &e : m_data->consents) {
                if (e.consentId == response.consent->consentId) {
                    return rules::consentExists(e.consentId);
                }
            }
            ConsentEntry entry = *response.consent;
            entry.capturedAt = stored(entry.capturedAt);
            if (entry.withdrawnAt) {
                ledger::eraseForWithdrawal(entry, {stored(*entry.withdrawnAt), entry.withdrawalChannel,
                                                   entry.withdrawalScope});
            }
            m_data->consents.append(entry);
        }
        StoredResponse r;
        r.envelope = response;
        r.envelope.consent.reset();
        r.envelope.finalizedAt = stored(response.finalizedAt);
        r.state = ResponseState::Finalized;
        r.stateChangedAt = stored(m_data->clock());
        m_data->responses.append(r);
        m_data->drafts.remove(response.instanceId);
        m_data->appendAudit(QStringLiteral("response.finalized"), response.instanceId,
                            QStringLiteral("survey %1 version %2").arg(response.surveyId, response.surveyVersion));
        return {};
    }

    Result<QList<StoredResponse>> queued(int limit) override
    {
        QList<StoredResponse> result;
        for (const StoredResponse &r : ordered()) {
            const bool inQueue = r.state == ResponseState::Finalized || r.state == ResponseState::Sending
                                 || (r.state == ResponseState::Failed && r.retryable);
            if (inQueue && (limit < 0 || result.size() < limit)) {
                result.append(r);
            }
        }
        return result;
    }

    Status markSending(const QString &id) override { return move(id, ResponseState::Sending, {}, false); }
    Status markAccepted(const QString &id) override { return move(id, ResponseState::Accepted, {}, false); }
    Status markConflict(const QString &id, const QString &reason) override
    {
        return move(id, ResponseState::Conflict, reason, false);
    }
    Status markDeletedOnServer(const QString &id, const QString &reason) override
    {
        return move(id, ResponseState::DeletedOnServer, reason, false);
    }
    Status markFailed(const QString &id, const QString &reason) override
    {
        return move(id, ResponseState::Failed, reason, false);
    }
    Status markTransientFailure(const QString &id, const QString &reason) override
    {
        return move(id, ResponseState::Failed, reason, true);
    }
    Status markWithdrawn(const QString &id) override { return move(id, ResponseState::Withdrawn, {}, false); }

    Result<StoredResponse> load(const QString &id) override
    {
        if (StoredResponse *r = find(id)) {
            return *r;
        }
        return rules::notFound(id);
    }

    Result<StateCounts> countsByState(const QString &surveyId) override
    {
        StateCounts counts;
        for (const StoredResponse &r : m_data->responses) {
            if (surveyId.isEmpty() || r.envelope.surveyId == surveyId) {
                counts[r.state] += 1;
            }
        }
        return counts;
    }

    Result<QList<ResponseSummary>> list() override
    {
        return listPage(0, -1);
    }

    Result<QList<ResponseSummary>> listPage(qint64 offset, int limit) override
    {
        QList<ResponseSummary> result;
        const auto all = ordered();
        for (qint64 i = std::max<qint64>(offset, 0); i < all.size() && (limit < 0 || result.size() < limit); ++i) {
            result.append(summarize(all.at(i)));
        }
        return result;
    }

    Result<int> removeAcceptedEnvelopes(const QDateTime &acceptedBefore) override
    {
        int removed = 0;
        for (StoredResponse &r : m_data->responses) {
            if (r.state == ResponseState::Accepted && !r.envelopeRemoved
                && r.stateChangedAt <= stored(acceptedBefore)) {
                removeEnvelope(r);
                m_data->appendAudit(QStringLiteral("response.envelope_removed"), r.envelope.instanceId,
                                    QStringLiteral("retention after acceptance"));
                ++removed;
            }
        }
        return removed;
    }

    Status removeEnvelope(const QString &instanceId, const QString &reason) override
    {
        StoredResponse *r = find(instanceId);
        if (!r) {
            return rules::notFound(instanceId);
        }
        if (auto allowed = rules::envelopeMayBeRemoved(instanceId, r->state); !allowed) {
            return allowed;
        }
        if (!r->envelopeRemoved) {
            removeEnvelope(*r);
            m_data->appendAudit(QStringLiteral("response.envelope_removed"), instanceId, reason);
        }
        return {};
    }

private:
    StoredResponse *find(const QString &id)
    {
        for (StoredResponse &r : m_data->responses) {
            if (r.envelope.instanceId == id) {
                return &r;
            }
        }
        return nullptr;
    }

    QList<StoredResponse> ordered() const
    {
        QList<StoredResponse> rows = m_data->responses;
        std::stable_sort(rows.begin(), rows.end(), [](const StoredResponse &a, const StoredResponse &b) {
            return a.envelope.finalizedAt < b.envelope.finalizedAt;
        });
        return rows;
    }

    static void removeEnvelope(StoredResponse &r)
    {
        r.envelope.manifest.clear();
        r.envelope.encryptedFiles.clear();
        r.envelopeRemoved = true;
    }

    Status move(const QString &id, ResponseState to, const QString &reason, bool retryable)
    {
        StoredResponse *r = find(id);
        if (!r) {
            return rules::notFound(id);
        }
        if (auto allowed = response::transition(r->state, to); !allowed) {
            return makeError(allowed.error().kind, QStringLiteral("response '%1': %2").arg(id, allowed.error().message));
        }
        r->state = to;
        r->retryable = retryable;
        r->failureReason = reason;
        r->stateChangedAt = stored(m_data->clock());
        if (to == ResponseState::Sending) {
            ++r->attempts;
        } else {
            m_data->appendAudit(QStringLiteral("response.") + response::stateName(to), id,
                                retryable ? QStringLiteral("transient: ") + reason : reason);
        }
        if (to == ResponseState::Withdrawn) {
            removeEnvelope(*r);
        }
        if (to == ResponseState::Accepted) {
            for (ConsentEntry &e : m_data->consents) {
                if (e.responseId == id && !e.serverReceivedAt) {
                    e.serverReceivedAt = r->stateChangedAt;
                }
            }
        }
        return {};
    }

    std::shared_ptr<Data> m_data;
};

} // namespace

std::unique_ptr<ResponseRepository> makeResponses(std::shared_ptr<Data> data)
{
    return std::make_unique<Responses>(std::move(data));
}

} // namespace chorus::store::inmemory
