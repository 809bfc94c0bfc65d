// SPDX-License-Identifier: GPL-3.0-or-later
#include "Cli.h"
#include "export/ExportJson.h"
#include "export/RecordWriter.h"
#include "export/ReleaseRegister.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace chorus;
using namespace chorus::cli;
using namespace chorus::exports;

namespace
{

const QString kExamples = QStringLiteral(CHORUS_SOURCE_DIR "/examples/census/");

Catalogue demoCatalogue()
{
    QFile f(kExamples + QLatin1String("demo-catalogue.json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("demo catalogue missing");
    auto c = parseCatalogueJson(f.readAll());
    if (!c)
        qFatal("demo catalogue invalid");
    return *c;
}

// Writes `count` records through the real JSON lines writer, as `chorusctl export` would.
QString writeRecords(const QString &dir, const QString &name, int count)
{
    const Catalogue catalogue = demoCatalogue();
    auto writer = makeJsonLinesWriter(dir, name, catalogue, {});
    if (!writer)
        qFatal("cannot write records");
    for (int i = 0; i < count; ++i) {
        Record r;
        r.instanceId = QStringLiteral("uuid:cli-%1").arg(i);
        r.ward = i % 2 ? QStringLiteral("E05013938") : QStringLiteral("E05013941");
        r.answers.insert(QStringLiteral("ethnicity"),
            Answer { AnswerState::Answered, QString::number(1 + i % 3), QStringLiteral("SECRET-WRITE-IN") });
        r.answers.insert(QStringLiteral("religion"),
            Answer { i % 5 ? AnswerState::Answered : AnswerState::PreferNotToSay, QString::number(1 + i % 2), {} });
        r.answers.insert(
            QStringLiteral("comments"), Answer { AnswerState::Answered, QStringLiteral("SECRET-COMMENT"), {} });
        (void)(*writer)->write(r);
    }
    (void)(*writer)->finish();
    return QDir(dir).filePath(name + QLatin1String(".jsonl"));
}

} // namespace

class TestReportCommand : public QObject
{
    Q_OBJECT

    int runCli(const QStringList &args, QString *out = nullptr, QString *err = nullptr)
    {
        QString o, e;
        QTextStream os(&o), es(&e);
        Io io { os, es };
        const int code = run(QStringList { QStringLiteral("chorusctl"), QStringLiteral("report") } + args, io);
        os.flush();
        es.flush();
        if (out)
            *out = o;
        if (err)
            *err = e;
        return code;
    }

    QStringList baseArgs(const QString &records, const QString &out)
    {
        return { QStringLiteral("--in"), records, QStringLiteral("--workspace"),
            QFileInfo(records).absolutePath() + QLatin1String("/admin"), QStringLiteral("--catalogue"),
            kExamples + QLatin1String("demo-catalogue.json"), QStringLiteral("--census"),
            kExamples + QLatin1String("E09000021-kingston-upon-thames.json"), QStringLiteral("--census"),
            kExamples + QLatin1String("E05013938-kingston-town-ward.json"), QStringLiteral("--census"),
            kExamples + QLatin1String("E05013941-norbiton-ward.json"), QStringLiteral("--year"), QStringLiteral("2026"),
            QStringLiteral("--out"), out };
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void help_exitsZero_andListsOptions()
    {
        QString out;
        QCOMPARE(runCli({ QStringLiteral("--help") }, &out), int(ExitOk));
        QVERIFY(out.contains(QLatin1String("--suppress-zeros")));
        QVERIFY(out.contains(QLatin1String("--round5")));
    }

    void missingOption_isAUsageError()
    {
        QString err;
        QCOMPARE(runCli({ QStringLiteral("--in"), QStringLiteral("x") }, nullptr, &err), int(ExitUsage));
        QCOMPARE(err.count(QLatin1Char('\n')), 1);
    }

    void badK_isAUsageError()
    {
        QTemporaryDir dir;
        QCOMPARE(runCli(baseArgs(QStringLiteral("x"), dir.path())
                     + QStringList { QStringLiteral("--k"), QStringLiteral("0") }),
            int(ExitUsage));
    }

    void missingRecordsFile_failsWithOneLine()
    {
        QTemporaryDir dir;
        QString err;
        QCOMPARE(runCli(baseArgs(dir.filePath(QStringLiteral("none.jsonl")), dir.filePath(QStringLiteral("out"))),
                     nullptr, &err),
            int(ExitFailure));
        QVERIFY(err.contains(QLatin1String("none.jsonl")));
        QCOMPARE(err.count(QLatin1Char('\n')), 1);
    }

    void report_writesHtmlCsvAndState_withoutSecrets_andRefusesASmallDifference()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("report"));
        const QString first = writeRecords(dir.path(), QStringLiteral("first"), 300);
        QString stdoutText, err;
        QCOMPARE(runCli(baseArgs(first, out), &stdoutText, &err), int(ExitOk));
        QVERIFY(stdoutText.contains(QLatin1String("300 records")));
        for (const char *name : { "report.html", "report.csv", "report-state.json" }) {
            QFile f(QDir(out).filePath(QLatin1String(name)));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            QVERIFY(!bytes.isEmpty());
            QVERIFY(!bytes.contains("SECRET"));
        }
        QVERIFY(err.isEmpty());

        // Four more respondents: refused even in the same folder, and nothing is overwritten.
        const QString second = writeRecords(dir.path(), QStringLiteral("second"), 304);
        QFile html(QDir(out).filePath(QStringLiteral("report.html")));
        QVERIFY(html.open(QIODevice::ReadOnly));
        const QByteArray firstPage = html.readAll();
        html.close();
        QCOMPARE(runCli(baseArgs(second, out), nullptr, &err), int(ExitFailure));
        QVERIFY2(err.contains(QLatin1String("not released")), qPrintable(err));
        QVERIFY(html.open(QIODevice::ReadOnly));
        QCOMPARE(html.readAll(), firstPage);
    }

    // Two reports one respondent apart, written to different folders, could be subtracted: the
    // workspace's release register refuses the second wherever it goes, and keeps what was
    // released, when and how.
    void release_oneRespondentApartInAnotherFolder_isRefusedWithTheReason()
    {
        QTemporaryDir dir;
        const QString first = writeRecords(dir.path(), QStringLiteral("first"), 300);
        const QString plusOne = writeRecords(dir.path(), QStringLiteral("plus-one"), 301);
        const QString plusK = writeRecords(dir.path(), QStringLiteral("many-more"), 600);
        QString out, err;
        QCOMPARE(runCli(baseArgs(first, dir.filePath(QStringLiteral("a"))), &out, &err), int(ExitOk));
        const QString registerPath = dir.filePath(QStringLiteral("admin/releases/demo-libraries-2026.jsonl"));
        QVERIFY2(out.contains(QLatin1String("recorded in")), qPrintable(out));
        QVERIFY(QFile::exists(registerPath));

        QCOMPARE(runCli(baseArgs(plusOne, dir.filePath(QStringLiteral("b"))), &out, &err), int(ExitFailure));
        QVERIFY2(err.contains(QLatin1String("differs from this one by fewer than 10 respondents")), qPrintable(err));
        QVERIFY(err.contains(dir.filePath(QStringLiteral("a"))));
        QCOMPARE(err.count(QLatin1Char('\n')), 1);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("b/report.html"))));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("b/report.csv"))));

        // The same responses again are fine, and so is a report where every count moved by k or more.
        QCOMPARE(runCli(baseArgs(first, dir.filePath(QStringLiteral("c"))), &out, &err), int(ExitOk));
        QCOMPARE(runCli(baseArgs(plusK, dir.filePath(QStringLiteral("d"))), &out, &err), int(ExitOk));
        QFile registerFile(registerPath);
        QVERIFY(registerFile.open(QIODevice::ReadOnly));
        auto releases = parseReleaseRegister(registerFile.readAll());
        QVERIFY(releases.ok());
        QCOMPARE(releases->size(), 3);
        QCOMPARE(releases->at(0).records, qint64(300));
        QCOMPARE(releases->at(0).k, 10);
        QCOMPARE(releases->at(2).records, qint64(600));
        QVERIFY(releases->at(2).outDir.endsWith(QLatin1String("/d")));
        QVERIFY(releases->at(0).filters.contains(QStringLiteral("census")));
        QVERIFY(!releases->at(0).cells.isEmpty());
    }

    void inWithoutWorkspace_isAUsageError()
    {
        QTemporaryDir dir;
        QStringList args = baseArgs(QStringLiteral("x.jsonl"), dir.path());
        args.removeAt(2);
        args.removeAt(2);
        QString err;
        QCOMPARE(runCli(args, nullptr, &err), int(ExitUsage));
        QVERIFY(err.contains(QLatin1String("--workspace")));
    }
};

QTEST_GUILESS_MAIN(TestReportCommand)
#include "tst_reportcommand.moc"
