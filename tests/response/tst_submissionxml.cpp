// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestPackages.h"
#include "response/SubmissionXml.h"
#include "survey/AnswersJson.h"
#include "survey/SurveyLoader.h"

#include <QTest>

using namespace chorus;
using namespace chorus::response;
using namespace chorus::survey;
using namespace chorus::testing;

namespace {
SurveyPackage load(const QJsonObject &o)
{
    auto p = SurveyLoader::load(toBytes(o));
    if (!p) {
        qFatal("fixture does not load: %s", qPrintable(p.error().message));
    }
    return *p;
}

Response fixedResponse()
{
    Response r;
    r.instanceId = QStringLiteral("uuid:5b9cf8d1-106f-4004-844f-c072d76762ed");
    r.surveyId = QStringLiteral("demo_library_survey");
    r.surveyVersion = QStringLiteral("2026112401");
    r.bankVersion = QStringLiteral("gss/2025.1");
    r.language = QStringLiteral("en");
    r.started = QDateTime(QDate(2026, 11, 24), QTime(10, 0, 1, 250), Qt::UTC);
    r.finished = QDateTime(QDate(2026, 11, 24), QTime(10, 4, 59), Qt::UTC);
    r.answers.insert(QStringLiteral("satisfaction"), Answer::answered(QStringLiteral("4")));
    r.answers.insert(QStringLiteral("improvements"), Answer::answered(QStringLiteral("Longer hours & <Sundays> \"please\"")));
    r.answers.insert(QStringLiteral("sex"), Answer::preferNotToSay());
    return r;
}
} // namespace

