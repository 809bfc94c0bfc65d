// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ConsentRecord.h"
#include "store/ConsentLedger.h"

namespace chorus::consent {

// The store's ledger row for a record (ledgerEntry() cut to the columns the device keeps). The
// receipt hash is stored as its 32 raw bytes.
store::ConsentEntry ledgerRowFor(const ConsentRecord &record);

// receiptCodeHash() text -> the raw bytes the ledger indexes.
QByteArray ledgerReceiptHash(const QString &receiptCodeHash);

} // namespace chorus::consent
