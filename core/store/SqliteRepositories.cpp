// SPDX-License-Identifier: GPL-3.0-or-later
#include "SqliteRepositories.h"

#include "Sqlite.h"
#include "StoreRules.h"

namespace chorus::store {

// ---- drafts ------------------------------------------------------------------------------

Status SqliteDraftRepository::save(const Draft &draft)
{
    if (auto status = rules::validate(draft); !status) {
        return status;
    }
    auto tx = Transaction::begin(m_db);
    if (!tx) {
        return tx.error();
    }
    auto finalized = m_db.prepare("SELECT 1 FROM responses WHERE instance_id = ?");
    if (!finalized) {
        return finalized.error();
    }
    auto found = finalized->bind(1, draft.responseId).step();
    if (!found) {
        return found.error();
    }
    if (*found) {
        return rules::alreadyFinalized(draft.responseId);
    }
    auto upsert = m_db.prepare("INSERT INTO drafts(response_id, survey_id, survey_version, blob, updated_at) "
                               "VALUES (?, ?, ?, ?, ?) ON CONFLICT(response_id) DO UPDATE SET "
                               "survey_id = excluded.survey_id, survey_version = excluded.survey_version, "
                               "blob = excluded.blob, updated_at = excluded.updated_at");
    if (!upsert) {
        return upsert.error();
    }
    upsert->bind(1, draft.responseId)
        .bind(2, draft.surveyId)
        .bind(3, draft.surveyVersion)
        .bind(4, draft.encryptedBlob)
        .bind(5, toStoredTime(draft.updatedAt));
    if (auto status = upsert->run(); !status) {
        return status;
    }
    return tx->commit();
}

Result<Draft> SqliteDraftRepository::load(const QString &responseId)
{
    auto stmt = m_db.prepare("SELECT survey_id, survey_version, blob, updated_at FROM drafts WHERE response_id = ?");
    if (!stmt) {
        return stmt.error();
    }
    auto row = stmt->bind(1, responseId).step();
    if (!row) {
        return row.error();
    }
    if (!*row) {
        return makeError(ErrorKind::NotFound, QStringLiteral("no draft '%1' on this device").arg(responseId));
    }
    return Draft{responseId, stmt->text(0), stmt->text(1), stmt->blob(2), fromStoredTime(stmt->int64(3))};
}

Result<QList<DraftInfo>> SqliteDraftRepository::list()
{
    auto stmt = m_db.prepare("SELECT response_id, survey_id, survey_version, updated_at FROM drafts "
                             "ORDER BY updated_at DESC, response_id");
    if (!stmt) {
        return stmt.error();
    }
    QList<DraftInfo> drafts;
    for (;;) {
        auto row = stmt->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return drafts;
        }
        drafts.append(DraftInfo{stmt->text(0), stmt->text(1), stmt->text(2), fromStoredTime(stmt->int64(3))});
    }
}

Status SqliteDraftRepository::discard(const QString &responseId)
{
    auto stmt = m_db.prepare("DELETE FROM drafts WHERE response_id = ?");
    if (!stmt) {
        return stmt.error();
    }
    if (auto status = stmt->bind(1, responseId).run(); !status) {
        return status;
    }
    m_db.scrubWal();
    return {};
}

// ---- audit log ---------------------------------------------------------------------------

Status SqliteAuditLog::append(const QString &kind, const QString &subjectId, const QString &detail)
{
    if (kind.isEmpty()) {
        return makeError(ErrorKind::InvalidInput, QStringLiteral("an audit event needs a kind"));
    }
    auto stmt = m_db.prepare("INSERT INTO audit_log(at, kind, subject_id, detail) VALUES (?, ?, ?, ?)");
    if (!stmt) {
        return stmt.error();
    }
    return stmt->bind(1, toStoredTime(m_clock())).bind(2, kind).bind(3, subjectId).bind(4, detail).run();
}

