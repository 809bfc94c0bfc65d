// SPDX-License-Identifier: GPL-3.0-or-later
#include "bank/QuestionBank.h"
#include "export/SurveyCatalogue.h"
#include "survey/SurveyLoader.h"

#include <QJsonArray>
#include <QJsonObject>

#include <QTest>

using namespace chorus;
using namespace chorus::exports;

class TestSurveyCatalogue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bankItems_getTheirCensusTable_andChoicesTheirCensusCodes()
    {
        survey::SurveyPackage package;
        package.id = QStringLiteral("libraries");
        package.languages = { { QStringLiteral("en"), QStringLiteral("English"), false },
            { QStringLiteral("cy"), QStringLiteral("Cymraeg"), false } };
        survey::Section section;
        survey::Question religion;
        religion.name = QStringLiteral("religion");
        religion.type = survey::QuestionType::SingleChoice;
        religion.bankItem = QStringLiteral("gss/2025.1#religion");
        religion.label = survey::LocalizedText({ { QStringLiteral("en"), QStringLiteral("What is your religion?") } });
        survey::Choice none;
        none.code = QStringLiteral("no_religion");
        none.label = survey::LocalizedText({ { QStringLiteral("en"), QStringLiteral("No religion") } });
        none.attributes.insert(QStringLiteral("census2021"), QStringLiteral("1"));
        survey::Choice other;
        other.code = QStringLiteral("other");
        other.writeIn = true;
        other.attributes.insert(QStringLiteral("census2021"), QStringLiteral("8"));
        religion.choices = { none, other };
        survey::Question orientation;
        orientation.name = QStringLiteral("sexual_orientation");
        orientation.type = survey::QuestionType::SingleChoice;
        orientation.bankItem = QStringLiteral("gss/2025.1#sexual_orientation");
        survey::Question identity;
        identity.name = QStringLiteral("gender_identity");
        identity.type = survey::QuestionType::SingleChoice;
        identity.bankItem = QStringLiteral("gss/2025.1#gender_identity");
        survey::Question own; // a consultation question that happens to share a topic name
        own.name = QStringLiteral("religion_of_venue");
        own.type = survey::QuestionType::Text;
        survey::Question note;
        note.name = QStringLiteral("intro");
        note.type = survey::QuestionType::Note;
        section.questions = { note, religion, orientation, identity, own };
        package.sections = { section };

        const Catalogue c = catalogueFromSurvey(package);
        QCOMPARE(c.surveyId, QStringLiteral("libraries"));
        QCOMPARE(c.questions.size(), 4); // the note is not answerable
        const Question *r = c.question(QStringLiteral("religion"));
        QVERIFY(r);
        QCOMPARE(r->censusTable, QStringLiteral("TS030"));
        QVERIFY(r->allowsWriteIn);
        QCOMPARE(r->choice(QStringLiteral("other"))->censusCode, QStringLiteral("8"));
        QCOMPARE(r->labels.value(QStringLiteral("en")), QStringLiteral("What is your religion?"));
        QCOMPARE(c.question(QStringLiteral("sexual_orientation"))->base, PopulationBase::Aged16Plus);
        QVERIFY(c.question(QStringLiteral("gender_identity"))->lowConfidence);
        QVERIFY(c.question(QStringLiteral("religion_of_venue"))->censusTable.isEmpty());
        QVERIFY(c.question(QStringLiteral("religion_of_venue"))->isFreeText());
    }

    // A bank question with a Census 2021 table that the mapping misses is never compared; every
    // bank question must be mapped or be one of the few listed as having no table, and every
    // option of a mapped question must name its census categories.
    void everyBankQuestion_isMappedOrHasNoCensusTableOnPurpose()
    {
        for (const QString &version : bank::builtinBankVersions()) {
            auto bank = bank::loadBuiltinBank(version);
            QVERIFY(bank.ok());
            for (const bank::BankItem &item : bank->items) {
                for (const QJsonValue &value : item.questions) {
                    const QJsonObject question = value.toObject();
                    const QString name = question.value(QStringLiteral("name")).toString();
                    const auto mapping = censusMappingFor(name);
                    QVERIFY2(mapping || bankQuestionsWithoutCensusTable().contains(name),
                        qPrintable(QStringLiteral("%1 %2 %3 has no census mapping").arg(version, item.nation, name)));
                    if (!mapping)
                        continue;
                    for (const QJsonValue &choice : question.value(QStringLiteral("choices")).toArray()) {
                        const QString code = choice.toObject().value(QStringLiteral("code")).toString();
                        const QString census = choice.toObject()
                                                   .value(QStringLiteral("attributes"))
                                                   .toObject()
                                                   .value(QStringLiteral("census2021"))
                                                   .toString();
                        // Age bands under 20 straddle the 16+ gate: never compared (docs/report.md).
                        const bool tooYoung = code == QLatin1String("0_15") || code == QLatin1String("16_19");
                        QVERIFY2(!census.isEmpty() || tooYoung,
                            qPrintable(QStringLiteral("%1 %2: option %3 has no census2021 code").arg(item.nation, name, code)));
                    }
                }
            }
        }
    }

    // The broad ethnic group is the first step of one question: only the detailed step is
    // compared, and it knows its step so refusals there count as refusals.
    void twoStepItems_areComparedOnceOnTheirLastStep()
    {
        auto package = survey::SurveyLoader::loadFile(QStringLiteral(CHORUS_SOURCE_DIR "/examples/demo.chorus.json"));
        QVERIFY(package.ok());
        const Catalogue c = catalogueFromSurvey(*package);
        QVERIFY(c.question(QStringLiteral("ethnic_group"))->censusTable.isEmpty());
        QCOMPARE(c.question(QStringLiteral("ethnicity"))->censusTable, QStringLiteral("TS021"));
        QCOMPARE(c.question(QStringLiteral("ethnicity"))->steps, QStringList { QStringLiteral("ethnic_group") });
        QVERIFY(c.question(QStringLiteral("disability_condition"))->censusTable.isEmpty());
        const Question *disability = c.question(QStringLiteral("disability_equality_act"));
        QVERIFY(disability);
        QCOMPARE(disability->censusTable, QStringLiteral("TS038"));
        QCOMPARE(disability->steps,
            (QStringList { QStringLiteral("disability_impact"), QStringLiteral("disability_condition") }));
        QCOMPARE(disability->choices.size(), 4);
        QCOMPARE(c.question(QStringLiteral("marital_status"))->censusTable, QStringLiteral("TS002"));
        QCOMPARE(c.question(QStringLiteral("marital_status"))->choice(QStringLiteral("married"))->censusCode,
            QStringLiteral("2 3"));
        QCOMPARE(c.question(QStringLiteral("gender_identity"))->choice(QStringLiteral("no"))->censusCode,
            QStringLiteral("2 3 4 5 6"));
        QVERIFY(!c.question(QStringLiteral("age_16_plus"))); // a calculation with no table stays out
        int compared = 0;
        for (const Question &q : c.questions)
            compared += q.censusTable == QLatin1String("TS021");
        QCOMPARE(compared, 1);
    }
};

QTEST_GUILESS_MAIN(TestSurveyCatalogue)
#include "tst_surveycatalogue.moc"
