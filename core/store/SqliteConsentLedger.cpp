// SPDX-License-Identifier: GPL-3.0-or-later
#include "SqliteConsentLedger.h"

#include "Clock.h"
#include "LedgerChain.h"
#include "Sqlite.h"
#include "StoreRules.h"

#include <functional>

namespace chorus::store {

namespace {

constexpr const char *kColumns =
    "consent_id, response_id, receipt_hash, survey_id, survey_version, captured_at, withdrawn_at, notice_id, "
    "notice_version, notice_locale, notice_sha256, purposes, mode, withdrawal_channel, withdrawal_scope, "
    "server_received_at, seq, link_mac, state_mac";

using Row = ledger::ChainedEntry;

std::optional<QDateTime> optionalTime(const Statement &stmt, int column)
{
    if (stmt.isNull(column)) {
        return std::nullopt;
    }
    return fromStoredTime(stmt.int64(column));
}

Row readRow(const Statement &stmt)
{
    Row row;
    ConsentEntry &e = row.entry;
    e.consentId = stmt.text(0);
    e.responseId = stmt.text(1);
    e.receiptHash = stmt.blob(2);
    e.surveyId = stmt.text(3);
    e.surveyVersion = stmt.text(4);
    e.capturedAt = fromStoredTime(stmt.int64(5));
    e.withdrawnAt = optionalTime(stmt, 6);
    e.noticeId = stmt.text(7);
    e.noticeVersion = stmt.text(8);
    e.noticeLocale = stmt.text(9);
    e.noticeSha256 = stmt.text(10);
    e.purposes = ledger::decodePurposes(stmt.text(11));
    e.mode = stmt.text(12);
    e.withdrawalChannel = stmt.text(13);
    e.withdrawalScope = stmt.text(14).split(QLatin1Char(','), Qt::SkipEmptyParts);
    e.serverReceivedAt = optionalTime(stmt, 15);
    if (!stmt.isNull(16)) {
        row.seq = stmt.int64(16);
    }
    row.link = stmt.blob(17);
    row.state = stmt.blob(18);
    return row;
}

// Runs `sql` (selecting kColumns) with at most one bound value and hands every row over.
Status selectRows(Database &db, const QByteArray &tail, const std::function<void(Statement &)> &bindValue,
                  const std::function<void(Row &&)> &take)
{
    const QByteArray sql = QByteArray("SELECT ") + kColumns + " FROM consent_ledger " + tail;
    auto stmt = db.prepare(sql.constData());
    if (!stmt) {
        return stmt.error();
    }
    if (bindValue) {
        bindValue(*stmt);
    }
    for (;;) {
        auto row = stmt->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return {};
        }
        take(readRow(*stmt));
    }
}

Result<QList<ConsentEntry>> entries(Database &db, const QByteArray &where,
                                    const std::function<void(Statement &)> &bindValue)
{
    QList<ConsentEntry> result;
    auto status = selectRows(db, where + " ORDER BY captured_at, consent_id", bindValue,
                             [&](Row &&row) { result.append(std::move(row.entry)); });
    if (!status) {
        return status.error();
    }
    return result;
}

using Chain = ledger::ChainRecord;

// The chain's key, length and last link; created (with a fresh key) on first use.
Result<Chain> loadChain(Database &db, bool create)
{
    auto stmt = db.cached("SELECT mac_key, length, last_link, head_mac FROM ledger_chain WHERE id = 1");
    if (!stmt) {
        return stmt.error();
    }
    auto row = stmt->step();
    if (!row) {
        return row.error();
    }
    if (*row) {
        return Chain{stmt->blob(0), stmt->int64(1), stmt->blob(2), stmt->blob(3)};
    }
    if (!create) {
        return Chain{};
    }
    Chain chain{ledger::newKey(), 0, QByteArray(ledger::kMacBytes, '\0'), {}};
    if (chain.key.size() != ledger::kKeyBytes) {
        return makeError(ErrorKind::Crypto, QStringLiteral("could not make the consent ledger's key (libsodium)"));
    }
    auto insert = db.prepare("INSERT INTO ledger_chain(id, mac_key, length, last_link, head_mac) VALUES (1, ?, 0, ?, ?)");
    if (!insert) {
        return insert.error();
    }
    auto status = insert->bind(1, chain.key).bind(2, chain.lastLink)
                      .bind(3, ledger::headMac(chain.key, 0, chain.lastLink)).run();
    if (!status) {
        return status.error();
    }
    return chain;
}

Status writeRow(Database &db, const ConsentEntry &e, std::optional<qint64> seq, const QByteArray &link, const QByteArray &state)
{
    auto stmt = db.cached("INSERT OR REPLACE INTO consent_ledger(consent_id, response_id, receipt_hash, survey_id, "
                           "survey_version, captured_at, withdrawn_at, notice_id, notice_version, notice_locale, "
                           "notice_sha256, purposes, mode, withdrawal_channel, withdrawal_scope, server_received_at, "
                           "seq, link_mac, state_mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, e.consentId).bind(2, e.responseId).bind(3, e.receiptHash).bind(4, e.surveyId)
        .bind(5, e.surveyVersion).bind(6, toStoredTime(e.capturedAt));
    if (e.withdrawnAt) {
        stmt->bind(7, toStoredTime(*e.withdrawnAt));
    } else {
        stmt->bindNull(7);
    }
    stmt->bind(8, e.noticeId).bind(9, e.noticeVersion).bind(10, e.noticeLocale).bind(11, e.noticeSha256)
        .bind(12, ledger::encodePurposes(e.purposes)).bind(13, e.mode).bind(14, e.withdrawalChannel)
        .bind(15, e.withdrawalScope.join(QLatin1Char(',')));
    if (e.serverReceivedAt) {
        stmt->bind(16, toStoredTime(*e.serverReceivedAt));
    } else {
        stmt->bindNull(16);
    }
    if (seq) {
        stmt->bind(17, *seq);
    } else {
        stmt->bindNull(17);
    }
    return stmt->bind(18, link).bind(19, state).run();
}

// Appends `e` to the chain (the caller holds the transaction).
Status append(Database &db, ConsentEntry e)
{
    auto chain = loadChain(db, true);
    if (!chain) {
        return chain.error();
    }
    // Times are kept to the millisecond: MAC what is stored, so verify() sees the same bytes.
    e.capturedAt = fromStoredTime(toStoredTime(e.capturedAt));
    const qint64 seq = chain->length + 1;
    const QByteArray link = ledger::linkMac(chain->key, chain->lastLink, seq, e);
    if (auto status = writeRow(db, e, seq, link, ledger::stateMac(chain->key, link, e)); !status) {
        return status;
    }
    auto head = db.cached("UPDATE ledger_chain SET length = ?, last_link = ?, head_mac = ? WHERE id = 1");
    if (!head) {
        return head.error();
    }
    return head->bind(1, seq).bind(2, link).bind(3, ledger::headMac(chain->key, seq, link)).run();
}

// Rewrites the mutable part of the entries selected by `where` (one bound text value) and
// their state MACs. The caller holds the transaction.
Status rewrite(Database &db, const char *where, const QString &value, const std::function<void(ConsentEntry &)> &change)
{
    QList<Row> rows;
    auto status = selectRows(db, where, [&](Statement &s) { s.bind(1, value); },
                             [&](Row &&row) { rows.append(std::move(row)); });
    if (!status) {
        return status;
    }
    if (rows.isEmpty()) {
        return {};
    }
    auto chain = loadChain(db, true);
    if (!chain) {
        return chain.error();
    }
    for (Row &row : rows) {
        change(row.entry);
        if (auto written = writeRow(db, row.entry, row.seq, row.link, ledger::stateMac(chain->key, row.link, row.entry));
            !written) {
            return written;
        }
    }
    return {};
}

} // namespace

Status SqliteConsentLedger::insert(Database &db, const ConsentEntry &entry)
{
    if (auto status = rules::validate(entry); !status) {
        return status;
    }
    auto exists = db.cached("SELECT 1 FROM consent_ledger WHERE consent_id = ?");
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
    exists->reset();
    ConsentEntry stored = entry;
    if (stored.withdrawnAt) {
        ledger::eraseForWithdrawal(stored, {*stored.withdrawnAt, stored.withdrawalChannel, stored.withdrawalScope});
    }
    return append(db, stored);
}

Status SqliteConsentLedger::withdraw(Database &db, const QString &consentId, const LedgerWithdrawal &withdrawal)
{
    if (!withdrawal.at.isValid()) {
        return makeError(ErrorKind::InvalidInput, QStringLiteral("a withdrawal needs a time"));
    }
    bool found = false;
    LedgerWithdrawal at = withdrawal;
    at.at = fromStoredTime(toStoredTime(withdrawal.at));
    auto status = rewrite(db, "WHERE consent_id = ?", consentId, [&](ConsentEntry &e) {
        found = true;
        ledger::eraseForWithdrawal(e, at);
    });
    if (!status) {
        return status;
    }
    return found ? Status() : rules::consentNotFound(consentId);
}

Status SqliteConsentLedger::noteServerReceived(Database &db, const QString &responseId, const QDateTime &at)
{
    const QDateTime stored = fromStoredTime(toStoredTime(at));
    return rewrite(db, "WHERE response_id = ?", responseId, [&](ConsentEntry &e) {
        if (!e.serverReceivedAt) {
            e.serverReceivedAt = stored;
        }
    });
}

Status SqliteConsentLedger::chainUnchained(Database &db)
{
    QList<ConsentEntry> legacy;
    auto status = selectRows(db, "WHERE seq IS NULL ORDER BY captured_at, consent_id", {},
                             [&](Row &&row) { legacy.append(std::move(row.entry)); });
    if (!status || legacy.isEmpty()) {
        return status;
    }
    auto tx = Transaction::begin(db);
    if (!tx) {
        return tx.error();
    }
    for (const ConsentEntry &e : legacy) {
        if (auto appended = append(db, e); !appended) {
            return appended;
        }
    }
    return tx->commit();
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

Status SqliteConsentLedger::markWithdrawn(const QString &consentId, const LedgerWithdrawal &withdrawal)
{
    auto tx = Transaction::begin(m_db);
    if (!tx) {
        return tx.error();
    }
    if (auto status = withdraw(m_db, consentId, withdrawal); !status) {
        return status;
    }
    if (auto status = tx->commit(); !status) {
        return status;
    }
    // The erased receipt hash and notice may still sit in older page images in the WAL.
    m_db.scrubWal();
    return {};
}

Result<ConsentEntry> SqliteConsentLedger::load(const QString &consentId)
{
    auto found = entries(m_db, "WHERE consent_id = ?", [&](Statement &s) { s.bind(1, consentId); });
    if (!found) {
        return found.error();
    }
    if (found->isEmpty()) {
        return rules::consentNotFound(consentId);
    }
    return found->constFirst();
}

Result<QList<ConsentEntry>> SqliteConsentLedger::findByReceiptHash(const QByteArray &receiptHash)
{
    if (receiptHash.isEmpty()) {
        return QList<ConsentEntry>{}; // withdrawn entries have none, and must not match
    }
    return entries(m_db, "WHERE receipt_hash = ?", [&](Statement &s) { s.bind(1, receiptHash); });
}

Result<QList<ConsentEntry>> SqliteConsentLedger::forResponse(const QString &responseId)
{
    return entries(m_db, "WHERE response_id = ?", [&](Statement &s) { s.bind(1, responseId); });
}

Result<QList<ConsentEntry>> SqliteConsentLedger::list()
{
    return entries(m_db, "", {});
}

Result<LedgerCheck> SqliteConsentLedger::verify()
{
    auto chain = loadChain(m_db, false);
    if (!chain) {
        return chain.error();
    }
    QList<Row> rows;
    auto status = selectRows(m_db, "ORDER BY seq IS NOT NULL, seq", {}, [&](Row &&row) { rows.append(std::move(row)); });
    if (!status) {
        return status.error();
    }
    return ledger::checkChain(*chain, rows);
}

} // namespace chorus::store
