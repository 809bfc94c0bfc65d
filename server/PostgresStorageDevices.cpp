// SPDX-License-Identifier: GPL-3.0-or-later
// PostgresStorage: device survey assignments and published survey packages.
#include "PostgresStorage.h"
#include "ServerLogging.h"
#include "SqliteHandle.h" // nowIso()
#include "StoragePackages.h"

namespace chorus::server {

Status PostgresStorage::assignSurveys(const QString &device, const QStringList &surveys)
{
    std::lock_guard lock(m_mutex);
    Result<PgResult> updated = m_db.exec("UPDATE devices SET surveys = $1 WHERE name = $2",
                                         {PgParam::text(detail::joinSurveys(surveys)), PgParam::text(device)});
    if (!updated) {
        return updated.error();
    }
    if (updated->affected() == 0) {
        return makeError(ErrorKind::NotFound, QStringLiteral("no device named '%1'").arg(device));
    }
    return {};
}

Result<QStringList> PostgresStorage::assignedSurveys(const QString &device)
{
    std::lock_guard lock(m_mutex);
    Result<PgResult> rows = m_db.exec("SELECT surveys FROM devices WHERE name = $1", {PgParam::text(device)});
    if (!rows) {
        return rows.error();
    }
    if (rows->rows() == 0) {
        return makeError(ErrorKind::NotFound, QStringLiteral("no device named '%1'").arg(device));
    }
    return rows->text(0, 0).split(QLatin1Char(','), Qt::SkipEmptyParts);
}

Result<PublishOutcome> PostgresStorage::publishPackage(const PublishedPackage &package)
{
    std::lock_guard lock(m_mutex);
    PgTransaction tx(m_db);
    if (!tx.begun()) {
        return tx.begun().error();
    }
    // Two receivers publishing at once take turns, so the version check sees the other's row.
    if (Status s = lockWrites(); !s) {
        return s.error();
    }
    Result<PgResult> rows = m_db.exec("SELECT version, bytes, signature FROM packages WHERE survey_id = $1",
                                      {PgParam::text(package.info.surveyId)}, true);
    if (!rows) {
        return rows.error();
    }
    std::optional<PublishedPackage> held;
    if (rows->rows() > 0) {
        held = PublishedPackage{{package.info.surveyId, rows->text(0, 0), 0, {}, {}}, rows->bytes(0, 1), rows->bytes(0, 2)};
    }
    Result<PublishOutcome> outcome = detail::publishDecision(held, package);
    if (!outcome || *outcome == PublishOutcome::Unchanged) {
        return outcome;
    }
    if (Status s = m_db.run("INSERT INTO packages (survey_id, version, bytes, signature, sha256, published_at) "
                            "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (survey_id) DO UPDATE SET "
                            "version = excluded.version, bytes = excluded.bytes, signature = excluded.signature, "
                            "sha256 = excluded.sha256, published_at = excluded.published_at",
                            {PgParam::text(package.info.surveyId), PgParam::text(package.info.version),
                             PgParam::bytes(package.bytes), PgParam::bytes(package.signature),
                             PgParam::text(QString::fromLatin1(package.info.sha256Hex)), PgParam::text(nowIso())});
        !s) {
        return s.error();
    }
    if (Status s = tx.commit(); !s) {
        return s.error();
    }
    qCInfo(lcReceiver).noquote() << "published survey" << package.info.surveyId << "version" << package.info.version;
    return outcome;
}

Result<QList<PackageInfo>> PostgresStorage::packages()
{
    std::lock_guard lock(m_mutex);
    Result<PgResult> rows = m_db.exec("SELECT survey_id, version, octet_length(bytes), sha256, published_at "
                                      "FROM packages ORDER BY survey_id");
    if (!rows) {
        return rows.error();
    }
    QList<PackageInfo> out;
    for (int r = 0; r < rows->rows(); ++r) {
        out.append({rows->text(r, 0), rows->text(r, 1), rows->integer(r, 2), rows->text(r, 3).toLatin1(),
                    rows->text(r, 4)});
    }
    return out;
}

Result<PublishedPackage> PostgresStorage::package(const QString &surveyId)
{
    std::lock_guard lock(m_mutex);
    Result<PgResult> rows = m_db.exec("SELECT version, bytes, signature, sha256, published_at FROM packages "
                                      "WHERE survey_id = $1",
                                      {PgParam::text(surveyId)}, true);
    if (!rows) {
        return rows.error();
    }
    if (rows->rows() == 0) {
        return makeError(ErrorKind::NotFound, QStringLiteral("no published survey '%1'").arg(surveyId));
    }
    const QByteArray bytes = rows->bytes(0, 1);
    return PublishedPackage{{surveyId, rows->text(0, 0), bytes.size(), rows->text(0, 3).toLatin1(), rows->text(0, 4)},
                            bytes, rows->bytes(0, 2)};
}

} // namespace chorus::server
