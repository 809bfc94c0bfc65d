// SPDX-License-Identifier: GPL-3.0-or-later
// The admin app's view-models, driven as the pages drive them: keys init → export → report
// on generated data, refusals before anything starts, a wrong passphrase, cancellation.
#include "AdminFixture.h"
#include "AdminWorkspace.h"
#include "ExportRunModel.h"
#include "KeysModel.h"
#include "ReportModel.h"
#include "SurveysModel.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace chorus;
using namespace chorus::admin;
namespace fx = chorus::admin::fixture;

namespace
{
const QString kPassphrase = QString::fromUtf8(fx::kPassphrase);

// Waits for the job's finished() (it may already have been emitted by a refusal).
bool finishes(AdminJob &job, QSignalSpy &spy)
{
    if (!job.running())
        return true;
    return spy.wait(60000) && !job.running();
}
} // namespace

class TestAdminModels : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    AdminWorkspace m_workspace;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_workspace.openFolder(m_dir.filePath(QStringLiteral("ws"))));
        for (const QString &sub : { m_workspace.keysDir(), m_workspace.pulledDir(), m_workspace.exportsDir(),
                 m_workspace.reportsDir(), m_workspace.surveysDir(), m_workspace.censusDir() })
            QVERIFY2(QDir(sub).exists(), qPrintable(sub));
    }

    void receiverPins_malformedOrTooMany_areRefused_goodOnesReachTheTransport()
    {
        AdminWorkspace workspace;
        QVERIFY(workspace.openFolder(m_dir.filePath(QStringLiteral("pins"))));
        const QString tokenFile = m_dir.filePath(QStringLiteral("admin-token"));
        {
            QFile f(tokenFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("an-admin-token-for-the-test\n");
        }
        workspace.setEndpoint(QStringLiteral("https://survey.example.gov.uk"));
        workspace.setAdminTokenFile(tokenFile);
        const QString primary = QStringLiteral("sha256//") + QString(43, QLatin1Char('A')) + QLatin1Char('=');
        const QString backup = QStringLiteral("sha256//") + QString(43, QLatin1Char('B')) + QLatin1Char('=');

        workspace.setPins(QStringLiteral("sha256//tooshort="));
        auto refused = workspace.receiverConnection();
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QStringLiteral("sha256//BASE64")), qPrintable(refused.error().message));

        workspace.setPins(primary + QLatin1Char(' ') + backup + QLatin1Char(' ') + primary);
        QVERIFY(!workspace.receiverConnection());

        workspace.setPins(primary + QStringLiteral(", ") + backup);
        auto connection = workspace.receiverConnection();
        QVERIFY2(connection, connection ? "" : qPrintable(connection.error().message));
        QCOMPARE(connection->curl.pins, (QStringList{primary, backup}));
        workspace.setPins(QString());
    }

    void keys_refuseAShortOrMismatchedPassphrase_beforeStarting()
    {
        KeysModel keys(m_workspace);
        QSignalSpy finished(&keys, &AdminJob::finished);
        QVERIFY(!keys.init(QStringLiteral("short"), QStringLiteral("short")));
        QVERIFY(keys.error().contains(QLatin1String("12")));
        QVERIFY(!keys.init(kPassphrase, kPassphrase + QLatin1Char('x')));
        QVERIFY(keys.error().contains(QLatin1String("different")));
        QCOMPARE(finished.size(), 2);
        QVERIFY(!keys.running());
        QVERIFY(!keys.hasKeys());
    }

    void keysInit_thenExport_thenReport_throughTheModels()
    {
        KeysModel keys(m_workspace);
        keys.setFastKdf(true);
        QSignalSpy keysDone(&keys, &AdminJob::finished);
        QVERIFY(keys.init(kPassphrase, kPassphrase));
        QVERIFY(keys.running());
        QVERIFY(finishes(keys, keysDone));
        QVERIFY2(keys.error().isEmpty(), qPrintable(keys.error()));
        QVERIFY(keys.hasKeys());
        QVERIFY(!keys.councilKeyId().isEmpty());
        QCOMPARE(keys.signingFingerprint().count(QLatin1Char('-')), 3); // as devices show it: XXXX-XXXX-XXXX-XXXX

        fx::Options options;
        options.records = 12;
        options.damagedIndex = 4;
        options.createKeys = false; // sealed to the keys the model just made
        fx::makeWorkspace(m_workspace.path(), options);

        ExportRunModel exporter(m_workspace);
        exporter.setFormat(QStringLiteral("xlsx"));
        exporter.setSurveyPackage(m_workspace.firstFile(m_workspace.surveysDir(), QStringLiteral("*.json")));
        QSignalSpy exportDone(&exporter, &AdminJob::finished);
        QVERIFY(exporter.start(kPassphrase));
        QVERIFY(finishes(exporter, exportDone));
        QVERIFY2(exporter.error().isEmpty(), qPrintable(exporter.error()));
        QCOMPARE(exporter.written(), qint64(11));
        QCOMPARE(exporter.failedCount(), qint64(1));
        QCOMPARE(exporter.failures().size(), 1);
        QVERIFY2(exporter.failures().constFirst().contains(fx::instanceIdOf(4)),
            qPrintable(exporter.failures().constFirst()));
        QCOMPARE(exporter.files().size(), 1);
        QVERIFY(exporter.files().constFirst().endsWith(QLatin1String(".xlsx")));
        QVERIFY(exporter.files().constFirst().startsWith(m_workspace.exportsDir()));
        QVERIFY(QFile::exists(exporter.files().constFirst()));
        QFile audit(QDir(m_workspace.pulledDir()).filePath(QStringLiteral("audit.jsonl")));
        QVERIFY(audit.open(QIODevice::ReadOnly));
        QVERIFY(audit.readAll().contains("\"format\":\"xlsx\""));

        ReportModel reporter(m_workspace);
        reporter.setSurveyPackage(m_workspace.firstFile(m_workspace.surveysDir(), QStringLiteral("*.json")));
        reporter.setCensusFile(m_workspace.firstFile(m_workspace.censusDir(), QStringLiteral("*")));
        reporter.setRoundTo5(true);
        QSignalSpy reportDone(&reporter, &AdminJob::finished);
        QVERIFY(reporter.start(kPassphrase));
        QVERIFY(finishes(reporter, reportDone));
        QVERIFY2(reporter.error().isEmpty(), qPrintable(reporter.error()));
        QCOMPARE(reporter.records(), qint64(11));
        QCOMPARE(reporter.htmlPath(), QDir(m_workspace.reportsDir()).filePath(QStringLiteral("report.html")));
        QVERIFY(QFile::exists(reporter.htmlPath()));
        QVERIFY(QFile::exists(reporter.csvPath()));
        QVERIFY(reporter.summary().contains(QLatin1String("could not be opened")));

        // Rotation keeps the old key: the same responses still export.
        QSignalSpy rotated(&keys, &AdminJob::finished);
        QVERIFY(keys.rotate(kPassphrase));
        QVERIFY(finishes(keys, rotated));
        QVERIFY2(keys.error().isEmpty(), qPrintable(keys.error()));
        QCOMPARE(keys.retiredKeyIds().size(), 1);
        QVERIFY(exporter.start(kPassphrase));
        QVERIFY(finishes(exporter, exportDone));
        QCOMPARE(exporter.written(), qint64(11));
    }

    void export_wrongPassphrase_saysTheKeyCouldNotBeOpened()
    {
        ExportRunModel exporter(m_workspace);
        QSignalSpy done(&exporter, &AdminJob::finished);
        QVERIFY(exporter.start(QStringLiteral("not the passphrase")));
        QVERIFY(finishes(exporter, done));
        QVERIFY2(exporter.error().contains(QLatin1String("wrong passphrase")), qPrintable(exporter.error()));
        QCOMPARE(exporter.written(), qint64(0));
    }

    void export_emptyPassphrase_isRefusedBeforeStarting()
    {
        ExportRunModel exporter(m_workspace);
        QVERIFY(!exporter.start(QString()));
        QVERIFY(exporter.error().contains(QLatin1String("passphrase")));
        QVERIFY(!exporter.running());
    }

    void export_cancelled_reportsCancelledAndWritesNoFile()
    {
        fx::Options options;
        options.records = 400;
        options.createKeys = false;
        fx::makeWorkspace(m_workspace.path(), options);
        ExportRunModel exporter(m_workspace);
        exporter.setFormat(QStringLiteral("csv"));
        QSignalSpy done(&exporter, &AdminJob::finished);
        const QStringList before = QDir(m_workspace.exportsDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QVERIFY(exporter.start(kPassphrase));
        exporter.cancel();
        QVERIFY(finishes(exporter, done));
        QVERIFY2(exporter.cancelled(), qPrintable(exporter.summary() + exporter.error()));
        QVERIFY(exporter.written() < 400);
        QVERIFY(exporter.files().isEmpty());
        for (const QString &run : QDir(m_workspace.exportsDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            if (!before.contains(run))
                QCOMPARE(QDir(m_workspace.exportsDir() + QLatin1Char('/') + run).entryList(QDir::Files).size(), 0);
        }
    }

    void surveys_newFromTemplate_isValid_problemsListedWithPaths_signedWithTheCouncilKey()
    {
        SurveysModel surveys(m_workspace);
        QVERIFY(!surveys.templates().isEmpty());
        const QString templateId = surveys.templates().constFirst().toMap().value(QStringLiteral("id")).toString();
        QVERIFY(!surveys.createFromTemplate(templateId, QStringLiteral("../escape"), {}));
        QVERIFY(surveys.createFromTemplate(templateId, QStringLiteral("library-2026"), QStringLiteral("https://survey.example.gov.uk")));
        const QString file = QDir(m_workspace.surveysDir()).filePath(QStringLiteral("library-2026.chorus.json"));
        QCOMPARE(surveys.selected(), file);
        QVERIFY(surveys.files().contains(file));
        QVERIFY(surveys.checked());
        QVERIFY2(surveys.problems().isEmpty(), qPrintable(surveys.description()));
        QVERIFY(!surveys.signedByCouncil());
        {
            QFile created(file);
            QVERIFY(created.open(QIODevice::ReadOnly));
            QVERIFY(created.readAll().contains("https://survey.example.gov.uk/submission"));
        }
        QVERIFY(!surveys.createFromTemplate(templateId, QStringLiteral("library-2026"), QString())); // exists

        QSignalSpy done(&surveys, &AdminJob::finished);
        QVERIFY(surveys.sign(kPassphrase));
        QVERIFY(finishes(surveys, done));
        QVERIFY2(surveys.error().isEmpty(), qPrintable(surveys.error()));
        QVERIFY(surveys.signedByCouncil());
        QVERIFY(QFile::exists(file + QLatin1String(".sig")));

        // A change after signing voids the signature; a broken field is named by its JSON path.
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray bytes = f.readAll();
        f.close();
        bytes.replace("\"version\"", "\"version_typo\"");
        fx::writeFile(file, bytes);
        QVERIFY(!surveys.check());
        QVERIFY(!surveys.signedByCouncil());
        QVERIFY(!surveys.problems().isEmpty());
        bool named = false;
        for (const QVariant &problem : surveys.problems())
            named = named || !problem.toMap().value(QStringLiteral("path")).toString().isEmpty();
        QVERIFY(named);
    }

    void report_withoutCensusFile_isRefusedBeforeStarting()
    {
        ReportModel reporter(m_workspace);
        reporter.setSurveyPackage(fx::kSurvey);
        QVERIFY(!reporter.start(kPassphrase));
        QVERIFY(reporter.error().contains(QLatin1String("census")));
    }
};

QTEST_MAIN(TestAdminModels)

#include "tst_adminmodels.moc"
