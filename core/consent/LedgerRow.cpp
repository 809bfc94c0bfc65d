// SPDX-License-Identifier: GPL-3.0-or-later
#include "LedgerRow.h"

#include <QJsonArray>

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

namespace {
QJsonValue timeJson(const std::optional<QDateTime> &time)
{
    return time ? QJsonValue(time->toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}
} // namespace

QJsonObject ledgerRowJson(const store::ConsentEntry &row)
{
    QJsonObject purposes;
    for (auto it = row.purposes.cbegin(); it != row.purposes.cend(); ++it)
        purposes.insert(it.key(), it.value());
    return QJsonObject{
        {QStringLiteral("consent_id"), row.consentId},
        {QStringLiteral("response_id"), row.responseId},
        {QStringLiteral("survey_id"), row.surveyId},
        {QStringLiteral("survey_version"), row.surveyVersion},
        {QStringLiteral("captured_at_utc"), timeJson(row.capturedAt)},
        {QStringLiteral("notice_id"), row.noticeId},
        {QStringLiteral("notice_version"), row.noticeVersion},
        {QStringLiteral("notice_locale"), row.noticeLocale},
        {QStringLiteral("notice_sha256"), row.noticeSha256},
        {QStringLiteral("purposes"), purposes},
        {QStringLiteral("mode"), row.mode},
        {QStringLiteral("withdrawn_at_utc"), timeJson(row.withdrawnAt)},
        {QStringLiteral("withdrawal_channel"), row.withdrawalChannel},
        {QStringLiteral("withdrawal_scope"), QJsonArray::fromStringList(row.withdrawalScope)},
        {QStringLiteral("server_received_at_utc"), timeJson(row.serverReceivedAt)},
    };
}

} // namespace chorus::consent
