// SPDX-License-Identifier: GPL-3.0-or-later
// ConsentRecord <-> <consent> XML. Elements only, snake_case names from reference/consent.md
// §3.4, repeated elements for lists (as ODK repeats): see docs/formats/consent-record.md.
#include "ConsentRecord.h"

#include <QSet>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace chorus::consent {

namespace {

QString boolText(bool value)
{
    return value ? u"true"_s : u"false"_s;
}

std::optional<bool> boolFrom(QStringView text)
{
    if (text == u"true" || text == u"1")
        return true;
    if (text == u"false" || text == u"0")
        return false;
    return std::nullopt;
}

QString timeText(const QDateTime &utc)
{
    return utc.toUTC().toString(Qt::ISODateWithMs);
}

std::optional<QDateTime> timeFrom(const QString &text)
{
    // Only "...Z" is accepted: a record written with a local offset would be ambiguous later.
    if (!text.endsWith(u'Z'))
        return std::nullopt;
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    return time.toUTC();
}

Error bad(const QString &message)
{
    return makeError(ErrorKind::InvalidInput, u"Consent record XML: "_s + message);
}

// Reads the simple child elements of the current element into name -> text.
Result<QHash<QString, QString>> readFields(QXmlStreamReader &reader)
{
    QHash<QString, QString> fields;
    while (reader.readNextStartElement()) {
        const QString name = reader.name().toString();
        QString text = reader.readElementText(QXmlStreamReader::ErrorOnUnexpectedElement);
        if (reader.hasError())
            return bad(u"element <%1> must hold text only."_s.arg(name));
        fields.insert(name, text);
    }
    return fields;
}

} // namespace

void ConsentRecord::writeXml(QXmlStreamWriter &w) const
{
    w.writeStartElement(u"consent"_s);
    w.writeTextElement(u"schema_version"_s, QString::number(kSchemaVersion));
    w.writeTextElement(u"consent_id"_s, consentId.toString(QUuid::WithoutBraces));
    w.writeTextElement(u"response_id"_s, responseId);
    w.writeTextElement(u"receipt_code_hash"_s, receiptCodeHash);
    w.writeTextElement(u"controller_id"_s, controllerId);
    for (const QString &processor : processorIds)
        w.writeTextElement(u"processor_id"_s, processor);
    for (const PurposeGrant &grant : purposes) {
        w.writeStartElement(u"purpose"_s);
        w.writeTextElement(u"id"_s, grant.purpose);
        w.writeTextElement(u"granted"_s, boolText(grant.granted));
        w.writeEndElement();
    }
    w.writeTextElement(u"lawful_basis"_s, lawfulBasis);
    w.writeTextElement(u"art9_condition"_s, art9Condition);
    w.writeTextElement(u"notice_id"_s, noticeId);
    w.writeTextElement(u"notice_version"_s, noticeVersion);
    w.writeTextElement(u"notice_locale"_s, noticeLocale);
    w.writeTextElement(u"notice_sha256"_s, noticeSha256);
    w.writeTextElement(u"survey_id"_s, surveyId);
    w.writeTextElement(u"survey_version"_s, surveyVersion);
    w.writeTextElement(u"question_bank_version"_s, questionBankVersion);
    w.writeTextElement(u"mode"_s, toString(mode));
    w.writeTextElement(u"operator_id"_s, operatorId);
    for (const ActionEvidence &evidence : actionEvidence) {
        w.writeStartElement(u"action_evidence"_s);
        w.writeTextElement(u"control"_s, evidence.control);
        w.writeTextElement(u"purpose"_s, evidence.purpose);
        w.writeTextElement(u"action"_s, evidence.checked ? u"checked"_s : u"unchecked"_s);
        w.writeTextElement(u"prechecked"_s, boolText(evidence.prechecked));
        w.writeEndElement();
    }
    w.writeTextElement(u"captured_at_utc"_s, timeText(capturedAtUtc));
    w.writeTextElement(u"device_monotonic_ms"_s, QString::number(deviceMonotonicMs));
    w.writeTextElement(u"clock_confidence"_s, toString(clockConfidence));
    w.writeTextElement(u"device_id"_s, deviceId);
    w.writeTextElement(u"app_version"_s, appVersion);
    w.writeTextElement(u"age_gate_result"_s, toString(ageGate));
    if (withdrawal) {
        w.writeTextElement(u"withdrawn_at_utc"_s, timeText(withdrawal->withdrawnAtUtc));
        w.writeTextElement(u"withdrawal_channel"_s, toString(withdrawal->channel));
        // Space-separated, as ODK writes a select_multiple.
        w.writeTextElement(u"withdrawal_scope"_s, withdrawal->scope.join(u' '));
    }
    w.writeEndElement();
}

QByteArray ConsentRecord::toXml() const
{
    QByteArray out;
    QXmlStreamWriter writer(&out);
    writeXml(writer);
    return out;
}

