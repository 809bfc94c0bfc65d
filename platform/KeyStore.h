// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "crypto/SecretBytes.h"

#include <QLoggingCategory>
#include <QString>

#include <memory>
#include <optional>

namespace chorus::platform {

// Keyring events (what happened and why, never a key or an entry's contents).
Q_DECLARE_LOGGING_CATEGORY(lcKeyStore)

// A second home for a small secret (the device vault's data key) in the operating system's
// keystore, so Chorus can open while the computer account's keyring is open. The passphrase-
// wrapped key stays the source of truth; a keystore only saves typing it (platform/VaultKeyring).
//
// No call ever prompts the user (a kiosk has nobody to answer) and none blocks for long: each is
// bounded by a timeout, and a locked keyring is reported, not unlocked. Implementations block
// the calling thread for a D-Bus round trip or two: call them off the UI thread.
class KeyStore
{
public:
    virtual ~KeyStore() = default;

    // For screens and logs, e.g. "Secret Service (GNOME Keyring, KWallet)".
    virtual QString name() const = 0;
    // Ok when store/load/remove can work now without a prompt, or why not: no session bus,
    // no keyring service, the keyring is locked, no answer within the timeout.
    virtual Status availability() = 0;
    // Creates or replaces the entry `entryId`. `label` is what keyring managers show.
    virtual Status store(const QString &entryId, const QString &label, const crypto::SecretBytes &secret) = 0;
    // The secret, or nullopt when there is no such entry.
    virtual Result<std::optional<crypto::SecretBytes>> load(const QString &entryId) = 0;
    // Removing an entry that is not there is not an error.
    virtual Status remove(const QString &entryId) = 0;
};

// This system's keystore: the Secret Service where Chorus was built with libsecret (Linux
// desktops), otherwise nullptr. Creating it does not touch D-Bus; availability() does.
std::unique_ptr<KeyStore> systemKeyStore();

} // namespace chorus::platform
