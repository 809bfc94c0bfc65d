// SPDX-License-Identifier: GPL-3.0-or-later
#include "InMemoryStore.h"

#include "StoreRules.h"

#include <algorithm>

namespace chorus::store {

using Data = InMemoryStore::Data;

void Data::appendAudit(const QString &kind, const QString &subjectId, const QString &detail)
{
    const qint64 id = audit.isEmpty() ? 1 : audit.constLast().id + 1;
    audit.append(AuditEvent{id, clock(), kind, subjectId, detail});
}

namespace {

ResponseSummary summarize(const StoredResponse &r)
{
    return ResponseSummary{r.envelope.instanceId, r.envelope.surveyId, r.envelope.surveyVersion, r.state,
                           r.retryable, r.failureReason, r.attempts, r.envelope.finalizedAt, r.stateChangedAt};
}

// Stored times have millisecond precision; the fake rounds the same way SQLite storage does.
QDateTime stored(const QDateTime &t)
{
    return fromStoredTime(toStoredTime(t));
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
        StoredResponse r;
        r.envelope = response;
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
        QList<ResponseSummary> result;
        for (const StoredResponse &r : ordered()) {
            result.append(summarize(r));
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
        return {};
    }

    std::shared_ptr<Data> m_data;
};

class Drafts final : public DraftRepository
{
public:
    explicit Drafts(std::shared_ptr<Data> data) : m_data(std::move(data)) {}

    Status save(const Draft &draft) override
    {
        if (auto status = rules::validate(draft); !status) {
            return status;
        }
        for (const StoredResponse &r : m_data->responses) {
            if (r.envelope.instanceId == draft.responseId) {
                return rules::alreadyFinalized(draft.responseId);
            }
        }
        Draft copy = draft;
        copy.updatedAt = stored(draft.updatedAt);
        m_data->drafts.insert(draft.responseId, copy);
        return {};
    }

    Result<Draft> load(const QString &responseId) override
    {
        const auto it = m_data->drafts.constFind(responseId);
        if (it == m_data->drafts.constEnd()) {
            return makeError(ErrorKind::NotFound, QStringLiteral("no draft '%1' on this device").arg(responseId));
        }
        return *it;
    }

    Result<QList<DraftInfo>> list() override
    {
        QList<DraftInfo> result;
        for (const Draft &d : m_data->drafts) {
            result.append(DraftInfo{d.responseId, d.surveyId, d.surveyVersion, d.updatedAt});
        }
        std::stable_sort(result.begin(), result.end(),
                         [](const DraftInfo &a, const DraftInfo &b) { return a.updatedAt > b.updatedAt; });
        return result;
    }

    Status discard(const QString &responseId) override
    {
        m_data->drafts.remove(responseId);
        return {};
    }

private:
    std::shared_ptr<Data> m_data;
};

class Audit final : public AuditLog
{
public:
    explicit Audit(std::shared_ptr<Data> data) : m_data(std::move(data)) {}

    Status append(const QString &kind, const QString &subjectId, const QString &detail) override
    {
        if (kind.isEmpty()) {
            return makeError(ErrorKind::InvalidInput, QStringLiteral("an audit event needs a kind"));
        }
        m_data->appendAudit(kind, subjectId, detail);
        return {};
    }

    Result<QList<AuditEvent>> list(int limit) override
    {
        QList<AuditEvent> events = m_data->audit;
        for (AuditEvent &e : events) {
            e.at = stored(e.at);
        }
        return limit < 0 || limit >= events.size() ? events : events.mid(events.size() - limit);
    }

private:
    std::shared_ptr<Data> m_data;
};

class Surveys final : public SurveyRepository
{
public:
    explicit Surveys(std::shared_ptr<Data> data) : m_data(std::move(data)) {}

    Status store(const StoredSurvey &survey) override
    {
        const auto it = m_data->surveys.constFind(survey.surveyId);
        bool write = true;
        const StoredSurvey *current = it == m_data->surveys.constEnd() ? nullptr : &*it;
        if (auto status = rules::checkSurveyUpgrade(current, survey, &write); !status) {
            return status;
        }
        if (write) {
            StoredSurvey copy = survey;
            copy.storedAt = stored(m_data->clock());
            m_data->surveys.insert(survey.surveyId, copy);
        }
        return {};
    }

    Result<StoredSurvey> latest(const QString &surveyId) override
    {
        const auto it = m_data->surveys.constFind(surveyId);
        if (it == m_data->surveys.constEnd()) {
            return makeError(ErrorKind::NotFound, QStringLiteral("survey '%1' is not on this device").arg(surveyId));
        }
        return *it;
    }

    Result<QList<StoredSurvey>> list() override { return m_data->surveys.values(); }

private:
    std::shared_ptr<Data> m_data;
};

class Settings final : public SettingsRepository
{
public:
    explicit Settings(std::shared_ptr<Data> data) : m_data(std::move(data)) {}

    Result<std::optional<QString>> value(const QString &key) override
    {
        const auto it = m_data->settings.constFind(key);
        return it == m_data->settings.constEnd() ? std::optional<QString>() : std::optional<QString>(*it);
    }
    Status setValue(const QString &key, const QString &value) override
    {
        if (key.isEmpty()) {
            return makeError(ErrorKind::InvalidInput, QStringLiteral("a setting needs a key"));
        }
        m_data->settings.insert(key, value);
        return {};
    }
    Status remove(const QString &key) override
    {
        m_data->settings.remove(key);
        return {};
    }

private:
    std::shared_ptr<Data> m_data;
};

} // namespace

InMemoryStore::InMemoryStore(Clock clock)
    : m_data(std::make_shared<Data>()),
      m_responses(std::make_unique<Responses>(m_data)),
      m_drafts(std::make_unique<Drafts>(m_data)),
      m_audit(std::make_unique<Audit>(m_data)),
      m_surveys(std::make_unique<Surveys>(m_data)),
      m_settings(std::make_unique<Settings>(m_data))
{
    m_data->clock = std::move(clock);
}

InMemoryStore::~InMemoryStore() = default;

ResponseRepository &InMemoryStore::responses()
{
    return *m_responses;
}

DraftRepository &InMemoryStore::drafts()
{
    return *m_drafts;
}

AuditLog &InMemoryStore::audit()
{
    return *m_audit;
}

SurveyRepository &InMemoryStore::surveys()
{
    return *m_surveys;
}

SettingsRepository &InMemoryStore::settings()
{
    return *m_settings;
}

} // namespace chorus::store
