// SPDX-License-Identifier: GPL-3.0-or-later
#include "SyncEngine.h"

#include "SyncLogging.h"

#include <thread>

namespace chorus::sync {

int SyncReport::count(SubmitOutcome outcome) const
{
    return int(std::count_if(records.cbegin(), records.cend(),
                             [outcome](const RecordResult &r) { return r.attempts > 0 && r.outcome == outcome; }));
}

struct SyncEngine::Run {
    Outbox &outbox;
    QList<OutboxItem> items;
    QList<RecordResult> results;
    std::mutex mutex; // guards next, stop, the window and outbox calls
    qsizetype next = 0;
    std::optional<Error> stop;
    std::chrono::steady_clock::time_point deadline;
    // Uploads allowed in flight (additive increase, multiplicative decrease) and in flight now.
    double window = 1;
    int active = 0;
    std::condition_variable slotFree;
};

SyncEngine::SyncEngine(TransportFactory transports, QUrl submissionUrl, QByteArray bearerToken, SyncOptions options)
    : m_transports(std::move(transports))
    , m_url(std::move(submissionUrl))
    , m_token(std::move(bearerToken))
    , m_options(options)
{
}

void SyncEngine::cancel()
{
    m_cancelled = true;
    m_wake.notify_all();
}

void SyncEngine::setBackoffHooks(Backoff::Random random, Waiter waiter)
{
    m_random = std::move(random);
    m_waiter = std::move(waiter);
}

bool SyncEngine::waitFor(std::chrono::milliseconds delay)
{
    if (m_waiter) {
        return m_waiter(delay) && !m_cancelled;
    }
    std::unique_lock lock(m_waitMutex);
    return !m_wake.wait_for(lock, delay, [this] { return m_cancelled.load(); });
}

RecordResult SyncEngine::sendOne(Run &run, OpenRosaClient &client, const OutboxItem &item, const ServerInfo &server)
{
    RecordResult result;
    result.instanceId = item.instanceId;
    Backoff backoff(m_options.backoffBase, m_options.backoffMax, m_random); // per record: starts low again
    for (int attempt = 1; attempt <= std::max(1, m_options.maxAttempts); ++attempt) {
        if (std::chrono::steady_clock::now() >= run.deadline) {
            break; // the first attempt always has time left: takeNext() checked
        }
        {
            std::lock_guard lock(run.mutex);
            if (const Status marked = run.outbox.markSending(item.instanceId); !marked) {
                result.outcome = SubmitOutcome::Transient;
                result.reason = QStringLiteral("could not record the send on the device: ") + marked.error().message;
                return result;
            }
        }
        const SubmitResult submitted = client.submit(item, server);
        result.attempts = attempt;
        result.outcome = submitted.outcome;
        result.httpStatus = submitted.httpStatus;
        result.reason = submitted.reason;
        result.noAnswer = submitted.noAnswer;
        qCInfo(lcSync) << "record" << item.instanceId << "attempt" << attempt << outcomeName(submitted.outcome)
                       << "http" << submitted.httpStatus;
        // No answer at all: the link is down or swallowing requests; retrying only adds timeouts.
        if (submitted.outcome != SubmitOutcome::Transient || submitted.noAnswer || attempt == m_options.maxAttempts) {
            break;
        }
        const std::chrono::milliseconds delay = backoff.next(submitted.retryAfter);
        if (submitted.retryAfter && delay > m_options.retryAfterMax) {
            result.reason += QStringLiteral(" (the server asked for a pause of %1 s: next sync)")
                                 .arg(std::chrono::duration_cast<std::chrono::seconds>(delay).count());
            break;
        }
        if (m_cancelled || std::chrono::steady_clock::now() + delay >= run.deadline || !waitFor(delay)) {
            break;
        }
    }
    return result;
}

// Waits for a free place in the window, then takes the next record; false when the run is over.
bool SyncEngine::takeNext(Run &run, qsizetype *index)
{
    std::unique_lock lock(run.mutex);
    const auto over = [&] {
        return run.stop || m_cancelled || run.next >= run.items.size() || std::chrono::steady_clock::now() >= run.deadline;
    };
    // Timed waits: a cancel() or the deadline must also wake a waiting worker.
    while (!over() && run.active >= int(run.window)) {
        run.slotFree.wait_for(lock, std::chrono::milliseconds(200));
    }
    if (over()) {
        if (!run.stop && !m_cancelled && run.next < run.items.size()) {
            run.stop = makeError(ErrorKind::Network, stopReason(run, {}));
        }
        return false;
    }
    *index = run.next++;
    ++run.active;
    return true;
}

// With run.mutex held.
void SyncEngine::adapt(Run &run, const RecordResult &result)
{
    --run.active;
    run.window = nextWindow(run.window, result, m_options.concurrency);
    run.slotFree.notify_all();
}

double SyncEngine::nextWindow(double window, const RecordResult &result, int most)
{
    most = std::max(1, most);
    if (result.noAnswer || result.httpStatus == 503 || result.httpStatus == 429) {
        return std::clamp(window / 2, 1.0, double(most));
    }
    if (result.outcome == SubmitOutcome::Transient) {
        return std::clamp(window, 1.0, double(most));
    }
    return std::clamp(window + 1.0 / std::max(1.0, window), 1.0, double(most));
}

QString SyncEngine::stopReason(const Run &run, const RecordResult &result) const
{
    if (std::chrono::steady_clock::now() >= run.deadline) {
        return QStringLiteral("the sync run reached its time limit of %1 s; the records not sent wait for the next sync")
            .arg(std::chrono::duration_cast<std::chrono::seconds>(m_options.runTimeLimit).count());
    }
    return QStringLiteral("the server stopped answering (%1): the link looks down, so the sync stopped; the "
                          "records not sent wait for the next sync")
        .arg(result.reason);
}

void SyncEngine::worker(Run &run, Transport &transport, const ServerInfo &server)
{
    OpenRosaClient client(transport, m_url, m_token);
    for (;;) {
        qsizetype index = 0;
        if (!takeNext(run, &index)) {
            return;
        }
        const OutboxItem &item = run.items.at(index);
        RecordResult result = sendOne(run, client, item, server);

        std::lock_guard lock(run.mutex);
        adapt(run, result);
        if (result.noAnswer && !run.stop) {
            run.stop = makeError(ErrorKind::Network, stopReason(run, result));
        }
        Status marked;
        switch (result.outcome) {
        case SubmitOutcome::Accepted: marked = run.outbox.markAccepted(item.instanceId); break;
        case SubmitOutcome::Conflict: marked = run.outbox.markConflict(item.instanceId, result.reason); break;
        case SubmitOutcome::DeletedOnServer:
            marked = run.outbox.markDeletedOnServer(item.instanceId, result.reason);
            break;
        case SubmitOutcome::Rejected: marked = run.outbox.markFailed(item.instanceId, result.reason); break;
        case SubmitOutcome::AuthRejected:
        case SubmitOutcome::Refused:
            run.stop = makeError(result.outcome == SubmitOutcome::AuthRejected ? ErrorKind::Permission
                                                                                : ErrorKind::Crypto,
                                 result.reason);
            [[fallthrough]];
        case SubmitOutcome::Transient:
            marked = run.outbox.markTransientFailure(item.instanceId, result.reason);
            break;
        }
        if (!marked) {
            // The server has it but the device could not note it: the record stays `sending`
            // and the next run resends identical bytes, which the server stores once.
            qCWarning(lcSync) << "record" << item.instanceId << "state not saved:" << marked.error().message;
        }
        if (m_log) {
            const Status logged = m_log->append({SyncLogEntry{QDateTime::currentDateTimeUtc(), SyncLogEntry::Event::Record,
                                                              result.instanceId, outcomeName(result.outcome),
                                                              result.httpStatus, result.attempts, result.reason}});
            if (!logged) {
                qCWarning(lcSync) << "sync log:" << logged.error().message;
            }
        }
        run.results[index] = std::move(result);
    }
}

SyncReport SyncEngine::run(Outbox &outbox)
{
    m_cancelled = false;
    SyncReport report;
    Result<QList<OutboxItem>> pending = outbox.pending();
    if (!pending) {
        report.stopped = pending.error();
        return report;
    }
    Run run{outbox, std::move(*pending), {}, {}, 0, {}, std::chrono::steady_clock::now() + m_options.runTimeLimit,
            double(std::clamp(m_options.initialConcurrency, 1, std::max(1, m_options.concurrency))), 0, {}};
    for (const OutboxItem &item : std::as_const(run.items)) {
        run.results.append(RecordResult{item.instanceId, SubmitOutcome::Transient, 0, 0, {}});
    }
    if (run.items.isEmpty()) {
        return report;
    }
    if (m_log) {
        (void)m_log->append({SyncLogEntry{QDateTime::currentDateTimeUtc(), SyncLogEntry::Event::RunStarted, {}, {}, 0, 0,
                                          QStringLiteral("%1 records to %2").arg(run.items.size()).arg(m_url.host())}});
    }

    std::unique_ptr<Transport> first = m_transports();
    first->setDeadline(run.deadline);
    Result<ServerInfo> server = OpenRosaClient(*first, m_url, m_token).head();
    if (!server) {
        run.stop = server.error();
    } else {
        const int workers = int(std::clamp<qsizetype>(m_options.concurrency, 1, run.items.size()));
        std::vector<std::unique_ptr<Transport>> transports;
        transports.push_back(std::move(first));
        while (int(transports.size()) < workers) {
            transports.push_back(m_transports());
            transports.back()->setDeadline(run.deadline);
        }
        std::vector<std::thread> threads;
        for (int i = 1; i < workers; ++i) {
            threads.emplace_back([&, i] { worker(run, *transports[size_t(i)], *server); });
        }
        worker(run, *transports[0], *server);
        for (std::thread &thread : threads) {
            thread.join();
        }
    }

    if (run.stop || m_cancelled) {
        const QString why = run.stop ? run.stop->message : QStringLiteral("sync was cancelled");
        for (RecordResult &result : run.results) {
            if (result.attempts == 0) {
                result.reason = QStringLiteral("not sent: ") + why;
                (void)outbox.markTransientFailure(result.instanceId, result.reason);
            }
        }
        report.stopped = run.stop ? *run.stop : makeError(ErrorKind::Network, why);
    }
    report.records = std::move(run.results);
    if (m_log) {
        QList<SyncLogEntry> entries;
        if (report.stopped) {
            for (const RecordResult &r : std::as_const(report.records)) {
                if (r.attempts == 0) {
                    entries.append({QDateTime::currentDateTimeUtc(), SyncLogEntry::Event::Record, r.instanceId,
                                    QStringLiteral("not-sent"), 0, 0, r.reason});
                }
            }
        }
        entries.append({QDateTime::currentDateTimeUtc(), SyncLogEntry::Event::RunFinished, {},
                        report.stopped ? QStringLiteral("stopped") : QStringLiteral("complete"), 0, 0,
                        QStringLiteral("%1 of %2 accepted%3")
                            .arg(report.count(SubmitOutcome::Accepted))
                            .arg(report.records.size())
                            .arg(report.stopped ? QStringLiteral(": ") + report.stopped->message : QString())});
        (void)m_log->append(entries);
    }
    qCInfo(lcSync) << "sync run:" << report.count(SubmitOutcome::Accepted) << "of" << report.records.size()
                   << "accepted";
    return report;
}

} // namespace chorus::sync
