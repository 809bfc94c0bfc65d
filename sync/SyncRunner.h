// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SyncEngine.h"

#include <QObject>
#include <QTimer>

#include <chrono>
#include <memory>

class QThread;

namespace chorus::sync {

// Runs SyncEngine off the calling (UI) thread and says when it is done. Triggers: syncNow()
// (the person taps "Send"), the network coming back (QNetworkInformation, where the platform
// has a backend) and a timer. A trigger during a run is remembered and starts one more run
// afterwards, so nothing queued during a run waits for the next trigger.
//
// The outbox and the log are called from the worker thread(s): they must be thread-safe.
class SyncRunner : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool running READ isRunning NOTIFY runningChanged)

public:
    SyncRunner(std::unique_ptr<SyncEngine> engine, Outbox &outbox, QObject *parent = nullptr);
    ~SyncRunner() override;

    bool isRunning() const { return m_thread != nullptr; }
    const SyncReport &lastReport() const { return m_lastReport; }

    // 0 turns the timer off.
    void setInterval(std::chrono::milliseconds interval);
    // Syncs when the network becomes reachable. False when no QNetworkInformation backend can be
    // loaded: then only the timer and syncNow() trigger runs.
    bool watchNetwork();

    // After a run that left records queued for a transient reason (network down, server busy),
    // another run is scheduled after an exponential, jittered delay; a clean run resets it.
    // Auth and TLS refusals are not retried: they need a person.
    void setRetryBackoff(Backoff backoff) { m_backoff = std::move(backoff); }
    // The delay of the scheduled retry, or 0 when none is scheduled.
    std::chrono::milliseconds retryDelay() const;

    Q_INVOKABLE void syncNow();
    // Stops after the uploads in flight; the records not tried stay queued.
    Q_INVOKABLE void cancel();

Q_SIGNALS:
    void runningChanged();
    void finished(); // lastReport() holds the result

private:
    void onRunDone();

    std::unique_ptr<SyncEngine> m_engine;
    Outbox &m_outbox;
    QThread *m_thread = nullptr;
    SyncReport m_lastReport;
    SyncReport m_pendingReport;
    bool m_again = false;
    bool m_cancelled = false; // by a person: no automatic retry until the next trigger
    QTimer m_timer;
    QTimer m_retry;
    Backoff m_backoff{std::chrono::seconds(30), std::chrono::minutes(30)};
};

} // namespace chorus::sync
