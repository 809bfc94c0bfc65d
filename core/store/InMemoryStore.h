// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Clock.h"
#include "Store.h"

#include <QMap>

#include <memory>

namespace chorus::store {

// The fake behind every store interface, for tests of code that uses a store (sync, UI
// view-models, CLI). It follows the same contract as SqliteStore: the contract tests in
// tests/store run the same cases against both. Not thread-safe, nothing persisted.
class InMemoryStore final : public Store
{
public:
    explicit InMemoryStore(Clock clock = systemClock());
    ~InMemoryStore() override;

    ResponseRepository &responses() override;
    DraftRepository &drafts() override;
    AuditLog &audit() override;
    SurveyRepository &surveys() override;
    SettingsRepository &settings() override;
    ConsentLedger &consent() override;

    // Shared by the fakes so that, as in SQLite, finalize deletes the draft and writes audit rows.
    struct Data {
        Clock clock;
        QList<StoredResponse> responses; // in finalization order
        QMap<QString, Draft> drafts;
        QList<AuditEvent> audit;
        QMap<QString, StoredSurvey> surveys;
        QMap<QString, QString> settings;
        QList<ConsentEntry> consents;
        void appendAudit(const QString &kind, const QString &subjectId, const QString &detail);
    };

private:
    std::shared_ptr<Data> m_data;
    std::unique_ptr<ResponseRepository> m_responses;
    std::unique_ptr<DraftRepository> m_drafts;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<SurveyRepository> m_surveys;
    std::unique_ptr<SettingsRepository> m_settings;
    std::unique_ptr<ConsentLedger> m_consent;
};

} // namespace chorus::store
