// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SqliteHandle.h"
#include "Storage.h"

#include <memory>
#include <mutex>

namespace chorus::server {

// Storage in one SQLite file (WAL, synchronous=FULL): a write has reached the disk when the
// call returns. One connection behind a mutex: the receiver's writes are small and serial.
class SqliteStorage : public Storage
{
public:
    static Result<std::unique_ptr<SqliteStorage>> open(const QString &path);

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
    SqliteStorage() = default;
    Status migrate();
    Result<StoreOutcome> storeLocked(const IncomingSubmission &submission);
    Result<QList<StoredFileInfo>> filesOf(qint64 id);
    qint64 nextSubmissionChange();
    // Inside a transaction: erase and block `instanceId` (inserting a tombstone if unknown).
    Status tombstoneLocked(const QString &instanceId, const QString &device);

    std::mutex m_mutex;
    SqliteConnection m_db;
    // Token checks (every HEAD and POST) on a read-only connection of their own: WAL lets it
    // read while m_db writes, so a HEAD never queues behind the stores (and fsyncs) ahead of it.
    std::mutex m_lookupMutex;
    SqliteConnection m_lookup;
};

} // namespace chorus::server
