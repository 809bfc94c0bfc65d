// SPDX-License-Identifier: GPL-3.0-or-later
// The operations behind `chorusctl pull|export|report` and the admin app, called as the app
// calls them: passphrase as bytes, progress and failures through callbacks, cancellation.
#include "AdminFixture.h"
#include "AdminOperations.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace chorus;
using namespace chorus::cli;
namespace fx = chorus::admin::fixture;

class TestAdminOperations : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_ws;

    ExportRequest exportRequest(const QString &out) const
    {
        ExportRequest request;
        request.adminDir = QDir(m_ws).filePath(QStringLiteral("pulled"));
        request.keysDir = QDir(m_ws).filePath(QStringLiteral("keys"));
        request.passphrase.bytes = fx::kPassphrase;
        request.format = ExportFormat::Csv;
        request.outDir = out;
        request.surveyPackage = fx::kSurvey;
        request.workers = 2;
        return request;
    }

    QByteArray auditLog() const
    {
        QFile f(QDir(m_ws).filePath(QStringLiteral("pulled/audit.jsonl")));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_ws = m_dir.filePath(QStringLiteral("ws"));
        fx::Options options;
        options.records = 40;
        options.strangerIndex = 3;
        options.damagedIndex = 7;
        fx::makeWorkspace(m_ws, options);
    }

    void export_foreignAndDamagedRecords_areNamedByInstanceId_theRestExportAndAreAudited()
    {
        QList<FailedRecord> failures;
        QList<OperationStage> stages;
        OperationControl control;
        control.failed = [&](const QString &id, const QString &message) { failures.append({ id, message }); };
        control.progress = [&](OperationStage stage, qint64, qint64 total) {
            QCOMPARE(total, qint64(40));
            if (stages.isEmpty() || stages.constLast() != stage)
                stages.append(stage);
        };
        const QString out = m_dir.filePath(QStringLiteral("csv"));
        auto outcome = runExport(exportRequest(out), control);
        QVERIFY2(outcome.ok(), outcome.ok() ? "" : qPrintable(outcome.error().message));
        QCOMPARE(outcome->written, qint64(38));
        QCOMPARE(outcome->failed, qint64(2));
        QVERIFY(!outcome->cancelled);
        QCOMPARE(stages, (QList<OperationStage> { OperationStage::CheckingWithdrawals, OperationStage::Decrypting }));
        QCOMPARE(failures.size(), 2);
        const QString all = failures.at(0).id + failures.at(0).message + failures.at(1).id + failures.at(1).message;
        QVERIFY2(all.contains(fx::instanceIdOf(3)), qPrintable(all));
        QVERIFY2(all.contains(fx::instanceIdOf(7)), qPrintable(all));
        QVERIFY(!outcome->files.isEmpty());
        QVERIFY(QFile::exists(outcome->files.constFirst()));
        const QByteArray log = auditLog();
        QVERIFY(log.contains("\"kind\":\"export.record_level\""));
        QVERIFY(log.contains("\"records\":38"));
        QVERIFY(!log.contains("SECRET"));
    }

    void export_cancelledWhileDecrypting_leavesNoFileAndNoAuditLine()
    {
        const int auditLinesBefore = int(auditLog().count('\n'));
        std::atomic<bool> cancel { false };
        OperationControl control;
        control.cancel = &cancel;
        control.progress = [&](OperationStage stage, qint64 done, qint64) {
            if (stage == OperationStage::Decrypting && done >= 5)
                cancel = true;
        };
        const QString out = m_dir.filePath(QStringLiteral("cancelled"));
        auto outcome = runExport(exportRequest(out), control);
        QVERIFY(outcome.ok());
        QVERIFY(outcome->cancelled);
        QVERIFY(outcome->written < 40);
        QVERIFY(outcome->files.isEmpty());
        QCOMPARE(QDir(out).entryList(QDir::Files).size(), 0);
        QCOMPARE(int(auditLog().count('\n')), auditLinesBefore);
    }

    void export_cancelledBeforeStarting_stopsInTheWithdrawalPass()
    {
        std::atomic<bool> cancel { true };
        OperationControl control;
        control.cancel = &cancel;
        auto outcome = runExport(exportRequest(m_dir.filePath(QStringLiteral("never"))), control);
        QVERIFY(outcome.ok());
        QVERIFY(outcome->cancelled);
        QCOMPARE(outcome->written, qint64(0));
    }

    void export_wrongPassphrase_failsSayingSo()
    {
        ExportRequest request = exportRequest(m_dir.filePath(QStringLiteral("wrong")));
        request.passphrase.bytes = "not the passphrase";
        auto outcome = runExport(request, {});
        QVERIFY(!outcome.ok());
        QCOMPARE(outcome.error().kind, ErrorKind::Crypto);
        QVERIFY2(outcome.error().message.contains(QLatin1String("passphrase")), qPrintable(outcome.error().message));
    }

    void report_fromPulled_writesHtmlAndCsv_andNotesTheUnopenedSubmissions()
    {
        ReportRequest request;
        request.pulledDir = QDir(m_ws).filePath(QStringLiteral("pulled"));
        request.keysDir = QDir(m_ws).filePath(QStringLiteral("keys"));
        request.passphrase.bytes = fx::kPassphrase;
        request.surveyPackage = fx::kSurvey;
        request.censusFiles = { fx::kCensus };
        request.outDir = m_dir.filePath(QStringLiteral("report"));
        qint64 failed = 0;
        OperationControl control;
        control.failed = [&](const QString &, const QString &) { ++failed; };
        auto outcome = runReport(request, control);
        QVERIFY2(outcome.ok(), outcome.ok() ? "" : qPrintable(outcome.error().message));
        QCOMPARE(outcome->records, qint64(38));
        QCOMPARE(outcome->openFailures, qint64(2));
        QCOMPARE(failed, qint64(2));
        QFile html(outcome->htmlPath);
        QVERIFY(html.open(QIODevice::ReadOnly));
        const QByteArray page = html.readAll();
        QVERIFY(page.contains("could not be opened"));
        QVERIFY(!page.contains("SECRET"));
        QVERIFY(QFile::exists(outcome->csvPath));
    }

    void pull_cancelledBeforeTheFirstRequest_sendsNothing()
    {
        std::atomic<bool> cancel { true };
        OperationControl control;
        control.cancel = &cancel;
        qint64 requests = 0;
        control.progress = [&](OperationStage, qint64 done, qint64) { requests = done; };
        PullRequest request;
        request.endpoint = QStringLiteral("http://127.0.0.1:9");
        request.adminToken = "token";
        request.outDir = m_dir.filePath(QStringLiteral("pull"));
        request.allowHttpLoopback = true;
        auto outcome = runPull(request, control);
        QVERIFY(outcome.ok());
        QVERIFY(outcome->cancelled);
        QCOMPARE(requests, qint64(0));
    }

    void pull_plainHttpToAnotherHost_isRefused()
    {
        PullRequest request;
        request.endpoint = QStringLiteral("http://example.org");
        request.adminToken = "token";
        request.outDir = m_dir.filePath(QStringLiteral("pull"));
        request.allowHttpLoopback = true;
        auto outcome = runPull(request, {});
        QVERIFY(!outcome.ok());
        QVERIFY(outcome.error().message.contains(QLatin1String("https")));
    }
};

QTEST_GUILESS_MAIN(TestAdminOperations)

#include "tst_adminoperations.moc"
