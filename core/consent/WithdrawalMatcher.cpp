// SPDX-License-Identifier: GPL-3.0-or-later
#include "WithdrawalMatcher.h"

namespace chorus::consent {

namespace {
QString keyOf(const QString &surveyId, const QString &receiptCodeHash)
{
    return surveyId + u'\n' + receiptCodeHash;
}
} // namespace

WithdrawalMatcher::WithdrawalMatcher(const QList<WithdrawalRequest> &requests)
{
    for (const WithdrawalRequest &request : requests)
        add(request);
}

void WithdrawalMatcher::add(const WithdrawalRequest &request)
{
    // A person may ask twice (letter, then web): the first request is when they withdrew.
    const QString key = keyOf(request.surveyId, request.receiptCodeHash);
    auto it = m_requests.find(key);
    if (it == m_requests.end())
        m_requests.insert(key, request);
    else if (request.requestedAtUtc < it->requestedAtUtc)
        *it = request;
}

const WithdrawalRequest *WithdrawalMatcher::requestFor(const ConsentRecord &record) const
{
    auto it = m_requests.constFind(keyOf(record.surveyId, record.receiptCodeHash));
    return it == m_requests.cend() ? nullptr : &*it;
}

bool WithdrawalMatcher::isWithdrawn(const ConsentRecord &record) const
{
    return record.withdrawal.has_value() || requestFor(record) != nullptr;
}

ConsentRecord WithdrawalMatcher::withWithdrawal(const ConsentRecord &record) const
{
    ConsentRecord out = record;
    if (!out.withdrawal) {
        if (const WithdrawalRequest *request = requestFor(record))
            out.withdrawal = Withdrawal{request->requestedAtUtc, request->channel, {}};
    }
    return out;
}

} // namespace chorus::consent
