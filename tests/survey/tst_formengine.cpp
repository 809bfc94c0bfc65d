// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestPackages.h"
#include "survey/FormEngine.h"
#include "survey/SurveyLoader.h"

#include <QTest>

using namespace chorus;
using namespace chorus::survey;
using namespace chorus::testing;
using response::Answer;
using response::AnswerState;

namespace {
SurveyPackage load(const QJsonObject &o)
{
    ValidationReport report;
    auto p = SurveyLoader::load(toBytes(o), &report);
    if (!p) {
        qFatal("fixture does not load: %s", qPrintable(report.toText()));
    }
    return *p;
}

SurveyPackage demo()
{
    return load(minimalPackageJson());
}

SurveyPackage typed()
{
    return load(packageWithQuestions(parseArray(R"([
        {"name": "n", "type": "integer", "label": "N", "min": 0, "max": 120},
        {"name": "d", "type": "decimal", "label": "D"},
        {"name": "date", "type": "date", "label": "Date"},
        {"name": "yob", "type": "date", "label": "Year", "yearOnly": true, "min": 1900, "max": 2026},
        {"name": "m", "type": "multiple", "label": "M", "choices": [
            {"code": "a", "label": "A"}, {"code": "b", "label": "B"}, {"code": "other", "label": "Other", "writeIn": true}]},
        {"name": "t", "type": "text", "label": "T", "minLength": 2, "maxLength": 5},
        {"name": "g", "type": "geopoint", "label": "G"},
        {"name": "r", "type": "ranking", "label": "R", "choices": [{"code": "x", "label": "X"}, {"code": "y", "label": "Y"}]},
        {"name": "info", "type": "note", "label": "Thanks"}
    ])")));
}
} // namespace

class TestFormEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pages_areTheShownQuestionsInFormOrder()
    {
        FormEngine engine(demo());
        QCOMPARE(engine.pages(), (QStringList{QStringLiteral("satisfaction"), QStringLiteral("improvements"), QStringLiteral("sex")}));
        QCOMPARE(engine.current(), QStringLiteral("satisfaction"));
        QVERIFY(response::isValidInstanceId(engine.instanceId()));
    }

    void next_refusesToLeaveARequiredQuestionUnanswered_withAMessage()
    {
        FormEngine engine(demo());
        const Status moved = engine.next();
        QVERIFY(!moved.ok());
        QCOMPARE(moved.error().message, QStringLiteral("Select an answer"));
        QCOMPARE(engine.current(), QStringLiteral("satisfaction"));
    }

    void nextAndPrevious_walkToReviewAndBack()
    {
        FormEngine engine(demo());
        QVERIFY(engine.setAnswer(QStringLiteral("satisfaction"), Answer::answered(QStringLiteral("4"))).ok());
        QVERIFY(engine.next().ok());
        QVERIFY(engine.next().ok()); // optional text skipped
        QCOMPARE(engine.current(), QStringLiteral("sex"));
        QVERIFY(engine.next().ok());
        QVERIFY(engine.atReview());
        QVERIFY(engine.previous());
        QCOMPARE(engine.current(), QStringLiteral("sex"));
        QVERIFY(engine.goTo(QStringLiteral("satisfaction")));
        QVERIFY(!engine.previous());
        QVERIFY(!engine.goTo(QStringLiteral("nonexistent")));
    }

    void setAnswer_rejectsCodesNotInTheList_andPreferNotToSayWhereNotOffered()
    {
        FormEngine engine(demo());
        QVERIFY(!engine.setAnswer(QStringLiteral("satisfaction"), Answer::answered(QStringLiteral("6"))).ok());
        QVERIFY(!engine.setAnswer(QStringLiteral("satisfaction"), Answer::preferNotToSay()).ok());
        QVERIFY(engine.setAnswer(QStringLiteral("sex"), Answer::preferNotToSay()).ok());
        QCOMPARE(engine.answer(QStringLiteral("sex")).state, AnswerState::PreferNotToSay);
        QVERIFY(!engine.setAnswer(QStringLiteral("sex"), Answer::notAsked()).ok());
        QVERIFY(!engine.setAnswer(QStringLiteral("nope"), Answer::answered(QStringLiteral("1"))).ok());
    }