Result<QList<AuditEvent>> SqliteAuditLog::list(int limit)
{
    auto stmt = m_db.prepare("SELECT id, at, kind, subject_id, detail FROM (SELECT * FROM audit_log ORDER BY id DESC "
                             "LIMIT ?) ORDER BY id");
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, qint64(limit < 0 ? -1 : limit));
    QList<AuditEvent> events;
    for (;;) {
        auto row = stmt->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return events;
        }
        events.append(AuditEvent{stmt->int64(0), fromStoredTime(stmt->int64(1)), stmt->text(2), stmt->text(3),
                                 stmt->text(4)});
    }
}

// ---- surveys -----------------------------------------------------------------------------

namespace {
constexpr const char *kSurveySelect = "SELECT survey_id, version, package, signature, stored_at FROM surveys ";

StoredSurvey readSurvey(const Statement &row)
{
    return StoredSurvey{row.text(0), row.text(1), row.blob(2), row.blob(3), fromStoredTime(row.int64(4))};
}
} // namespace

Status SqliteSurveyRepository::store(const StoredSurvey &survey)
{
    auto tx = Transaction::begin(m_db);
    if (!tx) {
        return tx.error();
    }
    auto current = latest(survey.surveyId);
    if (!current && current.error().kind != ErrorKind::NotFound) {
        return current.error();
    }
    bool write = true;
    if (auto status = rules::checkSurveyUpgrade(current ? &*current : nullptr, survey, &write); !status) {
        return status;
    }
    if (!write) {
        return {};
    }
    auto upsert = m_db.prepare("INSERT OR REPLACE INTO surveys(survey_id, version, package, signature, stored_at) "
                               "VALUES (?, ?, ?, ?, ?)");
    if (!upsert) {
        return upsert.error();
    }
    upsert->bind(1, survey.surveyId)
        .bind(2, survey.version)
        .bind(3, survey.package)
        .bind(4, survey.signature)
        .bind(5, toStoredTime(m_clock()));
    if (auto status = upsert->run(); !status) {
        return status;
    }
    return tx->commit();
}

Result<StoredSurvey> SqliteSurveyRepository::latest(const QString &surveyId)
{
    auto stmt = m_db.prepare(QByteArray(QByteArray(kSurveySelect) + "WHERE survey_id = ?").constData());
    if (!stmt) {
        return stmt.error();
    }
    auto row = stmt->bind(1, surveyId).step();
    if (!row) {
        return row.error();
    }
    if (!*row) {
        return makeError(ErrorKind::NotFound, QStringLiteral("survey '%1' is not on this device").arg(surveyId));
    }
    return readSurvey(*stmt);
}

Result<QList<StoredSurvey>> SqliteSurveyRepository::list()
{
    auto stmt = m_db.prepare(QByteArray(QByteArray(kSurveySelect) + "ORDER BY survey_id").constData());
    if (!stmt) {
        return stmt.error();
    }
    QList<StoredSurvey> surveys;
    for (;;) {
        auto row = stmt->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return surveys;
        }
        surveys.append(readSurvey(*stmt));
    }
}

// ---- settings ----------------------------------------------------------------------------

Result<std::optional<QString>> SqliteSettingsRepository::value(const QString &key)
{
    auto stmt = m_db.prepare("SELECT value FROM settings WHERE key = ?");
    if (!stmt) {
        return stmt.error();
    }
    auto row = stmt->bind(1, key).step();
    if (!row) {
        return row.error();
    }
    if (!*row) {
        return std::optional<QString>();
    }
    return std::optional<QString>(stmt->text(0));
}

Status SqliteSettingsRepository::setValue(const QString &key, const QString &value)
{
    if (key.isEmpty()) {
        return makeError(ErrorKind::InvalidInput, QStringLiteral("a setting needs a key"));
    }
    auto stmt = m_db.prepare("INSERT INTO settings(key, value) VALUES (?, ?) "
                             "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!stmt) {
        return stmt.error();
    }
    return stmt->bind(1, key).bind(2, value).run();
}

Status SqliteSettingsRepository::remove(const QString &key)
{
    auto stmt = m_db.prepare("DELETE FROM settings WHERE key = ?");
    if (!stmt) {
        return stmt.error();
    }
    return stmt->bind(1, key).run();
}

} // namespace chorus::store
