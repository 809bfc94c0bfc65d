// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace chorus::store {

// The device's ledger of consents: enough to find a record by the receipt code a resident
// was given and to note a withdrawal, nothing more. No answers, no special-category content,
// and the receipt code only as a keyed hash (computed by core/consent), so the ledger cannot
// be used to list the codes handed out. The full consent record travels sealed inside the
// response envelope.
struct ConsentEntry {
    QString consentId;
    QString responseId;
    QByteArray receiptHash;
    QString surveyId;
    QString surveyVersion;
    QDateTime capturedAt; // UTC
    std::optional<QDateTime> withdrawnAt;

    friend bool operator==(const ConsentEntry &, const ConsentEntry &) = default;
};

class ConsentLedger
{
public:
    virtual ~ConsentLedger() = default;

    // A consent id is written once: a second record() of it is a Conflict.
    virtual Status record(const ConsentEntry &entry) = 0;
    // Notes the withdrawal time; withdrawing again keeps the first time.
    virtual Status markWithdrawn(const QString &consentId, const QDateTime &at) = 0;
    virtual Result<ConsentEntry> load(const QString &consentId) = 0;
    virtual Result<QList<ConsentEntry>> findByReceiptHash(const QByteArray &receiptHash) = 0;
    virtual Result<QList<ConsentEntry>> forResponse(const QString &responseId) = 0;
    // Oldest first.
    virtual Result<QList<ConsentEntry>> list() = 0;
};

} // namespace chorus::store
