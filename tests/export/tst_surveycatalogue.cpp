// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/SurveyCatalogue.h"

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
};

QTEST_GUILESS_MAIN(TestSurveyCatalogue)
#include "tst_surveycatalogue.moc"
