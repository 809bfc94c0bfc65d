// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The QtQuickTest suites' own handles, registered declaratively in the module Chorus.Test:
// `import Chorus.Test` gives TestClock (moves the idle monitor's clock) and TestSurvey (loads
// test surveys, reads back what was submitted). tst_qml.cpp injects the instances.

#include "IdleMonitor.h"
#include "QmlServices.h"
#include "TestSurvey.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

#include <chrono>

// The test's hand on the idle clock: advance(ms) moves time and lets the monitor look.
class TestClock : public QObject
{
    Q_OBJECT

public:
    explicit TestClock(chorus::ui::IdleMonitor *idle) : m_idle(idle) {}
    std::chrono::steady_clock::time_point now() const { return m_now; }
    Q_INVOKABLE void advance(int milliseconds)
    {
        m_now += std::chrono::milliseconds(milliseconds);
        m_idle->tick();
    }
    void setMonitor(chorus::ui::IdleMonitor *idle) { m_idle = idle; }

private:
    chorus::ui::IdleMonitor *m_idle;
    std::chrono::steady_clock::time_point m_now{};
};

struct TestClockSingleton : chorus::ui::InjectedSingleton<TestClock> {
    Q_GADGET
    QML_FOREIGN(TestClock)
    QML_NAMED_ELEMENT(TestClock)
    QML_SINGLETON
};

struct TestSurveySingleton : chorus::ui::InjectedSingleton<TestSurvey> {
    Q_GADGET
    QML_FOREIGN(TestSurvey)
    QML_NAMED_ELEMENT(TestSurvey)
    QML_SINGLETON
};
