// SPDX-License-Identifier: GPL-3.0-or-later
#include "WithdrawalSubmission.h"

#include "crypto/CouncilKeys.h"
#include "crypto/OdkEnvelope.h"

#include <QXmlStreamReader>
#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace chorus::consent {

namespace {
constexpr QLatin1StringView kRoot{"chorus_withdrawal"};
constexpr qsizetype kMaxBytes = 64 * 1024;

Error bad(const QString &why)
{
    return makeError(ErrorKind::InvalidInput, u"Withdrawal submission: "_s + why);
}
} // namespace

QByteArray withdrawalSubmissionXml(const WithdrawalRequest &request, const QString &surveyVersion)
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.writeStartDocument();
    xml.writeStartElement(QString(kRoot));
    xml.writeAttribute(u"id"_s, request.surveyId);
    xml.writeAttribute(u"version"_s, surveyVersion);
    xml.writeTextElement(u"request"_s, QString::fromUtf8(request.toJson()));
    xml.writeStartElement(u"meta"_s);
    xml.writeTextElement(u"instanceID"_s, u"uuid:"_s + request.requestId.toString(QUuid::WithoutBraces));
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    return out;
}

bool isWithdrawalSubmission(const QByteArray &xml)
{
    QXmlStreamReader reader(xml);
    return reader.readNextStartElement() && reader.name() == kRoot;
}

Result<WithdrawalRequest> parseWithdrawalSubmission(const QByteArray &xml)
{
    if (xml.size() > kMaxBytes)
        return bad(u"the document is too large (%1 bytes)."_s.arg(xml.size()));
    QXmlStreamReader reader(xml);
    if (!reader.readNextStartElement() || reader.name() != kRoot)
        return bad(u"the root element is not <chorus_withdrawal>."_s);
    std::optional<WithdrawalRequest> request;
    QString instanceId;
    while (reader.readNextStartElement()) {
        if (reader.name() == u"request") {
            auto parsed = WithdrawalRequest::fromJson(reader.readElementText().toUtf8());
            if (!parsed)
                return parsed.error();
            request = *parsed;
        } else if (reader.name() == u"meta") {
            while (reader.readNextStartElement()) {
                if (reader.name() == u"instanceID")
                    instanceId = reader.readElementText();
                else
                    reader.skipCurrentElement();
            }
        } else {
            reader.skipCurrentElement();
        }
    }
    if (reader.hasError())
        return bad(reader.errorString());
    if (!request)
        return bad(u"<request> is missing."_s);
    if (instanceId != u"uuid:"_s + request->requestId.toString(QUuid::WithoutBraces))
        return bad(u"meta/instanceID does not match the request id."_s);
    return *request;
}

Result<store::FinalizedResponse> sealWithdrawalRequest(const WithdrawalRequest &request, const QString &surveyVersion,
                                                       const QString &councilPublicKeyBase64)
{
    if (Status valid = request.validate(); !valid)
        return valid.error();
    auto key = crypto::CouncilPublicKey::fromBase64(councilPublicKeyBase64.toLatin1());
    if (!key)
        return key.error();
    const QString instanceId = u"uuid:"_s + request.requestId.toString(QUuid::WithoutBraces);
    auto sealed = crypto::OdkEnvelope::seal(*key, request.surveyId, surveyVersion, instanceId,
                                            withdrawalSubmissionXml(request, surveyVersion));
    if (!sealed)
        return sealed.error();
    store::FinalizedResponse stored;
    stored.instanceId = sealed->instanceId;
    stored.surveyId = request.surveyId;
    stored.surveyVersion = surveyVersion;
    stored.manifest = sealed->manifest;
    stored.encryptedFiles = sealed->encryptedFiles;
    stored.finalizedAt = request.requestedAtUtc;
    return stored;
}

} // namespace chorus::consent
