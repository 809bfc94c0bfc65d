// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ConsentLedger.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace chorus::store::ledger {

// The consent ledger's tamper evidence (docs/formats/consent-record.md, "Device ledger").
// Two keyed MACs (HMAC-SHA-256 under the device's ledger key) per entry:
// - the link MAC covers the entry's position, the previous entry's link MAC and the fields an
//   entry keeps for ever (consent id, response id, survey, capture time): it chains the
//   entries, so one removed or reordered shows as a gap or a broken link;
// - the state MAC covers the link MAC and every field that may legitimately change later
//   (the receipt hash and notice erased at withdrawal, the withdrawal itself, the server's
//   acceptance time), and is rewritten by the store at each such change.
// A head MAC over the length and the last link MAC catches entries cut from the end.
inline constexpr int kMacBytes = 32;
inline constexpr int kKeyBytes = 32;

QByteArray linkMac(const QByteArray &key, const QByteArray &previousLink, qint64 seq, const ConsentEntry &entry);
QByteArray stateMac(const QByteArray &key, const QByteArray &link, const ConsentEntry &entry);
QByteArray headMac(const QByteArray &key, qint64 length, const QByteArray &lastLink);
// Constant-time comparison of two MACs.
bool sameMac(const QByteArray &a, const QByteArray &b);
QByteArray newKey();

// A ledger row as stored: the entry, its place in the chain (none if it was added outside
// Chorus) and its two MACs.
struct ChainedEntry {
    ConsentEntry entry;
    std::optional<qint64> seq;
    QByteArray link;
    QByteArray state;
};

// The chain record: the ledger key, and the length and last link the head MAC covers.
struct ChainRecord {
    QByteArray key;
    qint64 length = 0;
    QByteArray lastLink;
    QByteArray head;
};

// Walks `rows` (unchained rows first, then in seq order) against the chain record and names
// every edit, insertion, deletion, swap or cut it finds.
LedgerCheck checkChain(const ChainRecord &chain, const QList<ChainedEntry> &rows);

// The withdrawal rule shared by every ledger: keep the link fields, record the withdrawal
// (the first one wins), erase the rest.
void eraseForWithdrawal(ConsentEntry &entry, const LedgerWithdrawal &withdrawal);

// purposes <-> "id=1,other=0" (sorted by id, as the MAC and the column expect).
QString encodePurposes(const QMap<QString, bool> &purposes);
QMap<QString, bool> decodePurposes(const QString &text);

} // namespace chorus::store::ledger
