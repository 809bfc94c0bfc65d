// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/DecryptPipeline.h"

namespace chorus::exports
{

// Export and report must know every sealed withdrawal request before they write a record, and
// a request may come after the response it withdraws. Each envelope is decrypted and its
// signature checked once (two RSA private operations): the first pass hands withdrawal
// requests to `onRequest` and seals each response's plaintext into a SealedSpool in
// `spoolDirectory`; the second pass reads the spool back (symmetric crypto only), drops what
// `withdrawn` says is withdrawn and hands the rest to `sink` in input order. Memory is bounded
// by the pipeline's window whatever the number of records; the spool takes about the
// plaintext's size on disk and is removed at the end.
struct DecryptOnce {
    DecryptPipeline::Options options;
    QString spoolDirectory;
    DecryptPipeline::Failed failed;
    DecryptPipeline::OnWithdrawalRequest onRequest;
    DecryptPipeline::Withdrawn withdrawn; // asked in the second pass, once every request is known
    DecryptPipeline::Progress decrypting; // first pass: envelopes done
    DecryptPipeline::Progress writing; // second pass: envelopes done, counting the first pass's failures

    Result<DecryptPipeline::Counts> run(
        const crypto::KeyRing &ring, const DecryptPipeline::Source &source, const DecryptPipeline::Sink &sink) const;
};

} // namespace chorus::exports
