// SPDX-License-Identifier: GPL-3.0-or-later
#include "Cli.h"
#include "consent/ConsentCapture.h"
#include "consent/SurveyConsent.h"
#include "consent/WithdrawalSubmission.h"
#include "crypto/KeyDirectory.h"
#include "crypto/KeyFile.h"
#include "crypto/OdkEnvelope.h"
#include "crypto/RsaOaep.h"
#include "store/SqliteStore.h"
#include "response/SubmissionXml.h"
#include "survey/SurveyLoader.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace chorus;
using namespace chorus::cli;

namespace
{

const QString kSurvey = QStringLiteral(CHORUS_SOURCE_DIR "/examples/demo.chorus.json");

void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

// A pulled submission as `chorusctl pull` leaves it: ADMIN/submissions/<dirName>/.
void writeEnvelope(const QString &admin, const QString &dirName, const QByteArray &manifest, const FileParts &parts)
{
    const QString dir = admin + QLatin1String("/submissions/") + dirName;
    writeFile(dir + QLatin1String("/submission.xml"), manifest);
    for (const FilePart &part : parts)
        writeFile(dir + QLatin1Char('/') + part.name, part.bytes);
}

response::Response responseNumber(const survey::SurveyPackage &p, int i)
{
    response::Response r;
    r.instanceId = QStringLiteral("uuid:00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
    r.surveyId = p.id;
    r.surveyVersion = p.version;
    r.started = QDateTime(QDate(2026, 11, 24), QTime(10, 0), Qt::UTC);
    r.finished = r.started.addSecs(60);
    for (const survey::Question *q : p.allQuestions()) {
        if (q->isAnswerable() && p.repeatOf(q->name).isEmpty())
            r.answers.insert(q->name,
                q->type == survey::QuestionType::Text ? response::Answer::answered(QStringLiteral("SECRET-TEXT"))
                                                      : response::Answer::notAnswered());
    }
    return r;
}

} // namespace

class TestExportCommand : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    survey::SurveyPackage m_package;

    int runCli(const QStringList &args, QString *out = nullptr, QString *err = nullptr)
    {
        QString o, e;
        QTextStream os(&o), es(&e);
        Io io { os, es };
        const int code = run(QStringList { QStringLiteral("chorusctl"), QStringLiteral("export") } + args, io);
        os.flush();
        es.flush();
        if (out)
            *out = o;
        if (err)
            *err = e;
        return code;
    }

    QStringList args(const QString &out, const QString &format)
    {
        return { QStringLiteral("--in"), m_dir.filePath(QStringLiteral("admin")), QStringLiteral("--keys"),
            m_dir.filePath(QStringLiteral("keys")), QStringLiteral("--passphrase-file"),
            m_dir.filePath(QStringLiteral("pass")), QStringLiteral("--out"), out, QStringLiteral("--format"), format,
            QStringLiteral("--survey"), kSurvey, QStringLiteral("--withdrawn"),
            m_dir.filePath(QStringLiteral("withdrawn.txt")), QStringLiteral("--quiet") };
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        auto package = survey::SurveyLoader::loadFile(kSurvey);
        QVERIFY(package.ok());
        m_package = *package;
        const QByteArray passphrase("correct horse battery staple");
        writeFile(m_dir.filePath(QStringLiteral("pass")), passphrase + '\n');
        crypto::KeyDirectory keys(m_dir.filePath(QStringLiteral("keys")));
        QVERIFY(keys.init(passphrase, crypto::KdfParams::minimum()).ok());
        auto council = keys.councilPublicKey();
        QVERIFY(council.ok());
        auto stranger = crypto::generateCouncilKeyPair();
        QVERIFY(stranger.ok());
        for (int i = 0; i < 5; ++i) {
            const response::Response r = responseNumber(m_package, i);
            auto sealed = crypto::OdkEnvelope::seal(i == 2 ? stranger->publicKey : *council, r.surveyId,
                r.surveyVersion, r.instanceId, response::SubmissionXml::serialize(m_package, r));
            QVERIFY(sealed.ok());
            const QString dir = m_dir.filePath(QStringLiteral("admin/submissions/%1").arg(i));
            writeFile(dir + QLatin1String("/submission.xml"), sealed->manifest);
            for (const FilePart &part : sealed->encryptedFiles)
                writeFile(dir + QLatin1Char('/') + part.name, part.bytes);
        }
        writeFile(
            m_dir.filePath(QStringLiteral("withdrawn.txt")), responseNumber(m_package, 4).instanceId.toUtf8() + '\n');
    }

