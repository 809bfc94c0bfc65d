// SPDX-License-Identifier: GPL-3.0-or-later
// `chorusctl sync` killed (SIGKILL) while a POST body is on the wire, then run again: every
// record ends on the real chorus-receiver exactly once, byte for byte, and accepted on the device.
#include "PullClient.h"
#include "ReceiverProcess.h"
#include "RelayProxy.h"
#include "TestEnvelope.h"
#include "store/SqliteStore.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace chorus;

namespace {

constexpr int kRecords = 12;

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

bool fillDevice(const QString &dbPath, const QList<sync::OutboxItem> &items)
{
    auto store = store::SqliteStore::open(dbPath);
    if (!store) {
        qWarning() << store.error().message;
        return false;
    }
    for (const sync::OutboxItem &item : items) {
        const store::FinalizedResponse response{item.instanceId, QStringLiteral("kill-test"), QStringLiteral("1"),
                                                item.manifest,   item.parts,                 QDateTime::currentDateTimeUtc(),
                                                std::nullopt};
        if (const Status s = (*store)->responses().finalize(response); !s) {
            qWarning() << s.error().message;
            return false;
        }
    }
    return true;
}

QMap<QString, response::ResponseState> deviceStates(const QString &dbPath)
{
    QMap<QString, response::ResponseState> states;
    auto store = store::SqliteStore::open(dbPath);
    if (!store) {
        return states;
    }
    auto list = (*store)->responses().list();
    for (const store::ResponseSummary &s : list ? *list : QList<store::ResponseSummary>{}) {
        states.insert(s.instanceId, s.state);
    }
    return states;
}

struct Ran {
    int exitCode = -1;
    QByteArray output;
};

Ran chorusctl(const QStringList &args)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(CHORUSCTL_PATH), args);
    Ran ran;
    if (process.waitForFinished(120000) && process.exitStatus() == QProcess::NormalExit) {
        ran.exitCode = process.exitCode();
    }
    ran.output = process.readAll();
    return ran;
}

} // namespace

class TestE2eSyncKilled : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void syncKilledMidUpload_rerun_storesEveryRecordOnceWithIdenticalBytes()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("device.db"));
        QList<sync::OutboxItem> items;
        for (int i = 0; i < kRecords; ++i) {
            items.append(testing::makeEnvelope(i, 2, 20000)); // ~60 kB each: several TCP segments
        }
        QVERIFY(fillDevice(db, items));

        const QString data = dir.filePath(QStringLiteral("receiver"));
        const QByteArray token = ReceiverProcess::issueToken(data, QStringLiteral("tablet-kill"));
        QVERIFY(!token.isEmpty());
        const QString tokenFile = dir.filePath(QStringLiteral("device-token"));
        {
            QFile f(tokenFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(token + '\n');
        }
        ReceiverProcess receiver;
        QString whyNot;
        QVERIFY2(receiver.start(data, {}, &whyNot), qPrintable(whyNot));

        // The first POSTs pass; every later one stops halfway through its body.
        testing::RelayProxy proxy(receiver.port());
        proxy.holdPostBodies(4);
        const int proxyPort = proxy.start();
        QVERIFY(proxyPort > 0);
        const QStringList syncArgs{QStringLiteral("sync"),
                                   QStringLiteral("--db"),
                                   db,
                                   QStringLiteral("--token-file"),
                                   tokenFile,
                                   QStringLiteral("--allow-http-loopback"),
                                   QStringLiteral("--endpoint")};
        QProcess killed;
        killed.setProcessChannelMode(QProcess::MergedChannels);
        killed.start(QStringLiteral(CHORUSCTL_PATH),
                     syncArgs + QStringList{QStringLiteral("http://127.0.0.1:%1").arg(proxyPort)});
        QVERIFY(killed.waitForStarted(10000));
        QVERIFY2(proxy.waitForHeldBody(std::chrono::seconds(60)), killed.readAll().constData());
        ::kill(pid_t(killed.processId()), SIGKILL);
        QVERIFY(killed.waitForFinished(10000));
        QCOMPARE(killed.exitStatus(), QProcess::CrashExit);
        proxy.stop();

        // The device was cut off with records it had started to send and never heard back about.
        const auto before = deviceStates(db);
        QCOMPARE(before.size(), kRecords);
        qInfo("killed with %lld accepted and %lld sending on the device, %d POSTs seen by the relay",
              qlonglong(before.values().count(response::ResponseState::Accepted)),
              qlonglong(before.values().count(response::ResponseState::Sending)), proxy.postsSeen());
        QVERIFY(before.values().contains(response::ResponseState::Sending));
        QVERIFY(before.values().count(response::ResponseState::Accepted) < kRecords);

        // The receiver holds only whole records (at least those the device heard were accepted,
        // and not all of them: the held ones left nothing). How many POSTs were whole when the
        // relay began holding depends on the client's concurrency and the machine's speed.
        const QStringList adminArgs{QStringLiteral("--endpoint"), receiver.base(), QStringLiteral("--admin-token-file"),
                                    receiver.adminTokenFile(), QStringLiteral("--allow-http-loopback")};
        const Ran listed = chorusctl(QStringList{QStringLiteral("submissions"), QStringLiteral("list")} + adminArgs);
        QVERIFY2(listed.exitCode == 0, listed.output.constData());
        const int whole = int(listed.output.count("\tcomplete\t"));
        QVERIFY2(listed.output.contains(QByteArray("\n" + QByteArray::number(whole) + " submissions, 0 deleted")),
                 listed.output.constData());
        QVERIFY(whole >= before.values().count(response::ResponseState::Accepted));
        QVERIFY(whole < kRecords);

        const Ran rerun = chorusctl(syncArgs + QStringList{receiver.base()});
        QVERIFY2(rerun.exitCode == 0, rerun.output.constData());
        const auto after = deviceStates(db);
        for (const sync::OutboxItem &item : std::as_const(items)) {
            QCOMPARE(after.value(item.instanceId), response::ResponseState::Accepted);
        }

        // The admin pull holds each record once, with the bytes the device stored.
        const QString admin = dir.filePath(QStringLiteral("admin"));
        const Ran pull = chorusctl(QStringList{QStringLiteral("pull"), QStringLiteral("--out"), admin} + adminArgs);
        QVERIFY2(pull.exitCode == 0, pull.output.constData());
        QVERIFY2(pull.output.startsWith(QByteArray(QByteArray::number(kRecords) + " submissions written, 0 incomplete")),
                 pull.output.constData());
        const QDir submissions(admin + QStringLiteral("/submissions"));
        QCOMPARE(submissions.entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), kRecords);
        for (const sync::OutboxItem &item : std::as_const(items)) {
            const QString one = submissions.filePath(sync::PullClient::directoryName(item.instanceId));
            QCOMPARE(readAll(one + QStringLiteral("/submission.xml")), item.manifest);
            for (const FilePart &part : item.parts) {
                QCOMPARE(readAll(one + QLatin1Char('/') + part.name), part.bytes);
            }
        }
        receiver.signal(SIGTERM);
        QCOMPARE(receiver.waitForExit(), 0);
    }
};

QTEST_GUILESS_MAIN(TestE2eSyncKilled)
#include "tst_e2e_sync_killed.moc"
