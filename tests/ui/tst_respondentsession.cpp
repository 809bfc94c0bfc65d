// SPDX-License-Identifier: GPL-3.0-or-later
// The respondent view-model over the real form engine and the test survey package.
#include "RespondentSession.h"
#include "TestSurvey.h"

#include <QSignalSpy>
#include <QTest>

using chorus::ui::RespondentSession;

class TstRespondentSession : public QObject
{
    Q_OBJECT

private:
    FakeSink m_sink;
    RespondentSession m_session{&m_sink};
    TestSurvey m_survey{&m_session, &m_sink};

    QString path() const { return m_session.page().value(QStringLiteral("path")).toString(); }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_survey.load());
        m_survey.clear();
        m_session.begin(QStringLiteral("en"));
    }

    void consent_nothingTicked_isRefused()
    {
        QVERIFY(!m_session.consentProblem().isEmpty());
        m_session.setConsent(QStringLiteral("consultation"), true);
        QVERIFY(m_session.consentProblem().isEmpty());
        m_session.setConsent(QStringLiteral("consultation"), false);
        QVERIFY(!m_session.consentProblem().isEmpty());
    }

    void next_onRequiredQuestionWithoutAnswer_staysWithAProblem()
    {
        QCOMPARE(path(), QStringLiteral("frequency"));
        QVERIFY(!m_session.next().isEmpty());
        QCOMPARE(path(), QStringLiteral("frequency"));
    }

    void preferNotToSay_untickedByChoosingAnOption_keepsThatOption()
    {
        m_session.setPreferNotToSay(true);
        QCOMPARE(m_session.page().value(QStringLiteral("state")).toString(), QStringLiteral("prefer_not_to_say"));
        // The order QML delivers the two changes in must not matter.
        QVERIFY(m_session.setChoice(QStringLiteral("weekly"), true).isEmpty());
        m_session.setPreferNotToSay(false);
        QCOMPARE(m_session.page().value(QStringLiteral("value")).toString(), QStringLiteral("weekly"));
    }

    void singleChoice_uncheckingAnotherOption_keepsTheChosenOne()
    {
        m_session.setChoice(QStringLiteral("weekly"), true);
        m_session.setChoice(QStringLiteral("monthly"), true);
        m_session.setChoice(QStringLiteral("weekly"), false); // the radio that lost the check
        QCOMPARE(m_session.page().value(QStringLiteral("value")).toString(), QStringLiteral("monthly"));
    }

    void change_fromReview_returnsToReviewAfterOnePage()
    {
        m_session.setChoice(QStringLiteral("weekly"), true);
        while (!m_session.atReview()) {
            QVERIFY(m_session.next().isEmpty());
        }
        QVERIFY(m_session.change(QStringLiteral("frequency")));
        QCOMPARE(path(), QStringLiteral("frequency"));
        m_session.setChoice(QStringLiteral("rarely"), true);
        QVERIFY(m_session.next().isEmpty());
        QVERIFY(m_session.atReview());
        const QVariantList rows = m_session.review();
        QCOMPARE(rows.first().toMap().value(QStringLiteral("answer")).toString(), QStringLiteral("Less often"));
    }

    void ranking_movedByTaps_keepsEveryChoice()
    {
        m_session.setChoice(QStringLiteral("weekly"), true);
        while (path() != u"priorities") {
            QVERIFY(m_session.next().isEmpty());
        }
        m_session.moveRank(QStringLiteral("mornings"), -1);
        m_session.moveRank(QStringLiteral("mornings"), -1);
        m_session.moveRank(QStringLiteral("mornings"), -1); // already first: no change
        QCOMPARE(m_session.page().value(QStringLiteral("value")).toString(),
                 QStringLiteral("mornings evenings weekends"));
    }

    void submit_sealsOnceAndForgetsTheAnswers()
    {
        m_session.setConsent(QStringLiteral("consultation"), true);
        m_session.setChoice(QStringLiteral("weekly"), true);
        while (!m_session.atReview()) {
            QVERIFY(m_session.next().isEmpty());
        }
        QVERIFY(m_session.submit());
        QCOMPARE(m_survey.submittedCount(), 1);
        QCOMPARE(m_survey.submittedValue(0, QStringLiteral("frequency")), QStringLiteral("weekly"));
        QCOMPARE(m_survey.submittedState(0, QStringLiteral("comments")), QStringLiteral("not_answered"));
        QVERIFY(!m_session.isActive());
        QVERIFY(m_session.review().isEmpty());
        QCOMPARE(m_session.receiptCode(), QStringLiteral("K7Q2-M9XD"));
        QVERIFY(!m_session.submit()); // nothing left to send twice
        QCOMPARE(m_survey.submittedCount(), 1);
    }

    void wipe_forgetsAnswersConsentAndReceipt()
    {
        m_session.setConsent(QStringLiteral("consultation"), true);
        m_session.setChoice(QStringLiteral("weekly"), true);
        m_session.wipe();
        QVERIFY(!m_session.isActive());
        QVERIFY(m_session.page().isEmpty());
        QVERIFY(!m_session.consentProblem().isEmpty());
        m_session.begin(QStringLiteral("en"));
        QCOMPARE(m_session.page().value(QStringLiteral("state")).toString(), QStringLiteral("not_answered"));
    }

    void setLanguage_translatesSurveyTexts()
    {
        m_session.setLanguage(QStringLiteral("cy"));
        QCOMPARE(m_session.title(), QStringLiteral("Arolwg prawf y llyfrgell"));
        QCOMPARE(m_session.page().value(QStringLiteral("choices")).toList().first().toMap().value(QStringLiteral("label")),
                 QVariant(QStringLiteral("Bob wythnos")));
    }
};

QTEST_GUILESS_MAIN(TstRespondentSession)
#include "tst_respondentsession.moc"
