// SPDX-License-Identifier: GPL-3.0-or-later
// Finalizer is the last gate before anything is stored: the survey's equality-consent rule and
// "no equality answer without the grant" hold whatever the caller did before.
#include "consent/ConsentCapture.h"
#include "consent/SurveyConsent.h"
#include "response/Finalizer.h"
#include "BankSurveys.h"
#include "store/InMemoryStore.h"
#include "survey/AnswersJson.h"
#include "survey/SurveyLoader.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace chorus;

namespace {

QJsonObject consentSurveyJson()
{
    QFile file(QStringLiteral(CHORUS_SOURCE_DIR "/tests/consent/data/consent-survey.chorus.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("cannot read the consent test survey");
    }
    return QJsonDocument::fromJson(file.readAll()).object();
}

survey::SurveyPackage consentSurvey(bool continuesWithoutEquality)
{
    QJsonObject o = consentSurveyJson();
    o.insert(QStringLiteral("consent"), QJsonObject{{QStringLiteral("continueWithoutEquality"), continuesWithoutEquality}});
    auto package = survey::SurveyLoader::load(QJsonDocument(o).toJson());
    if (!package) {
        qFatal("consent test survey does not load: %s", qPrintable(package.error().message));
    }
    return *package;
}

// A response with `answers` and a consent record granting exactly `granted`.
response::Response withConsent(const survey::SurveyPackage &package, const QJsonObject &answers,
                               const QStringList &granted)
{
    auto response = survey::fillFromAnswersJson(package, answers);
    if (!response) {
        qFatal("answers do not fit: %s", qPrintable(response.error().message));
    }
    consent::CaptureRequest request = consent::captureRequestFor(package, QStringLiteral("en"), response->instanceId);
    request.actions = *consent::paperFormEvidence(request.offeredPurposes, granted);
    request.mode = consent::CollectionMode::Kiosk;
    request.deviceId = QStringLiteral("test-device");
    request.appVersion = QStringLiteral("test");
    auto captured = consent::captureConsent(request);
    if (!captured) {
        qFatal("consent capture failed: %s", qPrintable(captured.error().message));
    }
    response->consent = captured->record;
    return *response;
}

const QJsonObject kWithoutEquality{{QStringLiteral("satisfaction"), QStringLiteral("4")},
                                   {QStringLiteral("improvements"), QStringLiteral("More seats")}};

} // namespace

class TestFinalizer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void equalityRefused_surveyThatStops_storesNothing()
    {
        store::InMemoryStore store;
        response::Finalizer finalizer(store);
        const survey::SurveyPackage stops = consentSurvey(false);
        auto result = finalizer.finalize(stops, withConsent(stops, kWithoutEquality, {QStringLiteral("consultation")}));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, ErrorKind::Permission);
        QVERIFY(result.error().message.contains(QLatin1String("no response was created")));
        QVERIFY(store.responses().list()->isEmpty());
        QVERIFY(store.consent().list()->isEmpty());

        auto granted = finalizer.finalize(stops, withConsent(stops, kWithoutEquality,
                                                             {QStringLiteral("consultation"),
                                                              QStringLiteral("equality_monitoring")}));
        QVERIFY2(granted.ok(), qPrintable(granted.ok() ? QString() : granted.error().message));
    }

    void equalityRefused_surveyThatContinues_isStoredWithTheLedgerEntry()
    {
        store::InMemoryStore store;
        response::Finalizer finalizer(store);
        const survey::SurveyPackage continues = consentSurvey(true);
        const response::Response response = withConsent(continues, kWithoutEquality, {QStringLiteral("consultation")});
        auto id = finalizer.finalize(continues, response);
        QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().message));
        const auto ledger = store.consent().forResponse(*id);
        QCOMPARE(ledger->size(), 1);
        const store::ConsentEntry &entry = ledger->constFirst();
        QCOMPARE(entry.purposes.value(QStringLiteral("equality_monitoring"), true), false);
        QCOMPARE(entry.purposes.value(QStringLiteral("consultation")), true);
        QCOMPARE(entry.noticeSha256, response.consent->noticeSha256);
        QCOMPARE(entry.mode, QStringLiteral("kiosk"));
    }

    void equalityAnswerWithoutTheGrant_isRefusedNotStored()
    {
        store::InMemoryStore store;
        response::Finalizer finalizer(store);
        const survey::SurveyPackage continues = consentSurvey(true);
        QJsonObject answers = kWithoutEquality;
        answers.insert(QStringLiteral("sex"), QStringLiteral("female"));
        auto result = finalizer.finalize(continues, withConsent(continues, answers, {QStringLiteral("consultation")}));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, ErrorKind::InvalidInput);
        QVERIFY(store.responses().list()->isEmpty());
    }

    // A calculation in a bank item (age_16_plus, the derived disability flag) has a value and the
    // answered state whatever the respondent did; it must not count as an equality answer given.
    void everyBankItem_noEqualityAnswer_isStoredWithEitherGrant()
    {
        int calculationsAnswered = 0;
        QList<QJsonObject> surveys;
        for (const QString &nation : {QStringLiteral("england"), QStringLiteral("wales")}) {
            QJsonObject base = consentSurveyJson();
            base.insert(QStringLiteral("nation"), nation);
            surveys += testing::everyBankItemSurveys(base);
        }
        for (const QJsonObject &json : std::as_const(surveys)) {
            auto package = survey::SurveyLoader::load(QJsonDocument(json).toJson());
            QVERIFY2(package.ok(), qPrintable(package.ok() ? QString() : package.error().message));
            for (const QStringList &grants : {QStringList{QStringLiteral("consultation")},
                                              QStringList{QStringLiteral("consultation"),
                                                          QStringLiteral("equality_monitoring")}}) {
                store::InMemoryStore store;
                response::Finalizer finalizer(store);
                const response::Response response = withConsent(*package, kWithoutEquality, grants);
                for (auto it = response.answers.cbegin(); it != response.answers.cend(); ++it) {
                    const survey::Question *q = package->question(it.key());
                    calculationsAnswered += q && q->type == survey::QuestionType::Calculate
                                         && it->state == response::AnswerState::Answered;
                }
                auto id = finalizer.finalize(*package, response);
                QVERIFY2(id.ok(), qPrintable(grants.join(u'+') + QStringLiteral(": ")
                                             + (id.ok() ? QString() : id.error().message)));
                QCOMPARE(store.responses().list()->size(), 1);
            }
        }
        QVERIFY(calculationsAnswered > 0); // the case this test is about did occur
    }

    void councilKey_isReparsedWhenTheSurveyKeyChanges()
    {
        store::InMemoryStore store;
        response::Finalizer finalizer(store);
        survey::SurveyPackage package = consentSurvey(true);
        QVERIFY(finalizer.finalize(package, withConsent(package, kWithoutEquality, {QStringLiteral("consultation")})).ok());
        package.publicKey = QStringLiteral("bm90IGEga2V5"); // "not a key"
        auto broken = finalizer.finalize(package, withConsent(package, kWithoutEquality, {QStringLiteral("consultation")}));
        QVERIFY(!broken.ok());
        QVERIFY(broken.error().message.contains(QLatin1String("no usable council public key")));
        QCOMPARE(store.responses().list()->size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestFinalizer)
#include "tst_finalizer.moc"
