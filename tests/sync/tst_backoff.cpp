// SPDX-License-Identifier: GPL-3.0-or-later
// Retry pacing: the Backoff policy alone, then as SyncEngine and SyncRunner use it, with the
// random source pinned and the waits recorded instead of slept.
#include "Backoff.h"
#include "MemoryOutbox.h"
#include "RecordingTransport.h"
#include "SyncEngine.h"
#include "SyncRunner.h"
#include "TestEnvelope.h"

#include <QSignalSpy>
#include <QTest>

#include <mutex>

using namespace chorus;
using namespace chorus::sync;
using namespace std::chrono_literals;
using ms = std::chrono::milliseconds;

namespace {

const Backoff::Random kHighest = [](quint64 bound) { return bound; };
const Backoff::Random kLowest = [](quint64) { return quint64(0); };

HttpResponse busy(const QByteArray &retryAfter = {})
{
    HttpResponse r = RecordingTransport::openRosaReply(503);
    if (!retryAfter.isEmpty()) {
        r.headers.append({QByteArrayLiteral("retry-after"), retryAfter});
    }
    return r;
}

SyncOptions options(int attempts)
{
    SyncOptions o;
    o.concurrency = 1;
    o.maxAttempts = attempts;
    o.backoffBase = 100ms;
    o.backoffMax = 1000ms;
    return o;
}

// An engine whose waits are recorded, not slept.
struct PacedEngine {
    RecordingTransport transport;
    std::mutex mutex;
    QList<ms> waits;
    std::unique_ptr<SyncEngine> engine;

    explicit PacedEngine(SyncOptions o)
    {
        engine = std::make_unique<SyncEngine>([this] { return std::make_unique<ForwardingTransport>(transport); },
                                              QUrl(QStringLiteral("https://r.example/submission")), "tok", o);
        engine->setBackoffHooks(kHighest, [this](ms delay) {
            std::lock_guard lock(mutex);
            waits.append(delay);
            return true;
        });
    }
};

} // namespace

