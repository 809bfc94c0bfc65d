// SPDX-License-Identifier: GPL-3.0-or-later
#include "MemoryOutbox.h"

namespace chorus::sync {

QString stateName(MemoryOutbox::State state)
{
    switch (state) {
    case MemoryOutbox::State::Queued: return QStringLiteral("queued");
    case MemoryOutbox::State::Sending: return QStringLiteral("sending");
    case MemoryOutbox::State::Accepted: return QStringLiteral("accepted");
    case MemoryOutbox::State::Conflict: return QStringLiteral("conflict");
    case MemoryOutbox::State::DeletedOnServer: return QStringLiteral("deleted-on-server");
    case MemoryOutbox::State::Failed: return QStringLiteral("failed");
    case MemoryOutbox::State::TransientFailure: return QStringLiteral("transient-failure");
    }
    return {};
}

void MemoryOutbox::add(OutboxItem item)
{
    std::lock_guard lock(m_mutex);
    m_states.insert(item.instanceId, State::Queued);
    m_items.append(std::move(item));
}

Result<QList<OutboxItem>> MemoryOutbox::pending()
{
    std::lock_guard lock(m_mutex);
    QList<OutboxItem> out;
    for (const OutboxItem &item : std::as_const(m_items)) {
        const State s = m_states.value(item.instanceId);
        if (s == State::Queued || s == State::Sending || s == State::TransientFailure) {
            out.append(item);
        }
    }
    return out;
}

Status MemoryOutbox::set(const QString &instanceId, State state, const QString &reason)
{
    std::lock_guard lock(m_mutex);
    if (!m_states.contains(instanceId)) {
        return makeError(ErrorKind::NotFound, QStringLiteral("no outbox record %1").arg(instanceId));
    }
    m_states.insert(instanceId, state);
    m_reasons.insert(instanceId, reason);
    m_history.append(instanceId + QLatin1Char(' ') + stateName(state));
    return {};
}

Status MemoryOutbox::markSending(const QString &id) { return set(id, State::Sending); }
Status MemoryOutbox::markAccepted(const QString &id) { return set(id, State::Accepted); }
Status MemoryOutbox::markConflict(const QString &id, const QString &r) { return set(id, State::Conflict, r); }
Status MemoryOutbox::markDeletedOnServer(const QString &id, const QString &r)
{
    return set(id, State::DeletedOnServer, r);
}
Status MemoryOutbox::markFailed(const QString &id, const QString &r) { return set(id, State::Failed, r); }
Status MemoryOutbox::markTransientFailure(const QString &id, const QString &r)
{
    return set(id, State::TransientFailure, r);
}

MemoryOutbox::State MemoryOutbox::state(const QString &instanceId) const
{
    std::lock_guard lock(m_mutex);
    return m_states.value(instanceId, State::Queued);
}

QString MemoryOutbox::reason(const QString &instanceId) const
{
    std::lock_guard lock(m_mutex);
    return m_reasons.value(instanceId);
}

QStringList MemoryOutbox::history() const
{
    std::lock_guard lock(m_mutex);
    return m_history;
}

} // namespace chorus::sync
