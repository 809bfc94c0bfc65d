// SPDX-License-Identifier: GPL-3.0-or-later
#include "consent/ConsentRecord.h"
#include "consent/Notice.h"
#include "consent/ReceiptCode.h"

#include <QTest>
#include <QTimeZone>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <functional>

using namespace Qt::StringLiterals;
using namespace chorus::consent;

namespace {

ConsentRecord validRecord()
{
    ConsentRecord r;
    r.consentId = QUuid::createUuid();
    r.responseId = u"uuid:6f1c2b7e-8a4e-4c1e-9a55-0f1e2d3c4b5a"_s;
    r.receiptCodeHash = receiptCodeHash(ReceiptCode::generate(),
                                        deriveReceiptHashKey(u"leisure-2026"_s, QByteArrayLiteral("council-key")));
    r.controllerId = u"gb-council-exampleshire"_s;
    r.processorIds = {u"chorus-hosting"_s};
    r.purposes = {{u"equality_monitoring"_s, true}, {u"consultation_response"_s, true},
                  {u"quote_anonymously_in_report"_s, false}};
    r.lawfulBasis = u"public_task"_s;
    r.art9Condition = u"dpa2018_sch1_para8"_s;
    r.noticeId = u"leisure-privacy"_s;
    r.noticeVersion = u"3"_s;
    r.noticeLocale = u"cy"_s;
    r.noticeSha256 = noticeSha256({u"Rwy'n cytuno."_s, u"Hysbysiad preifatrwydd."_s});
    r.surveyId = u"leisure-2026"_s;
    r.surveyVersion = u"7"_s;
    r.questionBankVersion = u"gss/2025.1"_s;
    r.mode = CollectionMode::Assisted;
    r.operatorId = u"op-17"_s;
    r.actionEvidence = {{u"consent_equality"_s, u"equality_monitoring"_s, true, false},
                        {u"consent_consultation"_s, u"consultation_response"_s, true, false},
                        {u"consent_quote"_s, u"quote_anonymously_in_report"_s, false, false}};
    r.capturedAtUtc = QDateTime(QDate(2026, 11, 24), QTime(11, 30, 5, 123), Qt::UTC);
    r.deviceMonotonicMs = 987654321;
    r.clockConfidence = ClockConfidence::NetworkSynced;
    r.deviceId = u"dev-0042"_s;
    r.appVersion = u"0.1.0"_s;
    r.ageGate = AgeGateResult::Confirmed16Plus;
    return r;
}

using Mutation = std::function<void(ConsentRecord &)>;

} // namespace

Q_DECLARE_METATYPE(Mutation)

