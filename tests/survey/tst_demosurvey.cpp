// SPDX-License-Identifier: GPL-3.0-or-later
// The shipped council survey (examples/demo.chorus.json) end to end: it loads, routes as the
// issue asks (16+ gating, disability step 2, ethnicity two-step) and round-trips as XML.
#include "TestPackages.h"
#include "response/SubmissionXml.h"
#include "survey/AnswersJson.h"
#include "survey/FormEngine.h"
#include "survey/SurveyLoader.h"

#include <QTest>

using namespace chorus;
using namespace chorus::survey;
using namespace chorus::testing;
using response::AnswerState;

namespace {
SurveyPackage demo()
{
    ValidationReport report;
    auto p = SurveyLoader::loadFile(QStringLiteral(CHORUS_SOURCE_DIR "/examples/demo.chorus.json"), &report);
    if (!p) {
        qFatal("examples/demo.chorus.json does not load: %s", qPrintable(report.toText()));
    }
    return *p;
}

QJsonObject adultAnswers()
{
    const int year = QDate::currentDate().year();
    QJsonObject o = parseJson(R"json({
        "uses_library": "yes", "libraries_used": ["central", "online"], "visit_frequency": "weekly", "satisfaction": "2",
        "agree_evening_hours": "5", "agree_hubs": "1", "hub_priorities": ["it_help", "advice", "health", "meeting"],
        "hub_concerns": "Fewer books on the shelves", "postcode_district": "EX1",
        "sex": {"state": "prefer_not_to_say"}, "gender_identity": "yes", "sexual_orientation": "bisexual",
        "ethnic_group": "white", "ethnicity": {"value": "white_other", "writeIn": "Polish"}, "religion": "no_religion",
        "disability_condition": "yes", "disability_impact": "a_little", "marital_status": "married",
        "pregnancy_maternity": "no", "unpaid_care": "10_19"})json");
    o.insert(QStringLiteral("year_of_birth"), QString::number(year - 45));
    return o;
}
} // namespace

class TestDemoSurvey : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demo_isARealisticCouncilSurvey()
    {
        const SurveyPackage p = demo();
        QCOMPARE(p.sections.size(), 3);
        QCOMPARE(p.bankVersion, QStringLiteral("gss/2025.1"));
        for (const char *name : {"year_of_birth", "sex", "gender_identity", "sexual_orientation", "ethnic_group", "ethnicity",
                                 "religion", "disability_condition", "disability_impact", "disability_equality_act",
                                 "marital_status", "pregnancy_maternity", "unpaid_care"}) {
            QVERIFY2(p.question(QLatin1String(name)), name);
        }
    }

    void adult_answersEverything_andRoundTripsAsXml()
    {
        const SurveyPackage p = demo();
        auto r = fillFromAnswersJson(p, adultAnswers());
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->answer(QStringLiteral("disability_equality_act")).value, QStringLiteral("2"));
        QCOMPARE(r->answer(QStringLiteral("age_16_plus")).value, QStringLiteral("yes"));
        QCOMPARE(r->answer(QStringLiteral("why_not_used")).state, AnswerState::NotAsked);
        QCOMPARE(r->answer(QStringLiteral("comments")).state, AnswerState::NotAnswered);
        QCOMPARE(r->answer(QStringLiteral("sex")).state, AnswerState::PreferNotToSay);
        QCOMPARE(r->answer(QStringLiteral("libraries_used")).value, QStringLiteral("central online"));
        const QByteArray xml = response::SubmissionXml::serialize(p, *r);
        QVERIFY(xml.contains("<ethnicity chorus:state=\"answered\" chorus:writeIn=\"Polish\">white_other</ethnicity>"));
        auto parsed = response::SubmissionXml::parse(xml);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->answers, r->answers);
    }

    void fifteenYearOld_isNotAskedTheSixteenPlusQuestions()
    {
        const SurveyPackage p = demo();
        QJsonObject answers = adultAnswers();
        answers.remove(QStringLiteral("gender_identity"));
        answers.remove(QStringLiteral("sexual_orientation"));
        answers.insert(QStringLiteral("year_of_birth"), QString::number(QDate::currentDate().year() - 15));
        auto r = fillFromAnswersJson(p, answers);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->answer(QStringLiteral("gender_identity")).state, AnswerState::NotAsked);
        QCOMPARE(r->answer(QStringLiteral("sexual_orientation")).state, AnswerState::NotAsked);
        answers.insert(QStringLiteral("sexual_orientation"), QStringLiteral("straight"));
        QVERIFY(!fillFromAnswersJson(p, answers).ok());
    }

    void screenRouting_followsTheAnswers()
    {
        FormEngine e(demo());
        QVERIFY(e.setAnswer(QStringLiteral("uses_library"), response::Answer::answered(QStringLiteral("no"))).ok());
        QStringList pages = e.pages();
        QVERIFY(pages.contains(QStringLiteral("why_not_used")));
        QVERIFY(!pages.contains(QStringLiteral("satisfaction")));
        QVERIFY(!pages.contains(QStringLiteral("disability_impact")));
        QVERIFY(!pages.contains(QStringLiteral("ethnicity")));
        QVERIFY(!pages.contains(QStringLiteral("sexual_orientation")));
        QVERIFY(e.setAnswer(QStringLiteral("disability_condition"), response::Answer::answered(QStringLiteral("yes"))).ok());
        QVERIFY(e.setAnswer(QStringLiteral("ethnic_group"), response::Answer::answered(QStringLiteral("asian"))).ok());
        QVERIFY(e.setAnswer(QStringLiteral("year_of_birth"), response::Answer::answered(QStringLiteral("1980"))).ok());
        pages = e.pages();
        QVERIFY(pages.indexOf(QStringLiteral("disability_impact")) == pages.indexOf(QStringLiteral("disability_condition")) + 1);
        QVERIFY(pages.indexOf(QStringLiteral("ethnicity")) == pages.indexOf(QStringLiteral("ethnic_group")) + 1);
        QVERIFY(pages.contains(QStringLiteral("sexual_orientation")));
        QCOMPARE(e.choices(QStringLiteral("ethnicity")).size(), qsizetype(5));
        QCOMPARE(e.sectionIndex(QStringLiteral("uses_library")), 0);
        QCOMPARE(e.sectionIndex(QStringLiteral("comments")), 1);
        QCOMPARE(e.sectionIndex(QStringLiteral("ethnicity")), 2);
        QCOMPARE(e.sectionIndex(QStringLiteral("nope")), -1);
    }

    void postcodeConstraint_explainsItself()
    {
        FormEngine e(demo());
        QVERIFY(e.setAnswer(QStringLiteral("postcode_district"), response::Answer::answered(QStringLiteral("1EX"))).ok());
        QCOMPARE(e.problems(QStringLiteral("postcode_district")),
                 QStringList{QStringLiteral("Enter the first part of a postcode, like EX1 or EX12")});
    }
};

QTEST_GUILESS_MAIN(TestDemoSurvey)
#include "tst_demosurvey.moc"
