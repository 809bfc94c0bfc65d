// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Transport.h"

#include <QString>
#include <QUrl>

namespace chorus::sync {

// A submission as the receiver's admin API describes it: ids, sizes and state, never content.
struct ReceivedSubmission {
    qint64 id = 0;
    qint64 change = 0;
    QString instanceId;
    QString projectId;
    QString receivedAt;
    bool deleted = false;  // tombstoned: bytes erased, the instanceID is refused with 409
    bool complete = false; // every file the manifest names has arrived
    int files = 0;
    qint64 bytes = 0;
};

// chorus-receiver's admin API for `chorusctl submissions`: what the receiver holds, and the
// admin delete (a tombstone: a device that sends the record again is told 409 "deleted" and
// stops). Pulling envelopes is PullClient's job.
class AdminClient
{
public:
    AdminClient(Transport &transport, QUrl serverBase, QByteArray adminToken);
    ~AdminClient(); // wipes the token
    AdminClient(const AdminClient &) = delete;
    AdminClient &operator=(const AdminClient &) = delete;

    // Every submission (tombstones included), oldest change first.
    Result<QList<ReceivedSubmission>> list();
    // Tombstones the submission with this instanceID and returns it as it was. NotFound when the
    // receiver has no such submission; deleting a tombstone again is not an error.
    Result<ReceivedSubmission> remove(const QString &instanceId);
    // Tombstones a submission that list() returned, without listing again: for callers that
    // delete many after one list().
    Status remove(const ReceivedSubmission &submission);

private:
    Result<HttpResponse> send(HttpRequest::Method method, const QString &path, const QString &query = {});

    Transport &m_transport;
    QUrl m_base;
    QByteArray m_token;
};

} // namespace chorus::sync
