// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "crypto/DeviceVault.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <QVariantMap>

#include <memory>
#include <thread>

namespace chorus::store {
class SettingsRepository;
}

namespace chorus::ui {

// The device vault in the app: created with the operator passphrase during setup, unlocked at
// every later start. Its wrapped key and the count of wrong passphrases live in the device
// database settings (enrollment/VaultSettings: the count survives a restart, so restarting
// does not skip the wait).
// Argon2id takes about a second, so create and unlock run on a worker thread and report back
// with signals: the screen never freezes. While one runs, the vault is not handed out.
class VaultKeeper : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool exists READ exists NOTIFY stateChanged)
    Q_PROPERTY(bool unlocked READ isUnlocked NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY stateChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(int retrySeconds READ retrySeconds NOTIFY retrySecondsChanged)

public:
    static constexpr int kMinimumLength = 12;

    // `settings` may be null (no device database): then there is no vault and nothing to unlock.
    VaultKeeper(store::SettingsRepository *settings, crypto::DeviceVault::Options options, QObject *parent = nullptr);
    ~VaultKeeper() override;

    bool exists() const;
    bool isUnlocked() const;
    bool isBusy() const { return m_busy; }
    QString error() const { return m_error; }
    int retrySeconds() const;

    // Null unless unlocked and idle.
    crypto::DeviceVault *vault();

    // {score: 0-4, text: hint in words, acceptable: bool}
    Q_INVOKABLE static QVariantMap passphraseStrength(const QString &passphrase);
    // Both fields must match and be acceptable; emits created() or sets error.
    Q_INVOKABLE void create(const QString &passphrase, const QString &again);
    // Emits unlockedNow() or sets error (with the wait before the next attempt).
    Q_INVOKABLE void unlock(const QString &passphrase);

Q_SIGNALS:
    void stateChanged();
    void errorChanged();
    void retrySecondsChanged();
    void created();
    void unlockedNow();

private:
    void setError(const QString &message);
    void setBusy(bool busy);
    void finishCreate(std::shared_ptr<crypto::DeviceVault> vault, const QString &failure);
    void finishUnlock(const Status &status);
    void joinWorker();

    store::SettingsRepository *m_settings;
    crypto::DeviceVault::Options m_options;
    std::shared_ptr<crypto::DeviceVault> m_vault;
    bool m_busy = false;
    QString m_error;
    QTimer m_countdown;
    std::thread m_worker;
};

} // namespace chorus::ui
