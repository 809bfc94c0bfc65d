// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/FilePart.h"
#include "common/Result.h"
#include "consent/WithdrawalRequest.h"
#include "crypto/KeyRing.h"
#include "response/Response.h"

#include <QString>

#include <atomic>
#include <functional>
#include <optional>

namespace chorus::exports
{

// One encrypted submission as pulled: its manifest (submission.xml) and encrypted parts.
struct Envelope {
    QString id; // where it came from (directory name), for messages when the manifest is unreadable
    QByteArray manifest;
    FileParts files;
};

// Decrypts a stream of envelopes on worker threads and hands the responses, in input order, to
// a sink on the calling thread (writers are not thread-safe and keep their file order).
// Memory is bounded: at most `window` envelopes are read, decrypting or waiting to be written at
// any time, whatever the number of records. A wrong key, a bad signature or a corrupt record is
// reported through `failed` with its instanceID (or envelope id) and the run continues.
class DecryptPipeline
{
public:
    struct Options {
        int workers = 2;
        int window = 64;
        bool verifySignature = true;
        // Checked between records: once set, no more envelopes are read, the ones in flight
        // are dropped unwritten and run() returns the counts so far with `cancelled` set.
        const std::atomic<bool> *cancel = nullptr;
    };
    struct Counts {
        qint64 written = 0;
        qint64 failed = 0;
        qint64 withdrawn = 0;
        qint64 requests = 0; // withdrawal requests met in the stream
        bool cancelled = false;
    };

    using Source = std::function<std::optional<Result<Envelope>>()>; // nullopt: no more
    using Sink = std::function<Status(const response::Response &)>;
    using Failed = std::function<void(const QString &id, const QString &message)>;
    // Decides, before anything is written, whether a response has been withdrawn.
    using Withdrawn = std::function<bool(const response::Response &)>;
    // Withdrawal requests travel sealed like responses; they are handed here, never to the sink.
    using OnWithdrawalRequest = std::function<void(const consent::WithdrawalRequest &)>;
    using Progress = std::function<void(qint64 done)>;

    // The same, with the decrypted submission XML the response was parsed from (wiped after
    // the sink returns): for a caller that keeps the plaintext for a later pass (DecryptOnce).
    using PlaintextSink = std::function<Status(const response::Response &, const QByteArray &xml)>;

    // Runs to the end of `source`. Returns the counts, or the sink's first error (which stops
    // the run: a full disk is not a per-record problem).
    static Result<Counts> run(const crypto::KeyRing &ring, const Source &source, const Sink &sink, const Failed &failed,
        const Options &options, const Withdrawn &withdrawn = {}, const Progress &progress = {},
        const OnWithdrawalRequest &onRequest = {});
    static Result<Counts> runWithPlaintext(const crypto::KeyRing &ring, const Source &source,
        const PlaintextSink &sink, const Failed &failed, const Options &options, const Withdrawn &withdrawn = {},
        const Progress &progress = {}, const OnWithdrawalRequest &onRequest = {});
};

} // namespace chorus::exports
