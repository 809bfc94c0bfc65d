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
namespace chorus::platform {
class KeyStore;
}

namespace chorus::ui {

// The device vault in the app: created with the operator passphrase during setup, unlocked at
// every later start. Its wrapped key and the count of wrong passphrases live in the device
// database settings (enrollment/VaultSettings: the count survives a restart, so restarting
// does not skip the wait).
// Argon2id takes about a second, so create and unlock run on a worker thread and report back
// with signals: the screen never freezes. While one runs, the vault is not handed out.
//
// With a platform keystore (optional), the data key can also be remembered in the computer
// account's keyring (platform/VaultKeyring): then a later start opens the vault from there on
// the worker thread, and only if that fails (keyring locked, entry gone, another device's key)
// is the passphrase asked for, with the reason in keyStoreMessage. Keyring calls that do not
// touch the vault (probe, remember, forget) run on a second thread; the settings are only ever
// read and written on the owner's thread.
class VaultKeeper : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool exists READ exists NOTIFY stateChanged)
    Q_PROPERTY(bool unlocked READ isUnlocked NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY stateChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(int retrySeconds READ retrySeconds NOTIFY retrySecondsChanged)
    // The keyring can be offered (a keystore exists and answered without being locked).
    Q_PROPERTY(bool keyStoreAvailable READ keyStoreAvailable NOTIFY keyStoreChanged)
    // The data key is remembered in the keyring (per the device database).
    Q_PROPERTY(bool keyStoreRemembered READ keyStoreRemembered NOTIFY keyStoreChanged)
    // Remembering or forgetting is under way.
    Q_PROPERTY(bool keyStoreBusy READ keyStoreBusy NOTIFY keyStoreChanged)
    // The vault is being opened with the keyring's copy of the key.
    Q_PROPERTY(bool openingWithKeyStore READ openingWithKeyStore NOTIFY stateChanged)
    // Why the keyring did not open the vault or could not keep the key (one sentence), or empty.
    Q_PROPERTY(QString keyStoreMessage READ keyStoreMessage NOTIFY keyStoreChanged)

public:
    static constexpr int kMinimumLength = 12;

    // `settings` may be null (no device database): then there is no vault and nothing to unlock.
    // `keyStore` may be null (no platform keystore) and must outlive the keeper.
    VaultKeeper(store::SettingsRepository *settings, crypto::DeviceVault::Options options,
                platform::KeyStore *keyStore = nullptr, QObject *parent = nullptr);
    ~VaultKeeper() override;

    bool exists() const;
    bool isUnlocked() const;
    bool isBusy() const { return m_busy; }
    QString error() const { return m_error; }
    int retrySeconds() const;
    bool keyStoreAvailable() const { return m_keyStoreAvailable; }
    bool keyStoreRemembered() const { return m_keyStoreRemembered; }
    bool keyStoreBusy() const { return m_keyStoreBusy; }
    bool openingWithKeyStore() const { return m_opening; }
    QString keyStoreMessage() const { return m_keyStoreMessage; }

    // Null unless unlocked and idle.
    crypto::DeviceVault *vault();

    // {score: 0-4, text: hint in words, acceptable: bool}
    Q_INVOKABLE static QVariantMap passphraseStrength(const QString &passphrase);
    // Both fields must match and be acceptable; emits created() or sets error.
    // With `rememberInKeyStore`, the new key is also kept in the keyring (keyStoreChanged tells
    // when that has finished).
    Q_INVOKABLE void create(const QString &passphrase, const QString &again, bool rememberInKeyStore = false);
    // Emits unlockedNow() or sets error (with the wait before the next attempt).
    Q_INVOKABLE void unlock(const QString &passphrase);
    // On: keep the unlocked vault's key in the keyring. Off: remove it from there.
    Q_INVOKABLE void setKeyStoreRemembered(bool remembered);

Q_SIGNALS:
    void stateChanged();
    void errorChanged();
    void retrySecondsChanged();
    void created();
    void unlockedNow();
    void keyStoreChanged();

private:
    void setError(const QString &message);
    void setBusy(bool busy);
    void finishCreate(std::shared_ptr<crypto::DeviceVault> vault, const QString &failure);
    void finishUnlock(const Status &status);
    void joinWorker();
    void joinKeyStoreWorker();
    void startKeyStoreUnlock(const QString &entryId);
    void finishKeyStoreUnlock(const Status &status);
    void probeKeyStore();
    void remember();
    void forget();
    void finishKeyStoreChange(bool remembered, const QString &entryId, const Status &status);
    void setKeyStoreMessage(const QString &message);

    store::SettingsRepository *m_settings;
    crypto::DeviceVault::Options m_options;
    std::shared_ptr<crypto::DeviceVault> m_vault;
    bool m_busy = false;
    QString m_error;
    QTimer m_countdown;
    std::thread m_worker;
    platform::KeyStore *m_keyStore;
    bool m_keyStoreAvailable = false;
    bool m_keyStoreRemembered = false;
    bool m_keyStoreBusy = false;
    bool m_opening = false;
    bool m_rememberAfterCreate = false;
    QString m_keyStoreMessage;
    std::thread m_keyStoreWorker;
};

} // namespace chorus::ui
