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
const char *kRouted = R"json([
    {"name": "uses_library", "type": "single", "label": "Do you use the library?", "required": true,
     "choices": [{"code": "yes", "label": "Yes"}, {"code": "no", "label": "No"}]},
    {"name": "visits", "type": "integer", "label": "Visits a month", "relevant": "${uses_library} = 'yes'",
     "constraint": ". >= 1 and . <= 31", "constraintMessage": "Enter a number from 1 to 31"},
    {"name": "why_not", "type": "text", "label": "Why not?", "relevant": "${uses_library} = 'no'",
     "requiredIf": "${uses_library} = 'no'"},
    {"name": "frequent", "type": "calculate", "calculate": "if(${visits} >= 8, 'yes', 'no')"},
    {"name": "thanks_frequent", "type": "note", "label": "Thank you for coming so often", "relevant": "${frequent} = 'yes'"},
    {"name": "broad", "type": "single", "label": "Broad", "preferNotToSay": true,
     "choices": [{"code": "white", "label": "White"}, {"code": "asian", "label": "Asian"}]},
    {"name": "detail", "type": "single", "label": "Detail", "relevant": "${broad} != ''",
     "choiceFilter": "group = ${broad}", "choices": [
        {"code": "13", "label": "British", "attributes": {"group": "white"}},
        {"code": "16", "label": "Roma", "attributes": {"group": "white"}},
        {"code": "3", "label": "Indian", "attributes": {"group": "asian"}}]},
    {"name": "household", "type": "repeat", "label": "People", "minCount": 1, "maxCount": 3, "questions": [
        {"name": "age", "type": "integer", "label": "Age"},
        {"name": "school", "type": "single", "label": "School?", "relevant": "${age} < 18",
         "choices": [{"code": "y", "label": "Y"}, {"code": "n", "label": "N"}]},
        {"name": "n", "type": "calculate", "calculate": "position(..)"}]},
    {"name": "people", "type": "calculate", "calculate": "count(${household})"},
    {"name": "total_age", "type": "calculate", "calculate": "sum(${age})"},
    {"name": "details", "type": "group", "label": "More", "relevant": "${people} > 1", "questions": [
        {"name": "carer", "type": "single", "label": "Carer?", "choices": [{"code": "y", "label": "Y"}]}]}
])json";

SurveyPackage routed()
{
    ValidationReport report;
    auto p = SurveyLoader::load(toBytes(packageWithQuestions(parseArray(kRouted))), &report);
    if (!p) {
        qFatal("routing fixture does not load: %s", qPrintable(report.toText()));
    }
    return *p;
}

Status set(FormEngine &e, const char *path, const char *value)
{
    return e.setAnswer(QLatin1String(path), Answer::answered(QLatin1String(value)));
}
} // namespace

