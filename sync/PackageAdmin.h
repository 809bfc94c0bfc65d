// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Transport.h"
#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace chorus::crypto {
class SigningKey;
}

namespace chorus::sync {

struct IssuedDevice {
    QString name;
    QByteArray token; // secret: goes into the bundle only, never printed or logged
    QStringList surveys;
};

struct DeviceEntry {
    QString name;
    QString createdAt;
    QString revokedAt; // empty while active
    QStringList surveys;
};

struct PublishedEntry {
    QString surveyId;
    QString version;
    QString outcome; // created | replaced | unchanged (publish); empty in listings
    qint64 size = 0;
    QString publishedAt;
};

// chorus-receiver's admin API for devices and survey packages (docs/formats/receiver-api.md),
// over any Transport. Errors: Permission (admin token refused), Conflict (409: name taken,
// lower version), NotFound, InvalidInput (400, with the receiver's reason), Network.
class ReceiverAdmin
{
public:
    ReceiverAdmin(Transport &transport, QUrl serverBase, QByteArray adminToken);

    Result<IssuedDevice> issueDevice(const QString &name, const QStringList &surveys, bool replace = false);
    Result<QList<DeviceEntry>> devices();
    Status revokeDevice(const QString &name);
    Status assignSurveys(const QString &name, const QStringList &surveys);

    // `signature`: the raw 64 bytes (decode FILE.sig first).
    Result<PublishedEntry> publishPackage(const QString &surveyId, const QByteArray &packageBytes,
                                          const QByteArray &signature);
    Result<QList<PublishedEntry>> packages();

private:
    Result<HttpResponse> call(HttpRequest::Method method, const QString &path, const QByteArray &body = {},
                              const HttpHeaders &extra = {});

    Transport &m_transport;
    QUrl m_base;
    QByteArray m_token;
};

// What `chorusctl enroll` and the admin app's Devices page ask for.
struct EnrollRequest {
    QString device;
    QStringList surveys{QStringLiteral("*")};
    QString council;
    QString projectId;
    QStringList pins;
    QByteArray caCertificatePem;
    int expiresDays = 14;
    bool allowHttpLoopback = false;
    bool replace = false; // re-issue for a device that is already enrolled (its old token stops working)
};

struct EnrolledDevice {
    QByteArray bundleFile; // what the device reads (also what its QR code holds)
    QString fingerprint;   // of the council signing key, for the operator to compare
    QStringList surveys;
};

// Issues a device token on the receiver at `endpoint` and writes the signed enrollment bundle.
// If the bundle cannot be made, the new token is revoked again, so no usable token is left
// without a bundle.
Result<EnrolledDevice> enrollDevice(ReceiverAdmin &admin, const QUrl &endpoint, const crypto::SigningKey &key,
                                    const EnrollRequest &request);

} // namespace chorus::sync
