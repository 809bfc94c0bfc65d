// SPDX-License-Identifier: GPL-3.0-or-later
#include "SqliteConsentLedger.h"

#include "Clock.h"
#include "Sqlite.h"
#include "StoreRules.h"

namespace chorus::store {

Status SqliteConsentLedger::insert(Database &db, const ConsentEntry &entry)
{
    if (auto status = rules::validate(entry); !status) {
        return status;
    }
    auto exists = db.prepare("SELECT 1 FROM consent_ledger WHERE consent_id = ?");
    if (!exists) {
        return exists.error();
    }
    auto found = exists->bind(1, entry.consentId).step();
    if (!found) {
        return found.error();
    }
    if (*found) {
        return rules::consentExists(entry.consentId);
    }
    auto stmt = db.prepare("INSERT INTO consent_ledger(consent_id, response_id, receipt_hash, survey_id, "
                           "survey_version, captured_at, withdrawn_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, entry.consentId)
        .bind(2, entry.responseId)
        .bind(3, entry.receiptHash)
        .bind(4, entry.surveyId)
        .bind(5, entry.surveyVersion)
        .bind(6, toStoredTime(entry.capturedAt));
    if (entry.withdrawnAt) {
        stmt->bind(7, toStoredTime(*entry.withdrawnAt));
    } else {
        stmt->bindNull(7);
    }
    return stmt->run();
}

Status SqliteConsentLedger::record(const ConsentEntry &entry)
{
    auto tx = Transaction::begin(m_db);
    if (!tx) {
        return tx.error();
    }
    if (auto status = insert(m_db, entry); !status) {
        return status;
    }
    return tx->commit();
}

Status SqliteConsentLedger::markWithdrawn(const QString &consentId, const QDateTime &at)
{
    if (!at.isValid()) {
        return makeError(ErrorKind::InvalidInput, QStringLiteral("a withdrawal needs a time"));
    }
    auto stmt = m_db.prepare("UPDATE consent_ledger SET withdrawn_at = COALESCE(withdrawn_at, ?) WHERE consent_id = ?");
    if (!stmt) {
        return stmt.error();
    }
    if (auto status = stmt->bind(1, toStoredTime(at)).bind(2, consentId).run(); !status) {
        return status;
    }
    if (stmt->changes() == 0) {
        return rules::consentNotFound(consentId);
    }
    return {};
}

Result<QList<ConsentEntry>> SqliteConsentLedger::select(const char *where, const QString *text, const QByteArray *blob)
{
    const QByteArray sql = QByteArray("SELECT consent_id, response_id, receipt_hash, survey_id, survey_version, "
                                      "captured_at, withdrawn_at FROM consent_ledger ")
                           + where + " ORDER BY captured_at, consent_id";
    auto stmt = m_db.prepare(sql.constData());
    if (!stmt) {
        return stmt.error();
    }
    if (text) {
        stmt->bind(1, *text);
    } else if (blob) {
        stmt->bind(1, *blob);
    }
    QList<ConsentEntry> entries;
    for (;;) {
        auto row = stmt->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return entries;
        }
        ConsentEntry e{stmt->text(0), stmt->text(1), stmt->blob(2), stmt->text(3), stmt->text(4),
                       fromStoredTime(stmt->int64(5)), std::nullopt};
        if (!stmt->isNull(6)) {
            e.withdrawnAt = fromStoredTime(stmt->int64(6));
        }
        entries.append(e);
    }
}

Result<ConsentEntry> SqliteConsentLedger::load(const QString &consentId)
{
    auto entries = select("WHERE consent_id = ?", &consentId, nullptr);
    if (!entries) {
        return entries.error();
    }
    if (entries->isEmpty()) {
        return rules::consentNotFound(consentId);
    }
    return entries->constFirst();
}

Result<QList<ConsentEntry>> SqliteConsentLedger::findByReceiptHash(const QByteArray &receiptHash)
{
    return select("WHERE receipt_hash = ?", nullptr, &receiptHash);
}

Result<QList<ConsentEntry>> SqliteConsentLedger::forResponse(const QString &responseId)
{
    return select("WHERE response_id = ?", &responseId, nullptr);
}

Result<QList<ConsentEntry>> SqliteConsentLedger::list()
{
    return select("", nullptr, nullptr);
}

} // namespace chorus::store
