// SPDX-License-Identifier: GPL-3.0-or-later
#include "SqliteStore.h"

#include "Migrations.h"
#include "SqliteConsentLedger.h"
#include "SqliteRepositories.h"
#include "SqliteResponseRepository.h"

namespace chorus::store {

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const QString &path, const OpenOptions &options, Clock clock)
{
    auto db = Database::open(path, options);
    if (!db) {
        return db.error();
    }
    // A read-only connection never migrates, and the repositories expect the current schema.
    if (db->isReadOnly()) {
        auto version = db->userVersion();
        if (!version) {
            return version.error();
        }
        if (*version < kSchemaVersion) {
            return makeError(ErrorKind::Unsupported,
                             QStringLiteral("%1 uses database schema %2 from an older Chorus (this version uses %3); "
                                            "open it once with this version of Chorus to upgrade it, then try again")
                                 .arg(path)
                                 .arg(*version)
                                 .arg(kSchemaVersion));
        }
    }
    if (auto version = db->userVersion(); !db->isReadOnly() && version && *version == kSchemaVersion) {
        if (auto chained = SqliteConsentLedger::chainUnchained(*db); !chained) {
            return chained.error();
        }
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
      m_settings(std::make_unique<SqliteSettingsRepository>(*m_db)),
      m_consent(std::make_unique<SqliteConsentLedger>(*m_db))
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

ConsentLedger &SqliteStore::consent()
{
    return *m_consent;
}

} // namespace chorus::store
