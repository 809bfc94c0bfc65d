// SPDX-License-Identifier: GPL-3.0-or-later
#include "LedgerRow.h"

namespace chorus::consent {

QByteArray ledgerReceiptHash(const QString &receiptCodeHash)
{
    return QByteArray::fromHex(receiptCodeHash.toLatin1());
}

store::ConsentEntry ledgerRowFor(const ConsentRecord &record)
{
    const ConsentLedgerEntry entry = ledgerEntry(record);
    store::ConsentEntry row;
    row.consentId = entry.consentId.toString(QUuid::WithoutBraces);
    row.responseId = entry.responseId;
    row.receiptHash = ledgerReceiptHash(entry.receiptCodeHash);
    row.surveyId = entry.surveyId;
    row.surveyVersion = entry.surveyVersion;
    row.capturedAt = entry.capturedAtUtc;
    row.noticeId = entry.noticeId;
    row.noticeVersion = entry.noticeVersion;
    row.noticeLocale = entry.noticeLocale;
    row.noticeSha256 = entry.noticeSha256;
    for (const PurposeGrant &grant : entry.purposes)
        row.purposes.insert(grant.purpose, grant.granted);
    row.mode = toString(entry.mode);
    row.withdrawnAt = entry.withdrawnAtUtc;
    if (entry.withdrawalChannel)
        row.withdrawalChannel = toString(*entry.withdrawalChannel);
    if (record.withdrawal)
        row.withdrawalScope = record.withdrawal->scope;
    return row;
}

} // namespace chorus::consent
