// SPDX-License-Identifier: GPL-3.0-or-later
// The home screen's surveys: offered only when they verify against the enrolled key, counted
// by state, and the first usable one opened when nothing is open.
#include "InstalledSurveys.h"
#include "SetupHarness.h"
#include "store/ResponseRepository.h"

#include <QTest>

using namespace chorus;
using namespace chorus::ui;

class TstInstalledSurveys : public QObject
{
    Q_OBJECT

    store::InMemoryStore m_store;
    survey::SigningKeyPair m_keys = survey::generateSigningKeyPair();

    void install()
    {
        QFile file(QStringLiteral(CHORUS_SOURCE_DIR "/tests/qml/data/kiosk-flow.chorus.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        store::StoredSurvey s{QStringLiteral("kiosk-flow-test"), QStringLiteral("2026112401"), file.readAll(), {},
                              QDateTime::currentDateTimeUtc()};
        s.signature = *survey::signPackage(s.package, m_keys.secretKey);
        QVERIFY(m_store.surveys().store(s));
    }

private Q_SLOTS:
    void cleanupTestCase() { survey::wipeSecret(m_keys.secretKey); }

    void refresh_withoutEnrolledKey_offersNothing()
    {
        install();
        setup_test::StubSink sink;
        RespondentSession session(&sink);
        InstalledSurveys surveys(&m_store.surveys(), &m_store.responses(), &m_store.drafts(), &session);
        surveys.refresh();
        QCOMPARE(surveys.size(), 1);
        QCOMPARE(surveys.usableCount(), 0);
        QVERIFY(surveys.data(surveys.index(0), InstalledSurveys::ProblemRole).toString().contains(QStringLiteral("not enrolled")));
        QVERIFY(!surveys.choose(QStringLiteral("kiosk-flow-test")));
        QVERIFY(!session.hasSurvey());
    }

    void setSigningKey_otherCouncilsKey_refusesWithTheReason()
    {
        install();
        setup_test::StubSink sink;
        RespondentSession session(&sink);
        InstalledSurveys surveys(&m_store.surveys(), &m_store.responses(), &m_store.drafts(), &session);
        survey::SigningKeyPair other = survey::generateSigningKeyPair();
        surveys.setSigningKey(other.publicKey);
        survey::wipeSecret(other.secretKey);
        QCOMPARE(surveys.usableCount(), 0);
        QVERIFY(surveys.data(surveys.index(0), InstalledSurveys::ProblemRole).toString().contains(QStringLiteral("not signed")));
        QVERIFY(!session.hasSurvey());
    }

    void setSigningKey_enrolledKey_offersItCountsItsResponsesAndOpensIt()
    {
        install();
        store::FinalizedResponse r;
        r.instanceId = QStringLiteral("uuid:00000000-0000-4000-8000-0000000000d4");
        r.surveyId = QStringLiteral("kiosk-flow-test");
        r.surveyVersion = QStringLiteral("2026112401");
        r.manifest = QByteArrayLiteral("<data/>");
        r.encryptedFiles = {FilePart{QStringLiteral("submission.xml.enc"), QByteArrayLiteral("x")}};
        r.finalizedAt = QDateTime::currentDateTimeUtc();
        QVERIFY(m_store.responses().finalize(r));
        setup_test::StubSink sink;
        RespondentSession session(&sink);
        InstalledSurveys surveys(&m_store.surveys(), &m_store.responses(), &m_store.drafts(), &session);
        surveys.setSigningKey(m_keys.publicKey);
        QCOMPARE(surveys.usableCount(), 1);
        const QModelIndex row = surveys.index(0);
        QCOMPARE(surveys.data(row, InstalledSurveys::TitleRole).toString(), QStringLiteral("Library test survey"));
        QCOMPARE(surveys.data(row, InstalledSurveys::QueuedRole).toInt(), 1);
        QCOMPARE(surveys.data(row, InstalledSurveys::SentRole).toInt(), 0);
        QCOMPARE(surveys.titleOf(QStringLiteral("kiosk-flow-test")), QStringLiteral("Library test survey"));
        QVERIFY(session.hasSurvey());
        QCOMPARE(surveys.chosen(), QStringLiteral("kiosk-flow-test"));
    }
};

QTEST_GUILESS_MAIN(TstInstalledSurveys)

#include "tst_installedsurveys.moc"
