// SPDX-License-Identifier: GPL-3.0-or-later
// `chorusctl collect --answers-jsonl`: many responses in one run (issue 14, item 27). A bad line
// is reported by its number and the others are still finalized, each in its own transaction.
#include "ConsentTestSupport.h"

#include "consent/SurveyConsent.h"

#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace chorus;
using namespace chorus::consent::testing;

class TestCollectBatch : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString writeLines(const QByteArray &text) { return chorus::testing::writeInputFile(m_dir, u"answers-"_s, u".jsonl"_s, text); }

    QStringList batchArgs(const QString &db, const QString &lines)
    {
        return {u"collect"_s, u"--survey"_s, demoSurveyPath(), u"--unsigned-test-package"_s, u"--db"_s, db, u"--answers-jsonl"_s, lines,
                u"--grant"_s, u"consultation"_s, u"--grant"_s, u"equality_monitoring"_s, u"--operator"_s, u"op-7"_s};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void batch_badLinesAreNamed_theOthersAreFinalized_eachWithItsOwnReceipt()
    {
        const QString db = m_dir.filePath(u"batch.db"_s);
        const QString lines = writeLines(R"({"satisfaction": "4", "improvements": "Open on Sundays", "sex": "female"}
{"satisfaction": "4", "improvements": 
{"satisfaction": "4", "colour": "red"}

{"satisfaction": "2", "improvements": "More books"})"
                                         "\n");
        const auto run = runCli(batchArgs(db, lines));
        QCOMPARE(run.code, 1);
        QVERIFY2(run.out.contains(u"line 2 failed"), qPrintable(run.out));
        QVERIFY2(run.out.contains(u"line 3 failed"), qPrintable(run.out));
        QVERIFY2(run.out.contains(u"2 finalized, 2 failed"), qPrintable(run.out));
        QVERIFY2(run.err.contains(lines + u":2: not JSON"), qPrintable(run.err));
        QVERIFY2(run.err.contains(lines + u":3: ") && run.err.contains(u"colour"), qPrintable(run.err));
        // One line per bad line (besides the unsigned-test-package warning).
        QCOMPARE(run.err.count(lines + u':'), 2);
        QVERIFY(!run.out.contains(u"Sundays") && !run.err.contains(u"Sundays")); // never an answer

        const QRegularExpression done(u"^line (\\d+) finalized (\\S+) receipt (\\S+)$"_s,
                                      QRegularExpression::MultilineOption);
        QStringList numbers, codes;
        for (auto it = done.globalMatch(run.out); it.hasNext();) {
            const auto match = it.next();
            numbers << match.captured(1);
            codes << match.captured(3);
            auto response = openStored(db, match.captured(2));
            QVERIFY2(response.ok(), qPrintable(response.ok() ? QString() : response.error().message));
            QVERIFY(response->consent.has_value());
            auto code = consent::ReceiptCode::parse(match.captured(3));
            QVERIFY(code.ok());
            QCOMPARE(response->consent->receiptCodeHash,
                     consent::receiptCodeHash(*code, consent::receiptHashKeyFor(demoSurvey())));
            QCOMPARE(response->consent->operatorId, u"op-7"_s);
        }
        QCOMPARE(numbers, (QStringList{u"1"_s, u"5"_s}));
        QVERIFY(codes.at(0) != codes.at(1));
    }

    void batch_aReceiptCodeFlag_isAUsageError()
    {
        const QString db = m_dir.filePath(u"usage.db"_s);
        const auto run = runCli(batchArgs(db, writeLines(R"({"satisfaction": "4"})")) +
                                QStringList{u"--receipt-code"_s, u"7K2M-QX9D-R4T1"_s});
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(u"--receipt-code"), qPrintable(run.err));
        QVERIFY(!QFile::exists(db));
    }

    void batch_missingFile_failsNamingIt()
    {
        const QString missing = m_dir.filePath(u"nowhere.jsonl"_s);
        const auto run = runCli(batchArgs(m_dir.filePath(u"missing.db"_s), missing));
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(missing), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestCollectBatch)
#include "tst_collectbatch.moc"
