// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreOutbox.h"

#include "store/ResponseRepository.h"

namespace chorus::sync {

namespace {
// One sync run takes at most this many records; the next run takes the rest.
constexpr int kMaxRecordsPerRun = 100000;
}

StoreOutbox::StoreOutbox(store::ResponseRepository &responses)
    : m_responses(responses)
{
}

Result<QList<OutboxItem>> StoreOutbox::pending()
{
    auto queued = m_responses.queued(kMaxRecordsPerRun);
    if (!queued) {
        return queued.error();
    }
    QList<OutboxItem> items;
    items.reserve(queued->size());
    for (const store::StoredResponse &stored : std::as_const(*queued)) {
        items.append(OutboxItem{stored.envelope.instanceId, stored.envelope.manifest, stored.envelope.encryptedFiles});
    }
    return items;
}

Status StoreOutbox::markSending(const QString &instanceId)
{
    return m_responses.markSending(instanceId);
}

Status StoreOutbox::markAccepted(const QString &instanceId)
{
    return m_responses.markAccepted(instanceId);
}

Status StoreOutbox::markConflict(const QString &instanceId, const QString &reason)
{
    return m_responses.markConflict(instanceId, reason);
}

Status StoreOutbox::markDeletedOnServer(const QString &instanceId, const QString &reason)
{
    return m_responses.markDeletedOnServer(instanceId, reason);
}

Status StoreOutbox::markFailed(const QString &instanceId, const QString &reason)
{
    return m_responses.markFailed(instanceId, reason);
}

Status StoreOutbox::markTransientFailure(const QString &instanceId, const QString &reason)
{
    return m_responses.markTransientFailure(instanceId, reason);
}

} // namespace chorus::sync
