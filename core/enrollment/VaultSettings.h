// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "crypto/DeviceVault.h"

#include <chrono>
#include <functional>
#include <optional>

namespace chorus::store {
class SettingsRepository;
}

namespace chorus::enrollment {

// Where a device keeps its vault: the wrapped data key (a key file, useless without the
// operator passphrase), its key check (tells a keystore's copy of the key from any other key)
// and the count of failed unlocks, so a restart does not reset the wait.

// The stored vault (locked), or nullopt when the device has none yet.
Result<std::optional<crypto::DeviceVault>> loadVault(store::SettingsRepository &settings,
                                                     crypto::DeviceVault::Options options = {});
// Persists the wrapped key, the key check and the failure count; call after create, unlock
// attempts and passphrase changes.
Status saveVault(store::SettingsRepository &settings, const crypto::DeviceVault &vault);

// For headless use (chorusctl device enroll|update, sync): unlocks the stored vault with
// `passphrase`, or creates and stores one when the device has none and `createIfMissing`.
// After wrong passphrases the vault makes every new process wait before it may try (a restart
// must not skip the wait); a command has nobody to show a countdown to, so it waits here with
// `wait` (sleeping by default) instead of failing every run until someone retries by hand.
using VaultWaiter = std::function<void(std::chrono::milliseconds)>;
Result<crypto::DeviceVault> unlockOrCreateVault(store::SettingsRepository &settings, const QByteArray &passphrase,
                                                bool createIfMissing, crypto::DeviceVault::Options options = {},
                                                const VaultWaiter &wait = {});

// The id of this device's entry in a platform keystore (platform/VaultKeyring), or nullopt
// when the key is not remembered there.
Result<std::optional<QString>> keyStoreEntry(store::SettingsRepository &settings);
Status setKeyStoreEntry(store::SettingsRepository &settings, const QString &entryId);
Status clearKeyStoreEntry(store::SettingsRepository &settings);

} // namespace chorus::enrollment
