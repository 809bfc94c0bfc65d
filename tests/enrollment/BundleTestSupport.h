// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A valid bundle for tests, and a way to sign content writeBundle() would refuse to write.

#include "crypto/Signing.h"
#include "enrollment/EnrollmentBundle.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace chorus::testing {

inline enrollment::EnrollmentBundle sampleBundle(const crypto::SigningKey &key)
{
    enrollment::EnrollmentBundle b;
    b.council = QStringLiteral("Example Borough Council");
    b.endpoint = QUrl(QStringLiteral("https://collect.example.gov.uk"));
    b.projectId = QStringLiteral("equality-2026");
    b.device = QStringLiteral("tablet-07");
    b.deviceToken = QByteArrayLiteral("Wf4wcsg-I84GdYkXAzrpxVIRxZoLa-j1hsP6Q81digI");
    b.pins = {QStringLiteral("sha256//") + QString::fromLatin1(QByteArray(32, 'a').toBase64()),
              QStringLiteral("sha256//") + QString::fromLatin1(QByteArray(32, 'b').toBase64())};
    b.signingPublicKey = key.publicKey();
    b.surveys = {QStringLiteral("libraries_consultation_2026")};
    b.issuedAt = QDateTime(QDate(2026, 11, 24), QTime(10, 0), Qt::UTC);
    b.expiresAt = b.issuedAt.addDays(14);
    return b;
}

// The outer file around arbitrary signed bytes.
inline QByteArray signedFile(const QByteArray &inner, const QByteArray &signature)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("format"), QStringLiteral("chorus-enrollment-signed")},
                                     {QStringLiteral("version"), 1},
                                     {QStringLiteral("bundle"), QString::fromLatin1(inner.toBase64())},
                                     {QStringLiteral("signature"), QString::fromLatin1(signature.toBase64())}})
        .toJson(QJsonDocument::Compact);
}

// The signed JSON object of a bundle file.
inline QJsonObject innerOf(const QByteArray &file)
{
    const QByteArray inner = QByteArray::fromBase64(
        QJsonDocument::fromJson(file).object().value(QStringLiteral("bundle")).toString().toLatin1());
    return QJsonDocument::fromJson(inner).object();
}

// Re-signs a changed inner object properly: what an attacker holding the key could write.
inline QByteArray resign(const QJsonObject &inner, const crypto::SigningKey &key)
{
    const QByteArray bytes = QJsonDocument(inner).toJson(QJsonDocument::Compact);
    return signedFile(bytes, key.sign(bytes));
}

} // namespace chorus::testing
