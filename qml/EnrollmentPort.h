// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace chorus::crypto {
class DeviceVault;
}

namespace chorus::ui {

// What the operator confirms before a device trusts a council: read from a signed bundle.
struct EnrollmentSummary {
    QString councilName;
    QString endpoint;
    QString deviceName;
    QString keyFingerprint; // grouped, for reading aloud against the admin's screen
    QByteArray signingPublicKey; // the only key whose packages this device accepts
    QStringList surveyIds;
    QDateTime expiresAt;
};

// How to reach the receiver, from the enrollment (never from the command line in production).
struct SyncTarget {
    QString endpoint;
    QByteArray token;
    QStringList pins;
    QString caFile;   // developer path (--ca-file)
    QByteArray caPem; // from the enrollment
    bool allowHttpLoopback = false;
    QString deviceName;
};

// One package after "Check for new surveys".
struct PackageOutcome {
    enum class Kind { Installed, AlreadyCurrent, Refused };
    QString surveyId;
    QString version;
    Kind kind = Kind::Refused;
    QString reason; // for Refused: why, in words an operator can pass on
};

// The app's seam to device enrollment (core/enrollment) and package fetching (sync): the setup
// screens and home page talk to this, so they can be built and tested without a receiver.
// Everything except fetchPackages() runs on the UI thread with the app's store connection.
class EnrollmentPort
{
public:
    virtual ~EnrollmentPort() = default;

    // Parses and verifies a bundle (file bytes or pasted text) without storing anything.
    virtual Result<EnrollmentSummary> inspect(const QByteArray &bundle) = 0;
    // Stores the enrollment in the device database, the token sealed with the unlocked vault.
    virtual Status enroll(const QByteArray &bundle, const crypto::DeviceVault &vault) = 0;
    // The stored enrollment, or nullopt when this device was never enrolled.
    virtual Result<std::optional<EnrollmentSummary>> current(const crypto::DeviceVault &vault) = 0;
    virtual Result<SyncTarget> syncTarget(const crypto::DeviceVault &vault) = 0;
    // The council's name for the unlock screen, readable before unlocking (unverified: shown,
    // never trusted). Empty when not enrolled.
    virtual QString councilBeforeUnlock() { return {}; }
    // Fetches, verifies against `signingKey` and stores the assigned packages. Called on a worker
    // thread: implementations open their own database connection.
    virtual Result<QList<PackageOutcome>> fetchPackages(const SyncTarget &target, const QByteArray &signingKey) = 0;
};

} // namespace chorus::ui
