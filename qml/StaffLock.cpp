// SPDX-License-Identifier: GPL-3.0-or-later
#include "StaffLock.h"

#include "StaffPin.h"

#include <QSettings>

namespace chorus::ui {

using namespace std::chrono;

namespace {
const QString hashKey = QStringLiteral("kiosk/staffPinHash");
}

StaffLock::StaffLock(QString settingsFile, Clock clock, QObject *parent)
    : QObject(parent),
      m_settingsFile(std::move(settingsFile)),
      m_clock(clock ? std::move(clock) : Clock([] { return steady_clock::now(); }))
{
}

bool StaffLock::hasPin() const
{
    return !storedHash().isEmpty();
}

bool StaffLock::setPin(const QString &pin)
{
    const auto hashed = platform::StaffPin::hash(pin);
    if (!hashed) {
        setLastError(hashed.error().message);
        return false;
    }
    QSettings settings(m_settingsFile, QSettings::IniFormat);
    settings.setValue(hashKey, QString::fromLatin1(*hashed));
    settings.sync();
    if (settings.status() != QSettings::NoError) {
        setLastError(tr("The staff PIN could not be saved. Check the disk has space and try again."));
        return false;
    }
    setLastError({});
    Q_EMIT hasPinChanged();
    return true;
}

bool StaffLock::unlock(const QString &pin)
{
    const auto now = m_clock();
    if (now < m_lockedUntil) {
        setLastError(tr("Too many wrong PINs. Wait a minute, then try again."));
        return false;
    }
    if (!platform::StaffPin::verify(pin, storedHash())) {
        if (++m_failures >= maxFailures) {
            m_failures = 0;
            m_lockedUntil = now + lockout;
        }
        setLastError(tr("That PIN is not right. Check it and try again."));
        return false;
    }
    m_failures = 0;
    setLastError({});
    Q_EMIT unlocked();
    return true;
}

void StaffLock::setLastError(const QString &message)
{
    if (message == m_lastError) {
        return;
    }
    m_lastError = message;
    Q_EMIT lastErrorChanged();
}

QByteArray StaffLock::storedHash() const
{
    const QSettings settings(m_settingsFile, QSettings::IniFormat);
    return settings.value(hashKey).toString().toLatin1();
}

} // namespace chorus::ui
