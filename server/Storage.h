// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/FilePart.h"
#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace chorus::server {

// One OpenRosa upload after parsing: the manifest bytes as received and the file parts.
struct IncomingSubmission {
    QString instanceId;
    QString projectId;
    QString device;         // the enrolled device that sent it
    QByteArray xml;         // the `xml_submission_file` bytes, kept exactly
    QStringList expected;   // file names the manifest refers to
    FileParts parts;        // names already checked safe
};

enum class StoreOutcome {
    Created,      // new instanceID
    Merged,       // same instanceID, identical XML: missing files added (split or retried upload)
    DifferentXml, // same instanceID, different XML: 409
    Deleted,      // tombstoned instanceID: 409
};

struct StoredFileInfo {
    QString name;
    qint64 size = 0;
    QByteArray sha256Hex;
};

struct SubmissionSummary {
    qint64 id = 0;     // stable row id, used in admin URLs
    qint64 change = 0; // position in the change feed (the pull cursor)
    QString instanceId;
    QString projectId;
    QString receivedAt; // ISO 8601 UTC
    bool deleted = false;
    bool complete = false; // every file the manifest names has arrived
    QList<StoredFileInfo> files;
};

// A withdrawal request as received: erase `targetId`.
struct IncomingWithdrawal {
    QString requestId; // the request's own instanceID
    QString targetId;
    QString device;
    QByteArray xml;
};

struct WithdrawalSummary {
    qint64 id = 0;
    qint64 change = 0; // position in the withdrawal feed
    QString requestId;
    QString targetId;
    QString device;
    QString receivedAt;
};

struct DeviceInfo {
    QString name;
    QString createdAt;
    QString revokedAt;   // empty while active
    QStringList surveys; // survey ids whose packages it may fetch; {"*"}: all
};

// A published survey package: the exact bytes and the detached signature the admin sent.
struct PackageInfo {
    QString surveyId;
    QString version;
    qint64 size = 0;
    QByteArray sha256Hex;
    QString publishedAt;
};

struct PublishedPackage {
    PackageInfo info;
    QByteArray bytes;
    QByteArray signature; // 64 raw bytes
};

enum class PublishOutcome {
    Created,   // first version of this survey
    Replaced,  // a higher version replaced the one held
    Unchanged, // the same version with the same bytes and signature
};

// The receiver's storage. Every write is durable when the call returns (the caller answers
// 201 only after that). Implementations are thread-safe. SQLite today; PostgreSQL behind the
// same interface for deployments with several receivers.
class Storage
{
public:
    virtual ~Storage() = default;

    virtual Result<StoreOutcome> store(const IncomingSubmission &submission) = 0;

    // Submissions whose change position is after `cursor`, oldest change first.
    virtual Result<QList<SubmissionSummary>> changesAfter(qint64 cursor, int limit) = 0;
    virtual Result<QByteArray> manifest(qint64 id) = 0;
    virtual Result<QByteArray> file(qint64 id, const QString &name) = 0;

    // Stores the request and erases its target in the same transaction: the target's bytes are
    // deleted and its instanceID blocked (409 "deleted"), also when it has not arrived yet.
    // Identical resend → Merged; same request id with different XML → DifferentXml.
    virtual Result<StoreOutcome> storeWithdrawal(const IncomingWithdrawal &withdrawal) = 0;
    virtual Result<QList<WithdrawalSummary>> withdrawalsAfter(qint64 cursor, int limit) = 0;
    virtual Result<QByteArray> withdrawalXml(qint64 id) = 0;

    // Admin delete: erases the submission's bytes and keeps a tombstone so the instanceID is
    // refused (409) from then on. NotFound for an unknown id; deleting twice is not an error.
    virtual Status deleteSubmission(qint64 id) = 0;

    virtual Status addDevice(const QString &name, const QByteArray &tokenHash) = 0;
    virtual Status revokeDevice(const QString &name) = 0;
    virtual Result<QList<DeviceInfo>> devices() = 0;
    // The active device holding this token hash, or NotFound.
    virtual Result<QString> deviceForToken(const QByteArray &tokenHash) = 0;
    // Which survey packages a device may list and fetch; NotFound for an unknown device.
    virtual Status assignSurveys(const QString &device, const QStringList &surveys) = 0;
    virtual Result<QStringList> assignedSurveys(const QString &device) = 0;

    // Keeps one package per survey id: a higher version replaces it; a lower version, or the
    // same version with other bytes, is a Conflict (devices never go back to an older survey).
    virtual Result<PublishOutcome> publishPackage(const PublishedPackage &package) = 0;
    virtual Result<QList<PackageInfo>> packages() = 0;
    virtual Result<PublishedPackage> package(const QString &surveyId) = 0;

    virtual Status healthCheck() = 0;
};

} // namespace chorus::server
