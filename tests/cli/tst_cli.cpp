// SPDX-License-Identifier: GPL-3.0-or-later
#include "Cli.h"
#include "CliSupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace chorus::cli;

class TestCli : public QObject
{
    Q_OBJECT

    int runCli(const QStringList &args, QString *out = nullptr, QString *err = nullptr)
    {
        QString o, e;
        QTextStream os(&o), es(&e);
        Io io{os, es};
        const int code = run(QStringList{QStringLiteral("chorusctl")} + args, io);
        os.flush();
        es.flush();
        if (out) *out = o;
        if (err) *err = e;
        return code;
    }

private Q_SLOTS:
    void noCommand_printsUsage_andFails()
    {
        QString err;
        QCOMPARE(runCli({}, nullptr, &err), int(ExitUsage));
        QVERIFY(err.contains(QLatin1String("Usage: chorusctl")));
    }
    void unknownCommand_isAOneLineUsageError()
    {
        QString err;
        QCOMPARE(runCli({QStringLiteral("frobnicate")}, nullptr, &err), int(ExitUsage));
        QVERIFY(err.contains(QLatin1String("unknown command 'frobnicate'")));
        QCOMPARE(err.count(QLatin1Char('\n')), 1);
    }
    void help_listsCommands()
    {
        QString out;
        QCOMPARE(runCli({QStringLiteral("--help")}, &out), int(ExitOk));
        QVERIFY(out.contains(QLatin1String("version")));
    }

    // Issue 14, 24: `withdrawals list` read each ~3 KB envelope part with read(cap + 1), which
    // allocated (and kept) more than the 64 MiB cap per file.
    void readFileCapped_smallFileUnderALargeCap_holdsOnlyItsBytes()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("part.enc"));
        const QByteArray bytes(3000, 'x');
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size());
        f.close();
        auto read = readFileCapped(path, 64 * 1024 * 1024);
        QVERIFY(read.ok());
        QCOMPARE(*read, bytes);
        QVERIFY2(read->capacity() < 64 * 1024, qPrintable(QString::number(read->capacity())));
    }

    void readFileCapped_overTheCap_isRefusedNamingTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(QByteArray(5000, 'x')) == 5000);
        f.close();
        auto read = readFileCapped(path, 4096);
        QVERIFY(!read.ok());
        QVERIFY(read.error().message.contains(path));
        QVERIFY(read.error().message.contains(QLatin1String("too large")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
