// SPDX-License-Identifier: GPL-3.0-or-later
// Every chorusctl command that writes files, pointed at a real small tmpfs that is full: each one
// fails with a clear message, leaves no empty file, and leaves what was there before intact
// (issue 14, item 1). The inputs (keys, survey, device database, pulled folder) live on the
// normal disk; only the output goes to the full one.
#include "CliRunner.h"
#include "SmallTmpfs.h"

#include "../sync/LiveReceiver.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace chorus;
using chorus::testing::CliResult;
using chorus::testing::runCli;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.flush())
        qFatal("cannot write %s", qPrintable(path));
}

// Every file below `dir`, hidden ones included, except the filler.
QStringList filesBelow(const QString &dir)
{
    QStringList names;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (QFileInfo(path).fileName() != QLatin1String("filler"))
            names.append(QDir(dir).relativeFilePath(path));
    }
    names.sort();
    return names;
}

QString valueAfter(const QString &out, const QString &label)
{
    for (const QString &line : out.split(u'\n')) {
        if (line.startsWith(label + u' '))
            return line.mid(label.size() + 1).trimmed();
    }
    return {};
}

} // namespace

class TestCliFullDisk : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    chorus::testing::SmallTmpfs m_full;
    chorus::testing::LiveReceiver m_live;
    QString m_keys, m_passphrase, m_survey, m_db, m_admin, m_tokenFile, m_adminTokenFile;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString full(const QString &name) const { return m_full.filePath(name); }

    QString collect(const QStringList &extra = {})
    {
        const QString answers = path(u"answers-%1.json"_s.arg(QUuid::createUuid().toString(QUuid::Id128)));
        writeAll(answers, QJsonDocument(QJsonObject{{u"satisfaction"_s, u"5"_s}, {u"sex"_s, u"female"_s},
                                                    {u"improvements"_s, u"more books"_s}})
                              .toJson());
        const auto run = runCli(QStringList{u"collect"_s, u"--survey"_s, m_survey, u"--unsigned-test-package"_s, u"--db"_s, m_db, u"--answers"_s,
                                            answers, u"--grant"_s, u"equality_monitoring"_s, u"--grant"_s,
                                            u"consultation"_s, u"--mode"_s, u"assisted"_s, u"--operator"_s, u"op-1"_s}
                                + extra);
        m_lastCollect = run;
        return valueAfter(run.out, u"finalized"_s);
    }
    CliResult m_lastCollect;

    static void expectDiskFull(const CliResult &run)
    {
        QVERIFY2(run.code != 0, qPrintable(run.out));
        QVERIFY2(run.err.contains(u"the disk is full"), qPrintable(run.err));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QString why;
        if (!m_full.mount(2 * 1024 * 1024, &why))
            QSKIP(qPrintable(why));

        m_passphrase = path(u"passphrase"_s);
        writeAll(m_passphrase, "correct horse battery staple\n");
        m_keys = path(u"keys"_s);
        const auto init = runCli({u"keys"_s, u"init"_s, u"--dir"_s, m_keys, u"--passphrase-file"_s, m_passphrase,
                                  u"--kdf"_s, u"interactive"_s});
        QVERIFY2(init.code == 0, qPrintable(init.err));

        // The consent demo survey, sealed to this council's new key.
        QJsonObject package = QJsonDocument::fromJson(
            readAll(QStringLiteral(CHORUS_SOURCE_DIR "/tests/consent/data/consent-survey.chorus.json"))).object();
        QJsonObject encryption = package.value(u"encryption"_s).toObject();
        encryption.insert(u"publicKey"_s, QString::fromLatin1(readAll(QDir(m_keys).filePath(u"council-rsa.pub"_s)).trimmed()));
        package.insert(u"encryption"_s, encryption);
        m_survey = path(u"survey.chorus.json"_s);
        writeAll(m_survey, QJsonDocument(package).toJson());

        QVERIFY(m_live.start());
        m_tokenFile = path(u"device-token"_s);
        writeAll(m_tokenFile, m_live.deviceToken + '\n');
        m_adminTokenFile = path(u"admin-token"_s);
        writeAll(m_adminTokenFile, m_live.adminToken + '\n');

        m_db = path(u"device.db"_s);
        for (int i = 0; i < 3; ++i)
            QVERIFY2(!collect().isEmpty(), qPrintable(m_lastCollect.err));
        const auto synced = runCli({u"sync"_s, u"--db"_s, m_db, u"--endpoint"_s, m_live.base(), u"--token-file"_s,
                                    m_tokenFile, u"--allow-http-loopback"_s});
        QVERIFY2(synced.code == 0, qPrintable(synced.err));
        m_admin = path(u"admin"_s);
        const auto pulled = runCli({u"pull"_s, u"--endpoint"_s, m_live.base(), u"--admin-token-file"_s,
                                    m_adminTokenFile, u"--out"_s, m_admin, u"--allow-http-loopback"_s, u"--quiet"_s});
        QVERIFY2(pulled.code == 0, qPrintable(pulled.err));
    }

    // Each test starts with an empty, full file system.
    void init()
    {
        m_full.unfill();
        QDir(m_full.path()).removeRecursively(); // empties the mount point; the mount stays
        QVERIFY(m_full.fill());
    }

    void keysInit_onAFullDisk_failsAndLeavesNoKeyFile()
    {
        const QString keys = full(u"keys"_s);
        expectDiskFull(runCli({u"keys"_s, u"init"_s, u"--dir"_s, keys, u"--passphrase-file"_s, m_passphrase,
                               u"--kdf"_s, u"interactive"_s}));
        QCOMPARE(filesBelow(keys), QStringList());
    }

    void surveyNew_onAFullDisk_failsAndKeepsThePreviousPackage()
    {
        m_full.unfill();
        const QString out = full(u"new.chorus.json"_s);
        writeAll(out, "previous package");
        QVERIFY(m_full.fill());
        expectDiskFull(runCli({u"survey"_s, u"new"_s, u"--from"_s, m_survey, u"--public-key-file"_s,
                               QDir(m_keys).filePath(u"council-rsa.pub"_s), u"--version"_s, u"9"_s, u"--out"_s, out}));
        QCOMPARE(readAll(out), QByteArray("previous package"));
        QCOMPARE(filesBelow(m_full.path()), QStringList{u"new.chorus.json"_s});
    }

    void surveySign_onAFullDisk_failsAndWritesNoSignature()
    {
        expectDiskFull(runCli({u"survey"_s, u"sign"_s, m_survey, u"--keys"_s, m_keys, u"--passphrase-file"_s,
                               m_passphrase, u"--out"_s, full(u"survey.sig"_s)}));
        QCOMPARE(filesBelow(m_full.path()), QStringList());
    }

    void export_onAFullDisk_failsWritesNothingAndAuditsNothing()
    {
        const QByteArray auditBefore = readAll(QDir(m_admin).filePath(u"audit.jsonl"_s));
        for (const QString &format : {u"csv"_s, u"xlsx"_s, u"json"_s}) {
            const QString out = full(u"export-"_s + format);
            const auto run = runCli({u"export"_s, u"--in"_s, m_admin, u"--keys"_s, m_keys, u"--passphrase-file"_s,
                                     m_passphrase, u"--format"_s, format, u"--out"_s, out});
            QVERIFY2(run.code != 0, qPrintable(format));
            // libxlsxwriter reports only "ZIP_ERRNO" for its own writes, hence the question.
            QVERIFY2(run.err.contains(u"disk is full") || run.err.contains(u"is the disk full?"),
                     qPrintable(format + u": "_s + run.err));
            QCOMPARE(filesBelow(out), QStringList());
        }
        QCOMPARE(readAll(QDir(m_admin).filePath(u"audit.jsonl"_s)), auditBefore);
    }

    void report_onAFullDisk_failsAndWritesNothing()
    {
        const QString examples = QStringLiteral(CHORUS_SOURCE_DIR "/examples/census/");
        const QString out = full(u"report"_s);
        expectDiskFull(runCli({u"report"_s, u"--pulled"_s, m_admin, u"--keys"_s, m_keys, u"--passphrase-file"_s,
                               m_passphrase, u"--survey"_s, m_survey, u"--census"_s,
                               examples + u"E09000021-kingston-upon-thames.json"_s, u"--year"_s, u"2026"_s,
                               u"--quiet"_s, u"--out"_s, out}));
        QCOMPARE(filesBelow(out), QStringList());
    }

    void pull_onAFullDisk_failsThenResumesWhenThereIsRoom()
    {
        const QString out = full(u"admin"_s);
        const QStringList args{u"pull"_s, u"--endpoint"_s, m_live.base(), u"--admin-token-file"_s, m_adminTokenFile,
                               u"--out"_s, out, u"--allow-http-loopback"_s, u"--quiet"_s};
        expectDiskFull(runCli(args));
        for (const QString &name : filesBelow(out))
            QVERIFY2(QFileInfo(QDir(out).filePath(name)).size() > 0, qPrintable(name + u" is empty"_s));

        m_full.unfill();
        const auto again = runCli(args);
        QVERIFY2(again.code == 0, qPrintable(again.err));
        QVERIFY2(again.out.startsWith(u"3 submissions written"), qPrintable(again.out));
    }

    void outboxExport_onAFullDisk_failsAndLeavesNoEmptyEnvelope()
    {
        QVERIFY2(!collect().isEmpty(), qPrintable(m_lastCollect.err)); // one queued response to export
        const QString out = full(u"usb"_s);
        expectDiskFull(runCli({u"outbox"_s, u"export"_s, u"--db"_s, m_db, u"--out"_s, out}));
        QCOMPARE(filesBelow(out), QStringList());
    }

    void collect_receiptQrOnAFullDisk_saysSoAndLeavesNoEmptyPng()
    {
        const QString png = full(u"receipt.png"_s);
        collect({u"--receipt-qr"_s, png});
        QVERIFY2(m_lastCollect.err.contains(u"the disk is full"), qPrintable(m_lastCollect.err));
        QVERIFY(!QFileInfo::exists(png));
        QCOMPARE(filesBelow(m_full.path()), QStringList());
    }

    void enroll_qrOnAFullDisk_failsAndLeavesNoEmptyPng()
    {
        const QString png = full(u"tablet.png"_s);
        const auto run = runCli({u"enroll"_s, u"--device"_s, u"tablet-full"_s, u"--keys"_s, m_keys,
                                 u"--passphrase-file"_s, m_passphrase, u"--endpoint"_s, m_live.base(),
                                 u"--admin-token-file"_s, m_adminTokenFile, u"--out"_s, path(u"tablet.bundle"_s),
                                 u"--qr"_s, png});
        expectDiskFull(run);
        QCOMPARE(filesBelow(m_full.path()), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestCliFullDisk)
#include "tst_clifulldisk.moc"
