// SPDX-License-Identifier: GPL-3.0-or-later
// `chorusctl collect` with consent flags, end to end: the record is sealed inside the
// submission, the printed receipt code matches its hash, a refusal keeps no equality answer.
#include "BankSurveys.h"
#include "ConsentTestSupport.h"

#include "consent/SurveyConsent.h"

#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace chorus;
using namespace chorus::consent::testing;

class TestCollectConsent : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString writeAnswers(const QByteArray &json) { return chorus::testing::writeInputFile(m_dir, u"answers-"_s, u".json"_s, json); }

    QStringList collectArgs(const QString &db)
    {
        return {u"collect"_s, u"--survey"_s, demoSurveyPath(), u"--unsigned-test-package"_s, u"--db"_s, db, u"--answers"_s,
                writeAnswers(R"({"satisfaction": "4", "improvements": "Open on Sundays", "sex": "female"})")};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void collect_paperFormWithGrants_sealsTheConsentRecordAndPrintsTheReceipt()
    {
        const QString db = m_dir.filePath(u"granted.db"_s);
        const QString qr = m_dir.filePath(u"receipt.png"_s);
        const auto run = runCli(collectArgs(db) + QStringList{u"--grant"_s, u"equality_monitoring"_s, u"--grant"_s,
                                                              u"consultation"_s, u"--operator"_s, u"op-7"_s,
                                                              u"--device-id"_s, u"tablet-3"_s, u"--receipt-qr"_s, qr});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QString instanceId = outputValue(run.out, u"finalized"_s);
        auto code = consent::ReceiptCode::parse(outputValue(run.out, u"receipt"_s));
        QVERIFY(code.ok());

        auto response = openStored(db, instanceId);
        QVERIFY2(response.ok(), qPrintable(response.ok() ? QString() : response.error().message));
        QVERIFY(response->consent.has_value());
        const consent::ConsentRecord &record = *response->consent;
        QVERIFY(record.validate().ok());
        const survey::SurveyPackage package = demoSurvey();
        QCOMPARE(record.receiptCodeHash, consent::receiptCodeHash(*code, consent::receiptHashKeyFor(package)));
        QCOMPARE(record.responseId, instanceId);
        QVERIFY(record.mode == consent::CollectionMode::Paper);
        QCOMPARE(record.operatorId, u"op-7"_s);
        QCOMPARE(record.deviceId, u"tablet-3"_s);
        QCOMPARE(record.noticeId, package.privacyNotice.id);
        QCOMPARE(record.noticeLocale, u"en"_s);
        QCOMPARE(record.noticeSha256, consent::noticeSha256(consent::noticeTextFor(package, u"en"_s)));
        QVERIFY(record.isGranted(u"equality_monitoring"_s));
        QVERIFY(record.isGranted(u"consultation"_s));
        QCOMPARE(response->answer(u"sex"_s), response::Answer::answered(u"female"_s));

        QImage image;
        QVERIFY(image.load(qr, "PNG"));
        QCOMPARE(image.width(), image.height());
    }

    void collect_equalityAnswersWithoutTheGrant_areRefusedNotDropped()
    {
        const QString db = m_dir.filePath(u"refused.db"_s);
        const auto run = runCli(collectArgs(db) + QStringList{u"--grant"_s, u"consultation"_s, u"--mode"_s,
                                                              u"handheld"_s});
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(u"--grant equality_monitoring"), qPrintable(run.err));
        QVERIFY(!QFile::exists(db));
    }

    // The demo survey with consent.continueWithoutEquality set as given.
    QString demoSurveyContinuing(bool continues)
    {
        QFile in(demoSurveyPath());
        if (!in.open(QIODevice::ReadOnly))
            qFatal("cannot read the demo survey");
        QJsonObject o = QJsonDocument::fromJson(in.readAll()).object();
        o.insert(u"consent"_s, QJsonObject{{u"continueWithoutEquality"_s, continues}});
        const QString path = m_dir.filePath(continues ? u"continues.chorus.json"_s : u"stops.chorus.json"_s);
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly))
            qFatal("cannot write the survey");
        out.write(QJsonDocument(o).toJson());
        return path;
    }

    QStringList collectWithoutEqualityAnswers(const QString &survey, const QString &db)
    {
        return {u"collect"_s, u"--survey"_s, survey, u"--unsigned-test-package"_s, u"--db"_s, db, u"--answers"_s,
                writeAnswers(R"({"satisfaction": "4", "improvements": "Open on Sundays"})"), u"--grant"_s,
                u"consultation"_s};
    }

    void collect_equalityRefused_surveyThatStops_createsNoResponse()
    {
        const QString db = m_dir.filePath(u"stops.db"_s);
        const auto run = runCli(collectWithoutEqualityAnswers(demoSurveyContinuing(false), db));
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(u"continueWithoutEquality is false"), qPrintable(run.err));
        QVERIFY(run.err.contains(u"no response was created"));
        QVERIFY(run.out.isEmpty()); // no receipt code for a response that does not exist
        QVERIFY(!QFile::exists(db));

        const auto granted = runCli(collectWithoutEqualityAnswers(demoSurveyContinuing(false), db)
                                    + QStringList{u"--grant"_s, u"equality_monitoring"_s});
        QVERIFY2(granted.code == 0, qPrintable(granted.err));
    }

    void collect_equalityRefused_surveyThatContinues_storesTheRestWithEqualityNotAsked()
    {
        const QString db = m_dir.filePath(u"continues.db"_s);
        const auto run = runCli(collectWithoutEqualityAnswers(demoSurveyContinuing(true), db));
        QVERIFY2(run.code == 0, qPrintable(run.err));
        auto response = openStored(db, outputValue(run.out, u"finalized"_s));
        QVERIFY(response.ok());
        QVERIFY(!response->consent->isGranted(u"equality_monitoring"_s));
        QCOMPARE(response->answer(u"sex"_s), response::Answer::notAsked());
        QCOMPARE(response->answer(u"improvements"_s), response::Answer::answered(u"Open on Sundays"_s));
    }

    // A respondent who declines equality monitoring is recorded, whichever bank items the survey
    // asks: the bank's calculations (age_16_plus, the disability flag) are not answers they gave.
    void collect_everyBankItem_noEqualityAnswer_isStoredWithEitherGrant()
    {
        QFile in(demoSurveyPath());
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QJsonObject base = QJsonDocument::fromJson(in.readAll()).object();
        QList<QJsonObject> surveys;
        for (const QString &nation : {u"england"_s, u"wales"_s}) {
            QJsonObject forNation = base;
            forNation.insert(u"nation"_s, nation);
            surveys += chorus::testing::everyBankItemSurveys(forNation);
        }
        QVERIFY(surveys.size() >= 4); // per nation, the two ways of asking age cannot share a survey
        for (qsizetype i = 0; i < surveys.size(); ++i) {
            const QString path = m_dir.filePath(u"every-bank-item-%1.chorus.json"_s.arg(i));
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(QJsonDocument(surveys[i]).toJson());
            out.close();
            auto package = survey::SurveyLoader::loadFile(path);
            QVERIFY(package.ok());
            for (const bool equality : {false, true}) {
                const QString db = m_dir.filePath(u"every-bank-item-%1-%2.db"_s.arg(i).arg(equality));
                QStringList args = collectWithoutEqualityAnswers(path, db);
                if (equality)
                    args << u"--grant"_s << u"equality_monitoring"_s;
                const auto run = runCli(args);
                QVERIFY2(run.code == 0, qPrintable(path + u": "_s + run.err));
                auto response = openStored(db, outputValue(run.out, u"finalized"_s));
                QVERIFY(response.ok());
                for (auto it = response->answers.cbegin(); it != response->answers.cend(); ++it) {
                    const survey::Question *q = package->question(it.key());
                    if (!equality && q && !q->bankItem.isEmpty())
                        QCOMPARE(it->state, response::AnswerState::NotAsked);
                }
                QCOMPARE(response->answer(u"improvements"_s), response::Answer::answered(u"Open on Sundays"_s));
            }
        }
    }

    void collect_presetReceiptCodeFromThePaperSlip_isTheOneRecorded()
    {
        const QString db = m_dir.filePath(u"preset.db"_s);
        const auto run = runCli(collectArgs(db) + QStringList{u"--operator"_s, u"op-2"_s, u"--receipt-code"_s,
                                                              u"7k2m qx9d r4t1"_s, u"--grant"_s,
                                                              u"equality_monitoring"_s});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QCOMPARE(outputValue(run.out, u"receipt"_s), u"7K2M-QX9D-R4T1"_s);
        auto response = openStored(db, outputValue(run.out, u"finalized"_s));
        QVERIFY(response.ok());
        QCOMPARE(response->consent->receiptCodeHash,
                 consent::receiptCodeHash(*consent::ReceiptCode::parse(u"7K2M-QX9D-R4T1"),
                                          consent::receiptHashKeyFor(demoSurvey())));

        const auto typo = runCli(collectArgs(m_dir.filePath(u"typo.db"_s))
                                 + QStringList{u"--operator"_s, u"op-2"_s, u"--receipt-code"_s, u"7K2M-QX9D-R4T2"_s});
        QCOMPARE(typo.code, 2);
        QVERIFY(typo.err.contains(u"--receipt-code"));
    }

    void collect_paperWithoutOperator_recordsTheAccountThatKeyedItIn()
    {
        const QString db = m_dir.filePath(u"nooperator.db"_s);
        const auto run = runCli(collectArgs(db) + QStringList{u"--grant"_s, u"equality_monitoring"_s});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        auto response = openStored(db, outputValue(run.out, u"finalized"_s));
        QVERIFY(response.ok());
        QVERIFY2(response->consent->operatorId.contains(u'@'), qPrintable(response->consent->operatorId));
    }

    void collect_unknownPurpose_isAUsageErrorListingThePurposes()
    {
        const auto run = runCli(collectArgs(m_dir.filePath(u"unknown.db"_s))
                                + QStringList{u"--grant"_s, u"marketing"_s, u"--operator"_s, u"op-1"_s});
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(u"equality_monitoring"), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestCollectConsent)
#include "tst_collectconsent.moc"
