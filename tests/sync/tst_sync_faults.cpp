// SPDX-License-Identifier: GPL-3.0-or-later
// After every network fault, no record is lost or duplicated and every state is right.
#include "CurlTransport.h"
#include "FaultProxy.h"
#include "LiveReceiver.h"
#include "MemoryOutbox.h"
#include "SyncEngine.h"
#include "TestEnvelope.h"

#include <QTest>

using namespace chorus;
using namespace chorus::sync;
using Fault = chorus::testing::FaultProxy::Fault;
using State = MemoryOutbox::State;

Q_DECLARE_METATYPE(Fault)

namespace {

SyncReport runThrough(int proxyPort, const QByteArray &token, Outbox &outbox, int attempts = 3)
{
    CurlOptions curl;
    curl.allowHttpLoopback = true;
    curl.stallTimeout = std::chrono::milliseconds(1000);
    curl.totalTimeout = std::chrono::milliseconds(1500);
    SyncOptions options;
    options.concurrency = 1; // one at a time, so the script's order is the records' order
    options.maxAttempts = attempts;
    options.backoffBase = std::chrono::milliseconds(5);
    options.backoffMax = std::chrono::milliseconds(20);
    SyncEngine engine([curl] { return std::make_unique<CurlTransport>(curl); },
                      QUrl(QStringLiteral("http://127.0.0.1:%1/submission").arg(proxyPort)), token, options);
    return engine.run(outbox);
}

// Every item is on the receiver exactly once, complete, with the same bytes.
void verifyStoredOnce(testing::LiveReceiver &live, const QList<OutboxItem> &items)
{
    auto stored = live.storage->changesAfter(0, 1000);
    QVERIFY(stored);
    QCOMPARE(stored->size(), items.size());
    for (const OutboxItem &item : items) {
        auto match = std::find_if(stored->cbegin(), stored->cend(),
                                  [&item](const server::SubmissionSummary &s) { return s.instanceId == item.instanceId; });
        QVERIFY(match != stored->cend());
        QVERIFY(match->complete);
        QCOMPARE(*live.storage->manifest(match->id), item.manifest);
        for (const FilePart &part : item.parts) {
            QCOMPARE(*live.storage->file(match->id, part.name), part.bytes);
        }
    }
}

} // namespace

class TestSyncFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fault_isSurvived_data()
    {
        QTest::addColumn<Fault>("fault");
        QTest::addColumn<int>("expectedAttemptsOfFirst");
        QTest::newRow("drop mid-request") << Fault::DropMidRequest << 2;
        QTest::newRow("drop mid-response (stored, answer lost)") << Fault::DropMidResponse << 2;
        QTest::newRow("500") << Fault::Answer500 << 2;
        QTest::newRow("delay past the timeout (stored)") << Fault::DelayResponse << 2;
        QTest::newRow("200 with HTML") << Fault::Answer200Html << 2;
        QTest::newRow("202 (stored)") << Fault::Rewrite202 << 1;
    }
    void fault_isSurvived()
    {
        QFETCH(Fault, fault);
        QFETCH(int, expectedAttemptsOfFirst);
        testing::LiveReceiver live;
        CHORUS_START_RECEIVER(live);
        testing::FaultProxy proxy(live.port);
        const int port = proxy.start();
        QVERIFY(port > 0);
        // The fault hits the first record and again the third.
        proxy.script({fault, Fault::None, fault});

        MemoryOutbox outbox;
        QList<OutboxItem> items;
        for (int i = 0; i < 4; ++i) {
            items.append(testing::makeEnvelope(i, 1, 5000));
            outbox.add(items.constLast());
        }
        const SyncReport report = runThrough(port, live.deviceToken, outbox);
        QVERIFY2(report.allAccepted(), qPrintable(report.records.constFirst().reason));
        QCOMPARE(report.records.constFirst().attempts, expectedAttemptsOfFirst);
        QCOMPARE(proxy.faultsApplied(), 3);
        for (const OutboxItem &item : std::as_const(items)) {
            QCOMPARE(outbox.state(item.instanceId), State::Accepted);
        }
        verifyStoredOnce(live, items);
    }

    void persistentFault_leavesTheRecordPending_nextRunSendsItOnce()
    {
        testing::LiveReceiver live;
        CHORUS_START_RECEIVER(live);
        testing::FaultProxy proxy(live.port);
        const int port = proxy.start();
        // Three answers lost after storing: the record stays pending although the server has it.
        proxy.script({Fault::DropMidResponse, Fault::DropMidResponse, Fault::DropMidResponse});
        MemoryOutbox outbox;
        QList<OutboxItem> items{testing::makeEnvelope(1), testing::makeEnvelope(2)};
        for (const OutboxItem &item : items) {
            outbox.add(item);
        }
        SyncReport report = runThrough(port, live.deviceToken, outbox);
        QCOMPARE(outbox.state(items.at(0).instanceId), State::TransientFailure);
        QVERIFY(!outbox.reason(items.at(0).instanceId).isEmpty());
        QCOMPARE(outbox.state(items.at(1).instanceId), State::Accepted);
        QCOMPARE(report.records.at(0).attempts, 3);

        report = runThrough(port, live.deviceToken, outbox);
        QVERIFY(report.allAccepted());
        QCOMPARE(report.records.size(), 1);
        verifyStoredOnce(live, items);
    }
};

QTEST_GUILESS_MAIN(TestSyncFaults)
#include "tst_sync_faults.moc"
