// SPDX-License-Identifier: GPL-3.0-or-later
#include "CoreEnrollment.h"

#include "CurlTransport.h"
#include "PackageClient.h"
#include "enrollment/DeviceEnrollment.h"
#include "enrollment/EnrollmentBundle.h"
#include "store/SqliteStore.h"

namespace chorus::ui {

namespace {

EnrollmentSummary summaryOf(const enrollment::EnrollmentBundle &bundle)
{
    EnrollmentSummary s;
    s.councilName = bundle.council;
    s.endpoint = bundle.endpoint.toString();
    s.deviceName = bundle.device;
    s.keyFingerprint = bundle.fingerprint();
    s.signingPublicKey = bundle.signingPublicKey;
    s.surveyIds = bundle.surveys;
    s.expiresAt = bundle.expiresAt;
    return s;
}

PackageOutcome::Kind kindOf(sync::PackageReport::Outcome outcome)
{
    switch (outcome) {
    case sync::PackageReport::Outcome::Installed: return PackageOutcome::Kind::Installed;
    case sync::PackageReport::Outcome::AlreadyCurrent: return PackageOutcome::Kind::AlreadyCurrent;
    case sync::PackageReport::Outcome::Refused: break;
    }
    return PackageOutcome::Kind::Refused;
}

} // namespace

CoreEnrollment::CoreEnrollment(store::SettingsRepository &settings, QString dbPath)
    : m_settings(settings), m_dbPath(std::move(dbPath))
{
}

Result<EnrollmentSummary> CoreEnrollment::inspect(const QByteArray &bundle)
{
    auto read = enrollment::readBundle(bundle);
    if (!read) {
        return read.error();
    }
    const EnrollmentSummary summary = summaryOf(*read);
    read->wipe();
    return summary;
}

Status CoreEnrollment::enroll(const QByteArray &bundle, const crypto::DeviceVault &vault)
{
    auto enrolled = enrollment::enroll(bundle, m_settings, vault);
    if (!enrolled) {
        return enrolled.error();
    }
    enrolled->bundle.wipe();
    return {};
}

Result<std::optional<EnrollmentSummary>> CoreEnrollment::current(const crypto::DeviceVault &vault)
{
    auto stored = enrollment::current(m_settings, vault);
    if (!stored) {
        return stored.error();
    }
    if (!*stored) {
        return std::optional<EnrollmentSummary>();
    }
    const EnrollmentSummary summary = summaryOf((*stored)->bundle);
    (*stored)->bundle.wipe();
    return std::optional<EnrollmentSummary>(summary);
}

Result<SyncTarget> CoreEnrollment::syncTarget(const crypto::DeviceVault &vault)
{
    auto stored = enrollment::current(m_settings, vault);
    if (!stored) {
        return stored.error();
    }
    if (!*stored) {
        return makeError(ErrorKind::Permission, QStringLiteral("this device is not enrolled; enrol it from the setup screen"));
    }
    enrollment::EnrollmentBundle &bundle = (*stored)->bundle;
    SyncTarget target;
    target.endpoint = bundle.endpoint.toString();
    target.token = bundle.deviceToken;
    target.pins = bundle.pins;
    target.caPem = bundle.caCertificatePem;
    target.allowHttpLoopback = bundle.allowHttpLoopback;
    target.deviceName = bundle.device;
    bundle.wipe();
    return target;
}

QString CoreEnrollment::councilBeforeUnlock()
{
    const auto summary = enrollment::summary(m_settings);
    return summary && *summary ? (*summary)->council : QString();
}

Result<QList<PackageOutcome>> CoreEnrollment::fetchPackages(const SyncTarget &target, const QByteArray &signingKey)
{
    auto store = store::SqliteStore::open(m_dbPath);
    if (!store) {
        return store.error();
    }
    sync::CurlOptions options;
    options.pins = target.pins;
    options.caPem = target.caPem;
    options.allowHttpLoopback = target.allowHttpLoopback;
    sync::CurlTransport transport(options);
    sync::PackageClient client(transport, QUrl(target.endpoint), target.token);
    auto reports = client.update((*store)->surveys(), signingKey);
    if (!reports) {
        return reports.error();
    }
    QList<PackageOutcome> outcomes;
    for (const sync::PackageReport &r : std::as_const(*reports)) {
        outcomes.append({r.surveyId.isEmpty() ? r.name : r.surveyId, r.version, kindOf(r.outcome), r.reason});
    }
    return outcomes;
}

} // namespace chorus::ui
