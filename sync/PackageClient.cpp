// SPDX-License-Identifier: GPL-3.0-or-later
#include "PackageClient.h"

#include "ReplyNumbers.h"

#include "SyncLogging.h"
#include "enrollment/EnrollmentBundle.h"
#include "store/SurveyRepository.h"
#include "survey/PackageSignature.h"
#include "survey/SurveyLoader.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace chorus::sync {

namespace {

constexpr qsizetype kMaxListed = 500;

QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

PackageReport refused(const QString &name, const QString &surveyId, const QString &version, const QString &reason)
{
    return PackageReport{name, surveyId, version, PackageReport::Outcome::Refused, reason};
}

} // namespace

QString PackageReport::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Installed:
        return QStringLiteral("installed");
    case Outcome::AlreadyCurrent:
        return QStringLiteral("already current");
    case Outcome::Refused:
        return QStringLiteral("refused");
    }
    return {};
}

PackageClient::PackageClient(Transport &transport, QUrl serverBase, QByteArray deviceToken)
    : m_transport(transport)
    , m_base(std::move(serverBase))
    , m_token(std::move(deviceToken))
{
}

Result<QByteArray> PackageClient::get(const QString &path)
{
    HttpRequest request;
    request.method = HttpRequest::Method::Get;
    request.url = m_base;
    QString basePath = m_base.path();
    while (basePath.endsWith(QLatin1Char('/'))) {
        basePath.chop(1);
    }
    request.url.setPath(basePath + path);
    request.headers.append({QByteArrayLiteral("Authorization"), "Bearer " + m_token});
    Result<HttpResponse> reply = m_transport.send(request);
    if (!reply) {
        return reply.error();
    }
    if (reply->status == 401 || reply->status == 403) {
        return makeError(ErrorKind::Permission, QStringLiteral("the receiver refused this device's token (HTTP %1): "
                                                               "the device was revoked; re-enrol it with a new bundle")
                                                    .arg(reply->status));
    }
    if (reply->status == 404) {
        return makeError(ErrorKind::NotFound, QStringLiteral("the receiver has no %1 for this device").arg(path));
    }
    if (reply->status != 200) {
        return makeError(reply->status >= 500 ? ErrorKind::Network : ErrorKind::InvalidInput,
                         QStringLiteral("the receiver answered HTTP %1 for %2").arg(reply->status).arg(path));
    }
    return reply->body;
}

Result<QList<PackageReport>> PackageClient::update(store::SurveyRepository &surveys, const QByteArray &enrolledSigningKey)
{
    auto listing = get(QStringLiteral("/v1/packages"));
    if (!listing) {
        return listing.error();
    }
    const QJsonArray entries = QJsonDocument::fromJson(*listing).object().value(QStringLiteral("packages")).toArray();
    if (entries.size() > kMaxListed) {
        return makeError(ErrorKind::InvalidInput, QStringLiteral("the receiver lists %1 packages; more than a device "
                                                                 "takes (%2)")
                                                      .arg(entries.size())
                                                      .arg(kMaxListed));
    }
    QList<PackageReport> reports;
    for (const QJsonValue &entry : entries) {
        const QJsonObject o = entry.toObject();
        const QString name = o.value(QStringLiteral("name")).toString();
        // A listing may leave the size out (then only the download limit applies), never send a wrong one.
        const Result<qint64> size = replyInteger(o, QStringLiteral("size"), 0, kMaxReplyBytes,
                                                 QStringLiteral("size for package %1").arg(name), 0);
        if (!size) {
            reports.append(refused(name, o.value(QStringLiteral("surveyId")).toString(),
                                   o.value(QStringLiteral("version")).toString(), size.error().message));
            continue;
        }
        const qint64 listedSize = *size;
        if (listedSize > survey::LoadLimits().maxBytes) {
            // Not even downloaded: no device would load it.
            reports.append(refused(name, o.value(QStringLiteral("surveyId")).toString(), o.value(QStringLiteral("version")).toString(),
                                   QStringLiteral("%1 is too large (%2 bytes; a survey package is at most %3)")
                                       .arg(name)
                                       .arg(listedSize)
                                       .arg(survey::LoadLimits().maxBytes)));
            continue;
        }
        Result<PackageReport> fetched = fetchOne(name, o.value(QStringLiteral("sha256")).toString().toLatin1(),
                                                 surveys, enrolledSigningKey);
        if (!fetched) {
            return fetched.error(); // the token was refused half-way: nothing else will work either
        }
        PackageReport report = *fetched;
        if (report.surveyId.isEmpty()) {
            report.surveyId = o.value(QStringLiteral("surveyId")).toString();
            report.version = o.value(QStringLiteral("version")).toString();
        }
        qCInfo(lcSync).noquote() << "package" << name << PackageReport::outcomeName(report.outcome);
        reports.append(report);
    }
    return reports;
}