Result<ConsentRecord> ConsentRecord::readXml(QXmlStreamReader &reader)
{
    if (!reader.isStartElement() || reader.name() != u"consent")
        return bad(u"expected a <consent> element."_s);

    ConsentRecord record;
    QHash<QString, QString> fields;
    while (reader.readNextStartElement()) {
        const QString name = reader.name().toString();
        if (name == u"purpose" || name == u"action_evidence") {
            auto sub = readFields(reader);
            if (!sub)
                return sub.error();
            if (name == u"purpose") {
                const auto granted = boolFrom(sub->value(u"granted"_s));
                if (!sub->contains(u"id"_s) || !granted)
                    return bad(u"each <purpose> needs an <id> and a <granted> of true or false."_s);
                record.purposes.append(PurposeGrant{sub->value(u"id"_s), *granted});
            } else {
                const QString action = sub->value(u"action"_s);
                const auto prechecked = boolFrom(sub->value(u"prechecked"_s));
                if ((action != u"checked" && action != u"unchecked") || !prechecked)
                    return bad(u"each <action_evidence> needs an <action> (checked or unchecked) and a "
                               "<prechecked> of true or false."_s);
                record.actionEvidence.append(ActionEvidence{sub->value(u"control"_s), sub->value(u"purpose"_s),
                                                            action == u"checked", *prechecked});
            }
            continue;
        }
        QString text = reader.readElementText(QXmlStreamReader::SkipChildElements);
        if (name == u"processor_id")
            record.processorIds.append(text);
        else if (fields.contains(name))
            return bad(u"<%1> appears twice."_s.arg(name));
        else
            fields.insert(name, text);
    }
    if (reader.hasError())
        return bad(reader.errorString());

    static const QStringList required = {
        u"schema_version"_s, u"consent_id"_s, u"response_id"_s, u"receipt_code_hash"_s, u"controller_id"_s,
        u"lawful_basis"_s, u"art9_condition"_s, u"notice_id"_s, u"notice_version"_s, u"notice_locale"_s,
        u"notice_sha256"_s, u"survey_id"_s, u"survey_version"_s, u"question_bank_version"_s, u"mode"_s,
        u"operator_id"_s, u"captured_at_utc"_s, u"device_monotonic_ms"_s, u"clock_confidence"_s,
        u"device_id"_s, u"app_version"_s, u"age_gate_result"_s};
    for (const QString &name : required) {
        if (!fields.contains(name))
            return bad(u"<%1> is missing."_s.arg(name));
    }
    if (fields.value(u"schema_version"_s) != QString::number(kSchemaVersion))
        return makeError(ErrorKind::Unsupported,
                         u"Consent record XML: schema version %1 is not supported by this Chorus (it reads %2). "
                         "Update Chorus."_s.arg(fields.value(u"schema_version"_s)).arg(kSchemaVersion));

    record.consentId = QUuid::fromString(fields.value(u"consent_id"_s));
    record.responseId = fields.value(u"response_id"_s);
    record.receiptCodeHash = fields.value(u"receipt_code_hash"_s);
    record.controllerId = fields.value(u"controller_id"_s);
    record.lawfulBasis = fields.value(u"lawful_basis"_s);
    record.art9Condition = fields.value(u"art9_condition"_s);
    record.noticeId = fields.value(u"notice_id"_s);
    record.noticeVersion = fields.value(u"notice_version"_s);
    record.noticeLocale = fields.value(u"notice_locale"_s);
    record.noticeSha256 = fields.value(u"notice_sha256"_s);
    record.surveyId = fields.value(u"survey_id"_s);
    record.surveyVersion = fields.value(u"survey_version"_s);
    record.questionBankVersion = fields.value(u"question_bank_version"_s);
    record.operatorId = fields.value(u"operator_id"_s);
    record.deviceId = fields.value(u"device_id"_s);
    record.appVersion = fields.value(u"app_version"_s);

    const auto mode = collectionModeFromString(fields.value(u"mode"_s));
    const auto clock = clockConfidenceFromString(fields.value(u"clock_confidence"_s));
    const auto ageGate = ageGateResultFromString(fields.value(u"age_gate_result"_s));
    const auto captured = timeFrom(fields.value(u"captured_at_utc"_s));
    bool monotonicOk = false;
    record.deviceMonotonicMs = fields.value(u"device_monotonic_ms"_s).toLongLong(&monotonicOk);
    if (!mode)
        return bad(u"unknown <mode> '%1'."_s.arg(fields.value(u"mode"_s)));
    if (!clock)
        return bad(u"unknown <clock_confidence> '%1'."_s.arg(fields.value(u"clock_confidence"_s)));
    if (!ageGate)
        return bad(u"unknown <age_gate_result> '%1'."_s.arg(fields.value(u"age_gate_result"_s)));
    if (!captured)
        return bad(u"<captured_at_utc> must be an ISO 8601 UTC time ending in Z."_s);
    if (!monotonicOk)
        return bad(u"<device_monotonic_ms> must be a whole number."_s);
    record.mode = *mode;
    record.clockConfidence = *clock;
    record.ageGate = *ageGate;
    record.capturedAtUtc = *captured;

    if (fields.contains(u"withdrawn_at_utc"_s)) {
        const auto at = timeFrom(fields.value(u"withdrawn_at_utc"_s));
        const auto channel = withdrawalChannelFromString(fields.value(u"withdrawal_channel"_s));
        if (!at || !channel)
            return bad(u"a withdrawal needs <withdrawn_at_utc> (UTC, ending in Z) and a known <withdrawal_channel>."_s);
        record.withdrawal = Withdrawal{*at, *channel,
                                       fields.value(u"withdrawal_scope"_s).split(u' ', Qt::SkipEmptyParts)};
    }

    if (Status valid = record.validate(); !valid)
        return valid.error();
    return record;
}

Result<ConsentRecord> ConsentRecord::fromXml(const QByteArray &xml)
{
    QXmlStreamReader reader(xml);
    if (!reader.readNextStartElement())
        return bad(reader.hasError() ? reader.errorString() : u"the document is empty."_s);
    return readXml(reader);
}

} // namespace chorus::consent