class TestSubmissionXml : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void serialize_producesTheDocumentedOdkInstance()
    {
        const QByteArray xml = SubmissionXml::serialize(load(minimalPackageJson()), fixedResponse());
        const QByteArray expected =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            "<demo_library_survey xmlns:chorus=\"urn:x-chorus:submission:1\" id=\"demo_library_survey\" version=\"2026112401\">"
            "<satisfaction chorus:state=\"answered\">4</satisfaction>"
            "<improvements chorus:state=\"answered\">Longer hours &amp; &lt;Sundays&gt; &quot;please&quot;</improvements>"
            "<sex chorus:state=\"prefer_not_to_say\"/>"
            "<meta><instanceID>uuid:5b9cf8d1-106f-4004-844f-c072d76762ed</instanceID>"
            "<timeStart>2026-11-24T10:00:01.250Z</timeStart><timeEnd>2026-11-24T10:04:59.000Z</timeEnd>"
            "<chorus:language>en</chorus:language><chorus:bankVersion>gss/2025.1</chorus:bankVersion></meta>"
            "</demo_library_survey>\n";
        QCOMPARE(xml, expected);
    }

    void event_nameAndWardGoInMeta_andParseBack()
    {
        const SurveyPackage p = load(minimalPackageJson());
        Response r = fixedResponse();
        r.eventName = QStringLiteral("Market day");
        r.eventWard = QStringLiteral("E05013926");
        const QByteArray xml = SubmissionXml::serialize(p, r);
        QVERIFY(xml.contains("<chorus:eventName>Market day</chorus:eventName>"
                             "<chorus:eventWard>E05013926</chorus:eventWard>"));
        auto parsed = SubmissionXml::parse(xml);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->eventName, r.eventName);
        QCOMPARE(parsed->eventWard, r.eventWard);
    }

    void serialize_isDeterministic()
    {
        const SurveyPackage p = load(minimalPackageJson());
        auto r = fillFromAnswersJson(p, parseJson(R"({"satisfaction": "2", "sex": "male"})"));
        QVERIFY(r.ok());
        QCOMPARE(SubmissionXml::serialize(p, *r), SubmissionXml::serialize(load(minimalPackageJson()), Response(*r)));
    }

    void parse_roundTripsEveryAnswerState_writeInsAndRepeats()
    {
        const SurveyPackage p = load(packageWithQuestions(parseArray(R"([
            {"name": "eth", "type": "single", "label": "E", "preferNotToSay": true,
             "choices": [{"code": "13", "label": "British"}, {"code": "17", "label": "Other White", "writeIn": true}]},
            {"name": "skipped", "type": "text", "label": "S"},
            {"name": "hidden", "type": "text", "label": "H"},
            {"name": "pnts", "type": "integer", "label": "P", "preferNotToSay": true},
            {"name": "people", "type": "repeat", "label": "People", "questions": [
                {"name": "age", "type": "integer", "label": "Age"}]}
        ])")));
        Response r = fixedResponse();
        r.surveyId = p.id;
        r.answers.clear();
        r.answers.insert(QStringLiteral("eth"), Answer::answered(QStringLiteral("17"), QStringLiteral("Polish \u0141\u00f3d\u017a")));
        r.answers.insert(QStringLiteral("skipped"), Answer::notAnswered());
        r.answers.insert(QStringLiteral("hidden"), Answer::notAsked());
        r.answers.insert(QStringLiteral("pnts"), Answer::preferNotToSay());
        r.repeatCounts.insert(QStringLiteral("people"), 2);
        r.answers.insert(QStringLiteral("people[1]/age"), Answer::answered(QStringLiteral("34")));
        r.answers.insert(QStringLiteral("people[2]/age"), Answer::notAnswered());
        const QByteArray xml = SubmissionXml::serialize(p, r);
        auto parsed = SubmissionXml::parse(xml);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        QCOMPARE(parsed->surveyVersion, r.surveyVersion);
        QCOMPARE(parsed->answers, r.answers);
        QCOMPARE(parsed->repeatCounts, r.repeatCounts);
        QCOMPARE(parsed->started, r.started);
        QCOMPARE(parsed->finished, r.finished);
        QCOMPARE(*parsed, r);
    }

    // XML parsers turn a literal CR or CRLF into LF; free text typed with Windows line endings
    // (a keyed-in paper form, a pasted comment) must come back exactly as typed.
    void parse_keepsCrLfAndCrInFreeTextAndWriteIns()
    {
        const SurveyPackage p = load(packageWithQuestions(parseArray(R"([
            {"name": "comments", "type": "text", "label": "C"},
            {"name": "eth", "type": "single", "label": "E",
             "choices": [{"code": "17", "label": "Other White", "writeIn": true}]}
        ])")));
        Response r = fixedResponse();
        r.surveyId = p.id;
        r.answers.clear();
        r.answers.insert(QStringLiteral("comments"), Answer::answered(QStringLiteral("line one\r\nline two\rthree\n\r\n")));
        r.answers.insert(QStringLiteral("eth"), Answer::answered(QStringLiteral("17"), QStringLiteral("a\r\nb")));
        auto parsed = SubmissionXml::parse(SubmissionXml::serialize(p, r));
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        QCOMPARE(parsed->answers, r.answers);
    }

    void parse_refusesDtdsUnknownStatesAndMissingInstanceId()
    {
        QVERIFY(!SubmissionXml::parse("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]><x id=\"x\"/>").ok());
        QVERIFY(!SubmissionXml::parse("<x xmlns:chorus=\"urn:x-chorus:submission:1\" id=\"x\"><q chorus:state=\"maybe\"/></x>").ok());
        QVERIFY(!SubmissionXml::parse("<x xmlns:chorus=\"urn:x-chorus:submission:1\" id=\"x\"><q chorus:state=\"not_asked\">leak</q>"
                                      "<meta><instanceID>uuid:5b9cf8d1-106f-4004-844f-c072d76762ed</instanceID></meta></x>").ok());
        QVERIFY(!SubmissionXml::parse("<x id=\"x\"><meta></meta></x>").ok());
        QVERIFY(!SubmissionXml::parse("<x id=\"x\"><unclosed>").ok());
        QVERIFY(!SubmissionXml::parse(QByteArray(100, ' '), 10).ok());
        QVERIFY(!SubmissionXml::parse("<x xmlns:chorus=\"urn:x-chorus:submission:1\" id=\"x\"><r chorus:instance=\"2000000000\"/>"
                                      "<meta><instanceID>uuid:5b9cf8d1-106f-4004-844f-c072d76762ed</instanceID></meta></x>").ok());
    }
};

QTEST_GUILESS_MAIN(TestSubmissionXml)
#include "tst_submissionxml.moc"
