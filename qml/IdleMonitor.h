// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>

namespace chorus::ui {

// Watches for a respondent walking away from a kiosk. After `idleTimeout` without input it
// enters Warning ("Are you still there?") for `warningDuration` (never under 20 s, WCAG 2.2.1);
// any input during the warning extends, without limit. If the warning runs out it emits
// expired(), and the app wipes the answers and the draft. Assisted mode turns it off.
//
// Time comes from an injected clock and the periodic check is tick(), so tests drive it
// without waiting. Input is seen by an application-wide event filter (install()).
class IdleMonitor : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool enabled READ isEnabled WRITE setEnabled NOTIFY enabledChanged)
    Q_PROPERTY(bool switchedOff READ isSwitchedOff WRITE setSwitchedOff NOTIFY enabledChanged)
    Q_PROPERTY(bool warning READ isWarning NOTIFY warningChanged)
    Q_PROPERTY(int secondsRemaining READ secondsRemaining NOTIFY secondsRemainingChanged)
    Q_PROPERTY(int idleTimeoutSeconds READ idleTimeoutSeconds NOTIFY timeoutsChanged)
    Q_PROPERTY(int warningSeconds READ warningSeconds NOTIFY timeoutsChanged)
    Q_PROPERTY(int extensions READ extensions NOTIFY warningChanged)

public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;
    static constexpr std::chrono::seconds minimumWarning{20};

    explicit IdleMonitor(Clock clock = {}, QObject *parent = nullptr);

    // Warning durations below 20 s are raised to 20 s.
    void setTimeouts(std::chrono::milliseconds idle, std::chrono::milliseconds warning);
    std::chrono::milliseconds idleTimeout() const { return m_idle; }
    std::chrono::milliseconds warningDuration() const { return m_warning; }
    int idleTimeoutSeconds() const;
    int warningSeconds() const;

    // Enabled while a respondent's answers are on screen (the app decides).
    bool isEnabled() const { return m_enabled; }
    void setEnabled(bool enabled);
    // Assisted mode: an interviewer is present, so staff may switch the timeout off.
    bool isSwitchedOff() const { return m_switchedOff; }
    void setSwitchedOff(bool off);
    bool isWarning() const { return m_state == State::Warning; }
    int secondsRemaining() const { return m_secondsRemaining; }
    int extensions() const { return m_extensions; }

    // Watch every input event of the application (QGuiApplication).
    void install(QObject *application);
    // Starts the periodic tick (a real timer; tests call tick() themselves).
    void startTicking(std::chrono::milliseconds interval = std::chrono::milliseconds(250));

    // Input seen: restarts the idle period, and during the warning counts as "more time".
    Q_INVOKABLE void activity();
    // "I need more time".
    Q_INVOKABLE void extend();
    // Checks the clock; emits warning/expiry as due.
    void tick();

Q_SIGNALS:
    void enabledChanged();
    void warningChanged();
    void secondsRemainingChanged();
    void timeoutsChanged();
    // The warning ran out: wipe everything the respondent entered and show the welcome screen.
    void expired();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum class State { Idle, Warning };
    void restartIdle();
    void setState(State state);
    void updateRemaining(int seconds);

    Clock m_clock;
    QTimer m_ticker;
    std::chrono::milliseconds m_idle{std::chrono::seconds(90)};
    std::chrono::milliseconds m_warning{std::chrono::seconds(30)};
    std::chrono::steady_clock::time_point m_lastInput;
    std::chrono::steady_clock::time_point m_warningStarted;
    State m_state = State::Idle;
    bool m_enabled = false;
    bool m_switchedOff = false;
    int m_secondsRemaining = 0;
    int m_extensions = 0;
};

} // namespace chorus::ui