class TestRouting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void relevance_showsAndHidesPages()
    {
        FormEngine e(routed());
        QCOMPARE(e.pages(), (QStringList{QStringLiteral("uses_library"), QStringLiteral("broad"), QStringLiteral("household[1]/age")}));
        QVERIFY(set(e, "uses_library", "yes").ok());
        QVERIFY(e.pages().contains(QStringLiteral("visits")));
        QVERIFY(!e.pages().contains(QStringLiteral("why_not")));
        QVERIFY(set(e, "uses_library", "no").ok());
        QVERIFY(!e.pages().contains(QStringLiteral("visits")));
        QVERIFY(e.pages().contains(QStringLiteral("why_not")));
    }

    void hiddenAnswers_areKept_andComeBack_butFinalizeAsNotAsked()
    {
        FormEngine e(routed());
        QVERIFY(set(e, "uses_library", "yes").ok());
        QVERIFY(set(e, "visits", "12").ok());
        QVERIFY(set(e, "uses_library", "no").ok());
        QCOMPARE(e.answer(QStringLiteral("visits")).value, QStringLiteral("12"));
        QVERIFY(set(e, "why_not", "Too far").ok());
        auto r = e.finalizeResponse();
        QVERIFY(r.ok());
        QCOMPARE(r->answer(QStringLiteral("visits")).state, AnswerState::NotAsked);
        QCOMPARE(r->answer(QStringLiteral("why_not")).value, QStringLiteral("Too far"));
        QVERIFY(set(e, "uses_library", "yes").ok());
        QCOMPARE(e.answer(QStringLiteral("visits")).value, QStringLiteral("12"));
        QVERIFY(e.pages().contains(QStringLiteral("visits")));
    }

    void hiddenValues_readAsEmpty_inOtherExpressions()
    {
        FormEngine e(routed());
        QVERIFY(set(e, "uses_library", "yes").ok());
        QVERIFY(set(e, "visits", "12").ok());
        QCOMPARE(e.calculatedValue(QStringLiteral("frequent")), QStringLiteral("yes"));
        QVERIFY(e.pages().contains(QStringLiteral("thanks_frequent")));
        QVERIFY(set(e, "uses_library", "no").ok());
        QCOMPARE(e.calculatedValue(QStringLiteral("frequent")), QStringLiteral("no"));
        QVERIFY(!e.pages().contains(QStringLiteral("thanks_frequent")));
    }

    void requiredIf_andConstraint_giveMessages()
    {
        FormEngine e(routed());
        QVERIFY(set(e, "uses_library", "no").ok());
        QVERIFY(e.isRequired(QStringLiteral("why_not")));
        QCOMPARE(e.problems(QStringLiteral("why_not")), QStringList{QStringLiteral("Enter an answer")});
        QVERIFY(set(e, "uses_library", "yes").ok());
        QVERIFY(!e.isRequired(QStringLiteral("why_not")));
        QVERIFY(set(e, "visits", "40").ok());
        QCOMPARE(e.problems(QStringLiteral("visits")), QStringList{QStringLiteral("Enter a number from 1 to 31")});
        QVERIFY(!e.finalizeResponse().ok());
        QVERIFY(set(e, "visits", "4").ok());
        QVERIFY(e.problems(QStringLiteral("visits")).isEmpty());
    }

    void choiceFilter_narrowsTheSecondStep()
    {
        FormEngine e(routed());
        QVERIFY(!e.pages().contains(QStringLiteral("detail")));
        QVERIFY(set(e, "broad", "white").ok());
        QVERIFY(e.pages().contains(QStringLiteral("detail")));
        QStringList codes;
        for (const Choice &c : e.choices(QStringLiteral("detail"))) {
            codes.append(c.code);
        }
        QCOMPARE(codes, (QStringList{QStringLiteral("13"), QStringLiteral("16")}));
        QVERIFY(!set(e, "detail", "3").ok());
        QVERIFY(set(e, "detail", "16").ok());
        QVERIFY(set(e, "broad", "asian").ok());
        QCOMPARE(e.problems(QStringLiteral("detail")), QStringList{QStringLiteral("Select one of the answers shown")});
        QVERIFY(e.setAnswer(QStringLiteral("broad"), Answer::preferNotToSay()).ok());
        QVERIFY(!e.pages().contains(QStringLiteral("detail")));
    }

    void repeats_addRemoveAndAggregate()
    {
        FormEngine e(routed());
        QCOMPARE(e.repeatCount(QStringLiteral("household")), 1);
        QVERIFY(!e.removeRepeatInstance(QStringLiteral("household"), 1).ok()); // minCount 1
        QVERIFY(e.addRepeatInstance(QStringLiteral("household")).ok());
        QVERIFY(e.addRepeatInstance(QStringLiteral("household")).ok());
        QVERIFY(!e.addRepeatInstance(QStringLiteral("household")).ok()); // maxCount 3
        QVERIFY(set(e, "household[1]/age", "40").ok());
        QVERIFY(set(e, "household[2]/age", "12").ok());
        QVERIFY(set(e, "household[3]/age", "9").ok());
        QVERIFY(e.pages().contains(QStringLiteral("household[2]/school")));
        QVERIFY(!e.pages().contains(QStringLiteral("household[1]/school")));
        QCOMPARE(e.calculatedValue(QStringLiteral("people")), QStringLiteral("3"));
        QCOMPARE(e.calculatedValue(QStringLiteral("total_age")), QStringLiteral("61"));
        QCOMPARE(e.calculatedValue(QStringLiteral("household[3]/n")), QStringLiteral("3"));
        QVERIFY(e.pages().contains(QStringLiteral("carer")));
        QVERIFY(e.removeRepeatInstance(QStringLiteral("household"), 2).ok());
        QCOMPARE(e.answer(QStringLiteral("household[2]/age")).value, QStringLiteral("9"));
        QCOMPARE(e.calculatedValue(QStringLiteral("total_age")), QStringLiteral("49"));
        QVERIFY(set(e, "uses_library", "no").ok());
        QVERIFY(set(e, "why_not", "x").ok());
        auto r = e.finalizeResponse();
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->repeatCounts.value(QStringLiteral("household")), 2);
        QCOMPARE(r->answer(QStringLiteral("household[1]/school")).state, AnswerState::NotAsked);
        QCOMPARE(r->answer(QStringLiteral("household[2]/school")).state, AnswerState::NotAnswered);
        QCOMPARE(r->answer(QStringLiteral("people")), Answer::answered(QStringLiteral("2")));
        QCOMPARE(r->answer(QStringLiteral("frequent")), Answer::answered(QStringLiteral("no")));
        QCOMPARE(r->answer(QStringLiteral("carer")).state, AnswerState::NotAnswered);
    }

    void navigation_followsRouting()
    {
        FormEngine e(routed());
        QVERIFY(set(e, "uses_library", "no").ok());
        QVERIFY(e.next().ok());
        QCOMPARE(e.current(), QStringLiteral("why_not"));
        QVERIFY(!e.next().ok()); // required-if
        QVERIFY(set(e, "why_not", "Closed when I can go").ok());
        QVERIFY(e.next().ok());
        QCOMPARE(e.current(), QStringLiteral("broad"));
    }

    void next_fromAPageThatWasHidden_continuesInFormOrder()
    {
        FormEngine e(routed());
        QVERIFY(set(e, "uses_library", "yes").ok());
        QVERIFY(e.goTo(QStringLiteral("visits")));
        QVERIFY(set(e, "uses_library", "no").ok()); // e.g. changed from another view
        QVERIFY(!e.isVisible(QStringLiteral("visits")));
        QVERIFY(e.next().ok());
        QCOMPARE(e.current(), QStringLiteral("why_not"));
    }

    void loader_reportsExpressionErrorsWithPositions_andCycles()
    {
        const ValidationReport r = [] {
            ValidationReport report;
            auto p = SurveyLoader::load(toBytes(packageWithQuestions(parseArray(R"json([
                {"name": "a", "type": "text", "label": "A", "relevant": "${b} = 'x' and"},
                {"name": "b", "type": "text", "label": "B", "relevant": "${c} != ''"},
                {"name": "c", "type": "calculate", "calculate": "concat(${b}, '1')"},
                {"name": "d", "type": "text", "label": "D", "relevant": "group = 'x'", "constraint": ". != ${nope}"},
                {"name": "e", "type": "text", "label": "E", "relevant": ". = 'x'"},
                {"name": "f", "type": "text", "label": "F", "relevant": "${f} = ''"}
            ])json"))), &report);
            Q_UNUSED(p)
            return report;
        }();
        QVERIFY2(r.mentions(QStringLiteral("sections[0].questions[0]"), QStringLiteral("relevant is not a valid expression: at 15: the expression ends too early")),
                 qPrintable(r.toText()));
        QVERIFY(r.mentions(QStringLiteral("sections[0].questions[1]"), QStringLiteral("in a circle: ${b} -> ${c} -> ${b}")));
        QVERIFY(r.mentions(QStringLiteral("sections[0].questions[3]"), QStringLiteral("bare name \"group\"")));
        QVERIFY(r.mentions(QStringLiteral("sections[0].questions[3]"), QStringLiteral("constraint refers to ${nope}, which is not defined")));
        QVERIFY(r.mentions(QStringLiteral("sections[0].questions[4]"), QStringLiteral("belongs only in a constraint")));
        QVERIFY(r.mentions(QStringLiteral("sections[0].questions[5]"), QStringLiteral("in a circle: ${f} -> ${f}")));
    }
};

QTEST_GUILESS_MAIN(TestRouting)
#include "tst_routing.moc"
