// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

#include <chrono>
#include <functional>

namespace chorus::ui {

// The kiosk's way out: staff type the PIN, residents cannot leave. The PIN is kept only as an
// Argon2id hash in a settings file chosen by main(). After five wrong PINs in a row it refuses
// every attempt for a minute, so a resident cannot try PINs at speed.
class StaffLock : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool hasPin READ hasPin NOTIFY hasPinChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;
    static constexpr int maxFailures = 5;
    static constexpr std::chrono::seconds lockout{60};

    explicit StaffLock(QString settingsFile, Clock clock = {}, QObject *parent = nullptr);

    bool hasPin() const;
    QString lastError() const { return m_lastError; }

    // Stores the hash of a new PIN; false (with lastError) when the PIN is not acceptable.
    Q_INVOKABLE bool setPin(const QString &pin);
    // True when `pin` is the staff PIN; emits unlocked().
    Q_INVOKABLE bool unlock(const QString &pin);

Q_SIGNALS:
    void hasPinChanged();
    void lastErrorChanged();
    void unlocked();

private:
    void setLastError(const QString &message);
    QByteArray storedHash() const;

    QString m_settingsFile;
    Clock m_clock;
    int m_failures = 0;
    std::chrono::steady_clock::time_point m_lockedUntil{};
    QString m_lastError;
};

} // namespace chorus::ui
