// SPDX-License-Identifier: GPL-3.0-or-later
#include "consent/ConsentCapture.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus::consent;

namespace {
CaptureRequest kioskRequest()
{
    CaptureRequest r;
    r.responseId = u"uuid:0b4f8a8e-3f0a-4c55-9a0e-2b7d0d6f1c11"_s;
    r.surveyId = u"leisure-2026"_s;
    r.surveyVersion = u"7"_s;
    r.questionBankVersion = u"gss/2025.1"_s;
    r.controllerId = u"Exampleshire Council"_s;
    r.lawfulBasis = u"public_task"_s;
    r.art9Condition = u"dpa2018_sch1_para8"_s;
    r.noticeId = u"leisure-privacy"_s;
    r.noticeVersion = u"3"_s;
    r.noticeLocale = u"en"_s;
    r.noticeText = {u"I agree."_s, u"We are Exampleshire Council."_s};
    r.offeredPurposes = {u"equality_monitoring"_s, u"consultation_response"_s};
    r.actions = {{u"consent_equality"_s, u"equality_monitoring"_s, true, false}};
    r.mode = CollectionMode::Kiosk;
    r.deviceId = u"dev-1"_s;
    r.appVersion = u"0.1.0"_s;
    r.ageGate = AgeGateResult::Confirmed16Plus;
    r.hashKey = deriveReceiptHashKey(r.surveyId, QByteArrayLiteral("council-public-key"));
    return r;
}
} // namespace

class TestConsentCapture : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void captureConsent_kiosk_givesAValidRecordAndAFreshCode()
    {
        const CaptureRequest request = kioskRequest();
        auto captured = captureConsent(request);
        QVERIFY2(captured.ok(), qPrintable(captured.ok() ? QString() : captured.error().message));
        const ConsentRecord &r = captured->record;
        QVERIFY(r.validate().ok());
        QCOMPARE(r.receiptCodeHash, receiptCodeHash(captured->receiptCode, request.hashKey));
        QCOMPARE(r.noticeSha256, noticeSha256(request.noticeText));
        QVERIFY(r.isGranted(u"equality_monitoring"_s));
        QVERIFY(!r.isGranted(u"consultation_response"_s)); // offered, never ticked
        QCOMPARE(r.purposes.size(), 2);
        QVERIFY(r.capturedAtUtc.isValid());
        QCOMPARE(r.capturedAtUtc.timeSpec(), Qt::UTC);
        QVERIFY(r.deviceMonotonicMs >= 0);
        QCOMPARE(*ConsentRecord::fromXml(r.toXml()), r);

        auto again = captureConsent(request);
        QVERIFY(again->receiptCode != captured->receiptCode);
        QVERIFY(again->record.consentId != r.consentId);
    }

    void captureConsent_precheckedControl_isRefused()
    {
        CaptureRequest request = kioskRequest();
        request.actions.first().prechecked = true;
        auto captured = captureConsent(request);
        QVERIFY(!captured.ok());
        QVERIFY(captured.error().message.contains(u"pre-ticked"));
    }

    void captureConsent_paperWithOperator_recordsEachBoxOfTheForm()
    {
        CaptureRequest request = kioskRequest();
        request.mode = CollectionMode::Paper;
        request.operatorId = u"op-3"_s;
        auto evidence = paperFormEvidence(request.offeredPurposes, {u"consultation_response"_s});
        QVERIFY(evidence.ok());
        request.actions = *evidence;
        auto captured = captureConsent(request);
        QVERIFY(captured.ok());
        QVERIFY(!captured->record.isGranted(u"equality_monitoring"_s));
        QVERIFY(captured->record.isGranted(u"consultation_response"_s));
        QCOMPARE(captured->record.actionEvidence.size(), 2);
        QCOMPARE(captured->record.actionEvidence.first().control, u"paper:equality_monitoring"_s);
        QVERIFY(!captured->record.actionEvidence.first().checked);

        request.operatorId.clear();
        QVERIFY(!captureConsent(request).ok());
    }

    void paperFormEvidence_unknownPurpose_isAnErrorListingTheOffered()
    {
        auto evidence = paperFormEvidence({u"equality_monitoring"_s}, {u"marketing"_s});
        QVERIFY(!evidence.ok());
        QVERIFY(evidence.error().message.contains(u"equality_monitoring"));
    }

    void captureConsent_givenTimes_areKeptToTheMillisecond()
    {
        CaptureRequest request = kioskRequest();
        request.capturedAtUtc = QDateTime(QDate(2026, 5, 1), QTime(8, 0, 0, 42), Qt::UTC);
        request.deviceMonotonicMs = 12345;
        request.clockConfidence = ClockConfidence::OperatorConfirmed;
        auto captured = captureConsent(request);
        QVERIFY(captured.ok());
        QCOMPARE(captured->record.capturedAtUtc, request.capturedAtUtc);
        QCOMPARE(captured->record.deviceMonotonicMs, 12345);
        QVERIFY(captured->record.clockConfidence == ClockConfidence::OperatorConfirmed);
    }

    void captureConsent_noPurposesOrNoKey_isAnError()
    {
        CaptureRequest request = kioskRequest();
        request.offeredPurposes.clear();
        QVERIFY(!captureConsent(request).ok());
        request = kioskRequest();
        request.hashKey = {};
        QVERIFY(!captureConsent(request).ok());
    }
};

QTEST_GUILESS_MAIN(TestConsentCapture)
#include "tst_consentcapture.moc"
