// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AdminOperations.h"

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <thread>

namespace chorus::admin
{

// One long admin operation at a time, on a worker thread, so the window stays responsive:
// progress (throttled, in words a screen reader can read), cancellation, and a single
// finished() with either a summary or an error. The page models derive from it and turn the
// operation's result into properties on the GUI thread. They name it in full
// (`public chorus::admin::AdminJob`): Qt 6.4's qmltyperegistrar finds a base class only by its
// qualified name, and qmllint cannot check `running` and the rest on a page model without it.
class AdminJob : public QObject
{
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged) // 0..1; -1 while unknown
    Q_PROPERTY(QString progressText READ progressText NOTIFY progressChanged)
    Q_PROPERTY(QString error READ error NOTIFY finished)
    Q_PROPERTY(QString summary READ summary NOTIFY finished)
    Q_PROPERTY(bool cancelled READ cancelled NOTIFY finished)

public:
    explicit AdminJob(QObject *parent = nullptr);
    ~AdminJob() override;

    bool running() const { return m_running; }
    double progress() const { return m_progress; }
    QString progressText() const { return m_progressText; }
    QString error() const { return m_error; }
    QString summary() const { return m_summary; }
    bool cancelled() const { return m_cancelled; }

    // Asks the operation to stop at the next record or request.
    Q_INVOKABLE void cancel();
    // Waits for the worker (tests, and the window closing).
    void wait();

Q_SIGNALS:
    void runningChanged();
    void progressChanged();
    void finished();

protected:
    // The completion runs on the GUI thread: it sets the model's properties, then the job
    // sets summary/error and emits finished().
    struct Completion {
        QString summary;
        QString error;
        bool cancelled = false;
        std::function<void()> apply;
    };
    using Work = std::function<Completion(const cli::OperationControl &control)>;

    // Starts `work` on the worker thread; refuses (with an error) while another run is going.
    bool launch(Work work);
    // Fails at once without starting (a field is missing): same signals as a failed run.
    void failNow(const QString &message);
    static QString stageWords(cli::OperationStage stage, qint64 done, qint64 total);

private:
    void report(cli::OperationStage stage, qint64 done, qint64 total);
    void complete(Completion completion);

    std::thread m_worker;
    std::atomic<bool> m_cancel { false };
    std::mutex m_throttleMutex;
    std::chrono::steady_clock::time_point m_lastReport {};
    bool m_running = false;
    double m_progress = 0;
    QString m_progressText;
    QString m_error;
    QString m_summary;
    bool m_cancelled = false;
};

} // namespace chorus::admin