class TestConsentRecord : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validate_completeRecord_isValid()
    {
        const chorus::Status valid = validRecord().validate();
        QVERIFY2(valid.ok(), qPrintable(valid.ok() ? QString() : valid.error().message));
    }

    void validate_brokenRecord_isRejectedWithReason_data()
    {
        QTest::addColumn<Mutation>("mutate");
        QTest::addColumn<QString>("reason");
        auto row = [](const char *name, Mutation m, const char *reason) {
            QTest::newRow(name) << m << QString::fromLatin1(reason);
        };
        row("consent id not v4", [](ConsentRecord &r) { r.consentId = QUuid::createUuidV5(QUuid(), u"x"_s); }, "version 4");
        row("no response id", [](ConsentRecord &r) { r.responseId.clear(); }, "response id");
        row("code instead of hash", [](ConsentRecord &r) { r.receiptCodeHash = u"7K2MQX9DR4T1"_s; }, "never the code");
        row("no controller", [](ConsentRecord &r) { r.controllerId.clear(); }, "controller");
        row("empty processor", [](ConsentRecord &r) { r.processorIds.append(QString()); }, "processor");
        row("no purposes", [](ConsentRecord &r) { r.purposes.clear(); r.actionEvidence.clear(); }, "no purposes");
        row("duplicate purpose", [](ConsentRecord &r) { r.purposes.append({u"consultation_response"_s, true}); }, "twice");
        row("no lawful basis", [](ConsentRecord &r) { r.lawfulBasis.clear(); }, "lawful basis");
        row("no art 9 condition", [](ConsentRecord &r) { r.art9Condition.clear(); }, "Article 9");
        row("no notice locale", [](ConsentRecord &r) { r.noticeLocale.clear(); }, "locale");
        row("bad notice hash", [](ConsentRecord &r) { r.noticeSha256 = u"abc"_s; }, "SHA-256");
        row("no survey version", [](ConsentRecord &r) { r.surveyVersion.clear(); }, "survey id and version");
        row("assisted without operator", [](ConsentRecord &r) { r.operatorId.clear(); }, "operator id");
        row("paper without operator", [](ConsentRecord &r) { r.mode = CollectionMode::Paper; r.operatorId.clear(); }, "'paper'");
        row("prechecked box", [](ConsentRecord &r) { r.actionEvidence[0].prechecked = true; }, "pre-ticked");
        row("grant without tick", [](ConsentRecord &r) { r.actionEvidence.removeFirst(); }, "affirmative act");
        row("refusal with tick", [](ConsentRecord &r) { r.actionEvidence[2].checked = true; }, "refused but");
        row("evidence for unknown purpose", [](ConsentRecord &r) { r.actionEvidence[0].purpose = u"marketing"_s; }, "not listed");
        row("local capture time", [](ConsentRecord &r) { r.capturedAtUtc = r.capturedAtUtc.toLocalTime(); r.capturedAtUtc.setTimeZone(QTimeZone(3600)); }, "UTC");
        row("no monotonic time", [](ConsentRecord &r) { r.deviceMonotonicMs = -1; }, "monotonic");
        row("no device id", [](ConsentRecord &r) { r.deviceId.clear(); }, "device id");
        row("withdrawal scope unknown", [](ConsentRecord &r) {
            r.withdrawal = Withdrawal{r.capturedAtUtc.addDays(2), WithdrawalChannel::Written, {u"marketing"_s}};
        }, "withdrawal names");
    }

    void validate_brokenRecord_isRejectedWithReason()
    {
        QFETCH(Mutation, mutate);
        QFETCH(QString, reason);
        ConsentRecord record = validRecord();
        mutate(record);
        const chorus::Status status = record.validate();
        QVERIFY(!status.ok());
        QCOMPARE(status.error().kind, chorus::ErrorKind::InvalidInput);
        QVERIFY2(status.error().message.contains(reason), qPrintable(status.error().message));
    }

    void validate_kioskWithoutOperator_isValid()
    {
        ConsentRecord record = validRecord();
        record.mode = CollectionMode::Kiosk;
        record.operatorId.clear();
        QVERIFY(record.validate().ok());
    }

    void xml_roundTrip_preservesEveryField()
    {
        ConsentRecord record = validRecord();
        record.withdrawal = Withdrawal{QDateTime(QDate(2026, 12, 1), QTime(9, 0, 0, 5), Qt::UTC),
                                       WithdrawalChannel::OnDeviceOperator,
                                       {u"equality_monitoring"_s, u"consultation_response"_s}};
        auto parsed = ConsentRecord::fromXml(record.toXml());
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        QCOMPARE(*parsed, record);
        QCOMPARE(parsed->capturedAtUtc.timeSpec(), Qt::UTC);
        QCOMPARE(parsed->capturedAtUtc.time().msec(), 123);

        record.withdrawal.reset();
        QCOMPARE(*ConsentRecord::fromXml(record.toXml()), record);
    }

    void xml_writesEveryFieldOfTheSchemaAsAnElement()
    {
        ConsentRecord record = validRecord();
        record.withdrawal = Withdrawal{record.capturedAtUtc.addDays(1), WithdrawalChannel::Phone, {}};
        const QString xml = QString::fromUtf8(record.toXml());
        for (const char *name : {"consent_id", "response_id", "receipt_code_hash", "controller_id", "processor_id",
                                 "purpose", "granted", "lawful_basis", "art9_condition", "notice_id", "notice_version",
                                 "notice_locale", "notice_sha256", "survey_id", "survey_version",
                                 "question_bank_version", "mode", "operator_id", "action_evidence", "control",
                                 "prechecked", "captured_at_utc", "device_monotonic_ms", "clock_confidence",
                                 "device_id", "app_version", "age_gate_result", "withdrawn_at_utc",
                                 "withdrawal_channel", "withdrawal_scope"}) {
            QVERIFY2(xml.contains(u'<' + QLatin1StringView(name) + u'>'), name);
        }
        QVERIFY(xml.contains(u"<mode>assisted</mode>"));
        QVERIFY(xml.contains(u"<captured_at_utc>2026-11-24T11:30:05.123Z</captured_at_utc>"));
        QVERIFY(xml.contains(u"<prechecked>false</prechecked>"));
        QVERIFY(xml.contains(u"<age_gate_result>16_plus_confirmed</age_gate_result>"));
    }

    void xml_missingRequiredElement_isRejectedNamingIt_data()
    {
        QTest::addColumn<QString>("element");
        for (const char *name : {"consent_id", "receipt_code_hash", "notice_sha256", "mode", "operator_id",
                                 "captured_at_utc", "device_monotonic_ms", "age_gate_result", "schema_version"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    void xml_missingRequiredElement_isRejectedNamingIt()
    {
        QFETCH(QString, element);
        QString xml = QString::fromUtf8(validRecord().toXml());
        const qsizetype start = xml.indexOf(u'<' + element + u'>');
        const QString close = u"</"_s + element + u'>';
        const qsizetype end = xml.indexOf(close, start);
        QVERIFY(start > 0 && end > start);
        xml.remove(start, end + close.size() - start);
        auto parsed = ConsentRecord::fromXml(xml.toUtf8());
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().message.contains(u'<' + element + u'>'), qPrintable(parsed.error().message));
    }

    void xml_precheckedEvidence_isRejected()
    {
        QByteArray xml = validRecord().toXml();
        xml.replace("<prechecked>false</prechecked>", "<prechecked>true</prechecked>");
        auto parsed = ConsentRecord::fromXml(xml);
        QVERIFY(!parsed.ok());
        QVERIFY(parsed.error().message.contains(u"pre-ticked"));
    }

    void xml_localTime_isRejected()
    {
        QByteArray xml = validRecord().toXml();
        xml.replace("11:30:05.123Z", "11:30:05.123+01:00");
        QVERIFY(!ConsentRecord::fromXml(xml).ok());
    }

    void xml_unknownElementFromNewerWriter_isSkipped()
    {
        QByteArray xml = validRecord().toXml();
        xml.replace("<mode>", "<future_field><x>1</x></future_field><mode>");
        QVERIFY(ConsentRecord::fromXml(xml).ok());
    }

    void xml_newerSchemaVersion_isUnsupported()
    {
        QByteArray xml = validRecord().toXml();
        xml.replace("<schema_version>1</schema_version>", "<schema_version>2</schema_version>");
        auto parsed = ConsentRecord::fromXml(xml);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().kind, chorus::ErrorKind::Unsupported);
    }

    void xml_embeddedInSubmission_isReadInPlaceAndLeavesReaderAfterIt()
    {
        const ConsentRecord record = validRecord();
        QByteArray doc;
        QXmlStreamWriter writer(&doc);
        writer.writeStartElement(u"data"_s);
        writer.writeTextElement(u"q1"_s, u"yes"_s);
        record.writeXml(writer);
        writer.writeTextElement(u"q2"_s, u"no"_s);
        writer.writeEndElement();

        QXmlStreamReader reader(doc);
        QVERIFY(reader.readNextStartElement()); // <data>
        QVERIFY(reader.readNextStartElement()); // <q1>
        reader.skipCurrentElement();
        QVERIFY(reader.readNextStartElement()); // <consent>
        auto parsed = ConsentRecord::readXml(reader);
        QVERIFY(parsed.ok());
        QCOMPARE(*parsed, record);
        QVERIFY(reader.isEndElement());
        QCOMPARE(reader.name(), u"consent"_s);
        QVERIFY(reader.readNextStartElement());
        QCOMPARE(reader.name(), u"q2"_s);
    }

    void ledgerEntry_keepsWhatFindsAndProvesTheRecordOnly()
    {
        ConsentRecord record = validRecord();
        ConsentLedgerEntry entry = ledgerEntry(record);
        QCOMPARE(entry.consentId, record.consentId);
        QCOMPARE(entry.responseId, record.responseId);
        QCOMPARE(entry.receiptCodeHash, record.receiptCodeHash);
        QCOMPARE(entry.noticeSha256, record.noticeSha256);
        QCOMPARE(entry.noticeLocale, u"cy"_s);
        QCOMPARE(entry.purposes, record.purposes);
        QCOMPARE(entry.capturedAtUtc, record.capturedAtUtc);
        QVERIFY(!entry.withdrawnAtUtc.has_value());

        record.withdrawal = Withdrawal{record.capturedAtUtc.addDays(3), WithdrawalChannel::Written, {}};
        entry = ledgerEntry(record);
        QCOMPARE(entry.withdrawnAtUtc, record.withdrawal->withdrawnAtUtc);
        QVERIFY(entry.withdrawalChannel == WithdrawalChannel::Written);
    }

    void consentGate_followsTheEqualityGrantAndTheSurveyRule()
    {
        ConsentRecord record = validRecord();
        QCOMPARE(consentGate(record, false).askEqualityQuestions, true);
        QCOMPARE(consentGate(record, false).continueSurvey, true);

        record.purposes[0].granted = false;
        QCOMPARE(consentGate(record, true).askEqualityQuestions, false);
        QCOMPARE(consentGate(record, true).continueSurvey, true);
        QCOMPARE(consentGate(record, false).continueSurvey, false);

        record = validRecord();
        record.withdrawal = Withdrawal{record.capturedAtUtc, WithdrawalChannel::Web, {u"equality_monitoring"_s}};
        QCOMPARE(consentGate(record, true).askEqualityQuestions, false);
    }

    void enumNames_roundTrip()
    {
        for (auto m : {CollectionMode::Kiosk, CollectionMode::Handheld, CollectionMode::Assisted,
                       CollectionMode::Proxy, CollectionMode::Paper})
            QVERIFY(collectionModeFromString(toString(m)) == m);
        for (auto c : {ClockConfidence::Unknown, ClockConfidence::DeviceOnly, ClockConfidence::NetworkSynced,
                       ClockConfidence::OperatorConfirmed})
            QVERIFY(clockConfidenceFromString(toString(c)) == c);
        for (auto a : {AgeGateResult::NotAsked, AgeGateResult::Confirmed16Plus, AgeGateResult::Under16,
                       AgeGateResult::PreferNotToSay})
            QVERIFY(ageGateResultFromString(toString(a)) == a);
        for (auto w : {WithdrawalChannel::OnDeviceRespondent, WithdrawalChannel::OnDeviceOperator,
                       WithdrawalChannel::Written, WithdrawalChannel::Email, WithdrawalChannel::Phone,
                       WithdrawalChannel::Web})
            QVERIFY(withdrawalChannelFromString(toString(w)) == w);
        QVERIFY(!collectionModeFromString(u"Kiosk").has_value());
    }
};

QTEST_GUILESS_MAIN(TestConsentRecord)
#include "tst_consentrecord.moc"
