// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestPackages.h"
#include "bank/QuestionBank.h"
#include "survey/AnswersJson.h"
#include "survey/FormEngine.h"
#include "survey/SurveyLoader.h"

#include <QFile>
#include <QTest>

using namespace chorus;
using namespace chorus::bank;
using namespace chorus::survey;
using namespace chorus::testing;
using response::AnswerState;

namespace {
struct EthnicRow {
    const char *group;
    const char *label;
    const char *census;
    bool writeIn;
};
// The GSS England and Wales list in questionnaire order with TS021 codes
// (shared/reference/equality-questions.md, section 1.3).
const EthnicRow kEthnicity[] = {
    {"white", "English, Welsh, Scottish, Northern Irish or British", "13", false},
    {"white", "Irish", "14", false},
    {"white", "Gypsy or Irish Traveller", "15", false},
    {"white", "Roma", "16", false},
    {"white", "Any other White background", "17", true},
    {"mixed", "White and Black Caribbean", "11", false},
    {"mixed", "White and Black African", "10", false},
    {"mixed", "White and Asian", "9", false},
    {"mixed", "Any other Mixed or Multiple ethnic background", "12", true},
    {"asian", "Indian", "3", false},
    {"asian", "Pakistani", "4", false},
    {"asian", "Bangladeshi", "1", false},
    {"asian", "Chinese", "2", false},
    {"asian", "Any other Asian background", "5", true},
    {"black", "Caribbean", "7", false},
    {"black", "African", "6", true},
    {"black", "Any other Black, Black British, or Caribbean background", "8", true},
    {"other", "Arab", "18", false},
    {"other", "Any other ethnic group", "19", true},
};

const char *kAllItems = R"json(["age_year_of_birth", "sex", "gender_identity", "sexual_orientation", "ethnicity", "religion",
                                 "disability", "marital_status", "pregnancy_maternity", "unpaid_care"])json";

SurveyPackage withBank(const char *nation, const char *items = kAllItems)
{
    QJsonObject ref{{QStringLiteral("bank"), QStringLiteral("gss/2025.1")}, {QStringLiteral("items"), parseArray(items)}};
    QJsonObject o = packageWithQuestions({ref});
    o.insert(QStringLiteral("nation"), QLatin1String(nation));
    ValidationReport report;
    auto p = SurveyLoader::load(toBytes(o), &report);
    if (!p) {
        qFatal("bank fixture does not load: %s", qPrintable(report.toText()));
    }
    return *p;
}

QStringList labels(const Question *q)
{
    QStringList out;
    for (const Choice &c : q->choices) {
        out.append(c.label.text(QStringLiteral("en")));
    }
    return out;
}

QString en(const LocalizedText &t)
{
    return t.text(QStringLiteral("en"));
}
} // namespace

