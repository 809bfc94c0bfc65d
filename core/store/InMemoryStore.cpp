// SPDX-License-Identifier: GPL-3.0-or-later
#include "InMemoryStore.h"

#include "InMemoryInternal.h"
#include "LedgerChain.h"

#include "StoreRules.h"

#include <algorithm>

namespace chorus::store {

using inmemory::Data;
using inmemory::stored;

void Data::appendAudit(const QString &kind, const QString &subjectId, const QString &detail)
{
    const qint64 id = audit.isEmpty() ? 1 : audit.constLast().id + 1;
    audit.append(AuditEvent{id, clock(), kind, subjectId, detail});
}

namespace {

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

class Consents final : public ConsentLedger
{
public:
    explicit Consents(std::shared_ptr<Data> data) : m_data(std::move(data)) {}

    Status record(const ConsentEntry &entry) override
    {
        if (auto status = rules::validate(entry); !status) {
            return status;
        }
        if (find(entry.consentId)) {
            return rules::consentExists(entry.consentId);
        }
        ConsentEntry copy = entry;
        copy.capturedAt = stored(entry.capturedAt);
        if (copy.withdrawnAt) {
            ledger::eraseForWithdrawal(copy, {stored(*copy.withdrawnAt), copy.withdrawalChannel, copy.withdrawalScope});
        }
        m_data->consents.append(copy);
        return {};
    }

    using ConsentLedger::markWithdrawn;
    Status markWithdrawn(const QString &consentId, const LedgerWithdrawal &withdrawal) override
    {
        if (!withdrawal.at.isValid()) {
            return makeError(ErrorKind::InvalidInput, QStringLiteral("a withdrawal needs a time"));
        }
        ConsentEntry *e = find(consentId);
        if (!e) {
            return rules::consentNotFound(consentId);
        }
        ledger::eraseForWithdrawal(*e, {stored(withdrawal.at), withdrawal.channel, withdrawal.scope});
        return {};
    }

    Result<ConsentEntry> load(const QString &consentId) override
    {
        if (ConsentEntry *e = find(consentId)) {
            return *e;
        }
        return rules::consentNotFound(consentId);
    }

    Result<QList<ConsentEntry>> findByReceiptHash(const QByteArray &hash) override
    {
        if (hash.isEmpty()) {
            return QList<ConsentEntry>{};
        }
        return matching([&](const ConsentEntry &e) { return e.receiptHash == hash; });
    }

    Result<QList<ConsentEntry>> forResponse(const QString &responseId) override
    {
        return matching([&](const ConsentEntry &e) { return e.responseId == responseId; });
    }

    Result<QList<ConsentEntry>> list() override
    {
        return matching([](const ConsentEntry &) { return true; });
    }

    // Nothing outside this object can change the fake's entries, so there is no chain to check.
    Result<LedgerCheck> verify() override
    {
        LedgerCheck check;
        for (const ConsentEntry &e : m_data->consents) {
            ++check.entries;
            check.withdrawn += e.withdrawnAt ? 1 : 0;
        }
        return check;
    }

private:
    ConsentEntry *find(const QString &consentId)
    {
        for (ConsentEntry &e : m_data->consents) {
            if (e.consentId == consentId) {
                return &e;
            }
        }
        return nullptr;
    }

    template<typename Pred>
    QList<ConsentEntry> matching(Pred pred) const
    {
        QList<ConsentEntry> result;
        for (const ConsentEntry &e : m_data->consents) {
            if (pred(e)) {
                result.append(e);
            }
        }
        std::stable_sort(result.begin(), result.end(), [](const ConsentEntry &a, const ConsentEntry &b) {
            return a.capturedAt != b.capturedAt ? a.capturedAt < b.capturedAt : a.consentId < b.consentId;
        });
        return result;
    }

    std::shared_ptr<Data> m_data;
};

} // namespace

InMemoryStore::InMemoryStore(Clock clock)
    : m_data(std::make_shared<Data>()),
      m_responses(inmemory::makeResponses(m_data)),
      m_drafts(std::make_unique<Drafts>(m_data)),
      m_audit(std::make_unique<Audit>(m_data)),
      m_surveys(std::make_unique<Surveys>(m_data)),
      m_settings(std::make_unique<Settings>(m_data)),
      m_consent(std::make_unique<Consents>(m_data))
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

ConsentLedger &InMemoryStore::consent()
{
    return *m_consent;
}

} // namespace chorus::store
