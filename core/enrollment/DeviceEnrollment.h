// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "EnrollmentBundle.h"
#include "common/Result.h"

#include <QDateTime>

#include <optional>

namespace chorus::crypto {
class DeviceVault;
}
namespace chorus::store {
class SettingsRepository;
}

namespace chorus::enrollment {

// The enrollment a device holds. The verified bundle file is kept sealed by the DeviceVault
// (the device token is never in the database in plaintext) and re-verified on every read; a
// few public facts are kept beside it for screens shown before unlock.
struct Enrollment {
    EnrollmentBundle bundle;
    QDateTime enrolledAt;
};

// What may be shown without unlocking: no token.
struct EnrollmentSummary {
    QString council;
    QString endpoint;
    QString device;
    QString fingerprint;
    QByteArray signingPublicKey;
    QDateTime enrolledAt;
};

// Reads and checks `bundleFile` (readBundle) and stores it. A device already enrolled accepts
// only a bundle signed by the same council key (forget() first to change council or key).
// The vault must be unlocked.
Result<Enrollment> enroll(const QByteArray &bundleFile, store::SettingsRepository &settings,
                          const crypto::DeviceVault &vault, const ReadOptions &options = {});

// The stored enrollment, or nullopt when the device is not enrolled. Needs the unlocked vault.
Result<std::optional<Enrollment>> current(store::SettingsRepository &settings, const crypto::DeviceVault &vault);

Result<std::optional<EnrollmentSummary>> summary(store::SettingsRepository &settings);

// Removes the enrollment (token included). Surveys and responses are left alone.
Status forget(store::SettingsRepository &settings);

} // namespace chorus::enrollment
