// SPDX-License-Identifier: GPL-3.0-or-later
#include "Cli.h"
#include "crypto/KeyDirectory.h"
#include "crypto/KeyFile.h"
#include "crypto/OdkEnvelope.h"
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
                surveyPath, QStringLiteral("--db"), db, QStringLiteral("--answers"),
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
                             QStringLiteral("--db"), db, QStringLiteral("--answers"),
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
};

QTEST_GUILESS_MAIN(TestExportCommand)
#include "tst_exportcommand.moc"
