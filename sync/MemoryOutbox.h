// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Outbox.h"

#include <QHash>
#include <QStringList>

#include <mutex>

namespace chorus::sync {

// The outbox as a list in memory: for tests and for `chorusctl sync` runs fed from files.
// Thread-safe, because the engine may call it from several upload workers at once.
class MemoryOutbox : public Outbox
{
public:
    enum class State { Queued, Sending, Accepted, Conflict, DeletedOnServer, Failed, TransientFailure };

    void add(OutboxItem item);

    Result<QList<OutboxItem>> pending() override;
    Status markSending(const QString &instanceId) override;
    Status markAccepted(const QString &instanceId) override;
    Status markConflict(const QString &instanceId, const QString &reason) override;
    Status markDeletedOnServer(const QString &instanceId, const QString &reason) override;
    Status markFailed(const QString &instanceId, const QString &reason) override;
    Status markTransientFailure(const QString &instanceId, const QString &reason) override;

    State state(const QString &instanceId) const;
    QString reason(const QString &instanceId) const;
    // Every state change in order ("uuid:1 sending"), so tests can check sending precedes the POST.
    QStringList history() const;

private:
    Status set(const QString &instanceId, State state, const QString &reason = {});

    mutable std::mutex m_mutex;
    QList<OutboxItem> m_items;
    QHash<QString, State> m_states;
    QHash<QString, QString> m_reasons;
    QStringList m_history;
};

QString stateName(MemoryOutbox::State state);

} // namespace chorus::sync
