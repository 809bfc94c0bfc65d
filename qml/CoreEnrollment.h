// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "EnrollmentPort.h"

#include <QString>

namespace chorus::store {
class SettingsRepository;
}

namespace chorus::ui {

// The EnrollmentPort of a real device: signed bundles and the sealed enrollment from
// core/enrollment, packages from the receiver with sync::PackageClient. fetchPackages() opens
// its own connection to `dbPath` (it runs on a worker thread).
class CoreEnrollment : public EnrollmentPort
{
public:
    CoreEnrollment(store::SettingsRepository &settings, QString dbPath);

    Result<EnrollmentSummary> inspect(const QByteArray &bundle) override;
    Status enroll(const QByteArray &bundle, const crypto::DeviceVault &vault) override;
    Result<std::optional<EnrollmentSummary>> current(const crypto::DeviceVault &vault) override;
    Result<SyncTarget> syncTarget(const crypto::DeviceVault &vault) override;
    QString councilBeforeUnlock() override;
    Result<QList<PackageOutcome>> fetchPackages(const SyncTarget &target, const QByteArray &signingKey) override;

private:
    store::SettingsRepository &m_settings;
    QString m_dbPath;
};

} // namespace chorus::ui