    void values_areStoredInCanonicalForm()
    {
        FormEngine engine(typed());
        auto set = [&](const char *path, const char *value, const char *writeIn = "") {
            return engine.setAnswer(QLatin1String(path), Answer::answered(QLatin1String(value), QLatin1String(writeIn)));
        };
        QVERIFY(set("n", " +042 ").ok());
        QCOMPARE(engine.answer(QStringLiteral("n")).value, QStringLiteral("42"));
        QVERIFY(set("d", "2.50").ok());
        QCOMPARE(engine.answer(QStringLiteral("d")).value, QStringLiteral("2.5"));
        QVERIFY(set("m", "other a", "Tea").ok());
        QCOMPARE(engine.answer(QStringLiteral("m")), Answer::answered(QStringLiteral("a other"), QStringLiteral("Tea")));
        QVERIFY(set("g", "51.41 -0.3 12 5").ok());
        QVERIFY(set("date", "2026-02-28").ok());
        QVERIFY(set("yob", "1984").ok());
        QVERIFY(set("t", "a\r\nb\x01").ok());
        QCOMPARE(engine.answer(QStringLiteral("t")).value, QStringLiteral("a\r\nb")); // line endings as typed
    }

    void malformedValues_areRejectedWithRespondentMessages()
    {
        FormEngine engine(typed());
        auto reject = [&](const char *path, const char *value, const char *writeIn = "") {
            const Status s = engine.setAnswer(QLatin1String(path), Answer::answered(QLatin1String(value), QLatin1String(writeIn)));
            return !s.ok() && !s.error().message.isEmpty();
        };
        QVERIFY(reject("n", "12.5"));
        QVERIFY(reject("n", "twelve"));
        QVERIFY(reject("d", "1e9"));
        QVERIFY(reject("date", "2026-02-30"));
        QVERIFY(reject("date", "24/11/2026"));
        QVERIFY(reject("yob", "84"));
        QVERIFY(reject("m", "a a"));
        QVERIFY(reject("m", "a", "write-in on an option without one"));
        QVERIFY(reject("g", "91 0"));
        QVERIFY(reject("info", "x"));
    }

    void ranges_lengthsAndRankings_areProblemsNotRejections()
    {
        FormEngine engine(typed());
        QVERIFY(engine.setAnswer(QStringLiteral("n"), Answer::answered(QStringLiteral("130"))).ok());
        QCOMPARE(engine.problems(QStringLiteral("n")).size(), 1);
        QVERIFY(engine.setAnswer(QStringLiteral("t"), Answer::answered(QStringLiteral("toolong"))).ok());
        QCOMPARE(engine.problems(QStringLiteral("t")), QStringList{QStringLiteral("Your answer is too long")});
        QVERIFY(engine.setAnswer(QStringLiteral("r"), Answer::answered(QStringLiteral("y"))).ok());
        QCOMPARE(engine.problems(QStringLiteral("r")).size(), 1);
        QVERIFY(engine.setAnswer(QStringLiteral("r"), Answer::answered(QStringLiteral("y x"))).ok());
        QVERIFY(engine.problems(QStringLiteral("r")).isEmpty());
        QCOMPARE(engine.allProblems().size(), 2);
        QVERIFY(!engine.finalizeResponse().ok());
    }

    void finalize_givesEveryQuestionExactlyOneState()
    {
        FormEngine engine(demo());
        QVERIFY(engine.setAnswer(QStringLiteral("satisfaction"), Answer::answered(QStringLiteral("5"))).ok());
        QVERIFY(engine.setAnswer(QStringLiteral("sex"), Answer::preferNotToSay()).ok());
        const QDateTime finished(QDate(2026, 11, 24), QTime(12, 0), Qt::UTC);
        auto r = engine.finalizeResponse(finished);
        QVERIFY(r.ok());
        QCOMPARE(r->answers.size(), 3);
        QCOMPARE(r->answer(QStringLiteral("satisfaction")), Answer::answered(QStringLiteral("5")));
        QCOMPARE(r->answer(QStringLiteral("improvements")).state, AnswerState::NotAnswered);
        QCOMPARE(r->answer(QStringLiteral("sex")).state, AnswerState::PreferNotToSay);
        QCOMPARE(r->surveyId, QStringLiteral("demo_library_survey"));
        QCOMPARE(r->surveyVersion, QStringLiteral("2026112401"));
        QCOMPARE(r->bankVersion, QStringLiteral("gss/2025.1"));
        QCOMPARE(r->finished, finished);
        QCOMPARE(r->instanceId, engine.instanceId());
    }

