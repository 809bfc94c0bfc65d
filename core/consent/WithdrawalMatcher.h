// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ConsentRecord.h"
#include "WithdrawalRequest.h"

#include <QHash>
#include <QList>

namespace chorus::consent {

// Decides which decrypted records are withdrawn, for export, the equality report and
// `chorusctl withdrawals apply`. A record is withdrawn when its own record says so (it was
// withdrawn on the device after sealing) or a request names its survey and receipt hash.
// Pure and in memory: requests are few (one per person who asked), records stream past.
class WithdrawalMatcher
{
public:
    WithdrawalMatcher() = default;
    explicit WithdrawalMatcher(const QList<WithdrawalRequest> &requests);

    void add(const WithdrawalRequest &request);

    // The earliest request that withdraws `record`, or nullptr if none does.
    const WithdrawalRequest *requestFor(const ConsentRecord &record) const;
    bool isWithdrawn(const ConsentRecord &record) const;

    // `record` with its withdrawal fields filled from the matching request (if it has none yet):
    // what an audit or a re-export should show.
    ConsentRecord withWithdrawal(const ConsentRecord &record) const;

    int requestCount() const { return int(m_requests.size()); }

private:
    QHash<QString, WithdrawalRequest> m_requests; // key: survey id + '\n' + receipt hash
};

} // namespace chorus::consent
