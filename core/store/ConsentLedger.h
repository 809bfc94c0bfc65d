// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace chorus::store {

// The device's ledger of consents: enough to find a record by the receipt code a resident
// was given and to note a withdrawal, nothing more. No answers, no special-category content,
// and the receipt code only as a keyed hash (computed by core/consent), so the ledger cannot
// be used to list the codes handed out. The full consent record travels sealed inside the
// response envelope.
//
// After a withdrawal the entry keeps only its link fields (consent id, response id, survey,
// capture time) and the withdrawal (time, channel, scope): the receipt hash, the notice
// reference, the purposes and the mode are erased, so the code no longer leads anywhere.
//
// Every entry is chained with a keyed MAC (docs/formats/consent-record.md, "Device ledger"):
// editing, deleting or reordering an entry is reported by verify().
struct ConsentEntry {
    QString consentId;
    QString responseId;
    QByteArray receiptHash;
    QString surveyId;
    QString surveyVersion;
    QDateTime capturedAt; // UTC
    std::optional<QDateTime> withdrawnAt;
    QString noticeId{};
    QString noticeVersion{};
    QString noticeLocale{};
    QString noticeSha256{};
    QMap<QString, bool> purposes{}; // purpose id -> granted
    QString mode{};                 // consent::toString(CollectionMode)
    QString withdrawalChannel{};    // consent::toString(WithdrawalChannel), set with withdrawnAt
    QStringList withdrawalScope{};  // purposes withdrawn; empty means all
    // When the receiver accepted the response (this device's clock at the 201 reply).
    std::optional<QDateTime> serverReceivedAt{};

    friend bool operator==(const ConsentEntry &, const ConsentEntry &) = default;
};

struct LedgerWithdrawal {
    QDateTime at; // UTC
    QString channel;
    QStringList scope;
};

// What verify() found. problems is empty when the ledger is intact.
struct LedgerCheck {
    int entries = 0;
    int withdrawn = 0;
    QStringList problems;
    bool intact() const { return problems.isEmpty(); }
};

class ConsentLedger
{
public:
    virtual ~ConsentLedger() = default;

    // A consent id is written once: a second record() of it is a Conflict.
    virtual Status record(const ConsentEntry &entry) = 0;
    // Notes the withdrawal and erases everything but the link fields (see ConsentEntry);
    // withdrawing again keeps the first withdrawal.
    virtual Status markWithdrawn(const QString &consentId, const LedgerWithdrawal &withdrawal) = 0;
    Status markWithdrawn(const QString &consentId, const QDateTime &at) { return markWithdrawn(consentId, {at, {}, {}}); }
    virtual Result<ConsentEntry> load(const QString &consentId) = 0;
    virtual Result<QList<ConsentEntry>> findByReceiptHash(const QByteArray &receiptHash) = 0;
    virtual Result<QList<ConsentEntry>> forResponse(const QString &responseId) = 0;
    // Oldest first.
    virtual Result<QList<ConsentEntry>> list() = 0;
    // Checks the MAC chain over every entry: an edited, deleted or reordered entry, or a cut
    // tail, is a problem; a withdrawal is not.
    virtual Result<LedgerCheck> verify() = 0;
};

} // namespace chorus::store