class TestBackoff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void delays_doubleUpToTheCap()
    {
        Backoff backoff(100ms, 1000ms, kHighest);
        QList<ms> delays;
        for (int i = 0; i < 6; ++i) {
            delays.append(backoff.next());
        }
        QCOMPARE(delays, (QList<ms>{100ms, 200ms, 400ms, 800ms, 1000ms, 1000ms}));
        QCOMPARE(backoff.failures(), 6);
    }
    void jitter_staysWithinTheUpperHalf()
    {
        Backoff low(100ms, 1000ms, kLowest);
        QCOMPARE(low.next(), 50ms);
        QCOMPARE(low.next(), 100ms);
        Backoff random(100ms, 1000ms); // the real random source
        for (int failure = 1; failure <= 200; ++failure) {
            const ms delay = random.next();
            const ms ceiling = random.ceiling(failure);
            QVERIFY2(delay >= ceiling / 2 && delay <= ceiling, qPrintable(QString::number(delay.count())));
        }
    }
    void hugeFailureCounts_doNotOverflow()
    {
        Backoff backoff(1ms, std::chrono::hours(1), kHighest);
        QCOMPARE(backoff.ceiling(1000), ms(std::chrono::hours(1)));
        QCOMPARE(backoff.ceiling(0), 1ms);
    }
    void reset_afterSuccess_startsFromTheBaseAgain()
    {
        Backoff backoff(100ms, 1000ms, kHighest);
        backoff.next();
        backoff.next();
        backoff.reset();
        QCOMPARE(backoff.next(), 100ms);
    }
    void retryAfter_isHonoured_whenLongerThanTheBackoff()
    {
        Backoff backoff(100ms, 1000ms, kHighest);
        QCOMPARE(backoff.next(5000ms), 5000ms);
        QCOMPARE(backoff.next(10ms), 200ms); // shorter than ours: ours wins
    }
    void parseRetryAfter_readsSecondsAndHttpDates()
    {
        const QDateTime now(QDate(2026, 11, 24), QTime(14, 0, 0), Qt::UTC);
        QCOMPARE(parseRetryAfter("120", now), std::optional<ms>(120000ms));
        QCOMPARE(parseRetryAfter(" 0 ", now), std::optional<ms>(0ms));
        QCOMPARE(parseRetryAfter("Tue, 24 Nov 2026 14:00:30 GMT", now), std::optional<ms>(30000ms));
        QCOMPARE(parseRetryAfter("Tue, 24 Nov 2026 13:00:00 GMT", now), std::optional<ms>(0ms));
        QCOMPARE(parseRetryAfter("soon", now), std::nullopt);
        QCOMPARE(parseRetryAfter("-5", now), std::nullopt);
        QCOMPARE(parseRetryAfter("", now), std::nullopt);
    }

    void engine_waitsLonger_afterEachTransientFailure_ofARecord()
    {
        PacedEngine paced(options(4));
        MemoryOutbox outbox;
        outbox.add(testing::makeEnvelope(1));
        outbox.add(testing::makeEnvelope(2));
        for (int i = 0; i < 3; ++i) {
            paced.transport.queuePostReply(busy());
        }
        paced.transport.queuePostReply(RecordingTransport::openRosaReply(201));
        paced.transport.queuePostReply(busy()); // the second record's first try: its pacing starts low again
        const SyncReport report = paced.engine->run(outbox);
        QVERIFY(report.allAccepted());
        QCOMPARE(paced.waits, (QList<ms>{100ms, 200ms, 400ms, 100ms}));
    }
    void engine_honoursRetryAfter()
    {
        PacedEngine paced(options(3));
        MemoryOutbox outbox;
        outbox.add(testing::makeEnvelope(1));
        paced.transport.queuePostReply(busy("7"));
        QVERIFY(paced.engine->run(outbox).allAccepted());
        QCOMPARE(paced.waits, (QList<ms>{7000ms}));
    }
    void engine_leavesTheRecordQueued_whenRetryAfterIsBeyondItsLimit()
    {
        PacedEngine paced(options(3));
        MemoryOutbox outbox;
        outbox.add(testing::makeEnvelope(1));
        paced.transport.queuePostReply(busy("3600"));
        const SyncReport report = paced.engine->run(outbox);
        QVERIFY(paced.waits.isEmpty());
        QCOMPARE(report.records.constFirst().attempts, 1);
        QCOMPARE(outbox.state(testing::makeEnvelope(1).instanceId), MemoryOutbox::State::TransientFailure);
        QVERIFY(report.records.constFirst().reason.contains(QLatin1String("3600 s")));
    }

    void runner_retriesAfterGrowingDelays_andResetsAfterSuccess()
    {
        MemoryOutbox outbox;
        outbox.add(testing::makeEnvelope(1));
        RecordingTransport transport;
        for (int i = 0; i < 3; ++i) {
            transport.queuePostReply(busy()); // three runs find the server busy, the fourth gets through
        }
        SyncOptions o = options(1);
        auto engine = std::make_unique<SyncEngine>([&transport] { return std::make_unique<ForwardingTransport>(transport); },
                                                   QUrl(QStringLiteral("https://r.example/submission")), "tok", o);
        SyncRunner runner(std::move(engine), outbox);
        runner.setRetryBackoff(Backoff(1ms, 100ms, kHighest));
        QList<ms> scheduled;
        connect(&runner, &SyncRunner::finished, this, [&] { scheduled.append(runner.retryDelay()); });
        runner.syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(scheduled.size(), 4, 10000);
        QCOMPARE(scheduled, (QList<ms>{1ms, 2ms, 4ms, 0ms}));
        QCOMPARE(outbox.state(testing::makeEnvelope(1).instanceId), MemoryOutbox::State::Accepted);

        // Reset: the next failure starts from the base again.
        outbox.add(testing::makeEnvelope(2));
        transport.queuePostReply(busy());
        runner.setRetryBackoff(Backoff(1000ms, 100000ms, kHighest));
        runner.syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(scheduled.size(), 5, 10000);
        QCOMPARE(scheduled.constLast(), 1000ms);
        runner.cancel();
        QCOMPARE(runner.retryDelay(), 0ms);
    }
    void runner_doesNotRetry_whenTheTokenIsRefused()
    {
        MemoryOutbox outbox;
        outbox.add(testing::makeEnvelope(1));
        RecordingTransport transport;
        transport.setHeadReply(RecordingTransport::reply(401));
        auto engine = std::make_unique<SyncEngine>([&transport] { return std::make_unique<ForwardingTransport>(transport); },
                                                   QUrl(QStringLiteral("https://r.example/submission")), "tok",
                                                   options(1));
        SyncRunner runner(std::move(engine), outbox);
        runner.setRetryBackoff(Backoff(1ms, 100ms, kHighest));
        QSignalSpy finished(&runner, &SyncRunner::finished);
        runner.syncNow();
        QVERIFY(finished.wait(5000));
        QCOMPARE(runner.retryDelay(), 0ms);
    }
};

QTEST_GUILESS_MAIN(TestBackoff)
#include "tst_backoff.moc"
