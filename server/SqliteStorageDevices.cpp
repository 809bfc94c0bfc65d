// SPDX-License-Identifier: GPL-3.0-or-later
// SqliteStorage: device survey assignments and published survey packages.
#include "ServerLogging.h"
#include "SqliteStorage.h"
#include "StoragePackages.h"

#include <sqlite3.h>

namespace chorus::server {

Status SqliteStorage::assignSurveys(const QString &device, const QStringList &surveys)
{
    std::lock_guard lock(m_mutex);
    SqliteStatement update(m_db.get(), "UPDATE devices SET surveys = ? WHERE name = ?");
    update.bind(1, detail::joinSurveys(surveys));
    update.bind(2, device);
    if (Status s = update.done(); !s) {
        return s;
    }
    if (sqlite3_changes(m_db.get()) == 0) {
        return makeError(ErrorKind::NotFound, QStringLiteral("no device named '%1'").arg(device));
    }
    return {};
}

Result<QStringList> SqliteStorage::assignedSurveys(const QString &device)
{
    std::lock_guard lock(m_mutex);
    SqliteStatement select(m_db.get(), "SELECT surveys FROM devices WHERE name = ?");
    select.bind(1, device);
    if (select.next()) {
        return select.text(0).split(QLatin1Char(','), Qt::SkipEmptyParts);
    }
    if (select.failed()) {
        return select.error();
    }
    return makeError(ErrorKind::NotFound, QStringLiteral("no device named '%1'").arg(device));
}

Result<PublishOutcome> SqliteStorage::publishPackage(const PublishedPackage &package)
{
    std::lock_guard lock(m_mutex);
    SqliteTransaction tx(m_db);
    if (!tx.begun()) {
        return tx.begun().error();
    }
    std::optional<PublishedPackage> held;
    {
        SqliteStatement find(m_db.get(), "SELECT version, bytes, signature FROM packages WHERE survey_id = ?");
        find.bind(1, package.info.surveyId);
        if (find.next()) {
            held = PublishedPackage{{package.info.surveyId, find.text(0), 0, {}, {}}, find.blob(1), find.blob(2)};
        } else if (find.failed()) {
            return find.error();
        }
    }
    Result<PublishOutcome> outcome = detail::publishDecision(held, package);
    if (!outcome || *outcome == PublishOutcome::Unchanged) {
        return outcome;
    }
    SqliteStatement upsert(m_db.get(),
                           "INSERT INTO packages (survey_id, version, bytes, signature, sha256, published_at) "
                           "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(survey_id) DO UPDATE SET version = excluded.version, "
                           "bytes = excluded.bytes, signature = excluded.signature, sha256 = excluded.sha256, "
                           "published_at = excluded.published_at");
    upsert.bind(1, package.info.surveyId);
    upsert.bind(2, package.info.version);
    upsert.bindBlob(3, package.bytes);
    upsert.bindBlob(4, package.signature);
    upsert.bind(5, QString::fromLatin1(package.info.sha256Hex));
    upsert.bind(6, nowIso());
    if (Status s = upsert.done(); !s) {
        return s.error();
    }
    if (Status s = tx.commit(); !s) {
        return s.error();
    }
    qCInfo(lcReceiver).noquote() << "published survey" << package.info.surveyId << "version" << package.info.version;
    return outcome;
}

Result<QList<PackageInfo>> SqliteStorage::packages()
{
    std::lock_guard lock(m_mutex);
    SqliteStatement select(m_db.get(), "SELECT survey_id, version, length(bytes), sha256, published_at FROM packages "
                                       "ORDER BY survey_id");
    QList<PackageInfo> out;
    while (select.next()) {
        out.append({select.text(0), select.text(1), select.integer(2), select.text(3).toLatin1(), select.text(4)});
    }
    if (select.failed()) {
        return select.error();
    }
    return out;
}

Result<PublishedPackage> SqliteStorage::package(const QString &surveyId)
{
    std::lock_guard lock(m_mutex);
    SqliteStatement select(m_db.get(), "SELECT version, bytes, signature, sha256, published_at FROM packages "
                                       "WHERE survey_id = ?");
    select.bind(1, surveyId);
    if (select.next()) {
        const QByteArray bytes = select.blob(1);
        return PublishedPackage{{surveyId, select.text(0), bytes.size(), select.text(3).toLatin1(), select.text(4)},
                                bytes, select.blob(2)};
    }
    if (select.failed()) {
        return select.error();
    }
    return makeError(ErrorKind::NotFound, QStringLiteral("no published survey '%1'").arg(surveyId));
}

} // namespace chorus::server
