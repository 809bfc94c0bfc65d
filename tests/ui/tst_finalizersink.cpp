// SPDX-License-Identifier: GPL-3.0-or-later
// The app's submit path end to end on the device: the respondent view-model, the shared
// Finalizer and a store. What is stored is the sealed envelope, never the answers.
#include "BankSurveys.h"
#include "RespondentSession.h"
#include "ResponseSink.h"
#include "crypto/CouncilKeys.h"
#include "crypto/OdkEnvelope.h"
#include "export/ResponseRecords.h"
#include "response/SubmissionXml.h"
#include "store/InMemoryStore.h"
#include "survey/SurveyLoader.h"

#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using chorus::ui::FinalizerSink;
using chorus::ui::RespondentSession;

class TstFinalizerSink : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void submit_storesOneSealedResponseQueuedForSync()
    {
        auto package = chorus::survey::SurveyLoader::loadFile(QStringLiteral(CHORUS_SOURCE_DIR "/tests/qml/data/kiosk-flow.chorus.json"));
        QVERIFY2(package.ok(), package.ok() ? "" : qPrintable(package.error().message));
        chorus::store::InMemoryStore db;
        FinalizerSink sink(db, QStringLiteral("test-device"));
        RespondentSession session(&sink);
        session.setPackage(*package);
        session.begin(QStringLiteral("en"));
        session.setConsent(QStringLiteral("consultation"), true);
        QCOMPARE(session.page().value(QStringLiteral("path")).toString(), QStringLiteral("frequency"));
        QVERIFY(session.setChoice(QStringLiteral("weekly"), true).isEmpty());
        const QString secret = QStringLiteral("Open on Sundays please");
        while (!session.atReview()) {
            if (session.page().value(QStringLiteral("path")).toString() == u"comments") {
                QVERIFY(session.setAnswer(secret).isEmpty());
            }
            QVERIFY(session.next().isEmpty());
        }
        QVERIFY2(session.submit(), qPrintable(session.lastError()));

        const auto listed = db.responses().list();
        QVERIFY(listed.ok());
        QCOMPARE(listed->size(), 1);
        QCOMPARE(chorus::response::stateName(listed->first().state), QStringLiteral("finalized"));
        const auto stored = db.responses().load(listed->first().instanceId);
        QVERIFY(stored.ok());
        QVERIFY(!stored->envelope.encryptedFiles.isEmpty());
        for (const chorus::FilePart &part : stored->envelope.encryptedFiles) {
            QVERIFY2(!part.bytes.contains(secret.toUtf8()), "an answer reached the store in plaintext");
        }
        QVERIFY(!stored->envelope.manifest.contains(secret.toUtf8()));
        QVERIFY(!session.isActive());
        // The respondent's handle for withdrawal, shown once with its QR code.
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9A-Z]{4}(-[0-9A-Z]{4})+$")).match(session.receiptCode()).hasMatch());
        QVERIFY(session.receiptQr().startsWith(QStringLiteral("data:image/png;base64,")));
    }

    // Declining equality monitoring on the consent page must not block the submit, whichever
    // bank items the survey asks (their calculations are not answers the respondent gave).
    void submit_everyBankItemWithEitherGrant_isStored()
    {
        QFile file(QStringLiteral(CHORUS_SOURCE_DIR "/tests/qml/data/kiosk-flow.chorus.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto surveys = chorus::testing::everyBankItemSurveys(QJsonDocument::fromJson(file.readAll()).object());
        for (const QJsonObject &json : surveys) {
            auto package = chorus::survey::SurveyLoader::load(QJsonDocument(json).toJson());
            QVERIFY2(package.ok(), package.ok() ? "" : qPrintable(package.error().message));
            for (const bool equality : {false, true}) {
                chorus::store::InMemoryStore db;
                FinalizerSink sink(db, QStringLiteral("test-device"));
                RespondentSession session(&sink);
                session.setPackage(*package);
                session.begin(QStringLiteral("en"));
                session.setConsent(QStringLiteral("consultation"), true);
                session.setConsent(QStringLiteral("equality_monitoring"), equality);
                QVERIFY(session.setChoice(QStringLiteral("weekly"), true).isEmpty());
                for (int pages = 0; !session.atReview() && pages < 100; ++pages) {
                    QVERIFY(session.next().isEmpty());
                }
                QVERIFY(session.atReview());
                QVERIFY2(session.submit(), qPrintable(session.lastError()));
                QCOMPARE(db.responses().list()->size(), 1);
            }
        }
    }

    // The event screen's ward is sealed into the submission and is the exported record's ward.
    void submit_duringAnEvent_sealsTheEventWardThatTheExportReads()
    {
        auto package = chorus::survey::SurveyLoader::loadFile(QStringLiteral(CHORUS_SOURCE_DIR "/tests/qml/data/kiosk-flow.chorus.json"));
        QVERIFY(package.ok());
        chorus::store::InMemoryStore db;
        FinalizerSink sink(db, QStringLiteral("test-device"));
        RespondentSession session(&sink);
        session.setPackage(*package);
        session.setEvent(QStringLiteral("Library open day"), QStringLiteral("E05013938"));
        session.begin(QStringLiteral("en"));
        session.setConsent(QStringLiteral("consultation"), true);
        QVERIFY(session.setChoice(QStringLiteral("weekly"), true).isEmpty());
        while (!session.atReview()) {
            QVERIFY(session.next().isEmpty());
        }
        QVERIFY2(session.submit(), qPrintable(session.lastError()));

        const auto stored = db.responses().load(db.responses().list()->first().instanceId);
        QVERIFY(stored.ok());
        QFile pem(QStringLiteral(CHORUS_SOURCE_DIR "/tests/data/TEST-ONLY-council-private-key.pem"));
        QVERIFY(pem.open(QIODevice::ReadOnly));
        auto key = chorus::crypto::CouncilPrivateKey::fromPem(pem.readAll());
        QVERIFY(key.ok());
        auto opened = chorus::crypto::OdkEnvelope::open(*key, stored->envelope.manifest, stored->envelope.encryptedFiles);
        QVERIFY(opened.ok());
        auto response = chorus::response::SubmissionXml::parse(opened->xml);
        QVERIFY(response.ok());
        QCOMPARE(response->eventWard, QStringLiteral("E05013938"));
        QCOMPARE(chorus::exports::recordFromResponse(*response).ward, std::optional<QString>(QStringLiteral("E05013938")));
    }

    void submit_inAssistedModeWithoutOperator_isRefusedAndStoresNothing()
    {
        auto package = chorus::survey::SurveyLoader::loadFile(QStringLiteral(CHORUS_SOURCE_DIR "/tests/qml/data/kiosk-flow.chorus.json"));
        QVERIFY(package.ok());
        chorus::store::InMemoryStore db;
        FinalizerSink sink(db, QStringLiteral("test-device"));
        RespondentSession session(&sink);
        session.setPackage(*package);
        session.setMode(QStringLiteral("assisted"));
        session.begin(QStringLiteral("en"));
        session.setConsent(QStringLiteral("consultation"), true);
        session.setChoice(QStringLiteral("weekly"), true);
        while (!session.atReview()) {
            QVERIFY(session.next().isEmpty());
        }
        QVERIFY(!session.submit());
        QVERIFY(!session.lastError().isEmpty());
        QCOMPARE(db.responses().list()->size(), 0);
        QVERIFY(session.isActive()); // nothing lost: the respondent can still be helped
    }
};

QTEST_GUILESS_MAIN(TstFinalizerSink)
#include "tst_finalizersink.moc"
