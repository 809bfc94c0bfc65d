// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeviceEnrollment.h"

#include "crypto/DeviceVault.h"
#include "store/SettingsRepository.h"

#include <sodium.h>

namespace chorus::enrollment {

namespace {

const QString kSealed = QStringLiteral("enrollment.sealedBundle");
const QString kCouncil = QStringLiteral("enrollment.council");
const QString kEndpoint = QStringLiteral("enrollment.endpoint");
const QString kDevice = QStringLiteral("enrollment.device");
const QString kFingerprint = QStringLiteral("enrollment.fingerprint");
const QString kSigningKey = QStringLiteral("enrollment.signingPublicKey");
const QString kEnrolledAt = QStringLiteral("enrollment.enrolledAt");
const QByteArray kPurpose = QByteArrayLiteral("enrollment-bundle-v1");

// A missing key reads as an empty string; errors pass through.
Result<QString> text(store::SettingsRepository &settings, const QString &key)
{
    auto value = settings.value(key);
    if (!value) {
        return value.error();
    }
    return value->value_or(QString());
}

} // namespace

Result<Enrollment> enroll(const QByteArray &bundleFile, store::SettingsRepository &settings,
                          const crypto::DeviceVault &vault, const ReadOptions &options)
{
    if (!vault.isUnlocked()) {
        return makeError(ErrorKind::Permission, QStringLiteral("unlock the device before enrolling it"));
    }
    ReadOptions checked = options;
    auto before = summary(settings);
    if (!before) {
        return before.error();
    }
    if (*before && checked.expectedSigningKey.isEmpty()) {
        checked.expectedSigningKey = (*before)->signingPublicKey;
    }
    auto bundle = readBundle(bundleFile, checked);
    if (!bundle) {
        return bundle.error();
    }
    auto sealed = vault.seal(bundleFile.trimmed(), kPurpose);
    if (!sealed) {
        return sealed.error();
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<std::pair<QString, QString>> values{
        {kCouncil, bundle->council},
        {kEndpoint, bundle->endpoint.toString()},
        {kDevice, bundle->device},
        {kFingerprint, bundle->fingerprint()},
        {kSigningKey, QString::fromLatin1(bundle->signingPublicKey.toBase64())},
        {kEnrolledAt, now.toString(Qt::ISODateWithMs)},
        // Last: the sealed bundle is what makes the device count as enrolled.
        {kSealed, QString::fromLatin1(sealed->toBase64())},
    };
    for (const auto &[key, value] : values) {
        if (Status s = settings.setValue(key, value); !s) {
            return s.error();
        }
    }
    return Enrollment{std::move(*bundle), now};
}

Result<std::optional<Enrollment>> current(store::SettingsRepository &settings, const crypto::DeviceVault &vault)
{
    auto sealedText = text(settings, kSealed);
    if (!sealedText) {
        return sealedText.error();
    }
    if (sealedText->isEmpty()) {
        return std::optional<Enrollment>();
    }
    auto file = vault.open(QByteArray::fromBase64(sealedText->toLatin1()), kPurpose);
    if (!file) {
        return file.error();
    }
    ReadOptions options;
    options.checkExpiry = false; // the expiry limits when a bundle may be used, not how long
    auto bundle = readBundle(*file, options);
    sodium_memzero(file->data(), size_t(file->size()));
    if (!bundle) {
        return makeError(bundle.error().kind, QStringLiteral("the stored enrollment is damaged (%1); enrol the device "
                                                             "again")
                                                  .arg(bundle.error().message));
    }
    auto enrolledAt = text(settings, kEnrolledAt);
    return std::optional<Enrollment>(
        Enrollment{std::move(*bundle), QDateTime::fromString(enrolledAt ? *enrolledAt : QString(), Qt::ISODateWithMs)});
}

Result<std::optional<EnrollmentSummary>> summary(store::SettingsRepository &settings)
{
    auto sealedText = text(settings, kSealed);
    if (!sealedText) {
        return sealedText.error();
    }
    if (sealedText->isEmpty()) {
        return std::optional<EnrollmentSummary>();
    }
    EnrollmentSummary out;
    for (auto [key, target] : {std::pair{kCouncil, &out.council}, std::pair{kEndpoint, &out.endpoint},
                               std::pair{kDevice, &out.device}, std::pair{kFingerprint, &out.fingerprint}}) {
        auto value = text(settings, key);
        if (!value) {
            return value.error();
        }
        *target = *value;
    }
    auto key = text(settings, kSigningKey);
    auto enrolledAt = text(settings, kEnrolledAt);
    if (!key || !enrolledAt) {
        return !key ? key.error() : enrolledAt.error();
    }
    out.signingPublicKey = QByteArray::fromBase64(key->toLatin1());
    out.enrolledAt = QDateTime::fromString(*enrolledAt, Qt::ISODateWithMs);
    return std::optional<EnrollmentSummary>(std::move(out));
}

Status forget(store::SettingsRepository &settings)
{
    for (const QString &key : {kSealed, kCouncil, kEndpoint, kDevice, kFingerprint, kSigningKey, kEnrolledAt}) {
        if (Status s = settings.remove(key); !s) {
            return s;
        }
    }
    return {};
}

} // namespace chorus::enrollment
