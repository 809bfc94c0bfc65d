// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/FilePart.h"
#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace chorus::sync {

enum class OutboxKind {
    Submission, // a finalized response: manifest + encrypted parts
    Withdrawal, // a request to erase a response the server may hold (Withdrawal.h builds it)
};

// One record waiting to go: the plaintext manifest (sent as `xml_submission_file`) and the
// encrypted parts, exactly as the store keeps them. Sync never re-serialises either: a resend
// must be byte-identical or the server answers 409. Both kinds travel the same way; the kind
// only tells the store and the status screens what the record is.
struct OutboxItem {
    QString instanceId;
    QByteArray manifest;
    FileParts parts; // `*.enc` attachments, then `submission.xml.enc`; empty for a withdrawal
    OutboxKind kind = OutboxKind::Submission;
};

// Where each record is, as the engine reports it. The store persists these states; the engine
// writes `sending` before every POST so a crash mid-upload is visible and resends the same bytes.
// Threading: the engine calls pending() on the thread that runs it and the mark*() calls from
// its upload workers, one call at a time (never concurrently), so an implementation over one
// SQLite connection needs no locking of its own but must allow use from several threads.
class Outbox
{
public:
    virtual ~Outbox() = default;

    // Records still to send (queued, sending after a crash, or transiently failed), oldest first.
    virtual Result<QList<OutboxItem>> pending() = 0;

    virtual Status markSending(const QString &instanceId) = 0;
    virtual Status markAccepted(const QString &instanceId) = 0;
    // The server holds different XML under this instanceID (409.1): needs an admin.
    virtual Status markConflict(const QString &instanceId, const QString &reason) = 0;
    // The server deleted this instanceID (409.18): final, never resent.
    virtual Status markDeletedOnServer(const QString &instanceId, const QString &reason) = 0;
    // Refused for good (400, 404, 413 that cannot be split, unknown 409): shown, not retried.
    virtual Status markFailed(const QString &instanceId, const QString &reason) = 0;
    // Worth retrying later (5xx, timeout, reset, 401/403 until re-enrolment): stays pending.
    virtual Status markTransientFailure(const QString &instanceId, const QString &reason) = 0;
};

} // namespace chorus::sync
