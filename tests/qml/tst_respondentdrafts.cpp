// SPDX-License-Identifier: GPL-3.0-or-later
// Drafts from the respondent's side: the session saves a sealed draft after every answered
// question, a crash (the session destroyed without finishing) loses at most the page on
// screen, resume puts answers, consent and position back, and wipe / submit leave nothing.
// The raw scan reads the SQLite files themselves for the sentinel answer.
#include "DraftKeeper.h"
#include "RespondentSession.h"
#include "TestSurvey.h"
#include "crypto/DeviceVault.h"
#include "store/SqliteStore.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace chorus;
using namespace chorus::ui;

namespace {
const QString kSentinel = QStringLiteral("SENTINEL-draft-answer-5d1e");

survey::SurveyPackage loadSurvey()
{
    auto package = survey::SurveyLoader::loadFile(QStringLiteral(CHORUS_SOURCE_DIR
                                                                 "/tests/qml/data/kiosk-flow.chorus.json"));
    if (!package) {
        qFatal("test survey: %s", qPrintable(package.error().message));
    }
    return *package;
}
} // namespace

class TestRespondentDrafts : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<store::SqliteStore> m_store;
    std::unique_ptr<crypto::DeviceVault> m_vault;
    std::unique_ptr<DraftKeeper> m_keeper;
    FakeSink m_sink;

    QString dbPath() const { return m_dir.filePath(QStringLiteral("device.db")); }

    std::unique_ptr<RespondentSession> newSession()
    {
        auto session = std::make_unique<RespondentSession>(&m_sink);
        session->setDrafts(m_keeper.get());
        session->setPackage(loadSurvey());
        return session;
    }

    // Consent, then the first questions up to (and showing) birth_year.
    static void answerUpToBirthYear(RespondentSession &s)
    {
        s.begin(QStringLiteral("en"));
        s.setConsent(QStringLiteral("consultation"), true);
        QCOMPARE(s.page().value(QStringLiteral("path")).toString(), QStringLiteral("frequency"));
        QCOMPARE(s.setChoice(QStringLiteral("monthly"), true), QString());
        QVERIFY(s.next().isEmpty());
        QCOMPARE(s.setChoice(QStringLiteral("books"), true), QString());
        while (s.page().value(QStringLiteral("path")).toString() != QStringLiteral("birth_year")) {
            QVERIFY2(s.next().isEmpty(), "routing stopped before birth_year");
            QVERIFY(!s.atReview());
        }
    }

    QByteArray rawFiles() const
    {
        QByteArray all;
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"),
                                      QStringLiteral("-journal")}) {
            QFile f(dbPath() + suffix);
            if (f.open(QIODevice::ReadOnly)) {
                all += f.readAll();
            }
        }
        return all;
    }

    static bool containsSentinel(const QByteArray &raw)
    {
        return raw.contains(kSentinel.toUtf8()) || raw.contains(QByteArray::fromRawData(
                                                      reinterpret_cast<const char *>(kSentinel.utf16()),
                                                      kSentinel.size() * 2));
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QFile::remove(dbPath());
        auto store = store::SqliteStore::open(dbPath());
        QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
        m_store = std::move(*store);
        crypto::DeviceVault::Options options;
        options.kdf = crypto::KdfParams::minimum();
        auto vault = crypto::DeviceVault::create(QByteArrayLiteral("correct horse battery"), options);
        QVERIFY(vault);
        m_vault = std::make_unique<crypto::DeviceVault>(std::move(*vault));
        m_keeper = std::make_unique<DraftKeeper>();
        m_keeper->attach(m_store->drafts(), *m_vault);
        m_sink.responses.clear();
        m_sink.consents.clear();
    }

    void cleanup()
    {
        m_keeper.reset();
        m_vault.reset();
        m_store.reset();
    }

    void crash_midInterview_resumeRestoresAnswersConsentAndPosition()
    {
        QString responseId;
        {
            auto first = newSession();
            answerUpToBirthYear(*first);
            QCOMPARE(first->setAnswer(QStringLiteral("1980")), QString());
            QVERIFY(first->next().isEmpty());
            QCOMPARE(first->page().value(QStringLiteral("path")).toString(), QStringLiteral("comments"));
            // Typed but not continued: this is the page a crash may lose.
            QCOMPARE(first->setAnswer(QStringLiteral("lost with the crash")), QString());
            responseId = m_keeper->drafts().value(0).toMap().value(QStringLiteral("responseId")).toString();
            // The session dies without wipe() or submit(), as in a crash.
        }
        QCOMPARE(m_keeper->drafts().size(), 1);
        const QVariantMap listed = m_keeper->drafts().constFirst().toMap();
        QCOMPARE(listed.value(QStringLiteral("title")).toString(), QStringLiteral("kiosk-flow-test"));
        QVERIFY(!listed.value(QStringLiteral("when")).toString().isEmpty());

        auto second = newSession();
        QVERIFY2(second->resume(responseId), qPrintable(second->lastError()));
        QVERIFY(second->isActive());
        QCOMPARE(second->page().value(QStringLiteral("path")).toString(), QStringLiteral("comments"));
        QCOMPARE(second->page().value(QStringLiteral("state")).toString(), QStringLiteral("not_answered"));
        QCOMPARE(second->consentProblem(), QString());
        QVERIFY(second->previous());
        QCOMPARE(second->page().value(QStringLiteral("value")).toString(), QStringLiteral("1980"));

        // The resumed interview finishes as one response under the same id, and its draft goes.
        while (!second->atReview()) {
            QVERIFY(second->next().isEmpty());
        }
        QVERIFY2(second->submit(), qPrintable(second->lastError()));
        QCOMPARE(m_sink.responses.size(), 1);
        QCOMPARE(m_sink.responses.constFirst().instanceId, responseId);
        QCOMPARE(m_sink.responses.constFirst().answer(QStringLiteral("frequency")).value, QStringLiteral("monthly"));
        QCOMPARE(m_sink.consents.constFirst().purposes.value(QStringLiteral("consultation")), true);
        QVERIFY(m_keeper->drafts().isEmpty());
    }

    void resume_atCheckYourAnswers_returnsThere()
    {
        QString responseId;
        {
            auto first = newSession();
            answerUpToBirthYear(*first);
            while (!first->atReview()) {
                QVERIFY(first->next().isEmpty());
            }
            responseId = m_keeper->drafts().value(0).toMap().value(QStringLiteral("responseId")).toString();
        }
        auto second = newSession();
        QVERIFY(second->resume(responseId));
        QVERIFY(second->atReview());
    }

    void wipe_idleExpiryOrNextRespondent_deletesTheDraft()
    {
        auto session = newSession();
        answerUpToBirthYear(*session);
        QCOMPARE(m_keeper->drafts().size(), 1);
        session->wipe();
        QVERIFY(m_keeper->drafts().isEmpty());
    }

    void suspend_keepsTheDraftButForgetsTheAnswers()
    {
        auto session = newSession();
        answerUpToBirthYear(*session);
        session->suspend();
        QVERIFY(!session->isActive());
        QCOMPARE(m_keeper->drafts().size(), 1);
    }

    void discard_removesItFromTheList()
    {
        auto session = newSession();
        answerUpToBirthYear(*session);
        session->suspend();
        const QString id = m_keeper->drafts().value(0).toMap().value(QStringLiteral("responseId")).toString();
        QVERIFY(m_keeper->discard(id));
        QVERIFY(m_keeper->drafts().isEmpty());
        QVERIFY(!session->resume(id));
        QVERIFY(!session->lastError().isEmpty());
    }

    void resume_draftOfAnotherSurveyVersion_isRefusedWithAReason()
    {
        QString responseId;
        {
            auto first = newSession();
            answerUpToBirthYear(*first);
            responseId = m_keeper->drafts().value(0).toMap().value(QStringLiteral("responseId")).toString();
        }
        survey::SurveyPackage newer = loadSurvey();
        newer.version = QStringLiteral("2026112402");
        RespondentSession second(&m_sink);
        second.setDrafts(m_keeper.get());
        second.setPackage(newer);
        QVERIFY(!second.resume(responseId));
        QVERIFY(second.lastError().contains(QStringLiteral("2026112401")));
        QVERIFY(!second.isActive());
        QCOMPARE(m_keeper->drafts().size(), 1); // refused, not lost
    }

    void lockedVault_savesNothingRatherThanPlaintext()
    {
        m_vault->lock();
        auto session = newSession();
        answerUpToBirthYear(*session);
        QVERIFY(m_keeper->drafts().isEmpty());
    }

    void rawScan_sentinelAnswerNeverInDatabaseWalOrShm()
    {
        {
            auto session = newSession();
            answerUpToBirthYear(*session);
            QVERIFY(session->next().isEmpty());
            QCOMPARE(session->setAnswer(kSentinel), QString());
            QVERIFY(session->next().isEmpty());
            QVERIFY(session->atReview());
            QVERIFY(session->change(QStringLiteral("comments")));
            QCOMPARE(session->setAnswer(kSentinel + QStringLiteral(" again")), QString());
            QVERIFY(session->next().isEmpty());
            QCOMPARE(m_keeper->drafts().size(), 1);
            QVERIFY(!containsSentinel(rawFiles())); // stored, sealed
            session->wipe();
        }
        QVERIFY(m_keeper->drafts().isEmpty());
        const QByteArray raw = rawFiles();
        QVERIFY(raw.size() > 0);
        QVERIFY(!containsSentinel(raw));
        // Positive control: the scan does find the sentinel where it is plainly written.
        QVERIFY(containsSentinel(raw + kSentinel.toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestRespondentDrafts)

#include "tst_respondentdrafts.moc"