    void csv_exportsTheRest_namesTheBadRecord_leavesOutWithdrawn_andAudits()
    {
        const QString out = m_dir.filePath(QStringLiteral("csv"));
        QString stdoutText, err;
        QCOMPARE(runCli(args(out, QStringLiteral("csv")), &stdoutText, &err), int(ExitFailure));
        QVERIFY2(stdoutText.contains(QLatin1String("exported 3 response(s)")), qPrintable(stdoutText));
        QVERIFY(stdoutText.contains(QLatin1String("1 withdrawn")));
        QVERIFY(err.contains(responseNumber(m_package, 2).instanceId));
        const QString csvPath
            = QDir(out).filePath(m_package.id + QLatin1String("-v") + m_package.version + QLatin1String(".csv"));
        QFile csv(csvPath);
        QVERIFY2(csv.open(QIODevice::ReadOnly), qPrintable(csvPath));
        const QByteArray bytes = csv.readAll();
        QCOMPARE(bytes.count("\r\nuuid:"), 3);
        QVERIFY(!bytes.contains(responseNumber(m_package, 4).instanceId.toUtf8()));
        QFile audit(m_dir.filePath(QStringLiteral("admin/audit.jsonl")));
        QVERIFY(audit.open(QIODevice::ReadOnly));
        const QByteArray log = audit.readAll();
        QVERIFY(log.contains("\"kind\":\"export.record_level\""));
        QVERIFY(log.contains("\"records\":3"));
        QVERIFY(!log.contains("SECRET"));
    }

    void xlsxAndJson_areWritten()
    {
        for (const char *format : { "xlsx", "json" }) {
            const QString out = m_dir.filePath(QLatin1String(format));
            QCOMPARE(runCli(args(out, QLatin1String(format))), int(ExitFailure)); // the stranger's record still fails
            QCOMPARE(QDir(out).entryList(QDir::Files).size(), 1);
        }
    }

    void report_fromPulledEnvelopes_countsWhatOpens_andSaysWhatDidNot()
    {
        const QString out = m_dir.filePath(QStringLiteral("report"));
        QString o, e;
        QTextStream os(&o), es(&e);
        Io io { os, es };
        const int code = run(
            { QStringLiteral("chorusctl"), QStringLiteral("report"), QStringLiteral("--pulled"),
                m_dir.filePath(QStringLiteral("admin")), QStringLiteral("--keys"),
                m_dir.filePath(QStringLiteral("keys")), QStringLiteral("--passphrase-file"),
                m_dir.filePath(QStringLiteral("pass")), QStringLiteral("--survey"), kSurvey, QStringLiteral("--census"),
                QStringLiteral(CHORUS_SOURCE_DIR "/examples/census/E09000021-kingston-upon-thames.json"),
                QStringLiteral("--out"), out, QStringLiteral("--withdrawn"),
                m_dir.filePath(QStringLiteral("withdrawn.txt")) },
            io);
        os.flush();
        es.flush();
        QCOMPARE(code, int(ExitOk));
        QVERIFY2(o.contains(QLatin1String("(3 records")), qPrintable(o)); // 5 pulled, 1 withdrawn, 1 unopenable
        QFile html(QDir(out).filePath(QStringLiteral("report.html")));
        QVERIFY(html.open(QIODevice::ReadOnly));
        const QByteArray page = html.readAll();
        QVERIFY(page.contains("1 submission(s) could not be opened"));
        QVERIFY(!page.contains("SECRET"));
    }

