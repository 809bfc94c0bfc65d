// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ConsentLedger.h"

namespace chorus::store {

class Database;

// The ledger in table consent_ledger, MAC-chained (LedgerChain.h) with its key and head in
// ledger_chain. Every write runs inside a transaction (its own, or the caller's for the
// static helpers the response repository uses).
class SqliteConsentLedger final : public ConsentLedger
{
public:
    explicit SqliteConsentLedger(Database &db) : m_db(db) {}

    Status record(const ConsentEntry &entry) override;
    Status markWithdrawn(const QString &consentId, const LedgerWithdrawal &withdrawal) override;
    using ConsentLedger::markWithdrawn;
    Result<ConsentEntry> load(const QString &consentId) override;
    Result<QList<ConsentEntry>> findByReceiptHash(const QByteArray &receiptHash) override;
    Result<QList<ConsentEntry>> forResponse(const QString &responseId) override;
    Result<QList<ConsentEntry>> list() override;
    Result<LedgerCheck> verify() override;

    // For callers already inside a transaction: the insert (finalize), the withdrawal and the
    // server's acceptance time (the response repository's state changes).
    static Status insert(Database &db, const ConsentEntry &entry);
    static Status withdraw(Database &db, const QString &consentId, const LedgerWithdrawal &withdrawal);
    static Status noteServerReceived(Database &db, const QString &responseId, const QDateTime &at);
    // Chains entries written before the chain existed (schema 2), oldest first. Run once at a
    // read-write open; a no-op when every entry is chained.
    static Status chainUnchained(Database &db);

private:
    Database &m_db;
};

} // namespace chorus::store
