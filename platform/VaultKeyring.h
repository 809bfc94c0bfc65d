// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "KeyStore.h"
#include "common/Result.h"
#include "crypto/DeviceVault.h"

namespace chorus::store {
class SettingsRepository;
}

namespace chorus::platform {

// The device vault's data key kept in a platform keystore as well as wrapped under the
// passphrase. The device database records the keystore entry's id (enrollment/VaultSettings):
// a random UUID made when the key is first remembered, so two device databases on one
// computer account never share an entry and a forgotten entry's id is never used again.
// A passphrase change re-wraps the same data key, so the keystore copy stays valid.

// Copies the unlocked vault's key into `keyStore` and records the entry (and the vault's key
// check, which a later unlockFromKeyStore needs) in `settings`.
Status rememberInKeyStore(const crypto::DeviceVault &vault, KeyStore &keyStore, store::SettingsRepository &settings);

// True when this device's key has been remembered in a keystore (whether or not it can be
// reached now).
Result<bool> isRememberedInKeyStore(store::SettingsRepository &settings);

// Unlocks `vault` with the remembered key. Fails, leaving the vault locked and the wrong-
// passphrase count untouched, when nothing is remembered (NotFound), the keystore is locked or
// unreachable, the entry is gone (NotFound), or the key there is not this vault's (Crypto).
Status unlockFromKeyStore(crypto::DeviceVault &vault, KeyStore &keyStore, store::SettingsRepository &settings);

// The keystore halves alone, for a caller that reads and writes the settings on another thread
// (the app's UI thread) than the one waiting for the keystore. Thread-safe as the KeyStore is.
Status storeInKeyStore(const crypto::DeviceVault &vault, KeyStore &keyStore, const QString &entryId);
Status storeInKeyStore(const crypto::SecretBytes &key, KeyStore &keyStore, const QString &entryId);
Status unlockFromKeyStore(crypto::DeviceVault &vault, KeyStore &keyStore, const QString &entryId);
// A fresh entry id (a random UUID).
QString newKeyStoreEntryId();

// Removes the entry from `keyStore` and the record of it from `settings`. When the keystore
// cannot be reached the record is kept and the error returned, so nothing is left behind
// silently.
Status forgetKeyStore(KeyStore &keyStore, store::SettingsRepository &settings);

} // namespace chorus::platform
