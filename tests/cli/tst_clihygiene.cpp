// SPDX-License-Identifier: GPL-3.0-or-later
// chorusctl's input hygiene, the same for every command (issue 14, items 7, 9 and 26): tokens only
// from files, unknown and empty options refused in one line naming the option, usage lines that
// name chorusctl, mistyped admin folders refused, and refused commands that leave nothing behind.
#include "CliRunner.h"
#include "consent/ReceiptCode.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus;
using chorus::testing::CliResult;
using chorus::testing::runCli;

namespace {

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.flush())
        qFatal("cannot write %s", qPrintable(path));
}

bool isOneLine(const QString &text)
{
    return text.count(u'\n') == 1 && text.endsWith(u'\n');
}

} // namespace

class TestCliHygiene : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        writeAll(path(u"pass"_s), "correct horse battery staple\n");
    }

    void inlineTokens_areRefused_withoutEchoingThem_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("instead");
        QTest::newRow("sync --token") << QStringList{u"sync"_s, u"--db"_s, u"d.db"_s, u"--endpoint"_s,
                                                     u"http://127.0.0.1:1"_s, u"--token"_s, u"SECRET-TOKEN-1"_s}
                                      << u"--token-file"_s;
        QTest::newRow("pull --admin-token") << QStringList{u"pull"_s, u"--endpoint"_s, u"http://127.0.0.1:1"_s,
                                                           u"--admin-token"_s, u"SECRET-TOKEN-1"_s, u"--out"_s,
                                                           m_dir.filePath(u"a"_s)}
                                            << u"--admin-token-file"_s;
    }

    void inlineTokens_areRefused_withoutEchoingThem()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, instead);
        const CliResult run = runCli(args);
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(instead) && run.err.contains(u"process list"), qPrintable(run.err));
        QVERIFY(isOneLine(run.err));
        QVERIFY(!run.err.contains(u"SECRET-TOKEN-1"));
        QVERIFY(!QFileInfo::exists(path(u"a"_s)));
    }

    void unknownOptions_areErrors_forEveryCommand_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("version") << QStringList{u"version"_s};
        QTest::newRow("keys show") << QStringList{u"keys"_s, u"show"_s};
        QTest::newRow("export") << QStringList{u"export"_s};
        QTest::newRow("withdrawals add") << QStringList{u"withdrawals"_s, u"add"_s};
    }

    void unknownOptions_areErrors_forEveryCommand()
    {
        QFETCH(QStringList, args);
        const CliResult run = runCli(args + QStringList{u"--no-such-option"_s});
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(u"no-such-option"), qPrintable(run.err));
        QVERIFY(isOneLine(run.err));
    }

    void emptyOptionValues_areRefused_namingTheOption_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("option");
        QTest::newRow("keys init --dir") << QStringList{u"keys"_s, u"init"_s, u"--dir"_s, QString(),
                                                        u"--passphrase-file"_s, path(u"pass"_s)}
                                         << u"--dir"_s;
        QTest::newRow("collect --receipt-qr")
            << QStringList{u"collect"_s, u"--survey"_s, u"s.json"_s, u"--db"_s, u"d.db"_s, u"--answers"_s,
                           u"a.json"_s, u"--receipt-qr"_s, QString()}
            << u"--receipt-qr"_s;
        QTest::newRow("export --withdrawn") << QStringList{u"export"_s, u"--in"_s, u"a"_s, u"--keys"_s, u"k"_s,
                                                           u"--passphrase-file"_s, u"p"_s, u"--out"_s, u"o"_s,
                                                           u"--withdrawn"_s, QString()}
                                            << u"--withdrawn"_s;
        QTest::newRow("pull --out=") << QStringList{u"pull"_s, u"--endpoint"_s, u"http://127.0.0.1:1"_s, u"--out="_s}
                                     << u"--out"_s;
    }

    void emptyOptionValues_areRefused_namingTheOption()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, option);
        const CliResult run = runCli(args);
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(option + u" is empty"_s), qPrintable(run.err));
        QVERIFY(isOneLine(run.err));
    }

    void optionFiles_areChecked_evenWhenThisRunWouldNotUseThem()
    {
        // --status sends nothing, so the token was never read: a typo waited for the first real sync.
        const CliResult run = runCli({u"sync"_s, u"--db"_s, path(u"device.db"_s), u"--status"_s, u"--token-file"_s,
                                      path(u"tokn"_s)});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(u"--token-file "_s + path(u"tokn"_s) + u": no such file"_s), qPrintable(run.err));
        QVERIFY(isOneLine(run.err));
    }

    void usageLines_nameChorusctl_notTheBinary()
    {
        const CliResult run = runCli({u"keys"_s, u"init"_s, u"--help"_s});
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.startsWith(u"Usage: chorusctl keys init [options]"), qPrintable(run.out.left(200)));
        QVERIFY(!run.out.contains(QCoreApplication::applicationFilePath()));
    }

    void withdrawalsAdd_toAFolderThatIsNotAnAdminFolder_isRefusedAndCreatesNothing()
    {
        const QString survey = QStringLiteral(CHORUS_SOURCE_DIR "/tests/consent/data/consent-survey.chorus.json");
        const QString mistyped = path(u"admn"_s);
        const QStringList rest{u"--survey"_s, survey, u"--code"_s, consent::ReceiptCode::generate().formatted(), u"--channel"_s, u"written"_s};
        CliResult run = runCli(QStringList{u"withdrawals"_s, u"add"_s, u"--in"_s, mistyped} + rest);
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(u"no such folder"), qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(mistyped));

        // An existing folder that pull never wrote (the home folder, a downloads folder).
        const QString other = path(u"Downloads"_s);
        QVERIFY(QDir().mkpath(other));
        run = runCli(QStringList{u"withdrawals"_s, u"add"_s, u"--in"_s, other} + rest);
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(u"not an admin folder"), qPrintable(run.err));
        QVERIFY(isOneLine(run.err));
        QCOMPARE(QDir(other).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
    }

    void report_optionsThatOnlyGoWithPulled_areRefusedWithIn()
    {
        const CliResult run = runCli({u"report"_s, u"--in"_s, u"records.jsonl"_s, u"--catalogue"_s, u"c.json"_s,
                                      u"--census"_s, u"census.json"_s, u"--out"_s, path(u"report"_s),
                                      u"--withdrawn"_s, u"missing.txt"_s});
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(u"--withdrawn"), qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(path(u"report"_s)));
    }

    void refusedPull_leavesNoFolders()
    {
        writeAll(path(u"admin-token"_s), "an-admin-token-that-nobody-checks\n");
        const QString out = path(u"pulled/admin"_s);
        // Nothing listens on port 1: the pull is refused before any submission is listed.
        const CliResult run = runCli({u"pull"_s, u"--endpoint"_s, u"http://127.0.0.1:1"_s, u"--admin-token-file"_s,
                                      path(u"admin-token"_s), u"--out"_s, out, u"--quiet"_s});
        QCOMPARE(run.code, 1);
        QVERIFY(!QFileInfo::exists(path(u"pulled"_s)));
    }

    void refusedDeviceEnroll_leavesNoNewDatabase()
    {
        writeAll(path(u"bundle.json"_s), "{\"not\": \"a bundle\"}\n");
        const QString db = path(u"new-device.db"_s);
        const CliResult run = runCli({u"device"_s, u"enroll"_s, u"--db"_s, db, u"--bundle"_s, path(u"bundle.json"_s),
                                      u"--passphrase-file"_s, path(u"pass"_s), u"--kdf"_s, u"interactive"_s});
        QCOMPARE(run.code, 1);
        const QStringList left = QDir(m_dir.path()).entryList({u"new-device.db*"_s}, QDir::Files | QDir::Hidden);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(u", "_s)));
    }
};

QTEST_GUILESS_MAIN(TestCliHygiene)
#include "tst_clihygiene.moc"
