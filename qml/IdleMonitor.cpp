// SPDX-License-Identifier: GPL-3.0-or-later
#include "IdleMonitor.h"

#include <QEvent>

#include <algorithm>

namespace chorus::ui {

using namespace std::chrono;

namespace {
int ceilSeconds(milliseconds ms)
{
    return static_cast<int>((ms.count() + 999) / 1000);
}
} // namespace

IdleMonitor::IdleMonitor(Clock clock, QObject *parent)
    : QObject(parent), m_clock(clock ? std::move(clock) : Clock([] { return steady_clock::now(); }))
{
    m_lastInput = m_clock();
    connect(&m_ticker, &QTimer::timeout, this, &IdleMonitor::tick);
}

void IdleMonitor::setTimeouts(milliseconds idle, milliseconds warning)
{
    m_idle = std::max(idle, milliseconds(1));
    m_warning = std::max<milliseconds>(warning, minimumWarning);
    restartIdle();
    Q_EMIT timeoutsChanged();
}

int IdleMonitor::idleTimeoutSeconds() const
{
    return ceilSeconds(m_idle);
}

int IdleMonitor::warningSeconds() const
{
    return ceilSeconds(m_warning);
}

void IdleMonitor::setEnabled(bool enabled)
{
    if (enabled == m_enabled) {
        return;
    }
    m_enabled = enabled;
    restartIdle();
    setState(State::Idle);
    Q_EMIT enabledChanged();
}

void IdleMonitor::setSwitchedOff(bool off)
{
    if (off == m_switchedOff) {
        return;
    }
    m_switchedOff = off;
    restartIdle();
    setState(State::Idle);
    Q_EMIT enabledChanged();
}

void IdleMonitor::install(QObject *application)
{
    application->installEventFilter(this);
}

void IdleMonitor::startTicking(milliseconds interval)
{
    m_ticker.start(interval);
}

void IdleMonitor::activity()
{
    if (m_state == State::Warning) {
        extend();
        return;
    }
    restartIdle();
}

void IdleMonitor::extend()
{
    if (m_state == State::Warning) {
        ++m_extensions;
    }
    restartIdle();
    setState(State::Idle);
}

void IdleMonitor::tick()
{
    if (!m_enabled || m_switchedOff) {
        return;
    }
    const auto now = m_clock();
    if (m_state == State::Idle) {
        if (now - m_lastInput < m_idle) {
            return;
        }
        m_warningStarted = now;
        updateRemaining(ceilSeconds(m_warning));
        setState(State::Warning);
        return;
    }
    const auto left = duration_cast<milliseconds>(m_warning - (now - m_warningStarted));
    if (left > milliseconds::zero()) {
        updateRemaining(ceilSeconds(left));
        return;
    }
    updateRemaining(0);
    m_extensions = 0;
    restartIdle();
    setState(State::Idle);
    Q_EMIT expired();
}

bool IdleMonitor::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::TouchBegin:
    case QEvent::KeyPress:
    case QEvent::Wheel:
    case QEvent::TabletPress:
        activity();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void IdleMonitor::restartIdle()
{
    m_lastInput = m_clock();
}

void IdleMonitor::setState(State state)
{
    if (state == m_state) {
        return;
    }
    m_state = state;
    Q_EMIT warningChanged();
}

void IdleMonitor::updateRemaining(int seconds)
{
    if (seconds == m_secondsRemaining) {
        return;
    }
    m_secondsRemaining = seconds;
    Q_EMIT secondsRemainingChanged();
}

} // namespace chorus::ui
