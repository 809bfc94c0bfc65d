// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ConsentRecord.h"
#include "store/ConsentLedger.h"

#include <QJsonObject>

namespace chorus::consent {

// The store's ledger row for a record (ledgerEntry() cut to the columns the device keeps). The
// receipt hash is stored as its 32 raw bytes.
store::ConsentEntry ledgerRowFor(const ConsentRecord &record);

// One ledger row as a JSON object for `chorusctl outbox ledger` (docs/formats/consent-record.md):
// what the device can show to demonstrate consent without decrypting anything. The receipt
// hash is left out (it only serves to find the row), so is anything not in the row.
QJsonObject ledgerRowJson(const store::ConsentEntry &row);

// receiptCodeHash() text -> the raw bytes the ledger indexes.
QByteArray ledgerReceiptHash(const QString &receiptCodeHash);

} // namespace chorus::consent
