// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/DecryptPipeline.h"

#include "consent/WithdrawalSubmission.h"
#include "crypto/SecretBytes.h"
#include "response/SubmissionXml.h"

#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <variant>
#include <vector>

namespace chorus::exports
{

namespace
{

struct Failure {
    QString id;
    QString message;
};
// A response and, when the caller asked for it, the XML it was parsed from.
struct Opened {
    response::Response response;
    QByteArray xml;
};
using Outcome = std::variant<Opened, Failure, consent::WithdrawalRequest>;

// Shared state: envelopes waiting for a worker, outcomes waiting for their turn.
struct Queue {
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<std::pair<qint64, Result<Envelope>>> pending;
    std::map<qint64, Outcome> done;
    qint64 read = 0; // envelopes taken from the source
    qint64 emitted = 0; // outcomes handed to the sink
    bool sourceEnded = false;
    bool stop = false;
};

Outcome decrypt(const crypto::KeyRing &ring, const Result<Envelope> &input, bool verify, bool keepXml)
{
    if (!input)
        return Failure { QString(), input.error().message };
    const Envelope &envelope = *input;
    auto opened = ring.open(envelope.manifest, envelope.files, verify);
    if (!opened)
        return Failure { envelope.id, opened.error().message };
    if (verify && !opened->signatureValid)
        return Failure { opened->instanceId,
            QStringLiteral("its signature does not match its contents (altered or corrupt)") };
    if (consent::isWithdrawalSubmission(opened->xml)) {
        auto request = consent::parseWithdrawalSubmission(opened->xml);
        if (!request)
            return Failure { opened->instanceId, request.error().message };
        return std::move(*request);
    }
    auto parsed = response::SubmissionXml::parse(opened->xml);
    if (!parsed || !keepXml)
        opened->xml.fill('\0');
    if (!parsed)
        return Failure { opened->instanceId, parsed.error().message };
    return Opened { std::move(*parsed), keepXml ? std::move(opened->xml) : QByteArray() };
}

Result<DecryptPipeline::Counts> runPipeline(const crypto::KeyRing &ring, const DecryptPipeline::Source &source,
    const DecryptPipeline::PlaintextSink &sink, const DecryptPipeline::Failed &failed,
    const DecryptPipeline::Options &options, const DecryptPipeline::Withdrawn &withdrawn,
    const DecryptPipeline::Progress &progress, const DecryptPipeline::OnWithdrawalRequest &onRequest, bool keepXml)
{
    const qint64 window = std::max(options.window, 2 * std::max(options.workers, 1));
    Queue q;

    // The reader keeps at most `window` envelopes in flight.
    std::thread reader([&] {
        for (;;) {
            {
                std::unique_lock lock(q.mutex);
                q.changed.wait(lock, [&] { return q.stop || q.read - q.emitted < window; });
                if (q.stop)
                    return;
            }
            std::optional<Result<Envelope>> next = source();
            std::lock_guard lock(q.mutex);
            if (!next) {
                q.sourceEnded = true;
                q.changed.notify_all();
                return;
            }
            q.pending.emplace_back(q.read++, std::move(*next));
            q.changed.notify_all();
        }
    });

    std::vector<std::thread> workers;
    for (int w = 0; w < std::max(options.workers, 1); ++w) {
        workers.emplace_back([&] {
            for (;;) {
                std::unique_lock lock(q.mutex);
                q.changed.wait(lock, [&] { return q.stop || !q.pending.empty() || q.sourceEnded; });
                if (q.stop || (q.pending.empty() && q.sourceEnded))
                    return;
                auto [sequence, input] = std::move(q.pending.front());
                q.pending.pop_front();
                lock.unlock();
                Outcome outcome = decrypt(ring, input, options.verifySignature, keepXml);
                lock.lock();
                q.done.emplace(sequence, std::move(outcome));
                q.changed.notify_all();
            }
        });
    }

    DecryptPipeline::Counts counts;
    std::optional<Error> sinkError;
    auto cancelled = [&] { return options.cancel && options.cancel->load(std::memory_order_relaxed); };
    for (;;) {
        if (cancelled()) {
            counts.cancelled = true;
            break;
        }
        std::unique_lock lock(q.mutex);
        q.changed.wait(lock, [&] { return q.done.count(q.emitted) > 0 || (q.sourceEnded && q.emitted == q.read); });
        if (q.done.count(q.emitted) == 0)
            break; // everything read has been handed on
        Outcome outcome = std::move(q.done.at(q.emitted));
        q.done.erase(q.emitted);
        lock.unlock();

        if (auto *failure = std::get_if<Failure>(&outcome)) {
            ++counts.failed;
            if (failed)
                failed(failure->id, failure->message);
        } else if (auto *request = std::get_if<consent::WithdrawalRequest>(&outcome)) {
            ++counts.requests;
            if (onRequest)
                onRequest(*request);
        } else {
            Opened &opened = std::get<Opened>(outcome);
            if (withdrawn && withdrawn(opened.response)) {
                ++counts.withdrawn; // applied before anything is written
            } else if (Status s = sink(opened.response, opened.xml); !s) {
                sinkError = s.error();
            } else {
                ++counts.written;
            }
            crypto::wipe(opened.xml);
        }
        lock.lock();
        ++q.emitted;
        if (sinkError)
            q.stop = true;
        q.changed.notify_all();
        lock.unlock();
        if (progress)
            progress(counts.written + counts.failed + counts.withdrawn + counts.requests);
        if (sinkError)
            break;
    }
    {
        std::lock_guard lock(q.mutex);
        q.stop = true;
        q.changed.notify_all();
    }
    reader.join();
    for (std::thread &t : workers)
        t.join();
    if (sinkError)
        return *sinkError;
    return counts;
}

} // namespace

Result<DecryptPipeline::Counts> DecryptPipeline::run(const crypto::KeyRing &ring, const Source &source,
    const Sink &sink, const Failed &failed, const Options &options, const Withdrawn &withdrawn,
    const Progress &progress, const OnWithdrawalRequest &onRequest)
{
    return runPipeline(
        ring, source, [&](const response::Response &r, const QByteArray &) { return sink(r); }, failed, options,
        withdrawn, progress, onRequest, false);
}

Result<DecryptPipeline::Counts> DecryptPipeline::runWithPlaintext(const crypto::KeyRing &ring, const Source &source,
    const PlaintextSink &sink, const Failed &failed, const Options &options, const Withdrawn &withdrawn,
    const Progress &progress, const OnWithdrawalRequest &onRequest)
{
    return runPipeline(ring, source, sink, failed, options, withdrawn, progress, onRequest, true);
}

} // namespace chorus::exports
