// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "KeyStore.h"

#include <chrono>

namespace chorus::platform {

// The freedesktop.org Secret Service (GNOME Keyring, KWallet, KeePassXC) through libsecret.
// Entries live in the default collection under the schema "uk.org.chorus.DeviceKey" with one
// attribute, `entry`.
//
// Never prompts: the default collection's Locked property is read first and a locked keyring
// is an error, because libsecret would otherwise ask the keyring to show an unlock prompt that
// nobody at a kiosk can answer. Each operation opens its own connection to the service (a
// shared one would hold proxies bound to whichever thread made them) and is cancelled when its
// timeout runs out.
//
// Wiping: the secret goes to libsecret in a SecretValue, which libsecret keeps in its own
// locked, wiped-on-free memory; we copy what comes back into SecretBytes and drop the
// SecretValue at once. What we cannot wipe: the D-Bus message buffers, which hold the secret
// encrypted when the service negotiates an encrypted session (GNOME Keyring does) and in the
// clear when it offers only "plain" transport.
class SecretServiceKeyStore : public KeyStore
{
public:
    explicit SecretServiceKeyStore(std::chrono::milliseconds timeout = std::chrono::seconds(5));

    QString name() const override;
    Status availability() override;
    Status store(const QString &entryId, const QString &label, const crypto::SecretBytes &secret) override;
    Result<std::optional<crypto::SecretBytes>> load(const QString &entryId) override;
    Status remove(const QString &entryId) override;

private:
    std::chrono::milliseconds m_timeout;
};

} // namespace chorus::platform
