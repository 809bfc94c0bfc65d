// SPDX-License-Identifier: GPL-3.0-or-later
#include "Cli.h"
#include "export/ExportJson.h"
#include "export/RecordWriter.h"

#include <QDir>
#include <QFile>
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
        return { QStringLiteral("--in"), records, QStringLiteral("--catalogue"),
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

    void report_writesHtmlCsvAndState_withoutSecrets_andWarnsOnASmallDifference()
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

        const QString second = writeRecords(dir.path(), QStringLiteral("second"), 304);
        QCOMPARE(runCli(baseArgs(second, out), nullptr, &err), int(ExitOk));
        QVERIFY(err.contains(QLatin1String("warning:")));
        QFile html(QDir(out).filePath(QStringLiteral("report.html")));
        QVERIFY(html.open(QIODevice::ReadOnly));
        QVERIFY(html.readAll().contains("differs from the previous report"));
    }
};

QTEST_GUILESS_MAIN(TestReportCommand)
#include "tst_reportcommand.moc"
