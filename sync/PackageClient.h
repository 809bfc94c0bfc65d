// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CurlTransport.h"
#include "Transport.h"
#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

namespace chorus::enrollment {
struct EnrollmentBundle;
}
namespace chorus::store {
class SurveyRepository;
}

namespace chorus::sync {

struct PackageReport {
    enum class Outcome {
        Installed,      // new survey, or a higher version of one the device has
        AlreadyCurrent, // the device holds these exact bytes
        Refused,        // bad signature, invalid package, older version, changed in transit: see reason
    };
    QString name;     // as the receiver lists it
    QString surveyId; // from the package (or the listing when refused before reading it)
    QString version;
    Outcome outcome = Outcome::Refused;
    QString reason; // for Refused: what is wrong and what to do

    static QString outcomeName(Outcome outcome);
};

// Fetches the survey packages assigned to this device (GET /v1/packages, then each package and
// its signature), accepts each only if it verifies against the council signing key the device
// was enrolled with and is not older than the version it holds, and stores the accepted ones.
// One bad package never stops the others. A refused device token (401/403) fails the whole run
// with ErrorKind::Permission: the device must be enrolled again.
class PackageClient
{
public:
    PackageClient(Transport &transport, QUrl serverBase, QByteArray deviceToken);

    Result<QList<PackageReport>> update(store::SurveyRepository &surveys, const QByteArray &enrolledSigningKey);

private:
    Result<QByteArray> get(const QString &path);
    Result<PackageReport> fetchOne(const QString &name, const QByteArray &listedSha256, store::SurveyRepository &surveys,
                           const QByteArray &enrolledSigningKey);

    Transport &m_transport;
    QUrl m_base;
    QByteArray m_token;
};

// The TLS settings an enrollment asks for: its pins, its CA, plain http to loopback only if allowed.
CurlOptions curlOptionsFor(const enrollment::EnrollmentBundle &bundle);

// Runs PackageClient::update with a CurlTransport set up from `bundle` (endpoint, token, TLS).
Result<QList<PackageReport>> updatePackages(const enrollment::EnrollmentBundle &bundle,
                                            store::SurveyRepository &surveys);

} // namespace chorus::sync
