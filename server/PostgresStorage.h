// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PgConnection.h"
#include "Storage.h"

#include <memory>
#include <mutex>

namespace chorus::server {

// Storage in PostgreSQL, for deployments with several receivers behind a load balancer
// sharing one database. Same schema steps as SQLite. Every write transaction first takes one
// advisory lock, so change positions are handed out in commit order: a pull cursor can never
// skip a submission that commits late. A commit is durable when it returns (synchronous_commit).
class PostgresStorage : public Storage
{
public:
    // `uri`: postgresql://user@host:port/db. `schema`: empty for the default search_path.
    static Result<std::unique_ptr<PostgresStorage>> open(const QString &uri, const QString &schema = {});

    Result<StoreOutcome> store(const IncomingSubmission &submission) override;
    Result<QList<SubmissionSummary>> changesAfter(qint64 cursor, int limit) override;
    Result<QByteArray> manifest(qint64 id) override;
    Result<QByteArray> file(qint64 id, const QString &name) override;
    Result<StoreOutcome> storeWithdrawal(const IncomingWithdrawal &withdrawal) override;
    Result<QList<WithdrawalSummary>> withdrawalsAfter(qint64 cursor, int limit) override;
    Result<QByteArray> withdrawalXml(qint64 id) override;
    Status deleteSubmission(qint64 id) override;
    Status addDevice(const QString &name, const QByteArray &tokenHash) override;
    Status revokeDevice(const QString &name) override;
    Result<QList<DeviceInfo>> devices() override;
    Result<QString> deviceForToken(const QByteArray &tokenHash) override;
    Status assignSurveys(const QString &device, const QStringList &surveys) override;
    Result<QStringList> assignedSurveys(const QString &device) override;
    Result<PublishOutcome> publishPackage(const PublishedPackage &package) override;
    Result<QList<PackageInfo>> packages() override;
    Result<PublishedPackage> package(const QString &surveyId) override;
    Status healthCheck() override;

private:
    PostgresStorage() = default;
    Status migrate();
    Status lockWrites();
    Result<qint64> nextChange(const char *table);
    Status tombstoneLocked(const QString &instanceId, const QString &device);
    Result<QByteArray> oneBlob(const char *sql, const QList<PgParam> &params, const QString &notFound);

    std::mutex m_mutex;
    PgConnection m_db;
    // Token checks (every HEAD and POST) on their own connection, so they never queue behind
    // a store holding m_db: with one connection a HEAD waited for every POST ahead of it.
    std::mutex m_lookupMutex;
    PgConnection m_lookup;
};

} // namespace chorus::server
