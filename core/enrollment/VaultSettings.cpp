// SPDX-License-Identifier: GPL-3.0-or-later
#include "VaultSettings.h"

#include "store/SettingsRepository.h"

#include <thread>

namespace chorus::enrollment {

namespace {
const QString kWrappedKey = QStringLiteral("vault.wrappedKey");
const QString kFailures = QStringLiteral("vault.failedAttempts");
const QString kKeyCheck = QStringLiteral("vault.keyCheck");
const QString kKeyStoreEntry = QStringLiteral("vault.keyStoreEntry");
} // namespace

Result<std::optional<crypto::DeviceVault>> loadVault(store::SettingsRepository &settings,
                                                     crypto::DeviceVault::Options options)
{
    auto wrapped = settings.value(kWrappedKey);
    auto failures = settings.value(kFailures);
    auto check = settings.value(kKeyCheck);
    if (!wrapped || !failures || !check) {
        return !wrapped ? wrapped.error() : !failures ? failures.error() : check.error();
    }
    if (!wrapped->has_value() || (*wrapped)->isEmpty()) {
        return std::optional<crypto::DeviceVault>();
    }
    options.failedAttempts = failures->value_or(QString()).toInt();
    options.keyCheck = QByteArray::fromBase64(check->value_or(QString()).toLatin1());
    return std::optional<crypto::DeviceVault>(
        crypto::DeviceVault(QByteArray::fromBase64((*wrapped)->toLatin1()), std::move(options)));
}

Status saveVault(store::SettingsRepository &settings, const crypto::DeviceVault &vault)
{
    if (Status s = settings.setValue(kWrappedKey, QString::fromLatin1(vault.wrappedKey().toBase64())); !s) {
        return s;
    }
    if (!vault.keyCheck().isEmpty()) {
        if (Status s = settings.setValue(kKeyCheck, QString::fromLatin1(vault.keyCheck().toBase64())); !s) {
            return s;
        }
    }
    return settings.setValue(kFailures, QString::number(vault.failedAttempts()));
}

Result<std::optional<QString>> keyStoreEntry(store::SettingsRepository &settings)
{
    auto entry = settings.value(kKeyStoreEntry);
    if (!entry) {
        return entry.error();
    }
    if (!entry->has_value() || (*entry)->isEmpty()) {
        return std::optional<QString>();
    }
    return entry;
}

Status setKeyStoreEntry(store::SettingsRepository &settings, const QString &entryId)
{
    return settings.setValue(kKeyStoreEntry, entryId);
}

Status clearKeyStoreEntry(store::SettingsRepository &settings)
{
    return settings.remove(kKeyStoreEntry);
}

Result<crypto::DeviceVault> unlockOrCreateVault(store::SettingsRepository &settings, const QByteArray &passphrase,
                                                bool createIfMissing, crypto::DeviceVault::Options options,
                                                const VaultWaiter &wait)
{
    auto stored = loadVault(settings, options);
    if (!stored) {
        return stored.error();
    }
    if (!*stored) {
        if (!createIfMissing) {
            return makeError(ErrorKind::NotFound,
                             QStringLiteral("this device has no operator passphrase yet; enrol it first"));
        }
        auto created = crypto::DeviceVault::create(passphrase, std::move(options));
        if (!created) {
            return created.error();
        }
        if (Status s = saveVault(settings, *created); !s) {
            return s.error();
        }
        return created;
    }
    crypto::DeviceVault vault = std::move(**stored);
    if (const auto delay = vault.retryDelay(); delay.count() > 0) {
        if (wait) {
            wait(delay);
        } else {
            std::this_thread::sleep_for(delay);
        }
    }
    const Status unlocked = vault.unlock(passphrase);
    (void)saveVault(settings, vault); // the failure count, right or wrong
    if (!unlocked) {
        return unlocked.error();
    }
    return vault;
}

} // namespace chorus::enrollment
