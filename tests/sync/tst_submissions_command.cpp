// SPDX-License-Identifier: GPL-3.0-or-later
// `chorusctl submissions list|delete` against the real receiver, and what the device that still
// holds a deleted record learns when it sends it again.
#include "CliRunner.h"
#include "CurlTransport.h"
#include "FaultProxy.h"
#include "LiveReceiver.h"
#include "MemoryOutbox.h"
#include "SyncEngine.h"
#include "TestEnvelope.h"

#include <QFile>
#include <QStandardPaths>
#include <QTest>

using namespace chorus;
using namespace chorus::sync;
using State = MemoryOutbox::State;
using Fault = testing::FaultProxy::Fault;

namespace {

SyncReport syncVia(int port, const QByteArray &token, Outbox &outbox)
{
    CurlOptions curl;
    curl.allowHttpLoopback = true;
    SyncOptions options;
    options.concurrency = 1;
    options.maxAttempts = 1;
    return SyncEngine([curl] { return std::make_unique<CurlTransport>(curl); },
                      QUrl(QStringLiteral("http://127.0.0.1:%1/submission").arg(port)), token, options)
        .run(outbox);
}

} // namespace

class TestSubmissionsCommand : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QStringList admin(const testing::LiveReceiver &live, const QByteArray &token = {})
    {
        const QString file = m_dir.filePath(QStringLiteral("admin-token"));
        QFile f(file);
        if (f.open(QIODevice::WriteOnly)) {
            f.write((token.isEmpty() ? live.adminToken : token) + '\n');
        }
        return {QStringLiteral("--endpoint"), live.base(), QStringLiteral("--admin-token-file"), file,
                QStringLiteral("--allow-http-loopback")};
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void delete_tombstones_andTheDeviceResendingItEndsDeletedOnServer()
    {
        testing::LiveReceiver live;
        CHORUS_START_RECEIVER(live);
        testing::FaultProxy proxy(live.port);
        const int port = proxy.start();
        // The receiver stores the first record but its answer never reaches the device.
        proxy.script({Fault::DropMidResponse});
        MemoryOutbox device;
        const OutboxItem lost = testing::makeEnvelope(1);
        const OutboxItem kept = testing::makeEnvelope(2);
        device.add(lost);
        device.add(kept);
        syncVia(port, live.deviceToken, device);
        QCOMPARE(device.state(lost.instanceId), State::TransientFailure);
        QCOMPARE(device.state(kept.instanceId), State::Accepted);

        QString out, err;
        QCOMPARE(testing::runChorusctl(QStringList{QStringLiteral("submissions"), QStringLiteral("list")} + admin(live), &out, &err), 0);
        QVERIFY2(out.contains(lost.instanceId + QStringLiteral("\tcomplete\t")), qPrintable(out));
        QVERIFY(out.contains(kept.instanceId + QStringLiteral("\tcomplete\t")));
        QVERIFY(out.contains(QLatin1String("2 submissions, 0 deleted")));

        out.clear();
        QCOMPARE(testing::runChorusctl(QStringList{QStringLiteral("submissions"), QStringLiteral("delete"), QStringLiteral("--instance"),
                                    lost.instanceId}
                            + admin(live),
                        &out, &err),
                 0);
        QCOMPARE(out, lost.instanceId + QStringLiteral("\tdeleted\n"));

        // The device sends it again: the receiver refuses it as deleted, and the device says so.
        const SyncReport resent = syncVia(port, live.deviceToken, device);
        QCOMPARE(resent.records.size(), 1);
        QCOMPARE(device.state(lost.instanceId), State::DeletedOnServer);
        QVERIFY(device.reason(lost.instanceId).contains(QLatin1String("deleted")));

        out.clear();
        QCOMPARE(testing::runChorusctl(QStringList{QStringLiteral("submissions"), QStringLiteral("list")} + admin(live), &out, &err), 0);
        QVERIFY(out.contains(lost.instanceId + QStringLiteral("\tdeleted\t")));
        QVERIFY(out.contains(QLatin1String("2 submissions, 1 deleted")));
        auto stored = live.storage->changesAfter(0, 10);
        QVERIFY(stored);
        const auto tomb = std::find_if(stored->cbegin(), stored->cend(),
                                       [&](const server::SubmissionSummary &s) { return s.instanceId == lost.instanceId; });
        QVERIFY(tomb != stored->cend() && tomb->deleted);
        QVERIFY(!live.storage->manifest(tomb->id));

        // Deleting again is harmless and says so.
        out.clear();
        QCOMPARE(testing::runChorusctl(QStringList{QStringLiteral("submissions"), QStringLiteral("delete"), QStringLiteral("--instance"),
                                    lost.instanceId}
                            + admin(live),
                        &out, &err),
                 0);
        QCOMPARE(out, lost.instanceId + QStringLiteral("\talready deleted\n"));
        QVERIFY(!QString(out + err).contains(QString::fromLatin1(live.adminToken)));
    }

    void delete_unknownInstance_fails_withAReason()
    {
        testing::LiveReceiver live;
        CHORUS_START_RECEIVER(live);
        QString out, err;
        QCOMPARE(testing::runChorusctl(QStringList{QStringLiteral("submissions"), QStringLiteral("delete"), QStringLiteral("--instance"),
                                    QStringLiteral("uuid:not-there-at-all")}
                            + admin(live),
                        &out, &err),
                 1);
        QVERIFY2(err.contains(QLatin1String("no submission uuid:not-there-at-all")), qPrintable(err));
    }

    void wrongAdminToken_isRefused_andUsageErrorsExit2()
    {
        testing::LiveReceiver live;
        CHORUS_START_RECEIVER(live);
        QString out, err;
        QCOMPARE(testing::runChorusctl(QStringList{QStringLiteral("submissions"), QStringLiteral("list")}
                            + admin(live, "not-the-admin-token-0123456789"),
                        &out, &err),
                 1);
        QVERIFY2(err.contains(QLatin1String("refused the admin token")), qPrintable(err));
        QVERIFY(!err.contains(QLatin1String("not-the-admin-token")));
        err.clear();
        QCOMPARE(testing::runChorusctl(QStringList{QStringLiteral("submissions"), QStringLiteral("delete")} + admin(live), &out, &err),
                 2);
        QCOMPARE(testing::runChorusctl(QStringList{QStringLiteral("submissions"), QStringLiteral("delete"), QStringLiteral("--instance"),
                                    QStringLiteral("42")}
                            + admin(live),
                        &out, &err),
                 2);
        QCOMPARE(testing::runChorusctl({QStringLiteral("submissions"), QStringLiteral("purge")}, &out, &err), 2);
    }
};

QTEST_GUILESS_MAIN(TestSubmissionsCommand)
#include "tst_submissions_command.moc"
