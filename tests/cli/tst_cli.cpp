// SPDX-License-Identifier: GPL-3.0-or-later
#include "Cli.h"

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
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
