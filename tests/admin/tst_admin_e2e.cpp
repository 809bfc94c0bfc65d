// SPDX-License-Identifier: GPL-3.0-or-later
// The "done when", in the admin app: from a fresh workspace, through the view-models the
// pages use, against the real chorus-receiver on loopback — create keys, start a survey from the
// template, sign and publish it, enrol a device (bundle + QR), let the device (real chorusctl)
// install the survey, collect and sync, then download, export to XLSX with the audit line,
// build the equality report, and revoke the device.
#include "../e2e/E2eHarness.h"
#include "AdminWorkspace.h"
#include "DevicesModel.h"
#include "ExportRunModel.h"
#include "KeysModel.h"
#include "PullModel.h"
#include "ReportModel.h"
#include "SurveysModel.h"
#include "enrollment/EnrollmentBundle.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace chorus;
using namespace chorus::admin;

namespace
{
const QString kPassphrase = QStringLiteral("admin passphrase for the e2e test");

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

// Runs one job step and waits for its finished(); fails the test with the job's error.
#define RUN_JOB(job, call)                                                                                             \
    do {                                                                                                               \
        QSignalSpy spy_(&(job), &AdminJob::finished);                                                                  \
        QVERIFY2((call), qPrintable((job).error()));                                                                   \
        QVERIFY(spy_.wait(120000));                                                                                    \
        QVERIFY2((job).error().isEmpty(), qPrintable((job).error()));                                                  \
    } while (false)
} // namespace

