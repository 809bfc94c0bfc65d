// SPDX-License-Identifier: GPL-3.0-or-later
// VaultKeeper's keyring half: opening from, remembering in and forgetting the platform keystore.
#include "VaultKeeper.h"

#include "KeyStore.h"
#include "VaultKeyring.h"
#include "enrollment/VaultSettings.h"

#include <QMetaObject>

namespace chorus::ui {

void VaultKeeper::startKeyStoreUnlock(const QString &entryId)
{
    m_opening = true;
    setBusy(true);
    m_worker = std::thread([this, vault = m_vault, keyStore = m_keyStore, entryId] {
        // Availability first: it also decides whether Home offers the switch.
        Status status = keyStore->availability();
        const bool available = bool(status);
        if (status) {
            status = platform::unlockFromKeyStore(*vault, *keyStore, entryId);
        }
        QMetaObject::invokeMethod(
            this,
            [this, status, available] {
                m_keyStoreAvailable = available;
                finishKeyStoreUnlock(status);
            },
            Qt::QueuedConnection);
    });
}

void VaultKeeper::finishKeyStoreUnlock(const Status &status)
{
    joinWorker();
    m_opening = false;
    setBusy(false);
    if (status) {
        qCInfo(platform::lcKeyStore) << "the device vault opened with the keyring's copy of its key";
        setKeyStoreMessage({});
        Q_EMIT unlockedNow();
        return;
    }
    qCWarning(platform::lcKeyStore).noquote() << "the keyring did not open the device vault:" << status.error().message;
    switch (status.error().kind) {
    case ErrorKind::Permission:
        setKeyStoreMessage(tr("The keyring is locked, so Chorus could not open by itself. Type the operator "
                              "passphrase."));
        break;
    case ErrorKind::NotFound:
        setKeyStoreMessage(tr("The keyring no longer holds Chorus's key. Type the operator passphrase."));
        break;
    case ErrorKind::Crypto:
        setKeyStoreMessage(tr("The key in the keyring belongs to another device. Type the operator passphrase."));
        break;
    default:
        setKeyStoreMessage(tr("The keyring could not be reached. Type the operator passphrase."));
        break;
    }
    Q_EMIT keyStoreChanged();
}

void VaultKeeper::probeKeyStore()
{
    m_keyStoreBusy = true;
    joinKeyStoreWorker();
    m_keyStoreWorker = std::thread([this, keyStore = m_keyStore] {
        const bool available = bool(keyStore->availability());
        QMetaObject::invokeMethod(
            this,
            [this, available] {
                joinKeyStoreWorker();
                m_keyStoreAvailable = available;
                m_keyStoreBusy = false;
                Q_EMIT keyStoreChanged();
            },
            Qt::QueuedConnection);
    });
}

void VaultKeeper::setKeyStoreRemembered(bool remembered)
{
    if (!m_keyStore || m_keyStoreBusy || remembered == m_keyStoreRemembered) {
        return;
    }
    if (remembered) {
        remember();
    } else {
        forget();
    }
}

void VaultKeeper::remember()
{
    if (!isUnlocked()) {
        setKeyStoreMessage(tr("Unlock Chorus with the passphrase first."));
        return;
    }
    // The key check goes to the settings first: without it the keyring's copy is never accepted.
    auto key = m_vault->copyDataKey();
    auto entry = enrollment::keyStoreEntry(*m_settings);
    if (!key || !entry || !enrollment::saveVault(*m_settings, *m_vault)) {
        setKeyStoreMessage(tr("Chorus could not prepare its key for the keyring."));
        return;
    }
    const QString entryId = entry->value_or(platform::newKeyStoreEntryId());
    m_keyStoreBusy = true;
    Q_EMIT keyStoreChanged();
    joinKeyStoreWorker();
    m_keyStoreWorker = std::thread(
        [this, keyStore = m_keyStore, entryId, secret = std::make_shared<crypto::SecretBytes>(std::move(*key))] {
            const Status stored = platform::storeInKeyStore(*secret, *keyStore, entryId);
            QMetaObject::invokeMethod(
                this, [this, entryId, stored] { finishKeyStoreChange(true, entryId, stored); }, Qt::QueuedConnection);
        });
}

void VaultKeeper::forget()
{
    auto entry = enrollment::keyStoreEntry(*m_settings);
    if (!entry || !entry->has_value()) {
        m_keyStoreRemembered = false;
        Q_EMIT keyStoreChanged();
        return;
    }
    m_keyStoreBusy = true;
    Q_EMIT keyStoreChanged();
    joinKeyStoreWorker();
    m_keyStoreWorker = std::thread([this, keyStore = m_keyStore, entryId = **entry] {
        const Status removed = keyStore->remove(entryId);
        QMetaObject::invokeMethod(
            this, [this, entryId, removed] { finishKeyStoreChange(false, entryId, removed); }, Qt::QueuedConnection);
    });
}

void VaultKeeper::finishKeyStoreChange(bool remembered, const QString &entryId, const Status &status)
{
    joinKeyStoreWorker();
    m_keyStoreBusy = false;
    if (!status) {
        qCWarning(platform::lcKeyStore).noquote()
            << (remembered ? "the keyring did not keep the key:" : "the keyring did not remove the key:")
            << status.error().message;
        setKeyStoreMessage(remembered
                ? tr("The keyring could not keep Chorus's key, so Chorus will ask for the passphrase at each start.")
                : tr("The keyring could not remove Chorus's key: unlock the keyring and try again."));
        Q_EMIT keyStoreChanged();
        return;
    }
    const Status recorded = remembered ? enrollment::setKeyStoreEntry(*m_settings, entryId)
                                       : enrollment::clearKeyStoreEntry(*m_settings);
    if (!recorded) {
        if (remembered) {
            (void)m_keyStore->remove(entryId); // unrecorded, it could never be forgotten
        }
        setKeyStoreMessage(tr("The device database could not record the keyring setting."));
        Q_EMIT keyStoreChanged();
        return;
    }
    m_keyStoreRemembered = remembered;
    setKeyStoreMessage({});
    Q_EMIT keyStoreChanged();
}

void VaultKeeper::setKeyStoreMessage(const QString &message)
{
    if (m_keyStoreMessage != message) {
        m_keyStoreMessage = message;
        Q_EMIT keyStoreChanged();
    }
}

} // namespace chorus::ui
