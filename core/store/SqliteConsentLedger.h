// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ConsentLedger.h"

namespace chorus::store {

class Database;

class SqliteConsentLedger final : public ConsentLedger
{
public:
    explicit SqliteConsentLedger(Database &db) : m_db(db) {}

    Status record(const ConsentEntry &entry) override;
    Status markWithdrawn(const QString &consentId, const QDateTime &at) override;
    Result<ConsentEntry> load(const QString &consentId) override;
    Result<QList<ConsentEntry>> findByReceiptHash(const QByteArray &receiptHash) override;
    Result<QList<ConsentEntry>> forResponse(const QString &responseId) override;
    Result<QList<ConsentEntry>> list() override;

    // The insert itself, for callers already inside a transaction (finalize).
    static Status insert(Database &db, const ConsentEntry &entry);

private:
    Result<QList<ConsentEntry>> select(const char *where, const QString *text, const QByteArray *blob);

    Database &m_db;
};

} // namespace chorus::store
