// SPDX-License-Identifier: GPL-3.0-or-later
// Repeats and dates through the session: "Person 2" captions, Add within max, Remove within
// min and back to the page it was offered from, and a half-typed date holding Continue.
#include "RespondentSession.h"
#include "TestSurvey.h"

#include <QtTest>

using namespace chorus;
using namespace chorus::ui;

class TestRepeatView : public QObject
{
    Q_OBJECT

    FakeSink m_sink;
    std::unique_ptr<RespondentSession> m_session;

    QString path() const { return m_session->page().value(QStringLiteral("path")).toString(); }
    QVariantList addable() const { return m_session->page().value(QStringLiteral("addable")).toList(); }

private Q_SLOTS:
    void init()
    {
        m_session = std::make_unique<RespondentSession>(&m_sink);
        auto package = survey::SurveyLoader::loadFile(QStringLiteral(CHORUS_SOURCE_DIR
                                                                     "/tests/qml/data/dates-repeats.chorus.json"));
        QVERIFY2(package, qPrintable(package ? QString() : package.error().message));
        m_session->setPackage(std::move(*package));
        m_session->begin(QStringLiteral("en"));
        m_session->setConsent(QStringLiteral("consultation"), true);
    }

    void date_halfTyped_holdsContinueUntilPutRight()
    {
        QCOMPARE(path(), QStringLiteral("visit_date"));
        QVERIFY(m_session->setDateParts(QStringLiteral("31"), QStringLiteral("2"), QStringLiteral("2024"))
                    .contains(QStringLiteral("real date")));
        QCOMPARE(m_session->inputProblemField(), QStringLiteral("day"));
        QCOMPARE(m_session->next().size(), 1);
        QCOMPARE(path(), QStringLiteral("visit_date"));
        QCOMPARE(m_session->setDateParts(QStringLiteral("29"), QStringLiteral("2"), QStringLiteral("2024")), QString());
        QCOMPARE(m_session->page().value(QStringLiteral("value")).toString(), QStringLiteral("2024-02-29"));
        QVERIFY(m_session->next().isEmpty());
        QCOMPARE(path(), QStringLiteral("birth_year"));
        QCOMPARE(m_session->page().value(QStringLiteral("type")).toString(), QStringLiteral("year"));
        QCOMPARE(m_session->setDateParts({}, {}, QStringLiteral("1984")), QString());
        QVERIFY(m_session->next().isEmpty());
    }

    void repeat_captionAddAndRemove_keepMinAndMax()
    {
        QVERIFY(m_session->next().isEmpty());
        QVERIFY(m_session->next().isEmpty());
        QCOMPARE(path(), QStringLiteral("household[1]/first_name"));
        const QVariantMap repeat = m_session->page().value(QStringLiteral("repeat")).toMap();
        QCOMPARE(repeat.value(QStringLiteral("caption")).toString(), QStringLiteral("Person 1"));
        QCOMPARE(repeat.value(QStringLiteral("canRemove")).toBool(), false); // minCount 1
        QCOMPARE(addable().size(), 1);
        QCOMPARE(m_session->setAnswer(QStringLiteral("Ann")), QString());

        QCOMPARE(m_session->addRepeat(QStringLiteral("household")), QString());
        QCOMPARE(path(), QStringLiteral("household[2]/first_name"));
        QCOMPARE(m_session->page().value(QStringLiteral("repeat")).toMap().value(QStringLiteral("caption")).toString(),
                 QStringLiteral("Person 2"));
        QCOMPARE(m_session->setAnswer(QStringLiteral("Bob")), QString());
        QCOMPARE(m_session->addRepeat(QStringLiteral("household")), QString());
        QCOMPARE(path(), QStringLiteral("household[3]/first_name"));
        QVERIFY(addable().isEmpty()); // maxCount 3
        QVERIFY(!m_session->addRepeat(QStringLiteral("household")).isEmpty());

        // Removing Person 2 returns to the page before it; Person 3 becomes Person 2.
        QCOMPARE(m_session->setAnswer(QStringLiteral("Cy")), QString());
        QCOMPARE(m_session->removeRepeat(QStringLiteral("household"), 2), QString());
        QCOMPARE(path(), QStringLiteral("household[1]/first_name"));
        QVERIFY(m_session->next().isEmpty());
        QCOMPARE(path(), QStringLiteral("household[2]/first_name"));
        QCOMPARE(m_session->page().value(QStringLiteral("value")).toString(), QStringLiteral("Cy"));
        QCOMPARE(addable().size(), 1);
        QCOMPARE(m_session->removeRepeat(QStringLiteral("household"), 1), QString());
        QVERIFY(!m_session->removeRepeat(QStringLiteral("household"), 1).isEmpty()); // min reached
    }
};

QTEST_GUILESS_MAIN(TestRepeatView)

#include "tst_repeatview.moc"
