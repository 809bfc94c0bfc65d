// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AuditLog.h"
#include "Clock.h"
#include "DraftRepository.h"
#include "SettingsRepository.h"
#include "SurveyRepository.h"

namespace chorus::store {

class Database;

// The small SQLite repositories: each a thin mapping of its interface onto one table.
// They share the connection of the SqliteStore that owns them.

class SqliteDraftRepository final : public DraftRepository
{
public:
    explicit SqliteDraftRepository(Database &db) : m_db(db) {}
    Status save(const Draft &draft) override;
    Result<Draft> load(const QString &responseId) override;
    Result<QList<DraftInfo>> list() override;
    Status discard(const QString &responseId) override;

private:
    Database &m_db;
};

class SqliteAuditLog final : public AuditLog
{
public:
    explicit SqliteAuditLog(Database &db, Clock clock = systemClock()) : m_db(db), m_clock(std::move(clock)) {}
    Status append(const QString &kind, const QString &subjectId, const QString &detail) override;
    Result<QList<AuditEvent>> list(int limit) override;

private:
    Database &m_db;
    Clock m_clock;
};

class SqliteSurveyRepository final : public SurveyRepository
{
public:
    explicit SqliteSurveyRepository(Database &db, Clock clock = systemClock()) : m_db(db), m_clock(std::move(clock)) {}
    Status store(const StoredSurvey &survey) override;
    Result<StoredSurvey> latest(const QString &surveyId) override;
    Result<QList<StoredSurvey>> list() override;

private:
    Database &m_db;
    Clock m_clock;
};

class SqliteSettingsRepository final : public SettingsRepository
{
public:
    explicit SqliteSettingsRepository(Database &db) : m_db(db) {}
    Result<std::optional<QString>> value(const QString &key) override;
    Status setValue(const QString &key, const QString &value) override;
    Status remove(const QString &key) override;

private:
    Database &m_db;
};

} // namespace chorus::store
