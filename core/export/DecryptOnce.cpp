// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/DecryptOnce.h"

#include "crypto/SecretBytes.h"
#include "export/SealedSpool.h"
#include "response/SubmissionXml.h"

namespace chorus::exports
{

Result<DecryptPipeline::Counts> DecryptOnce::run(
    const crypto::KeyRing &ring, const DecryptPipeline::Source &source, const DecryptPipeline::Sink &sink) const
{
    SealedSpool spool(spoolDirectory);
    if (Status s = spool.open(); !s)
        return s.error();
    auto first = DecryptPipeline::runWithPlaintext(
        ring, source, [&](const response::Response &, const QByteArray &xml) { return spool.append(xml); }, failed,
        options, {}, decrypting, onRequest);
    if (!first)
        return first.error();
    DecryptPipeline::Counts counts = *first;
    counts.written = 0;
    if (counts.cancelled)
        return counts;
    if (Status s = spool.rewind(); !s)
        return s.error();

    // Sequential: parsing and the spool's cipher cost microseconds against the milliseconds
    // of the RSA work the first pass spread over the workers.
    const qint64 before = counts.failed + counts.requests;
    auto cancelled = [&] { return options.cancel && options.cancel->load(std::memory_order_relaxed); };
    for (qint64 done = 0;; ++done) {
        if (cancelled()) {
            counts.cancelled = true;
            break;
        }
        auto entry = spool.next();
        if (!entry)
            break;
        if (!*entry)
            return entry->error();
        auto parsed = response::SubmissionXml::parse(**entry);
        crypto::wipe(**entry);
        if (!parsed)
            return makeError(ErrorKind::Internal, parsed.error().message); // it parsed in the first pass
        if (withdrawn && withdrawn(*parsed)) {
            ++counts.withdrawn;
        } else if (Status s = sink(*parsed); !s) {
            return s.error();
        } else {
            ++counts.written;
        }
        if (writing)
            writing(before + done + 1);
    }
    return counts;
}

} // namespace chorus::exports