    // Issue 14: a withdrawal request may lie after the response it withdraws, and export and
    // report used to decrypt every envelope once just to find the requests, then again with the
    // signature check: three RSA private operations a record. Now two, and the late request
    // still applies.
    void lateSealedWithdrawal_isApplied_withTwoRsaOperationsAnEnvelope()
    {
        const QString admin = m_dir.filePath(QStringLiteral("late"));
        auto council = crypto::KeyDirectory(m_dir.filePath(QStringLiteral("keys"))).councilPublicKey();
        QVERIFY(council.ok());
        constexpr int kResponses = 4;
        QString withdrawnHash;
        for (int i = 0; i < kResponses; ++i) {
            response::Response r = responseNumber(m_package, 10 + i);
            r.language = QStringLiteral("en");
            consent::CaptureRequest request = consent::captureRequestFor(m_package, r.language, r.instanceId);
            request.actions = *consent::paperFormEvidence(request.offeredPurposes, { QStringLiteral("consultation") });
            request.deviceId = QStringLiteral("kiosk-1");
            request.appVersion = QStringLiteral("0.1.0");
            auto captured = consent::captureConsent(request);
            QVERIFY2(captured.ok(), captured.ok() ? "" : qPrintable(captured.error().message));
            r.consent = captured->record;
            if (i == 1)
                withdrawnHash = captured->record.receiptCodeHash;
            auto sealed = crypto::OdkEnvelope::seal(*council, r.surveyId, r.surveyVersion, r.instanceId,
                response::SubmissionXml::serialize(m_package, r));
            QVERIFY(sealed.ok());
            writeEnvelope(admin, QStringLiteral("a%1").arg(i), sealed->manifest, sealed->encryptedFiles);
        }
        const auto request = consent::WithdrawalRequest::create(m_package.id, withdrawnHash,
            consent::WithdrawalChannel::OnDeviceRespondent, QDateTime::currentDateTimeUtc());
        auto sealedRequest
            = consent::sealWithdrawalRequest(request, m_package.version, QString::fromLatin1(council->toBase64()));
        QVERIFY2(sealedRequest.ok(), sealedRequest.ok() ? "" : qPrintable(sealedRequest.error().message));
        writeEnvelope(admin, QStringLiteral("z-request"), sealedRequest->manifest, sealedRequest->encryptedFiles);
        constexpr int kEnvelopes = kResponses + 1;
        const QString withdrawnId = responseNumber(m_package, 11).instanceId;

        const QString out = m_dir.filePath(QStringLiteral("late-csv"));
        QStringList exportArgs = args(out, QStringLiteral("csv"));
        exportArgs[exportArgs.indexOf(QStringLiteral("--in")) + 1] = admin;
        const int withdrawnAt = int(exportArgs.indexOf(QStringLiteral("--withdrawn")));
        exportArgs.remove(withdrawnAt, 2);
        quint64 before = crypto::rsaPrivateOperations();
        QString o, e;
        QCOMPARE(runCli(exportArgs, &o, &e), int(ExitOk));
        QCOMPARE(crypto::rsaPrivateOperations() - before, quint64(2 * kEnvelopes));
        QVERIFY2(o.contains(QLatin1String("exported 3 response(s)")), qPrintable(o + e));
        QVERIFY2(o.contains(QLatin1String("1 withdrawn")), qPrintable(o));
        QFile csv(QDir(out).filePath(m_package.id + QLatin1String("-v") + m_package.version + QLatin1String(".csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QVERIFY(!csv.readAll().contains(withdrawnId.toUtf8()));
        // The sealed spool of the second pass is gone.
        QCOMPARE(QDir(admin).entryList({ QStringLiteral(".chorus-spool-*") }, QDir::Files | QDir::Hidden).size(), 0);

        before = crypto::rsaPrivateOperations();
        QString ro, re;
        QTextStream os(&ro), es(&re);
        Io io { os, es };
        const int code = run({ QStringLiteral("chorusctl"), QStringLiteral("report"), QStringLiteral("--pulled"), admin,
                                 QStringLiteral("--keys"), m_dir.filePath(QStringLiteral("keys")),
                                 QStringLiteral("--passphrase-file"), m_dir.filePath(QStringLiteral("pass")),
                                 QStringLiteral("--survey"), kSurvey, QStringLiteral("--census"),
                                 QStringLiteral(CHORUS_SOURCE_DIR "/examples/census/E09000021-kingston-upon-thames.json"),
                                 QStringLiteral("--out"), m_dir.filePath(QStringLiteral("late-report")) },
            io);
        os.flush();
        es.flush();
        QCOMPARE(code, int(ExitOk));
        QCOMPARE(crypto::rsaPrivateOperations() - before, quint64(2 * kEnvelopes));
        QVERIFY2(ro.contains(QLatin1String("(3 records")), qPrintable(ro + re));
    }

    // The real path of an event ward: `collect --ward` seals it into the submission, the stored
    // envelope is what a pull writes, and the export and the report carry the ward.
    void collectWard_reachesTheExportColumnAndTheReportWardRow()
    {
        QFile in(kSurvey);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QJsonObject survey = QJsonDocument::fromJson(in.readAll()).object();
        crypto::KeyDirectory keys(m_dir.filePath(QStringLiteral("keys")));
        auto council = keys.councilPublicKey();
        QVERIFY(council.ok());
        QJsonObject encryption = survey.value(QStringLiteral("encryption")).toObject();
        encryption.insert(QStringLiteral("publicKey"), QString::fromLatin1(council->toBase64()));
        survey.insert(QStringLiteral("encryption"), encryption);
        const QString surveyPath = m_dir.filePath(QStringLiteral("ward/survey.chorus.json"));
        writeFile(surveyPath, QJsonDocument(survey).toJson());
        writeFile(m_dir.filePath(QStringLiteral("ward/answers.json")),
            R"({"uses_library": "no", "agree_evening_hours": "4", "agree_hubs": "4", "sex": "female"})");

        const QString db = m_dir.filePath(QStringLiteral("ward/device.db"));
        const QString admin = m_dir.filePath(QStringLiteral("ward/admin"));
        for (const QString &ward : { QStringLiteral("e05013938"), QStringLiteral("E05013938"), QString() }) {
            QStringList collect { QStringLiteral("chorusctl"), QStringLiteral("collect"), QStringLiteral("--survey"),
                surveyPath, QStringLiteral("--unsigned-test-package"), QStringLiteral("--db"), db, QStringLiteral("--answers"),
                m_dir.filePath(QStringLiteral("ward/answers.json")), QStringLiteral("--grant"),
                QStringLiteral("consultation"), QStringLiteral("--grant"), QStringLiteral("equality_monitoring"),
                QStringLiteral("--event"), QStringLiteral("Library open day") };
            if (!ward.isEmpty())
                collect << QStringLiteral("--ward") << ward;
            QString o, e;
            QTextStream os(&o), es(&e);
            Io io { os, es };
            QCOMPARE(run(collect, io), int(ExitOk));
        }
        {
            auto store = store::SqliteStore::open(db);
            QVERIFY(store.ok());
            const auto listed = (*store)->responses().list();
            QVERIFY(listed.ok());
            QCOMPARE(listed->size(), 3);
            for (int i = 0; i < listed->size(); ++i) {
                auto stored = (*store)->responses().load(listed->at(i).instanceId);
                QVERIFY(stored.ok());
                const QString dir = admin + QStringLiteral("/submissions/%1").arg(i);
                writeFile(dir + QLatin1String("/submission.xml"), stored->envelope.manifest);
                for (const FilePart &part : stored->envelope.encryptedFiles)
                    writeFile(dir + QLatin1Char('/') + part.name, part.bytes);
            }
        }

        QStringList exportArgs { QStringLiteral("--in"), admin, QStringLiteral("--keys"),
            m_dir.filePath(QStringLiteral("keys")), QStringLiteral("--passphrase-file"),
            m_dir.filePath(QStringLiteral("pass")), QStringLiteral("--survey"), surveyPath, QStringLiteral("--quiet"),
            QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--out"),
            m_dir.filePath(QStringLiteral("ward/csv")) };
        QString err;
        QCOMPARE(runCli(exportArgs, nullptr, &err), int(ExitOk));
        const QStringList csvFiles = QDir(m_dir.filePath(QStringLiteral("ward/csv"))).entryList(QDir::Files);
        QCOMPARE(csvFiles.size(), 1);
        QFile csv(m_dir.filePath(QStringLiteral("ward/csv/")) + csvFiles.first());
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csv.readAll().count(",E05013938,"), 2);

        QString o, e;
        QTextStream os(&o), es(&e);
        Io io { os, es };
        const QString out = m_dir.filePath(QStringLiteral("ward/report"));
        const int code = run({ QStringLiteral("chorusctl"), QStringLiteral("report"), QStringLiteral("--pulled"), admin,
                                 QStringLiteral("--keys"), m_dir.filePath(QStringLiteral("keys")),
                                 QStringLiteral("--passphrase-file"), m_dir.filePath(QStringLiteral("pass")),
                                 QStringLiteral("--survey"), surveyPath, QStringLiteral("--census"),
                                 QStringLiteral(CHORUS_SOURCE_DIR "/examples/census/E09000021-kingston-upon-thames.json"),
                                 QStringLiteral("--census"),
                                 QStringLiteral(CHORUS_SOURCE_DIR "/examples/census/E05013938-kingston-town-ward.json"),
                                 QStringLiteral("--out"), out },
            io);
        os.flush();
        es.flush();
        QVERIFY2(code == int(ExitOk), qPrintable(e));
        QFile html(QDir(out).filePath(QStringLiteral("report.html")));
        QVERIFY(html.open(QIODevice::ReadOnly));
        const QByteArray page = html.readAll();
        QVERIFY(page.contains("Kingston Town"));
        QVERIFY(page.contains("Ward not recorded"));
    }

    void collectWard_notAWardCode_isAUsageError()
    {
        for (const QString &ward : { QStringLiteral("Kingston Town"), QStringLiteral("E0501393"), QString() }) {
            QString o, e;
            QTextStream os(&o), es(&e);
            Io io { os, es };
            const QString db = m_dir.filePath(QStringLiteral("badward.db"));
            writeFile(m_dir.filePath(QStringLiteral("badward.json")),
                R"({"uses_library": "no", "agree_evening_hours": "4", "agree_hubs": "4"})");
            QCOMPARE(run({ QStringLiteral("chorusctl"), QStringLiteral("collect"), QStringLiteral("--survey"), kSurvey,
                             QStringLiteral("--unsigned-test-package"), QStringLiteral("--db"), db, QStringLiteral("--answers"),
                             m_dir.filePath(QStringLiteral("badward.json")), QStringLiteral("--grant"),
                             QStringLiteral("consultation"), QStringLiteral("--ward"), ward },
                         io),
                int(ExitUsage));
            es.flush();
            QVERIFY2(e.contains(QLatin1String("--ward")), qPrintable(e));
            QVERIFY(!QFile::exists(db));
        }
    }

    void unknownFormat_isAUsageError()
    {
        QCOMPARE(runCli(args(m_dir.filePath(QStringLiteral("x")), QStringLiteral("pdf"))), int(ExitUsage));
    }
    // Issue 14, item 26: a wrong --withdrawn file (here a CSV) used to withdraw nothing, silently.
    void withdrawnFile_thatIsNotAListOfInstanceIds_isRefusedAndNothingIsWritten()
    {
        const QString garbage = m_dir.filePath(QStringLiteral("not-withdrawn.csv"));
        writeFile(garbage, "uuid:kept\nkey,survey_id\n");
        const QString out = m_dir.filePath(QStringLiteral("garbage-withdrawn"));
        QStringList a = args(out, QStringLiteral("csv"));
        a[a.indexOf(QStringLiteral("--withdrawn")) + 1] = garbage;
        QString err;
        QCOMPARE(runCli(a, nullptr, &err), int(ExitFailure));
        QVERIFY2(err.contains(garbage + QLatin1String(", line 2: not an instanceID")), qPrintable(err));
        QCOMPARE(err.count(QLatin1Char('\n')), 1);
        QVERIFY(!QFileInfo::exists(out));
    }
    // Issue 14, item 10: decrypted exports were created 0755/0644 under the default umask.
    void export_createsPrivateFilesAndFolders_underTheDefaultUmask()
    {
        const mode_t previous = ::umask(022);
        const QString out = m_dir.filePath(QStringLiteral("private/json"));
        const int code = runCli(args(out, QStringLiteral("json")));
        ::umask(previous);
        QCOMPARE(code, int(ExitFailure)); // one envelope is sealed to a stranger's key
        auto mode = [](const QString &path) {
            struct stat st {};
            return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? (st.st_mode & 07777) : mode_t(07777);
        };
        QCOMPARE(mode(m_dir.filePath(QStringLiteral("private"))), mode_t(0700));
        QCOMPARE(mode(out), mode_t(0700));
        const QStringList files = QDir(out).entryList(QDir::Files);
        QVERIFY(!files.isEmpty());
        for (const QString &name : files)
            QCOMPARE(mode(QDir(out).filePath(name)), mode_t(0600));
        QCOMPARE(mode(m_dir.filePath(QStringLiteral("admin/audit.jsonl"))), mode_t(0600));
    }
};

QTEST_GUILESS_MAIN(TestExportCommand)
#include "tst_exportcommand.moc"
