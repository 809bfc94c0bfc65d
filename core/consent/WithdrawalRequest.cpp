// SPDX-License-Identifier: GPL-3.0-or-later
#include "WithdrawalRequest.h"

#include "ReceiptCode.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace chorus::consent {

namespace {
Error bad(const QString &message)
{
    return makeError(ErrorKind::InvalidInput, u"Withdrawal request: "_s + message);
}
} // namespace

WithdrawalRequest WithdrawalRequest::create(const QString &surveyId, const QString &receiptCodeHash,
                                            WithdrawalChannel channel, const QDateTime &requestedAtUtc)
{
    return WithdrawalRequest{QUuid::createUuid(), surveyId, receiptCodeHash, requestedAtUtc.toUTC(), channel};
}

Status WithdrawalRequest::validate() const
{
    if (requestId.isNull() || requestId.version() != QUuid::Random)
        return bad(u"the request id must be a random (version 4) UUID."_s);
    if (surveyId.isEmpty())
        return bad(u"the survey id is missing."_s);
    if (!isReceiptCodeHash(receiptCodeHash))
        return bad(u"the receipt code hash must be 64 lowercase hex characters (never the code itself)."_s);
    if (!requestedAtUtc.isValid() || requestedAtUtc.timeSpec() != Qt::UTC)
        return bad(u"the request time must be a valid UTC time."_s);
    return {};
}

QByteArray WithdrawalRequest::toJson() const
{
    const QJsonObject object{
        {u"schema_version"_s, kSchemaVersion},
        {u"request_id"_s, requestId.toString(QUuid::WithoutBraces)},
        {u"survey_id"_s, surveyId},
        {u"receipt_code_hash"_s, receiptCodeHash},
        {u"requested_at_utc"_s, requestedAtUtc.toUTC().toString(Qt::ISODateWithMs)},
        {u"channel"_s, toString(channel)},
    };
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Result<WithdrawalRequest> WithdrawalRequest::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return bad(u"not a JSON object (%1)."_s.arg(parseError.errorString()));
    const QJsonObject object = document.object();
    const int schema = object.value(u"schema_version"_s).toInt(-1);
    if (schema != kSchemaVersion)
        return makeError(ErrorKind::Unsupported,
                         u"Withdrawal request: schema version %1 is not supported (this Chorus reads %2). "
                         "Update Chorus."_s.arg(schema).arg(kSchemaVersion));
    for (const auto *key : {"request_id", "survey_id", "receipt_code_hash", "requested_at_utc", "channel"}) {
        if (!object.value(QLatin1StringView(key)).isString())
            return bad(u"\"%1\" must be a string."_s.arg(QLatin1StringView(key)));
    }
    const QString at = object.value(u"requested_at_utc"_s).toString();
    const auto channel = withdrawalChannelFromString(object.value(u"channel"_s).toString());
    if (!channel)
        return bad(u"unknown channel '%1'."_s.arg(object.value(u"channel"_s).toString()));
    if (!at.endsWith(u'Z'))
        return bad(u"\"requested_at_utc\" must be an ISO 8601 UTC time ending in Z."_s);
    WithdrawalRequest request{QUuid::fromString(object.value(u"request_id"_s).toString()),
                              object.value(u"survey_id"_s).toString(),
                              object.value(u"receipt_code_hash"_s).toString(),
                              QDateTime::fromString(at, Qt::ISODateWithMs).toUTC(), *channel};
    if (Status valid = request.validate(); !valid)
        return valid.error();
    return request;
}

} // namespace chorus::consent
