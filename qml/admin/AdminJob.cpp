// SPDX-License-Identifier: GPL-3.0-or-later
#include "AdminJob.h"

#include <QMetaObject>
#include <QPointer>

namespace chorus::admin
{

namespace
{
constexpr auto kReportEvery = std::chrono::milliseconds(100);
}

AdminJob::AdminJob(QObject *parent) : QObject(parent) {}

AdminJob::~AdminJob()
{
    m_cancel = true;
    wait();
}

void AdminJob::wait()
{
    if (m_worker.joinable())
        m_worker.join();
}

void AdminJob::cancel()
{
    if (m_running)
        m_cancel = true;
}

QString AdminJob::stageWords(cli::OperationStage stage, qint64 done, qint64 total)
{
    switch (stage) {
    case cli::OperationStage::Downloading:
        return tr("Downloading: %n request(s) to the receiver so far", "", int(done));
    case cli::OperationStage::CheckingWithdrawals:
        return tr("Looking for withdrawal requests: %1 of %2 submissions").arg(done).arg(total);
    case cli::OperationStage::Decrypting:
        return tr("Decrypting: %1 of %2 submissions").arg(done).arg(total);
    }
    return {};
}

void AdminJob::report(cli::OperationStage stage, qint64 done, qint64 total)
{
    {
        // Tens of thousands of records must not become tens of thousands of queued events.
        std::lock_guard lock(m_throttleMutex);
        const auto now = std::chrono::steady_clock::now();
        if (now - m_lastReport < kReportEvery && !(total > 0 && done >= total))
            return;
        m_lastReport = now;
    }
    const double fraction = total > 0 ? double(done) / double(total) : -1.0;
    const QString words = stageWords(stage, done, total);
    QMetaObject::invokeMethod(
        this,
        [this, fraction, words] {
            m_progress = fraction;
            m_progressText = words;
            Q_EMIT progressChanged();
        },
        Qt::QueuedConnection);
}

bool AdminJob::launch(Work work)
{
    if (m_running) {
        failNow(tr("Another task is still running. Wait for it to finish or cancel it."));
        return false;
    }
    wait();
    m_cancel = false;
    m_running = true;
    m_progress = -1;
    m_progressText = tr("Starting…");
    m_error.clear();
    m_summary.clear();
    m_cancelled = false;
    Q_EMIT runningChanged();
    Q_EMIT progressChanged();
    m_worker = std::thread([this, work = std::move(work)] {
        cli::OperationControl control;
        control.cancel = &m_cancel;
        control.progress = [this](cli::OperationStage stage, qint64 done, qint64 total) {
            report(stage, done, total);
        };
        Completion completion = work(control);
        QMetaObject::invokeMethod(
            this, [this, completion = std::move(completion)]() mutable { complete(std::move(completion)); },
            Qt::QueuedConnection);
    });
    return true;
}

void AdminJob::failNow(const QString &message)
{
    m_error = message;
    m_summary.clear();
    m_cancelled = false;
    Q_EMIT finished();
}

void AdminJob::complete(Completion completion)
{
    wait();
    if (completion.apply)
        completion.apply();
    m_running = false;
    m_progress = completion.error.isEmpty() && !completion.cancelled ? 1.0 : m_progress;
    m_progressText.clear();
    m_error = completion.error;
    m_summary = completion.summary;
    m_cancelled = completion.cancelled;
    Q_EMIT runningChanged();
    Q_EMIT progressChanged();
    Q_EMIT finished();
}

} // namespace chorus::admin
