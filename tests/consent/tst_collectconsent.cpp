// SPDX-License-Identifier: GPL-3.0-or-later
// `chorusctl collect` with consent flags, end to end: the record is sealed inside the
// submission, the printed receipt code matches its hash, a refusal keeps no equality answer.
#include "ConsentTestSupport.h"

#include "consent/SurveyConsent.h"

#include <QImage>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace chorus;
using namespace chorus::consent::testing;

class TestCollectConsent : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString writeAnswers(const QByteArray &json)
    {
        const QString path = m_dir.filePath(u"answers-%1.json"_s.arg(QUuid::createUuid().toString(QUuid::Id128)));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size())
            qFatal("cannot write answers");
        return path;
    }

    QStringList collectArgs(const QString &db)
    {
        return {u"collect"_s, u"--survey"_s, demoSurveyPath(), u"--db"_s, db, u"--answers"_s,
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

    void collect_withoutEqualityGrant_keepsNoEqualityAnswer()
    {
        const QString db = m_dir.filePath(u"refused.db"_s);
        const auto run = runCli(collectArgs(db) + QStringList{u"--grant"_s, u"consultation"_s, u"--mode"_s,
                                                              u"handheld"_s});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        auto response = openStored(db, outputValue(run.out, u"finalized"_s));
        QVERIFY(response.ok());
        QVERIFY(!response->consent->isGranted(u"equality_monitoring"_s));
        QCOMPARE(response->answer(u"sex"_s).state, response::AnswerState::NotAsked);
        QCOMPARE(response->answer(u"satisfaction"_s), response::Answer::answered(u"4"_s));
    }

    void collect_presetReceiptCodeFromThePaperSlip_isTheOneRecorded()
    {
        const QString db = m_dir.filePath(u"preset.db"_s);
        const auto run = runCli(collectArgs(db) + QStringList{u"--operator"_s, u"op-2"_s, u"--receipt-code"_s,
                                                              u"7k2m qx9d r4t1"_s});
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

    void collect_paperWithoutOperator_isAUsageError()
    {
        const auto run = runCli(collectArgs(m_dir.filePath(u"nooperator.db"_s)));
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(u"--operator"), qPrintable(run.err));
        QVERIFY(!QFile::exists(m_dir.filePath(u"nooperator.db"_s)));
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
