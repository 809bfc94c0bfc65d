// SPDX-License-Identifier: GPL-3.0-or-later
#include "MemoryOutbox.h"
#include "RecordingTransport.h"
#include "SyncRunner.h"
#include "TestEnvelope.h"

#include <QNetworkInformation>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>

using namespace chorus;
using namespace chorus::sync;

namespace {
std::unique_ptr<SyncEngine> engineOver(RecordingTransport &transport)
{
    SyncOptions options;
    options.concurrency = 1;
    options.backoffBase = std::chrono::milliseconds(1);
    return std::make_unique<SyncEngine>([&transport] { return std::make_unique<ForwardingTransport>(transport); },
                                        QUrl(QStringLiteral("https://r.example/submission")), "tok", options);
}
} // namespace

class TestSyncRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void syncNow_returnsAtOnce_whileTheRunBlocksOnTheNetwork()
    {
        MemoryOutbox outbox;
        outbox.add(testing::makeEnvelope(1));
        RecordingTransport transport;
        QSemaphore network;
        transport.setResponder([&network](const HttpRequest &) -> Result<HttpResponse> {
            network.acquire(); // the "network" answers only when the test says so
            return RecordingTransport::openRosaReply(201);
        });
        SyncRunner runner(engineOver(transport), outbox);
        QSignalSpy finished(&runner, &SyncRunner::finished);
        runner.syncNow();
        QVERIFY(runner.isRunning()); // the caller was not blocked
        QCOMPARE(finished.count(), 0);
        network.release();
        QVERIFY(finished.wait(5000));
        QVERIFY(!runner.isRunning());
        QVERIFY(runner.lastReport().allAccepted());
        QCOMPARE(outbox.state(testing::makeEnvelope(1).instanceId), MemoryOutbox::State::Accepted);
    }
    void triggerDuringARun_startsExactlyOneMoreRun()
    {
        MemoryOutbox outbox;
        outbox.add(testing::makeEnvelope(1));
        RecordingTransport transport;
        QSemaphore network;
        transport.setResponder([&network](const HttpRequest &) -> Result<HttpResponse> {
            network.acquire();
            return RecordingTransport::openRosaReply(201);
        });
        SyncRunner runner(engineOver(transport), outbox);
        QSignalSpy finished(&runner, &SyncRunner::finished);
        runner.syncNow();
        outbox.add(testing::makeEnvelope(2)); // finalized while the first run is going
        runner.syncNow();
        runner.syncNow();
        network.release(2);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 5000);
        QCOMPARE(outbox.state(testing::makeEnvelope(2).instanceId), MemoryOutbox::State::Accepted);
        QVERIFY(!runner.isRunning());
    }
    void timer_triggersRuns()
    {
        MemoryOutbox outbox;
        outbox.add(testing::makeEnvelope(1));
        RecordingTransport transport;
        SyncRunner runner(engineOver(transport), outbox);
        QSignalSpy finished(&runner, &SyncRunner::finished);
        runner.setInterval(std::chrono::milliseconds(10));
        QVERIFY(finished.wait(5000));
        runner.setInterval(std::chrono::milliseconds(0));
        QCOMPARE(outbox.state(testing::makeEnvelope(1).instanceId), MemoryOutbox::State::Accepted);
    }
    void networkComingBack_triggersARun_whereTheBackendExists()
    {
        MemoryOutbox outbox;
        outbox.add(testing::makeEnvelope(1));
        RecordingTransport transport;
        SyncRunner runner(engineOver(transport), outbox);
        if (!runner.watchNetwork()) {
            // Linux without NetworkManager (and no other backend): the timer and "Send" remain.
            QSKIP("no QNetworkInformation backend here: sync falls back to the timer (timer_triggersRuns)");
        }
        qInfo() << "network information backend:" << QNetworkInformation::instance()->backendName();
        QSignalSpy finished(&runner, &SyncRunner::finished);
        // What the backend reports when the device goes offline and comes back.
        Q_EMIT QNetworkInformation::instance()->reachabilityChanged(QNetworkInformation::Reachability::Disconnected);
        QVERIFY(!runner.isRunning()); // going offline starts nothing
        Q_EMIT QNetworkInformation::instance()->reachabilityChanged(QNetworkInformation::Reachability::Online);
        QVERIFY(runner.isRunning());
        QVERIFY(finished.wait(5000));
        QCOMPARE(outbox.state(testing::makeEnvelope(1).instanceId), MemoryOutbox::State::Accepted);
    }
};

QTEST_GUILESS_MAIN(TestSyncRunner)
#include "tst_syncrunner.moc"
