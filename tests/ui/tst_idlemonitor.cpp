// SPDX-License-Identifier: GPL-3.0-or-later
#include "IdleMonitor.h"

#include <QKeyEvent>
#include <QSignalSpy>
#include <QTest>

using namespace std::chrono;
using chorus::ui::IdleMonitor;

namespace {
// A clock the test moves by hand.
struct FakeClock {
    steady_clock::time_point now{};
    IdleMonitor::Clock function()
    {
        return [this] { return now; };
    }
};
} // namespace

class TstIdleMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tick_beforeIdleTimeout_doesNotWarn()
    {
        FakeClock clock;
        IdleMonitor idle(clock.function());
        idle.setTimeouts(seconds(90), seconds(30));
        idle.setEnabled(true);
        clock.now += seconds(89);
        idle.tick();
        QVERIFY(!idle.isWarning());
    }

    void tick_afterIdleTimeout_warnsWithFullCountdown()
    {
        FakeClock clock;
        IdleMonitor idle(clock.function());
        idle.setTimeouts(seconds(90), seconds(30));
        idle.setEnabled(true);
        QSignalSpy warning(&idle, &IdleMonitor::warningChanged);
        clock.now += seconds(90);
        idle.tick();
        QVERIFY(idle.isWarning());
        QCOMPARE(warning.count(), 1);
        QCOMPARE(idle.secondsRemaining(), 30);
        clock.now += milliseconds(10500);
        idle.tick();
        QCOMPARE(idle.secondsRemaining(), 20);
    }

    void setTimeouts_warningUnderTwentySeconds_isRaisedToTwenty()
    {
        IdleMonitor idle;
        idle.setTimeouts(seconds(10), seconds(5));
        QCOMPARE(idle.warningSeconds(), 20);
        QCOMPARE(idle.idleTimeoutSeconds(), 10);
    }

    void warning_runsOut_emitsExpiredOnceAndStartsAgain()
    {
        FakeClock clock;
        IdleMonitor idle(clock.function());
        idle.setTimeouts(seconds(30), seconds(20));
        idle.setEnabled(true);
        QSignalSpy expired(&idle, &IdleMonitor::expired);
        clock.now += seconds(30);
        idle.tick();
        clock.now += milliseconds(19999);
        idle.tick();
        QCOMPARE(expired.count(), 0);
        clock.now += milliseconds(1);
        idle.tick();
        QCOMPARE(expired.count(), 1);
        QVERIFY(!idle.isWarning());
        idle.tick();
        QCOMPARE(expired.count(), 1);
    }

    void anyInputDuringWarning_extends_withoutLimit()
    {
        FakeClock clock;
        IdleMonitor idle(clock.function());
        idle.setTimeouts(seconds(30), seconds(20));
        idle.setEnabled(true);
        QSignalSpy expired(&idle, &IdleMonitor::expired);
        for (int round = 1; round <= 25; ++round) {
            clock.now += seconds(30);
            idle.tick();
            QVERIFY(idle.isWarning());
            clock.now += seconds(19);
            idle.tick();
            if (round % 2 == 0) {
                idle.extend(); // "I need more time"
            } else {
                idle.activity(); // any tap or key
            }
            QVERIFY(!idle.isWarning());
            QCOMPARE(idle.extensions(), round);
        }
        QCOMPARE(expired.count(), 0);
    }

    void installedFilter_seesKeyPressAsActivity()
    {
        FakeClock clock;
        IdleMonitor idle(clock.function());
        idle.setTimeouts(seconds(30), seconds(20));
        idle.setEnabled(true);
        QObject watched;
        idle.install(&watched);
        clock.now += seconds(25);
        QKeyEvent key(QEvent::KeyPress, Qt::Key_Space, Qt::NoModifier);
        QCoreApplication::sendEvent(&watched, &key);
        clock.now += seconds(25);
        idle.tick();
        QVERIFY(!idle.isWarning());
        clock.now += seconds(5);
        idle.tick();
        QVERIFY(idle.isWarning());
    }

    void disabledOrSwitchedOff_neverWarns()
    {
        FakeClock clock;
        IdleMonitor idle(clock.function());
        idle.setTimeouts(seconds(30), seconds(20));
        clock.now += hours(1);
        idle.tick();
        QVERIFY(!idle.isWarning());

        idle.setEnabled(true);
        idle.setSwitchedOff(true); // assisted mode
        clock.now += hours(1);
        idle.tick();
        QVERIFY(!idle.isWarning());
    }

    void enabling_startsTheIdlePeriodAfresh()
    {
        FakeClock clock;
        IdleMonitor idle(clock.function());
        idle.setTimeouts(seconds(30), seconds(20));
        clock.now += hours(1);
        idle.setEnabled(true);
        idle.tick();
        QVERIFY(!idle.isWarning());
    }
};

QTEST_GUILESS_MAIN(TstIdleMonitor)
#include "tst_idlemonitor.moc"