    void clearingAnAnswer_makesItNotAnsweredAgain()
    {
        FormEngine engine(demo());
        QVERIFY(engine.setAnswer(QStringLiteral("improvements"), Answer::answered(QStringLiteral("More hours"))).ok());
        QVERIFY(engine.setAnswer(QStringLiteral("improvements"), Answer::answered(QStringLiteral("   "))).ok());
        QCOMPARE(engine.answer(QStringLiteral("improvements")).state, AnswerState::NotAnswered);
    }

    void draft_resumesWithTheSameIdentityAndAnswers()
    {
        FormEngine engine(demo());
        QVERIFY(engine.setAnswer(QStringLiteral("satisfaction"), Answer::answered(QStringLiteral("2"))).ok());
        const response::Response draft = engine.draft();
        FormEngine resumed(demo(), draft);
        QCOMPARE(resumed.instanceId(), engine.instanceId());
        QCOMPARE(resumed.answer(QStringLiteral("satisfaction")).value, QStringLiteral("2"));
    }

    void languages_fallBackToTheDefault_knowTheirDirection_andGiveMessagesInTheirLanguage()
    {
        QJsonObject o = packageWithQuestions(parseArray(R"json([
            {"name": "postcode", "type": "text",
             "label": {"en": "What is your postcode?", "cy": "Beth yw eich cod post?"},
             "hint": {"en": "For example, EX1 1AA"},
             "constraint": "string-length(.) <= 8",
             "constraintMessage": {"en": "Enter a real postcode", "cy": "Rhowch god post go iawn", "ur": "درست پوسٹ کوڈ درج کریں"}},
            {"bank": "gss/2025.1", "items": ["sex"]}
        ])json"));
        o.insert(QStringLiteral("languages"), parseArray(R"json([{"code": "en", "name": "English"}, {"code": "cy", "name": "Cymraeg"},
                                                                 {"code": "ur", "name": "اردو", "rtl": true}])json"));
        o.insert(QStringLiteral("title"), parseJson(R"json({"en": "Survey", "cy": "Arolwg", "ur": "سروے"})json"));
        FormEngine e(load(o), QStringLiteral("cy"));
        QCOMPARE(e.language(), QStringLiteral("cy"));
        QVERIFY(!e.isRightToLeft());
        const Question *q = e.question(QStringLiteral("postcode"));
        QCOMPARE(e.text(q->label), QStringLiteral("Beth yw eich cod post?"));
        QCOMPARE(e.text(q->hint), QStringLiteral("For example, EX1 1AA")); // not translated: default language
        QCOMPARE(e.text(e.question(QStringLiteral("sex"))->label), QStringLiteral("What is your sex?"));
        QVERIFY(e.setAnswer(QStringLiteral("postcode"), Answer::answered(QStringLiteral("far too long"))).ok());
        QCOMPARE(e.problems(QStringLiteral("postcode")), QStringList{QStringLiteral("Rhowch god post go iawn")});
        e.setLanguage(QStringLiteral("ur"));
        QVERIFY(e.isRightToLeft());
        QCOMPARE(e.text(q->label), QStringLiteral("What is your postcode?"));
        QCOMPARE(e.problems(QStringLiteral("postcode")), QStringList{QString::fromUtf8("درست پوسٹ کوڈ درج کریں")});
        QCOMPARE(e.draft().language, QStringLiteral("ur"));
    }

    void unknownLanguage_fallsBackToTheDefault()
    {
        FormEngine engine(demo(), QStringLiteral("xx"));
        QCOMPARE(engine.language(), QStringLiteral("en"));
        QVERIFY(!engine.isRightToLeft());
        QCOMPARE(engine.text(engine.question(QStringLiteral("sex"))->label), QStringLiteral("What is your sex?"));
    }
};

QTEST_GUILESS_MAIN(TestFormEngine)
#include "tst_formengine.moc"
