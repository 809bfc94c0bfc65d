// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestPackages.h"
#include "survey/AnswersJson.h"
#include "survey/SurveyLoader.h"

#include <QTest>

using namespace chorus;
using namespace chorus::survey;
using namespace chorus::testing;
using response::Answer;
using response::AnswerState;

namespace {
SurveyPackage demo()
{
    auto p = SurveyLoader::load(toBytes(minimalPackageJson()));
    if (!p) {
        qFatal("demo does not load");
    }
    return *p;
}
} // namespace

class TestAnswersJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validAnswers_fillAndFinalize()
    {
        auto r = fillFromAnswersJson(demo(), parseJson(R"({"satisfaction": "4", "improvements": "Open on Sundays",
                                                          "sex": {"state": "prefer_not_to_say"}})"));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->answer(QStringLiteral("satisfaction")), Answer::answered(QStringLiteral("4")));
        QCOMPARE(r->answer(QStringLiteral("improvements")).value, QStringLiteral("Open on Sundays"));
        QCOMPARE(r->answer(QStringLiteral("sex")).state, AnswerState::PreferNotToSay);
        QVERIFY(response::isValidInstanceId(r->instanceId));
        QVERIFY(r->finished.isValid());
    }

    void numbersAndValueObjects_areAccepted()
    {
        auto r = fillFromAnswersJson(demo(), parseJson(R"({"satisfaction": 3, "sex": {"value": "female"}})"));
        QVERIFY(r.ok());
        QCOMPARE(r->answer(QStringLiteral("satisfaction")).value, QStringLiteral("3"));
        QCOMPARE(r->answer(QStringLiteral("sex")).value, QStringLiteral("female"));
        QCOMPARE(r->answer(QStringLiteral("improvements")).state, AnswerState::NotAnswered);
    }

    void unknownNames_invalidValues_andMissingRequired_areAllNamed()
    {
        auto r = fillFromAnswersJson(demo(), parseJson(R"({"satisfaction": "9", "favourite_colour": "blue",
                                                          "sex": {"state": "not_asked"}})"));
        QVERIFY(!r.ok());
        const QString m = r.error().message;
        QVERIFY2(m.contains(QLatin1String("satisfaction: Select one of the answers shown")), qPrintable(m));
        QVERIFY(m.contains(QLatin1String("favourite_colour: there is no such question")));
        QVERIFY(m.contains(QLatin1String("sex: state must be")));

        auto missing = fillFromAnswersJson(demo(), parseJson(R"({"improvements": "x"})"));
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.contains(QLatin1String("satisfaction: Select an answer")));
    }

    void timesAndLanguage_comeFromTheOptions()
    {
        FillOptions options;
        options.started = QDateTime(QDate(2026, 11, 24), QTime(10, 0), Qt::UTC);
        options.finished = QDateTime(QDate(2026, 11, 24), QTime(10, 5), Qt::UTC);
        options.language = QStringLiteral("en");
        auto r = fillFromAnswersJson(demo(), parseJson(R"({"satisfaction": "1"})"), options);
        QVERIFY(r.ok());
        QCOMPARE(r->started, options.started);
        QCOMPARE(r->finished, options.finished);
        QCOMPARE(r->language, QStringLiteral("en"));
    }
};

QTEST_GUILESS_MAIN(TestAnswersJson)
#include "tst_answersjson.moc"
