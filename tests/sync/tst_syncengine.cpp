// SPDX-License-Identifier: GPL-3.0-or-later
#include "MemoryOutbox.h"
#include "RecordingTransport.h"
#include "SyncEngine.h"
#include "TestEnvelope.h"

#include <QTest>
#include <QThread>

#include <atomic>

using namespace chorus;
using namespace chorus::sync;
using State = MemoryOutbox::State;

namespace {

const QUrl kUrl(QStringLiteral("https://receiver.example/submission"));

SyncOptions fastOptions(int concurrency = 1)
{
    SyncOptions options;
    options.concurrency = concurrency;
    options.maxAttempts = 3;
    options.backoffBase = std::chrono::milliseconds(1);
    options.backoffMax = std::chrono::milliseconds(4);
    return options;
}

SyncEngine engineOver(RecordingTransport &transport, SyncOptions options)
{
    return SyncEngine([&transport] { return std::make_unique<ForwardingTransport>(transport); }, kUrl, "tok", options);
}

// The instanceID carried in a POST body (the fake envelopes put it in the manifest).
QString instanceIn(const HttpRequest &request)
{
    const qsizetype start = request.body.indexOf("<orx:instanceID>") + 16;
    const qsizetype end = request.body.indexOf("</orx:instanceID>");
    return QString::fromLatin1(request.body.mid(start, end - start));
}

} // namespace

class TestSyncEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void run_sendsOldestFirst_andMarksSendingBeforeEachPost()
    {
        MemoryOutbox outbox;
        for (int i = 1; i <= 3; ++i) {
            outbox.add(testing::makeEnvelope(i));
        }
        RecordingTransport transport;
        QStringList historyAtPost;
        transport.setResponder([&](const HttpRequest &request) -> Result<HttpResponse> {
            historyAtPost.append(outbox.history().constLast() + QStringLiteral(" @ ") + instanceIn(request));
            return RecordingTransport::openRosaReply(201);
        });
        auto engine = engineOver(transport, fastOptions());
        const SyncReport report = engine.run(outbox);
        QVERIFY(report.allAccepted());
        QCOMPARE(report.records.size(), 3);
        for (int i = 0; i < 3; ++i) {
            const QString id = testing::makeEnvelope(i + 1).instanceId;
            QCOMPARE(report.records.at(i).instanceId, id);
            QCOMPARE(historyAtPost.at(i), id + QStringLiteral(" sending @ ") + id);
            QCOMPARE(outbox.state(id), State::Accepted);
        }
        QCOMPARE(transport.requests().constFirst().method, HttpRequest::Method::Head);
    }
    void permanentFailure_doesNotBlockTheRest()
    {
        MemoryOutbox outbox;
        for (int i = 1; i <= 4; ++i) {
            outbox.add(testing::makeEnvelope(i));
        }
        RecordingTransport transport;
        transport.queuePostReply(RecordingTransport::openRosaReply(400, "bad"));
        transport.queuePostReply(RecordingTransport::openRosaReply(
            409, "A submission already exists with this ID, but with different XML."));
        transport.queuePostReply(RecordingTransport::openRosaReply(409, "This submission has been deleted."));
        auto engine = engineOver(transport, fastOptions());
        const SyncReport report = engine.run(outbox);
        QVERIFY(!report.stopped);
        QCOMPARE(outbox.state(testing::makeEnvelope(1).instanceId), State::Failed);
        QCOMPARE(outbox.state(testing::makeEnvelope(2).instanceId), State::Conflict);
        QCOMPARE(outbox.state(testing::makeEnvelope(3).instanceId), State::DeletedOnServer);
        QCOMPARE(outbox.state(testing::makeEnvelope(4).instanceId), State::Accepted);
        QVERIFY(!outbox.reason(testing::makeEnvelope(2).instanceId).isEmpty());
        QCOMPARE(outbox.pending()->size(), 0);
    }
    void transientFailure_isRetriedWithBackoff_thenAccepted()
    {
        MemoryOutbox outbox;
        outbox.add(testing::makeEnvelope(1));
        RecordingTransport transport;
        transport.queuePostReply(RecordingTransport::openRosaReply(503));
        transport.queuePostReply(makeError(ErrorKind::Network, QStringLiteral("connection reset by peer")));
        auto engine = engineOver(transport, fastOptions());
        const SyncReport report = engine.run(outbox);
        QVERIFY(report.allAccepted());
        QCOMPARE(report.records.constFirst().attempts, 3);
        QCOMPARE(outbox.state(testing::makeEnvelope(1).instanceId), State::Accepted);
        // Each attempt wrote `sending` first.
        QCOMPARE(outbox.history().count(testing::makeEnvelope(1).instanceId + QStringLiteral(" sending")), 3);
    }
    void transientFailure_afterLastAttempt_staysPendingWithAReason()
    {
        MemoryOutbox outbox;
        outbox.add(testing::makeEnvelope(1));
        RecordingTransport transport;
        transport.setResponder([](const HttpRequest &) -> Result<HttpResponse> {
            return RecordingTransport::reply(200, "<html>Sign in to the wifi</html>");
        });
        auto engine = engineOver(transport, fastOptions());
        const SyncReport report = engine.run(outbox);
        QVERIFY(!report.allAccepted());
        const QString id = testing::makeEnvelope(1).instanceId;
        QCOMPARE(outbox.state(id), State::TransientFailure);
        QVERIFY(outbox.reason(id).contains(QLatin1String("200")));
        QCOMPARE(outbox.pending()->size(), 1);
    }
    void authRejected_stopsTheRun_andLeavesTheRestPending()
    {
        MemoryOutbox outbox;
        for (int i = 1; i <= 5; ++i) {
            outbox.add(testing::makeEnvelope(i));
        }
        RecordingTransport transport;
        transport.queuePostReply(RecordingTransport::reply(401));
        auto engine = engineOver(transport, fastOptions());
        const SyncReport report = engine.run(outbox);
        QVERIFY(report.stopped);
        QCOMPARE(report.stopped->kind, ErrorKind::Permission);
        QCOMPARE(transport.requests().size(), 2); // HEAD + the one refused POST
        QCOMPARE(outbox.pending()->size(), 5);
        for (const RecordResult &r : report.records) {
            QVERIFY(r.reason.contains(QLatin1String("re-enrol")));
        }
    }
    void headFailure_sendsNothing()
    {
        MemoryOutbox outbox;
        outbox.add(testing::makeEnvelope(1));
        RecordingTransport transport;
        transport.setHeadReply(RecordingTransport::reply(200, "<html>portal</html>"));
        auto engine = engineOver(transport, fastOptions());
        const SyncReport report = engine.run(outbox);
        QVERIFY(report.stopped);
        QCOMPARE(transport.requests().size(), 1);
        QCOMPARE(outbox.state(testing::makeEnvelope(1).instanceId), State::TransientFailure);
        QVERIFY(!outbox.history().contains(testing::makeEnvelope(1).instanceId + QStringLiteral(" sending")));
    }
    void concurrency_isBounded_andEveryRecordIsSentOnce()
    {
        MemoryOutbox outbox;
        for (int i = 1; i <= 40; ++i) {
            outbox.add(testing::makeEnvelope(i));
        }
        RecordingTransport transport;
        std::atomic<int> inFlight{0};
        std::atomic<int> peak{0};
        transport.setResponder([&](const HttpRequest &) -> Result<HttpResponse> {
            const int now = ++inFlight;
            int seen = peak.load();
            while (now > seen && !peak.compare_exchange_weak(seen, now)) {
            }
            QThread::usleep(500); // widen the overlap window so concurrency is observable
            --inFlight;
            return RecordingTransport::openRosaReply(201);
        });
        auto engine = engineOver(transport, fastOptions(4));
        const SyncReport report = engine.run(outbox);
        QVERIFY(report.allAccepted());
        QVERIFY(peak.load() <= 4);
        QStringList posted;
        for (const HttpRequest &r : transport.requests()) {
            if (r.method == HttpRequest::Method::Post) {
                posted.append(instanceIn(r));
            }
        }
        QCOMPARE(posted.size(), 40);
        posted.removeDuplicates();
        QCOMPARE(posted.size(), 40);
    }
    void concurrency_adapts_halvedWhenBusyOrSilent_widenedByAnswers()
    {
        RecordResult accepted{QStringLiteral("a"), SubmitOutcome::Accepted, 201, 1, {}};
        RecordResult busy{QStringLiteral("b"), SubmitOutcome::Transient, 503, 1, {}};
        RecordResult tooMany{QStringLiteral("c"), SubmitOutcome::Transient, 429, 1, {}};
        RecordResult silent{QStringLiteral("d"), SubmitOutcome::Transient, 0, 1, {}, true};
        RecordResult reset{QStringLiteral("e"), SubmitOutcome::Transient, 0, 1, {}};
        QCOMPARE(SyncEngine::nextWindow(8, busy, 8), 4.0);
        QCOMPARE(SyncEngine::nextWindow(8, tooMany, 8), 4.0);
        QCOMPARE(SyncEngine::nextWindow(4, silent, 8), 2.0);
        QCOMPARE(SyncEngine::nextWindow(1, busy, 8), 1.0);
        QCOMPARE(SyncEngine::nextWindow(3, reset, 8), 3.0);
        // From 2, one window's worth of answers (2) adds about one place; never past the most.
        double w = 2;
        w = SyncEngine::nextWindow(w, accepted, 8);
        w = SyncEngine::nextWindow(w, accepted, 8);
        QVERIFY(qFuzzyCompare(w, 2.9)); // 2 + 1/2 + 1/2.5
        for (int i = 0; i < 1000; ++i) {
            w = SyncEngine::nextWindow(w, accepted, 8);
        }
        QCOMPARE(w, 8.0);
    }
    void emptyOutbox_makesNoRequest()
    {
        MemoryOutbox outbox;
        RecordingTransport transport;
        auto engine = engineOver(transport, fastOptions());
        QVERIFY(engine.run(outbox).allAccepted());
        QCOMPARE(transport.requests().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
