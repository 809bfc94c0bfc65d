// SPDX-License-Identifier: GPL-3.0-or-later
#include "Cli.h"
#include "TestPackages.h"
#include "survey/PackageSignature.h"
#include "survey/SurveyLoader.h"

#include <QTemporaryDir>
#include <QTest>

using namespace chorus;
using namespace chorus::cli;

class TestSurveyCommand : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_demo = QStringLiteral(CHORUS_SOURCE_DIR "/examples/demo.chorus.json");

    int runCli(const QStringList &args, QString *out = nullptr, QString *err = nullptr)
    {
        QString o, e;
        QTextStream os(&o), es(&e);
        Io io{os, es};
        const int code = run(QStringList{QStringLiteral("chorusctl"), QStringLiteral("survey")} + args, io);
        os.flush();
        es.flush();
        if (out) *out = o;
        if (err) *err = e;
        return code;
    }

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size()) {
            qFatal("cannot write fixture");
        }
        return path;
    }

private Q_SLOTS:
    void lint_acceptsTheDemo()
    {
        QString out;
        QCOMPARE(runCli({QStringLiteral("lint"), m_demo}, &out), int(ExitOk));
        QVERIFY(out.contains(QLatin1String("OK (libraries_consultation_2026 version")));
    }

    void lint_listsEveryProblem_andFailsWithOneLine()
    {
        QJsonObject o = testing::minimalPackageJson();
        o.insert(QStringLiteral("version"), QStringLiteral("x"));
        o.insert(QStringLiteral("extra"), true);
        QString out, err;
        QCOMPARE(runCli({QStringLiteral("lint"), write(QStringLiteral("bad.json"), testing::toBytes(o))}, &out, &err), int(ExitFailure));
        QCOMPARE(out.count(QLatin1Char('\n')), 2);
        QVERIFY(out.contains(QLatin1String("version: ")));
        QVERIFY(out.contains(QLatin1String("extra: unknown field")));
        QCOMPARE(err.count(QLatin1Char('\n')), 1);
        QVERIFY(err.contains(QLatin1String("2 problem(s)")));
    }

    void usageErrors_exitTwo()
    {
        QCOMPARE(runCli({QStringLiteral("lint")}), int(ExitUsage));
        QCOMPARE(runCli({QStringLiteral("lint"), m_demo, m_demo}), int(ExitUsage));
        QCOMPARE(runCli({QStringLiteral("new"), QStringLiteral("--from"), m_demo}), int(ExitUsage));
        QCOMPARE(runCli({QStringLiteral("frob")}), int(ExitUsage));
        QCOMPARE(runCli({QStringLiteral("lint"), QStringLiteral("--help")}), int(ExitOk));
    }

    void inspect_summarisesWithoutPrintingTheKey()
    {
        QString out;
        QCOMPARE(runCli({QStringLiteral("inspect"), m_demo}, &out), int(ExitOk));
        QVERIFY(out.contains(QLatin1String("bank:        gss/2025.1")));
        QVERIFY(out.contains(QLatin1String("sex (single, prefer not to say, bank gss/2025.1#sex)")));
        QVERIFY(!out.contains(QLatin1String("MIIB")));
    }

    void new_putsTheCouncilKeyEndpointAndVersionIn()
    {
        const QByteArray pem = "-----BEGIN PUBLIC KEY-----\n"
            + testing::minimalPackageJson().value(QStringLiteral("encryption")).toObject().value(QStringLiteral("publicKey")).toString().toLatin1()
            + "\n-----END PUBLIC KEY-----\n";
        const QString keyFile = write(QStringLiteral("council-rsa.pub"), pem);
        const QString out = m_dir.filePath(QStringLiteral("out/survey.chorus.json"));
        QCOMPARE(runCli({QStringLiteral("new"), QStringLiteral("--from"), m_demo, QStringLiteral("--public-key-file"), keyFile,
                         QStringLiteral("--out"), out, QStringLiteral("--endpoint"), QStringLiteral("https://council.example/submission"),
                         QStringLiteral("--version"), QStringLiteral("2026112409")}),
                 int(ExitOk));
        auto package = survey::SurveyLoader::loadFile(out);
        QVERIFY(package.ok());
        QCOMPARE(package->version, QStringLiteral("2026112409"));
        QCOMPARE(package->submissionUrl.toString(), QStringLiteral("https://council.example/submission"));

        const QString badKey = write(QStringLiteral("bad.pub"), "AAAA\n");
        QString err;
        QCOMPARE(runCli({QStringLiteral("new"), QStringLiteral("--from"), m_demo, QStringLiteral("--public-key-file"), badKey,
                         QStringLiteral("--out"), m_dir.filePath(QStringLiteral("never.json"))}, nullptr, &err),
                 int(ExitFailure));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("never.json"))));
    }

    void signThenVerify_andTamperedCopyIsRefused()
    {
        survey::SigningKeyPair keys = survey::generateSigningKeyPair();
        const QString secret = write(QStringLiteral("sign.key"), keys.secretKey.toBase64() + '\n');
        const QString pub = write(QStringLiteral("sign.pub"), keys.publicKey.toBase64() + '\n');
        QFile demo(m_demo);
        QVERIFY(demo.open(QIODevice::ReadOnly));
        const QByteArray bytes = demo.readAll();
        const QString package = write(QStringLiteral("p.chorus.json"), bytes);
        QString out, err;
        QCOMPARE(runCli({QStringLiteral("sign"), package, QStringLiteral("--secret-key-file"), secret}, &out), int(ExitOk));
        QVERIFY(QFile::exists(package + QStringLiteral(".sig")));
        QVERIFY(!out.contains(QString::fromLatin1(keys.secretKey.toBase64())));
        QCOMPARE(runCli({QStringLiteral("verify"), package, QStringLiteral("--public-key-file"), pub}, &out), int(ExitOk));
        QVERIFY(out.contains(QLatin1String("signature OK")));
        QCOMPARE(runCli({QStringLiteral("verify"), package, QStringLiteral("--public-key-file"), pub,
                         QStringLiteral("--installed-version"), QStringLiteral("2026112402")}, nullptr, &err),
                 int(ExitFailure));
        QVERIFY(err.contains(QLatin1String("older than")));

        QByteArray tampered = bytes;
        tampered.replace("Example Borough Council", "Example Borough Counci1");
        write(QStringLiteral("p.chorus.json"), tampered);
        QCOMPARE(runCli({QStringLiteral("verify"), package, QStringLiteral("--public-key-file"), pub}, nullptr, &err), int(ExitFailure));
        QVERIFY(err.contains(QLatin1String("not signed by this device's council signing key")));
        QCOMPARE(err.count(QLatin1Char('\n')), 1);
    }
};

QTEST_GUILESS_MAIN(TestSurveyCommand)
#include "tst_surveycommand.moc"