Result<PackageReport> PackageClient::fetchOne(const QString &name, const QByteArray &listedSha256,
                                      store::SurveyRepository &surveys, const QByteArray &enrolledSigningKey)
{
    auto installed = surveys.list();
    if (!installed) {
        return refused(name, {}, {}, installed.error().message);
    }
    QMap<QString, QString> versions;
    for (const store::StoredSurvey &s : *installed) {
        versions.insert(s.surveyId, s.version);
        // Skips the download when the device already holds these exact bytes.
        if (!listedSha256.isEmpty() && sha256Hex(s.package) == listedSha256) {
            return PackageReport{name, s.surveyId, s.version, PackageReport::Outcome::AlreadyCurrent, {}};
        }
    }
    auto bytes = get(QStringLiteral("/v1/packages/") + name);
    auto signatureText = bytes ? get(QStringLiteral("/v1/packages/%1/signature").arg(name)) : Result<QByteArray>(QByteArray());
    for (const auto *r : {&bytes, &signatureText}) {
        if (!*r) {
            if (r->error().kind == ErrorKind::Permission) {
                return r->error();
            }
            return refused(name, {}, {}, r->error().message);
        }
    }
    if (!listedSha256.isEmpty() && sha256Hex(*bytes) != listedSha256) {
        return refused(name, {}, {}, QStringLiteral("the package changed in transit (SHA-256 differs from the "
                                                    "receiver's listing); try again"));
    }
    auto signature = survey::decodeBase64Key(*signatureText, 64, QStringLiteral("the package signature"));
    if (!signature) {
        return refused(name, {}, {}, signature.error().message);
    }
    const survey::AcceptPolicy policy{enrolledSigningKey, versions};
    auto package = survey::acceptSignedPackage(*bytes, *signature, policy);
    if (!package) {
        return refused(name, {}, {},
                       QStringLiteral("%1 was refused: %2").arg(name, package.error().message));
    }
    const store::StoredSurvey stored{package->id, package->version, *bytes, *signature, QDateTime::currentDateTimeUtc()};
    if (Status s = surveys.store(stored); !s) {
        return refused(name, package->id, package->version, s.error().message);
    }
    return PackageReport{name, package->id, package->version, PackageReport::Outcome::Installed, {}};
}

CurlOptions curlOptionsFor(const enrollment::EnrollmentBundle &bundle)
{
    CurlOptions options;
    options.pins = bundle.pins;
    options.caPem = bundle.caCertificatePem;
    options.allowHttpLoopback = bundle.allowHttpLoopback;
    return options;
}

Result<QList<PackageReport>> updatePackages(const enrollment::EnrollmentBundle &bundle, store::SurveyRepository &surveys)
{
    CurlTransport transport(curlOptionsFor(bundle));
    PackageClient client(transport, bundle.endpoint, bundle.deviceToken);
    return client.update(surveys, bundle.signingPublicKey);
}

} // namespace chorus::sync
