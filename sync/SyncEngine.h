// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Backoff.h"
#include "OpenRosaClient.h"
#include "Outbox.h"
#include "SyncLog.h"
#include "Transport.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace chorus::sync {

struct SyncOptions {
    // Most uploads in flight at once, each on its own reused connection (a browser uses 6). A run
    // starts with initialConcurrency and adapts: one more after each window of acceptances, half
    // as many when the server says it is busy (503, 429) or does not answer.
    int concurrency = 8;
    int initialConcurrency = 2;
    int maxAttempts = 3;  // per record per run, for transient failures
    std::chrono::milliseconds backoffBase{1000};
    std::chrono::milliseconds backoffMax{30000};
    // A server asking for a longer pause (Retry-After) than this is not waited for in this run:
    // the record stays queued for the next one.
    std::chrono::milliseconds retryAfterMax{120000};
    // A whole run, requests in flight included, ends by this time; the records not sent stay
    // queued. With the first request that gets no answer at all, the run stops at once: a link
    // that swallows requests would otherwise cost a timeout per record.
    std::chrono::milliseconds runTimeLimit{std::chrono::minutes(15)};
};

struct RecordResult {
    QString instanceId;
    SubmitOutcome outcome = SubmitOutcome::Transient;
    int httpStatus = 0;
    int attempts = 0; // 0: not tried, because the run stopped first
    QString reason;
    bool noAnswer = false; // transient: no reply came in time
};

struct SyncReport {
    QList<RecordResult> records; // in outbox order, one per pending record
    std::optional<Error> stopped; // why the run ended early (HEAD failed, token refused, TLS), if it did

    int count(SubmitOutcome outcome) const;
    bool allAccepted() const { return !stopped && count(SubmitOutcome::Accepted) == records.size(); }
};

using TransportFactory = std::function<std::unique_ptr<Transport>()>;

// One sync run over an Outbox: HEAD once, then the pending records oldest first with bounded
// concurrency, transient failures retried with exponential backoff and jitter, permanent
// failures recorded without blocking the rest. Every record is marked `sending` before its POST
// and gets a final mark for this run. A refused token or TLS failure stops the run: the records
// not yet tried are marked as transient failures carrying that reason. Blocking: run it on a
// worker thread (SyncRunner does).
class SyncEngine
{
public:
    SyncEngine(TransportFactory transports, QUrl submissionUrl, QByteArray bearerToken, SyncOptions options = {});

    SyncReport run(Outbox &outbox);

    // Optional: every run start, record result and run end is appended here.
    void setLog(SyncLog *log) { m_log = log; }

    // Thread-safe: no new upload starts; in-flight ones finish and are recorded.
    void cancel();

    // Waits `delay` unless cancelled first; returns false when cancelled.
    using Waiter = std::function<bool(std::chrono::milliseconds delay)>;
    // Tests pin the jitter and record the waits instead of sleeping. Call before run().
    void setBackoffHooks(Backoff::Random random, Waiter waiter);

    // How many uploads may be in flight after `result`, from `window` (at most `most`): halved
    // when the server is busy (503, 429) or silent, one place wider per window's worth of
    // answers otherwise (TCP's congestion control, per record). Other transient failures
    // leave it as it is.
    static double nextWindow(double window, const RecordResult &result, int most);

private:
    struct Run;
    void worker(Run &run, Transport &transport, const ServerInfo &server);
    bool takeNext(Run &run, qsizetype *index);
    void adapt(Run &run, const RecordResult &result);
    QString stopReason(const Run &run, const RecordResult &result) const;
    RecordResult sendOne(Run &run, OpenRosaClient &client, const OutboxItem &item, const ServerInfo &server);
    bool waitFor(std::chrono::milliseconds delay);

    TransportFactory m_transports;
    QUrl m_url;
    QByteArray m_token;
    SyncOptions m_options;
    SyncLog *m_log = nullptr;
    Backoff::Random m_random;
    Waiter m_waiter;
    std::atomic<bool> m_cancelled{false};
    std::mutex m_waitMutex;
    std::condition_variable m_wake;
};

} // namespace chorus::sync
