// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExportSupport.h"

#include "WithdrawalScan.h"
#include "export/DecryptPipeline.h"
#include "export/PulledEnvelopes.h"

namespace chorus::cli
{

Status collectPulledWithdrawals(
    const crypto::KeyRing &ring, const QString &adminDir, int workers, consent::WithdrawalMatcher &matcher)
{
    exports::PulledEnvelopes envelopes(adminDir);
    if (Status s = envelopes.open(); !s)
        return s;
    exports::DecryptPipeline::Options options;
    options.workers = workers;
    options.verifySignature = false; // the second pass checks every record it writes
    auto counts = exports::DecryptPipeline::run(
        ring, [&] { return envelopes.next(); }, [](const response::Response &) { return Status {}; }, {}, options, {},
        {}, [&](const consent::WithdrawalRequest &request) { matcher.add(request); });
    if (!counts)
        return counts.error();
    return loadRecordedWithdrawals(adminDir, matcher);
}

} // namespace chorus::cli
