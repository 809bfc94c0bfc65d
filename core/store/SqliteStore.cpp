// SPDX-License-Identifier: GPL-3.0-or-later
#include "SqliteStore.h"

#include "SqliteRepositories.h"
#include "SqliteResponseRepository.h"

namespace chorus::store {

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const QString &path, const OpenOptions &options, Clock clock)
{
    auto db = Database::open(path, options);
    if (!db) {
        return db.error();
    }
    return std::unique_ptr<SqliteStore>(
        new SqliteStore(std::make_unique<Database>(std::move(*db)), std::move(clock)));
}

SqliteStore::SqliteStore(std::unique_ptr<Database> db, Clock clock)
    : m_db(std::move(db)),
      m_responses(std::make_unique<SqliteResponseRepository>(*m_db, clock)),
      m_drafts(std::make_unique<SqliteDraftRepository>(*m_db)),
      m_audit(std::make_unique<SqliteAuditLog>(*m_db, clock)),
      m_surveys(std::make_unique<SqliteSurveyRepository>(*m_db, clock)),
      m_settings(std::make_unique<SqliteSettingsRepository>(*m_db))
{
}

SqliteStore::~SqliteStore() = default;

ResponseRepository &SqliteStore::responses()
{
    return *m_responses;
}

DraftRepository &SqliteStore::drafts()
{
    return *m_drafts;
}

AuditLog &SqliteStore::audit()
{
    return *m_audit;
}

SurveyRepository &SqliteStore::surveys()
{
    return *m_surveys;
}

SettingsRepository &SqliteStore::settings()
{
    return *m_settings;
}

} // namespace chorus::store
