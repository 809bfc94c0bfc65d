// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Outbox.h"

namespace chorus::store {
class ResponseRepository;
}

namespace chorus::sync {

// The sync engine's outbox over the device store. The outbox is a query on the response
// lifecycle (DESIGN.md §4), not a separate list: pending() is ResponseRepository::queued() and
// every mark goes through the store's status machine.
class StoreOutbox : public Outbox
{
public:
    explicit StoreOutbox(store::ResponseRepository &responses);

    Result<QList<OutboxItem>> pending() override;
    Status markSending(const QString &instanceId) override;
    Status markAccepted(const QString &instanceId) override;
    Status markConflict(const QString &instanceId, const QString &reason) override;
    Status markDeletedOnServer(const QString &instanceId, const QString &reason) override;
    Status markFailed(const QString &instanceId, const QString &reason) override;
    Status markTransientFailure(const QString &instanceId, const QString &reason) override;

private:
    store::ResponseRepository &m_responses;
};

} // namespace chorus::sync