class TestAdminE2e : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void freshWorkspace_toPublishedSurvey_enrolledDevice_xlsxAndReport()
    {
        E2eHarness h;
        AdminWorkspace workspace;
        QVERIFY(workspace.openFolder(h.path(QStringLiteral("workspace"))));

        KeysModel keys(workspace);
        keys.setFastKdf(true);
        RUN_JOB(keys, keys.init(kPassphrase, kPassphrase));
        QVERIFY(keys.hasKeys());

        // The receiver is told the council's signing key: it publishes only packages signed by it.
        QString whyNot;
        QVERIFY2(h.startReceiver(&whyNot, workspace.keysDir() + QStringLiteral("/signing-ed25519.pub")), qPrintable(whyNot));
        workspace.setEndpoint(h.endpoint());
        workspace.setAdminTokenFile(h.path(QStringLiteral("admin-token")));
        workspace.setCaFile(QString());

        SurveysModel surveys(workspace);
        const QString templateId = surveys.templates().constFirst().toMap().value(QStringLiteral("id")).toString();
        QVERIFY2(surveys.createFromTemplate(templateId, QStringLiteral("libraries"), h.endpoint()),
            qPrintable(surveys.error()));
        QVERIFY(surveys.problems().isEmpty());
        RUN_JOB(surveys, surveys.sign(kPassphrase));
        QVERIFY(surveys.signedByCouncil());
        RUN_JOB(surveys, surveys.publish());
        QVERIFY2(surveys.summary().contains(QLatin1String("created")), qPrintable(surveys.summary()));

        DevicesModel devices(workspace);
        // A wrong passphrase is refused before the receiver issues anything.
        {
            QSignalSpy spy(&devices, &AdminJob::finished);
            QVERIFY(devices.enroll(QStringLiteral("tablet-01"), QString(), 14, QStringLiteral("wrong passphrase!")));
            QVERIFY(spy.wait(60000));
            QVERIFY2(devices.error().contains(QLatin1String("passphrase")), qPrintable(devices.error()));
        }
        RUN_JOB(devices, devices.enroll(QStringLiteral("tablet-01"), QString(), 14, kPassphrase));
        QVERIFY(QFile::exists(devices.bundlePath()));
        QVERIFY(readFile(devices.qrPath()).startsWith("\x89PNG"));
        QCOMPARE(QFile::permissions(devices.bundlePath()) & (QFile::ReadGroup | QFile::ReadOther),
            QFile::Permissions());
        auto bundle = enrollment::readBundle(readFile(devices.bundlePath()));
        QVERIFY2(bundle, qPrintable(bundle ? QString() : bundle.error().message));
        QCOMPARE(devices.fingerprint(), bundle->fingerprint());
        QCOMPARE(keys.signingFingerprint(), bundle->fingerprint()); // what the Keys page shows
        RUN_JOB(devices, devices.refresh());
        QCOMPARE(devices.devices().size(), 1);
        QVERIFY(devices.devices().constFirst().toMap().value(QStringLiteral("active")).toBool());

        // The device side, with the real chorusctl: enrol, install the survey, collect, sync.
        writeFile(h.path(QStringLiteral("operator")), "operator passphrase 0815\n");
        const QString db = h.path(QStringLiteral("device.db"));
        const QStringList device { QStringLiteral("--db"), db, QStringLiteral("--passphrase-file"),
            h.path(QStringLiteral("operator")) };
        RunResult r = h.chorusctl(QStringList { QStringLiteral("device"), QStringLiteral("enroll"),
                                      QStringLiteral("--bundle"), devices.bundlePath(), QStringLiteral("--kdf"),
                                      QStringLiteral("interactive") }
            + device);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        r = h.chorusctl(QStringList { QStringLiteral("device"), QStringLiteral("update") } + device);
        QVERIFY2(r.exitCode == 0 && r.out.contains("installed"), qPrintable(r.describe()));
        writeFile(h.path(QStringLiteral("answers.json")),
            "{\"uses_library\": \"no\", \"why_not_used\": [\"hours\"], \"agree_evening_hours\": \"1\","
            " \"agree_hubs\": \"2\"}");
        for (int i = 0; i < 3; ++i) {
            r = h.chorusctl({ QStringLiteral("collect"), QStringLiteral("--survey"), surveys.selected(),
                QStringLiteral("--answers"), h.path(QStringLiteral("answers.json")), QStringLiteral("--db"), db,
                QStringLiteral("--grant"), QStringLiteral("consultation"), QStringLiteral("--grant"),
                QStringLiteral("equality_monitoring"), QStringLiteral("--operator"), QStringLiteral("e2e") });
            QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        }
        writeFile(h.path(QStringLiteral("token")), bundle->deviceToken + '\n');
        r = h.chorusctl({ QStringLiteral("sync"), QStringLiteral("--db"), db, QStringLiteral("--endpoint"),
            h.endpoint(), QStringLiteral("--token-file"), h.path(QStringLiteral("token")) });
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));

        PullModel pull(workspace);
        RUN_JOB(pull, pull.start());
        QCOMPARE(pull.written(), 3);

        ExportRunModel exporter(workspace);
        exporter.setFormat(QStringLiteral("xlsx"));
        exporter.setSurveyPackage(surveys.selected());
        RUN_JOB(exporter, exporter.start(kPassphrase));
        QCOMPARE(exporter.written(), qint64(3));
        QCOMPARE(exporter.failedCount(), qint64(0));
        QVERIFY(readFile(exporter.files().constFirst()).startsWith("PK")); // a zip: the XLSX container
        QVERIFY(readFile(QDir(workspace.pulledDir()).filePath(QStringLiteral("audit.jsonl")))
                    .contains("\"kind\":\"export.record_level\""));

        ReportModel reporter(workspace);
        reporter.setSurveyPackage(surveys.selected());
        reporter.setCensusFile(QStringLiteral(CHORUS_SOURCE_DIR "/examples/census/E09000021-kingston-upon-thames.json"));
        RUN_JOB(reporter, reporter.start(kPassphrase));
        QCOMPARE(reporter.records(), qint64(3));
        QVERIFY(readFile(reporter.htmlPath()).contains("About these figures"));
        QVERIFY(QFile::exists(reporter.csvPath()));

        RUN_JOB(devices, devices.revoke(QStringLiteral("tablet-01")));
        QVERIFY(!devices.devices().constFirst().toMap().value(QStringLiteral("active")).toBool());
        r = h.chorusctl(QStringList { QStringLiteral("device"), QStringLiteral("update") } + device);
        QVERIFY2(r.exitCode == 1 && r.err.contains("re-enrol"), qPrintable(r.describe()));

        QVERIFY(!h.allOutput().contains(bundle->deviceToken));
    }
};

QTEST_MAIN(TestAdminE2e)

#include "tst_admin_e2e.moc"
