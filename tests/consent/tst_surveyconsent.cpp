// SPDX-License-Identifier: GPL-3.0-or-later
#include "consent/SurveyConsent.h"
#include "response/SubmissionXml.h"
#include "survey/SurveyLoader.h"
#include "survey/SurveyPackage.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus;
using namespace chorus::consent;

namespace {
survey::SurveyPackage demo()
{
    survey::ValidationReport report;
    auto package = survey::SurveyLoader::loadFile(QStringLiteral(CHORUS_SOURCE_DIR "/tests/consent/data/consent-survey.chorus.json"), &report);
    if (!package)
        qFatal("demo survey does not load: %s", qPrintable(package.error().message));
    return *package;
}

response::Response answered(const survey::SurveyPackage &package)
{
    response::Response r;
    r.instanceId = response::newInstanceId();
    r.surveyId = package.id;
    r.surveyVersion = package.version;
    r.language = u"en"_s;
    r.answers.insert(u"satisfaction"_s, response::Answer::answered(u"4"_s));
    r.answers.insert(u"sex"_s, response::Answer::preferNotToSay());
    r.started = QDateTime(QDate(2026, 11, 24), QTime(10, 0), Qt::UTC);
    r.finished = r.started.addSecs(120);
    return r;
}

CapturedConsent captured(const survey::SurveyPackage &package, const response::Response &r, QStringList ticked)
{
    CaptureRequest request = captureRequestFor(package, r.language, r.instanceId);
    request.actions = *paperFormEvidence(request.offeredPurposes, ticked);
    request.mode = CollectionMode::Kiosk;
    request.deviceId = u"kiosk-1"_s;
    request.appVersion = u"0.1.0"_s;
    return *captureConsent(request);
}
} // namespace

class TestSurveyConsent : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void captureRequestFor_takesEverythingFromThePackage()
    {
        const survey::SurveyPackage package = demo();
        const CaptureRequest request = captureRequestFor(package, u"en"_s, u"uuid:x"_s);
        QCOMPARE(request.surveyId, package.id);
        QCOMPARE(request.surveyVersion, package.version);
        QCOMPARE(request.controllerId, package.controller.name);
        QCOMPARE(request.lawfulBasis, package.privacyNotice.lawfulBasis);
        QCOMPARE(request.art9Condition, package.privacyNotice.art9Condition);
        QCOMPARE(request.noticeVersion, package.privacyNotice.version);
        QCOMPARE(request.offeredPurposes, (QStringList{u"consultation"_s, u"equality_monitoring"_s}));
        QCOMPARE(request.hashKey.bytes, receiptHashKeyFor(package).bytes);
        QVERIFY(request.noticeText.privacyNotice.startsWith(u"Example Borough Council"));
        QVERIFY(request.noticeText.consentStatement.contains(u"Public Sector Equality Duty"));
    }

    void shownNoticeLocale_missingLanguage_fallsBackToTheLanguageActuallyShown()
    {
        const survey::SurveyPackage package = demo();
        QCOMPARE(shownNoticeLocale(package, u"cy"_s), u"en"_s);
        QCOMPARE(noticeSha256(noticeTextFor(package, u"cy"_s)), noticeSha256(noticeTextFor(package, u"en"_s)));
    }

    void lintNoticeChange_editedNoticeWithoutNewVersion_isReported()
    {
        const survey::SurveyPackage published = demo();
        survey::SurveyPackage edited = published;
        edited.privacyNotice.text.set(u"en"_s, published.privacyNotice.text.text(u"en"_s) + u" We may share it."_s);
        QCOMPARE(lintNoticeChange(published, edited).size(), 1);
        edited.privacyNotice.version = u"2"_s;
        QVERIFY(lintNoticeChange(published, edited).isEmpty());

        // Purpose wording is part of the consent statement, so it counts as the notice too.
        survey::SurveyPackage purposeEdited = published;
        purposeEdited.purposes[0].text.set(u"en"_s, u"To do something else"_s);
        QCOMPARE(lintNoticeChange(published, purposeEdited).size(), 1);
    }

    void applyConsentToAnswers_noEqualityGrant_makesEqualityAnswersNotAsked()
    {
        const survey::SurveyPackage package = demo();
        response::Response r = answered(package);
        QVERIFY(needsEqualityConsent(package, u"sex"_s));
        QVERIFY(!needsEqualityConsent(package, u"satisfaction"_s));

        QCOMPARE(applyConsentToAnswers(package, captured(package, r, {u"consultation"_s}).record, r), 1);
        QCOMPARE(r.answer(u"sex"_s).state, response::AnswerState::NotAsked);
        QCOMPARE(r.answer(u"satisfaction"_s), response::Answer::answered(u"4"_s));

        response::Response kept = answered(package);
        const auto granted = captured(package, kept, {u"consultation"_s, u"equality_monitoring"_s});
        QCOMPARE(applyConsentToAnswers(package, granted.record, kept), 0);
        QCOMPARE(kept.answer(u"sex"_s).state, response::AnswerState::PreferNotToSay);
    }

    void submissionXml_carriesTheConsentRecordInMetaAndReadsItBack()
    {
        const survey::SurveyPackage package = demo();
        response::Response r = answered(package);
        r.consent = captured(package, r, {u"consultation"_s, u"equality_monitoring"_s}).record;
        const QByteArray xml = response::SubmissionXml::serialize(package, r);
        QVERIFY(xml.contains("<meta>"));
        QVERIFY(xml.indexOf("<consent>") > xml.indexOf("<meta>"));
        auto parsed = response::SubmissionXml::parse(xml);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        QCOMPARE(parsed->consent, r.consent);
        QCOMPARE(parsed->instanceId, r.instanceId);
        QCOMPARE(parsed->answer(u"sex"_s), r.answer(u"sex"_s));
    }

    void submissionXml_tamperedConsentRecord_isRejected()
    {
        const survey::SurveyPackage package = demo();
        response::Response r = answered(package);
        r.consent = captured(package, r, {u"consultation"_s}).record;
        QByteArray xml = response::SubmissionXml::serialize(package, r);
        xml.replace("<prechecked>false</prechecked>", "<prechecked>true</prechecked>");
        QVERIFY(!response::SubmissionXml::parse(xml).ok());
    }
};

QTEST_GUILESS_MAIN(TestSurveyConsent)
#include "tst_surveyconsent.moc"
