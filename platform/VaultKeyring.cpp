// SPDX-License-Identifier: GPL-3.0-or-later
#include "VaultKeyring.h"

#include "enrollment/VaultSettings.h"

#include <QUuid>

namespace chorus::platform {

namespace {
const QString kLabel = QStringLiteral("Chorus device vault key");
}

Status rememberInKeyStore(const crypto::DeviceVault &vault, KeyStore &keyStore, store::SettingsRepository &settings)
{
    if (!vault.isUnlocked()) {
        return makeError(ErrorKind::Permission, QStringLiteral("the device vault is locked; unlock it first"));
    }
    auto existing = enrollment::keyStoreEntry(settings);
    if (!existing) {
        return existing.error();
    }
    const QString entryId = existing->value_or(newKeyStoreEntryId());
    // The key check first: without it the stored copy could never be accepted.
    if (Status saved = enrollment::saveVault(settings, vault); !saved) {
        return saved;
    }
    if (Status stored = storeInKeyStore(vault, keyStore, entryId); !stored) {
        return stored;
    }
    if (Status recorded = enrollment::setKeyStoreEntry(settings, entryId); !recorded) {
        (void)keyStore.remove(entryId); // unrecorded, it could never be forgotten
        return recorded;
    }
    return {};
}

Result<bool> isRememberedInKeyStore(store::SettingsRepository &settings)
{
    auto entry = enrollment::keyStoreEntry(settings);
    if (!entry) {
        return entry.error();
    }
    return entry->has_value();
}

Status unlockFromKeyStore(crypto::DeviceVault &vault, KeyStore &keyStore, store::SettingsRepository &settings)
{
    auto entry = enrollment::keyStoreEntry(settings);
    if (!entry) {
        return entry.error();
    }
    if (!entry->has_value()) {
        return makeError(ErrorKind::NotFound, QStringLiteral("this device's key is not kept in a keyring"));
    }
    return unlockFromKeyStore(vault, keyStore, **entry);
}

QString newKeyStoreEntryId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

Status storeInKeyStore(const crypto::DeviceVault &vault, KeyStore &keyStore, const QString &entryId)
{
    auto key = vault.copyDataKey();
    if (!key) {
        return key.error();
    }
    return storeInKeyStore(*key, keyStore, entryId);
}

Status storeInKeyStore(const crypto::SecretBytes &key, KeyStore &keyStore, const QString &entryId)
{
    return keyStore.store(entryId, kLabel, key);
}

Status unlockFromKeyStore(crypto::DeviceVault &vault, KeyStore &keyStore, const QString &entryId)
{
    auto loaded = keyStore.load(entryId);
    if (!loaded) {
        return loaded.error();
    }
    if (!loaded->has_value()) {
        return makeError(ErrorKind::NotFound,
            QStringLiteral("the keyring no longer holds this device's key (it was removed or the keyring was reset)"));
    }
    return vault.unlockWithKey(std::move(**loaded));
}

Status forgetKeyStore(KeyStore &keyStore, store::SettingsRepository &settings)
{
    auto entry = enrollment::keyStoreEntry(settings);
    if (!entry) {
        return entry.error();
    }
    if (!entry->has_value()) {
        return {};
    }
    if (Status removed = keyStore.remove(**entry); !removed) {
        return removed;
    }
    return enrollment::clearKeyStoreEntry(settings);
}

} // namespace chorus::platform