class TestQuestionBank : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtinBank_hasEveryItem_forBothNations()
    {
        auto bank = loadBuiltinBank(QStringLiteral("gss/2025.1"));
        QVERIFY(bank.ok());
        const QStringList expected{QStringLiteral("age_year_of_birth"), QStringLiteral("age_band"), QStringLiteral("sex"),
                                   QStringLiteral("gender_identity"), QStringLiteral("sexual_orientation"), QStringLiteral("ethnicity"),
                                   QStringLiteral("religion"), QStringLiteral("disability"), QStringLiteral("marital_status"),
                                   QStringLiteral("pregnancy_maternity"), QStringLiteral("unpaid_care")};
        QCOMPARE(bank->itemIds(QStringLiteral("england")), expected);
        QCOMPARE(bank->itemIds(QStringLiteral("wales")), expected);
        QVERIFY(!bank->item(QStringLiteral("scotland"), QStringLiteral("sex")));
        QVERIFY(!loadBuiltinBank(QStringLiteral("gss/1999.1")).error().message.isEmpty());
    }

    void ethnicity_matchesTheReferenceTable_orderWordingCodes()
    {
        for (const char *nation : {"england", "wales"}) {
            const SurveyPackage p = withBank(nation);
            const Question *detail = p.question(QStringLiteral("ethnicity"));
            QVERIFY(detail);
            QCOMPARE(detail->choices.size(), qsizetype(19));
            for (int i = 0; i < 19; ++i) {
                const Choice &c = detail->choices.at(i);
                QCOMPARE(en(c.label), QString::fromUtf8(kEthnicity[i].label));
                QCOMPARE(c.attributes.value(QStringLiteral("census2021")), QLatin1String(kEthnicity[i].census));
                QCOMPARE(c.attributes.value(QStringLiteral("group")), QLatin1String(kEthnicity[i].group));
                QCOMPARE(c.writeIn, kEthnicity[i].writeIn);
                QCOMPARE(c.attributes.value(QStringLiteral("order")), QString::number(i + 1));
            }
            QCOMPARE(en(p.question(QStringLiteral("ethnic_group"))->label), QStringLiteral("What is your ethnic group?"));
            QCOMPARE(en(detail->hint), QStringLiteral("Choose one option that best describes your ethnic group or background"));
        }
    }

    void ethnicity_usesWelshHeadingsInWales()
    {
        const SurveyPackage england = withBank("england");
        const SurveyPackage wales = withBank("wales");
        QCOMPARE(labels(england.question(QStringLiteral("ethnic_group"))),
                 (QStringList{QStringLiteral("White"), QStringLiteral("Mixed or Multiple ethnic groups"), QStringLiteral("Asian or Asian British"),
                              QStringLiteral("Black, Black British, Caribbean or African"), QStringLiteral("Other ethnic group")}));
        QCOMPARE(labels(wales.question(QStringLiteral("ethnic_group"))),
                 (QStringList{QStringLiteral("White"), QStringLiteral("Mixed or Multiple ethnic groups"), QStringLiteral("Asian, Asian Welsh or Asian British"),
                              QStringLiteral("Black, Black British, Black Welsh, Caribbean or African"), QStringLiteral("Other ethnic group")}));
    }

    void ethnicity_matchesTheSharedReferenceFile_whenPresent()
    {
        // The table above is transcribed from the shared reference; this re-reads the file itself
        // so a change to either is caught. Development machines hold it next to the source tree.
        const QString dir = qEnvironmentVariable("CHORUS_SHARED_DIR");
        QFile file(dir + QStringLiteral("/reference/equality-questions.md"));
        if (dir.isEmpty() || !file.open(QIODevice::ReadOnly)) {
            QSKIP("shared/reference/equality-questions.md is not available here");
        }
        const SurveyPackage p = withBank("england");
        const Question *detail = p.question(QStringLiteral("ethnicity"));
        int rows = 0;
        for (const QByteArray &line : file.readAll().split('\n')) {
            const QList<QByteArray> cells = line.split('|');
            bool isRow = false;
            const int n = cells.size() > 4 ? cells.at(1).trimmed().toInt(&isRow) : 0;
            if (!isRow || n < 1 || n > 19 || cells.size() < 5) {
                continue;
            }
            QString label = QString::fromUtf8(cells.at(3).trimmed());
            const bool writeIn = label.endsWith(QLatin1String(" (write in)"));
            label.remove(QLatin1String(" (write in)"));
            const Choice &c = detail->choices.at(n - 1);
            QCOMPARE(en(c.label), label);
            QCOMPARE(c.writeIn, writeIn);
            QCOMPARE(c.attributes.value(QStringLiteral("census2021")), QString::fromUtf8(cells.at(4).trimmed()));
            ++rows;
        }
        QCOMPARE(rows, 19);
    }

    void everyAnswerableBankQuestion_offersPreferNotToSay()
    {
        for (const char *nation : {"england", "wales"}) {
            const SurveyPackage p = withBank(nation);
            for (const Question *q : p.allQuestions()) {
                if (q->isAnswerable()) {
                    QVERIFY2(q->preferNotToSay, qPrintable(q->name));
                }
                QVERIFY(q->bankItem.startsWith(QLatin1String("gss/2025.1#")));
            }
            const SurveyPackage band = withBank(nation, R"json(["age_band"])json");
            QVERIFY(band.question(QStringLiteral("age_band"))->preferNotToSay);
        }
    }

    void otherItems_matchTheReferenceWordingAndCodes()
    {
        const SurveyPackage p = withBank("england");
        const Question *religion = p.question(QStringLiteral("religion"));
        QCOMPARE(en(religion->label), QStringLiteral("What is your religion?"));
        QCOMPARE(labels(religion), (QStringList{QStringLiteral("No religion"), QStringLiteral("Christian"), QStringLiteral("Buddhist"),
                                                QStringLiteral("Hindu"), QStringLiteral("Jewish"), QStringLiteral("Muslim"),
                                                QStringLiteral("Sikh"), QStringLiteral("Any other religion")}));
        for (int i = 0; i < 8; ++i) {
            QCOMPARE(religion->choices.at(i).attributes.value(QStringLiteral("census2021")), QString::number(i + 1));
        }
        QCOMPARE(en(religion->choices.at(1).hint), QStringLiteral("Including Church of England, Catholic, Protestant and all other Christian denominations"));
        QVERIFY(religion->choices.at(7).writeIn);

        QCOMPARE(labels(p.question(QStringLiteral("sex"))), (QStringList{QStringLiteral("Female"), QStringLiteral("Male")}));
        QCOMPARE(en(p.question(QStringLiteral("gender_identity"))->label),
                 QStringLiteral("Is the gender you identify with the same as your sex registered at birth?"));
        QCOMPARE(en(p.question(QStringLiteral("sexual_orientation"))->label),
                 QStringLiteral("Which of the following best describes your sexual orientation?"));
        QCOMPARE(labels(p.question(QStringLiteral("sexual_orientation"))),
                 (QStringList{QStringLiteral("Straight/Heterosexual"), QStringLiteral("Gay or Lesbian"), QStringLiteral("Bisexual"),
                              QStringLiteral("Other sexual orientation")}));
        QCOMPARE(en(p.question(QStringLiteral("disability_condition"))->label),
                 QStringLiteral("Do you have any physical or mental health conditions or illnesses lasting or expected to last 12 months or more?"));
        QCOMPARE(labels(p.question(QStringLiteral("disability_impact"))),
                 (QStringList{QStringLiteral("Yes, a lot"), QStringLiteral("Yes, a little"), QStringLiteral("Not at all")}));
        QCOMPARE(labels(p.question(QStringLiteral("marital_status"))),
                 (QStringList{QStringLiteral("Never married and never registered in a civil partnership"), QStringLiteral("Married"),
                              QStringLiteral("In a registered civil partnership"), QStringLiteral("Separated, but still legally married"),
                              QStringLiteral("Separated, but still legally in a civil partnership"), QStringLiteral("Divorced"),
                              QStringLiteral("Formerly in a civil partnership which is now legally dissolved"), QStringLiteral("Widowed"),
                              QStringLiteral("Surviving partner from a registered civil partnership")}));
        QCOMPARE(labels(p.question(QStringLiteral("unpaid_care"))),
                 (QStringList{QStringLiteral("No"), QStringLiteral("Yes, 9 hours a week or less"), QStringLiteral("Yes, 10 to 19 hours"),
                              QStringLiteral("Yes, 20 to 34 hours"), QStringLiteral("Yes, 35 to 49 hours"), QStringLiteral("Yes, 50 or more hours")}));
        QCOMPARE(p.question(QStringLiteral("year_of_birth"))->type, QuestionType::Date);
        QVERIFY(p.question(QStringLiteral("year_of_birth"))->yearOnly);
    }

    void sixteenPlusItems_needAnAgeItem_andAgeIsAskedOneWayOnly()
    {
        QJsonObject ref{{QStringLiteral("bank"), QStringLiteral("gss/2025.1")},
                        {QStringLiteral("items"), parseArray(R"json(["sexual_orientation", "age_band", "age_year_of_birth"])json")}};
        ValidationReport report;
        QVERIFY(!SurveyLoader::load(toBytes(packageWithQuestions({ref})), &report).ok());
        QVERIFY2(report.mentions(QStringLiteral("sections[0].questions[0].items[0]"), QStringLiteral("needs one of these bank items earlier")),
                 qPrintable(report.toText()));
        QVERIFY(report.mentions(QStringLiteral("sections[0].questions[0].items[2]"), QStringLiteral("cannot both be used")));
    }

    void sixteenPlusGate_byYearOfBirth()
    {
        const SurveyPackage p = withBank("england");
        const int year = QDate::currentDate().year();
        struct Case {
            QJsonValue yob;
            bool asked;
        } cases[] = {{QJsonValue(QString::number(year - 40)), true}, {QJsonValue(QString::number(year - 17)), true},
                     {QJsonValue(QString::number(year - 16)), false}, {QJsonValue(QString::number(year - 10)), false},
                     {QJsonValue(QJsonObject{{QStringLiteral("state"), QStringLiteral("prefer_not_to_say")}}), false}};
        for (const Case &c : cases) {
            FormEngine e(p);
            auto a = fillFromAnswersJson(p, QJsonObject{{QStringLiteral("year_of_birth"), c.yob}});
            QVERIFY(a.ok());
            const AnswerState expected = c.asked ? AnswerState::NotAnswered : AnswerState::NotAsked;
            QCOMPARE(a->answer(QStringLiteral("sexual_orientation")).state, expected);
            QCOMPARE(a->answer(QStringLiteral("gender_identity")).state, expected);
        }
        auto child = fillFromAnswersJson(p, parseJson(qPrintable(QStringLiteral(R"json({"year_of_birth": "%1", "sexual_orientation": "bisexual"})json").arg(year - 12))));
        QVERIFY(!child.ok());
        QVERIFY(child.error().message.contains(QLatin1String("not asked this question")));
        QVERIFY(!fillFromAnswersJson(p, parseJson(qPrintable(QStringLiteral(R"json({"year_of_birth": "%1"})json").arg(year + 1)))).ok());
    }

    void sixteenPlusGate_byAgeBand()
    {
        const SurveyPackage p = withBank("wales", R"json(["age_band", "sexual_orientation"])json");
        auto adult = fillFromAnswersJson(p, parseJson(R"json({"age_band": "16_19", "sexual_orientation": "straight"})json"));
        QVERIFY(adult.ok());
        QCOMPARE(adult->answer(QStringLiteral("sexual_orientation")).value, QStringLiteral("straight"));
        auto child = fillFromAnswersJson(p, parseJson(R"json({"age_band": "0_15"})json"));
        QVERIFY(child.ok());
        QCOMPARE(child->answer(QStringLiteral("sexual_orientation")).state, AnswerState::NotAsked);
        QCOMPARE(child->answer(QStringLiteral("age_16_plus")).value, QStringLiteral("no"));
    }

    void disability_asksStepTwoOnlyAfterYes_andDerivesTheEqualityActCategory()
    {
        const SurveyPackage p = withBank("england", R"json(["disability"])json");
        struct Case {
            const char *answers;
            AnswerState impact;
            const char *category;
        } cases[] = {
            {R"json({"disability_condition": "yes", "disability_impact": "a_lot"})json", AnswerState::Answered, "1"},
            {R"json({"disability_condition": "yes", "disability_impact": "a_little"})json", AnswerState::Answered, "2"},
            {R"json({"disability_condition": "yes", "disability_impact": "not_at_all"})json", AnswerState::Answered, "3"},
            {R"json({"disability_condition": "no"})json", AnswerState::NotAsked, "4"},
            {R"json({"disability_condition": "yes"})json", AnswerState::NotAnswered, ""},
            {R"json({"disability_condition": {"state": "prefer_not_to_say"}})json", AnswerState::NotAsked, ""},
        };
        for (const Case &c : cases) {
            auto r = fillFromAnswersJson(p, parseJson(c.answers));
            QVERIFY2(r.ok(), c.answers);
            QCOMPARE(r->answer(QStringLiteral("disability_impact")).state, c.impact);
            QCOMPARE(r->answer(QStringLiteral("disability_equality_act")).value, QLatin1String(c.category));
        }
        QVERIFY(!fillFromAnswersJson(p, parseJson(R"json({"disability_condition": "no", "disability_impact": "a_lot"})json")).ok());
    }

    void ethnicity_isTwoSteps_withAWriteIn()
    {
        const SurveyPackage p = withBank("england", R"json(["ethnicity"])json");
        auto r = fillFromAnswersJson(p, parseJson(R"json({"ethnic_group": "black", "ethnicity": {"value": "black_african", "writeIn": "Somali"}})json"));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->answer(QStringLiteral("ethnicity")).writeIn, QStringLiteral("Somali"));
        QVERIFY(!fillFromAnswersJson(p, parseJson(R"json({"ethnic_group": "white", "ethnicity": "asian_indian"})json")).ok());
        auto pnts = fillFromAnswersJson(p, parseJson(R"json({"ethnic_group": {"state": "prefer_not_to_say"}})json"));
        QVERIFY(pnts.ok());
        QCOMPARE(pnts->answer(QStringLiteral("ethnic_group")).state, AnswerState::PreferNotToSay);
        QCOMPARE(pnts->answer(QStringLiteral("ethnicity")).state, AnswerState::NotAsked);
        FormEngine e(p);
        QVERIFY(e.setAnswer(QStringLiteral("ethnic_group"), response::Answer::answered(QStringLiteral("white"))).ok());
        QCOMPARE(e.choices(QStringLiteral("ethnicity")).size(), qsizetype(5));
        QCOMPARE(e.choices(QStringLiteral("ethnicity")).at(3).label.text(QStringLiteral("en")), QStringLiteral("Roma"));
    }
};

QTEST_GUILESS_MAIN(TestQuestionBank)
#include "tst_questionbank.moc"
