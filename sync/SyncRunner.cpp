// SPDX-License-Identifier: GPL-3.0-or-later
#include "SyncRunner.h"

#include "SyncLogging.h"

#include <QNetworkInformation>
#include <QThread>

namespace chorus::sync {

SyncRunner::SyncRunner(std::unique_ptr<SyncEngine> engine, Outbox &outbox, QObject *parent)
    : QObject(parent)
    , m_engine(std::move(engine))
    , m_outbox(outbox)
{
    connect(&m_timer, &QTimer::timeout, this, &SyncRunner::syncNow);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &SyncRunner::syncNow);
}

std::chrono::milliseconds SyncRunner::retryDelay() const
{
    return m_retry.isActive() ? m_retry.intervalAsDuration() : std::chrono::milliseconds(0);
}

namespace {
// Worth trying again soon without a person: something transient is left in the queue.
bool worthRetrying(const SyncReport &report)
{
    if (report.stopped) {
        return report.stopped->isRetryable();
    }
    return report.count(SubmitOutcome::Transient) > 0;
}
} // namespace

SyncRunner::~SyncRunner()
{
    if (m_thread) {
        m_engine->cancel();
        m_thread->wait();
        delete m_thread;
    }
}

void SyncRunner::setInterval(std::chrono::milliseconds interval)
{
    if (interval.count() <= 0) {
        m_timer.stop();
        return;
    }
    m_timer.start(interval);
}

bool SyncRunner::watchNetwork()
{
    // The platform's default (NetworkManager on Linux), else any backend that reports
    // reachability (glib's monitor works without NetworkManager).
    const bool loaded = QNetworkInformation::loadDefaultBackend()
                        || QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability);
    if (!loaded || !QNetworkInformation::instance()) {
        qCInfo(lcSync) << "no network information backend: sync on the timer and on demand only";
        return false;
    }
    connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
            [this](QNetworkInformation::Reachability reachability) {
                if (reachability == QNetworkInformation::Reachability::Online) {
                    syncNow();
                }
            });
    return true;
}

void SyncRunner::syncNow()
{
    if (m_thread) {
        m_again = true;
        return;
    }
    m_cancelled = false;
    m_thread = QThread::create([this] { m_pendingReport = m_engine->run(m_outbox); });
    connect(m_thread, &QThread::finished, this, &SyncRunner::onRunDone, Qt::QueuedConnection);
    m_thread->start();
    Q_EMIT runningChanged();
}

void SyncRunner::cancel()
{
    m_again = false;
    m_cancelled = true;
    m_retry.stop();
    m_engine->cancel();
}

void SyncRunner::onRunDone()
{
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_lastReport = std::move(m_pendingReport);
    m_retry.stop();
    if (!m_cancelled && worthRetrying(m_lastReport)) {
        m_retry.start(m_backoff.next());
        qCInfo(lcSync) << "records left queued: next try in" << m_retry.interval() << "ms";
    } else {
        m_backoff.reset();
    }
    Q_EMIT runningChanged();
    Q_EMIT finished();
    if (m_again) {
        m_again = false;
        syncNow();
    }
}

} // namespace chorus::sync
