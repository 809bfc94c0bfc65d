// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Clock.h"
#include "Sqlite.h"
#include "Store.h"

#include <memory>

namespace chorus::store {

class SqliteResponseRepository;
class SqliteDraftRepository;
class SqliteAuditLog;
class SqliteSurveyRepository;
class SqliteSettingsRepository;
class SqliteConsentLedger;

// The device database: one connection (see Database for its settings) and the repositories
// over it. Open it once per thread; the app opens it on the thread that finalizes.
//
//   auto store = SqliteStore::open(QStringLiteral("/…/chorus.db"));
//   if (!store) { show(store.error().message); }
//   (*store)->responses().finalize(sealed);
class SqliteStore final : public Store
{
public:
    static Result<std::unique_ptr<SqliteStore>> open(const QString &path, const OpenOptions &options = {},
                                                     Clock clock = systemClock());
    ~SqliteStore() override;

    ResponseRepository &responses() override;
    DraftRepository &drafts() override;
    AuditLog &audit() override;
    SurveyRepository &surveys() override;
    SettingsRepository &settings() override;
    ConsentLedger &consent() override;

    Database &database() { return *m_db; }

private:
    SqliteStore(std::unique_ptr<Database> db, Clock clock);

    std::unique_ptr<Database> m_db;
    std::unique_ptr<SqliteResponseRepository> m_responses;
    std::unique_ptr<SqliteDraftRepository> m_drafts;
    std::unique_ptr<SqliteAuditLog> m_audit;
    std::unique_ptr<SqliteSurveyRepository> m_surveys;
    std::unique_ptr<SqliteSettingsRepository> m_settings;
    std::unique_ptr<SqliteConsentLedger> m_consent;
};

} // namespace chorus::store
