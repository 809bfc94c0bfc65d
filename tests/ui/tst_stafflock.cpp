// SPDX-License-Identifier: GPL-3.0-or-later
#include "StaffLock.h"
#include "StaffPin.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace std::chrono;
using chorus::ui::StaffLock;
namespace StaffPin = chorus::platform::StaffPin;

class TstStaffLock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hash_isArgon2idAndVerifiesOnlyTheSamePin()
    {
        const auto hashed = StaffPin::hash(QStringLiteral("482913"));
        QVERIFY(hashed.ok());
        QVERIFY(hashed->startsWith("$argon2id$"));
        QVERIFY(StaffPin::verify(QStringLiteral("482913"), *hashed));
        QVERIFY(!StaffPin::verify(QStringLiteral("482914"), *hashed));
        QVERIFY(!StaffPin::verify(QStringLiteral("482913"), QByteArray("$argon2id$garbage")));
        QVERIFY(!StaffPin::verify(QStringLiteral("482913"), QByteArray()));
    }

    void validate_refusesShortLongAndNonDigitPins()
    {
        QVERIFY(!StaffPin::validate(QStringLiteral("123")).ok());
        QVERIFY(!StaffPin::validate(QStringLiteral("1234567890123")).ok());
        QVERIFY(!StaffPin::validate(QStringLiteral("12a4")).ok());
        QVERIFY(StaffPin::validate(QStringLiteral("1234")).ok());
    }

    void setPin_storesOnlyTheHash()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("kiosk.ini"));
        StaffLock lock(file);
        QVERIFY(!lock.hasPin());
        QVERIFY(lock.setPin(QStringLiteral("739164")));
        QVERIFY(lock.hasPin());
        QFile stored(file);
        QVERIFY(stored.open(QIODevice::ReadOnly));
        const QByteArray contents = stored.readAll();
        QVERIFY(contents.contains("argon2id"));
        QVERIFY(!contents.contains("739164"));
    }

    void unlock_withRightPin_emitsUnlocked()
    {
        QTemporaryDir dir;
        StaffLock lock(dir.filePath(QStringLiteral("kiosk.ini")));
        QVERIFY(lock.setPin(QStringLiteral("739164")));
        QSignalSpy unlocked(&lock, &StaffLock::unlocked);
        QVERIFY(!lock.unlock(QStringLiteral("000000")));
        QVERIFY(!lock.lastError().isEmpty());
        QCOMPARE(unlocked.count(), 0);
        QVERIFY(lock.unlock(QStringLiteral("739164")));
        QCOMPARE(unlocked.count(), 1);
        QVERIFY(lock.lastError().isEmpty());
    }

    void unlock_withoutStoredPin_neverOpens()
    {
        QTemporaryDir dir;
        StaffLock lock(dir.filePath(QStringLiteral("kiosk.ini")));
        QVERIFY(!lock.unlock(QString()));
        QVERIFY(!lock.unlock(QStringLiteral("1234")));
    }

    void fiveWrongPins_refuseEvenTheRightOneForAMinute()
    {
        QTemporaryDir dir;
        steady_clock::time_point now{};
        StaffLock lock(dir.filePath(QStringLiteral("kiosk.ini")), [&now] { return now; });
        QVERIFY(lock.setPin(QStringLiteral("739164")));
        for (int i = 0; i < StaffLock::maxFailures; ++i) {
            QVERIFY(!lock.unlock(QStringLiteral("111111")));
        }
        QVERIFY(!lock.unlock(QStringLiteral("739164")));
        now += seconds(59);
        QVERIFY(!lock.unlock(QStringLiteral("739164")));
        now += seconds(1);
        QVERIFY(lock.unlock(QStringLiteral("739164")));
    }
};

QTEST_GUILESS_MAIN(TstStaffLock)
#include "tst_stafflock.moc"
