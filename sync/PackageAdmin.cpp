// SPDX-License-Identifier: GPL-3.0-or-later
#include "PackageAdmin.h"

#include "ReplyNumbers.h"

#include "SyncLogging.h"
#include "crypto/Signing.h"
#include "enrollment/EnrollmentBundle.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <sodium.h>

namespace chorus::sync {

namespace {

QStringList stringsOf(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &v : value.toArray()) {
        out.append(v.toString());
    }
    return out;
}

QJsonObject jsonOf(const HttpResponse &reply)
{
    return QJsonDocument::fromJson(reply.body).object();
}

} // namespace

ReceiverAdmin::ReceiverAdmin(Transport &transport, QUrl serverBase, QByteArray adminToken)
    : m_transport(transport)
    , m_base(std::move(serverBase))
    , m_token(std::move(adminToken))
{
}

Result<HttpResponse> ReceiverAdmin::call(HttpRequest::Method method, const QString &path, const QByteArray &body,
                                         const HttpHeaders &extra)
{
    HttpRequest request;
    request.method = method;
    request.url = m_base;
    QString basePath = m_base.path();
    while (basePath.endsWith(QLatin1Char('/'))) {
        basePath.chop(1);
    }
    request.url.setPath(basePath + path);
    request.headers.append({QByteArrayLiteral("Authorization"), "Bearer " + m_token});
    request.headers.append(extra);
    request.body = body;
    Result<HttpResponse> reply = m_transport.send(request);
    if (!reply) {
        return reply;
    }
    const int status = reply->status;
    if (status >= 200 && status < 300) {
        return reply;
    }
    // The receiver's admin errors are one line of plain text, made for people.
    const QString said = QString::fromUtf8(reply->body.left(500)).trimmed();
    const QString reason = said.isEmpty() ? QStringLiteral("HTTP %1").arg(status) : said;
    switch (status) {
    case 401:
    case 403:
        return makeError(ErrorKind::Permission, QStringLiteral("the receiver refused the admin token (HTTP %1); "
                                                               "check --admin-token-file")
                                                    .arg(status));
    case 404:
        return makeError(ErrorKind::NotFound, reason);
    case 409:
        return makeError(ErrorKind::Conflict, reason);
    case 400:
    case 413:
        return makeError(ErrorKind::InvalidInput, reason);
    default:
        return makeError(status >= 500 ? ErrorKind::Network : ErrorKind::InvalidInput,
                         QStringLiteral("the receiver answered HTTP %1 for %2: %3").arg(status).arg(path, reason));
    }
}

Result<IssuedDevice> ReceiverAdmin::issueDevice(const QString &name, const QStringList &surveys, bool replace)
{
    QJsonObject body{{QStringLiteral("name"), name}, {QStringLiteral("surveys"), QJsonArray::fromStringList(surveys)}};
    if (replace) {
        body.insert(QStringLiteral("replace"), true);
    }
    auto reply = call(HttpRequest::Method::Post, QStringLiteral("/v1/admin/devices"),
                      QJsonDocument(body).toJson(QJsonDocument::Compact),
                      {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}});
    if (!reply) {
        return reply.error();
    }
    const QJsonObject o = jsonOf(*reply);
    IssuedDevice issued{o.value(QStringLiteral("name")).toString(), o.value(QStringLiteral("token")).toString().toLatin1(),
                        stringsOf(o.value(QStringLiteral("surveys")))};
    sodium_memzero(reply->body.data(), size_t(reply->body.size()));
    if (issued.token.isEmpty() || issued.name != name) {
        return makeError(ErrorKind::InvalidInput, QStringLiteral("the receiver's reply holds no device token: is "
                                                                 "this a chorus-receiver?"));
    }
    return issued;
}

Result<QList<DeviceEntry>> ReceiverAdmin::devices()
{
    auto reply = call(HttpRequest::Method::Get, QStringLiteral("/v1/admin/devices"));
    if (!reply) {
        return reply.error();
    }
    QList<DeviceEntry> out;
    for (const QJsonValue &v : jsonOf(*reply).value(QStringLiteral("devices")).toArray()) {
        const QJsonObject d = v.toObject();
        out.append({d.value(QStringLiteral("name")).toString(), d.value(QStringLiteral("createdAt")).toString(),
                    d.value(QStringLiteral("revokedAt")).toString(), stringsOf(d.value(QStringLiteral("surveys")))});
    }
    return out;
}

Status ReceiverAdmin::revokeDevice(const QString &name)
{
    auto reply = call(HttpRequest::Method::Delete, QStringLiteral("/v1/admin/devices/") + name);
    return reply ? Status() : Status(reply.error());
}

Status ReceiverAdmin::assignSurveys(const QString &name, const QStringList &surveys)
{
    const QJsonObject body{{QStringLiteral("surveys"), QJsonArray::fromStringList(surveys)}};
    auto reply = call(HttpRequest::Method::Put, QStringLiteral("/v1/admin/devices/%1/surveys").arg(name),
                      QJsonDocument(body).toJson(QJsonDocument::Compact),
                      {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}});
    return reply ? Status() : Status(reply.error());
}

Result<PublishedEntry> ReceiverAdmin::publishPackage(const QString &surveyId, const QByteArray &packageBytes,
                                                     const QByteArray &signature)
{
    auto reply = call(HttpRequest::Method::Put, QStringLiteral("/v1/admin/packages/") + surveyId, packageBytes,
                      {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")},
                       {QByteArrayLiteral("X-Chorus-Signature"), signature.toBase64()}});
    if (!reply) {
        return reply.error();
    }
    const QJsonObject o = jsonOf(*reply);
    return PublishedEntry{o.value(QStringLiteral("surveyId")).toString(), o.value(QStringLiteral("version")).toString(),
                          o.value(QStringLiteral("outcome")).toString(), packageBytes.size(), {}};
}

Result<QList<PublishedEntry>> ReceiverAdmin::packages()
{
    auto reply = call(HttpRequest::Method::Get, QStringLiteral("/v1/admin/packages"));
    if (!reply) {
        return reply.error();
    }
    QList<PublishedEntry> out;
    for (const QJsonValue &v : jsonOf(*reply).value(QStringLiteral("packages")).toArray()) {
        const QJsonObject p = v.toObject();
        const QString surveyId = p.value(QStringLiteral("surveyId")).toString();
        const Result<qint64> size =
            replyInteger(p, QStringLiteral("size"), 0, kMaxReplyBytes, QStringLiteral("size for package %1").arg(surveyId), 0);
        if (!size) {
            return size.error();
        }
        out.append({surveyId, p.value(QStringLiteral("version")).toString(), {}, *size,
                    p.value(QStringLiteral("publishedAt")).toString()});
    }
    return out;
}

Result<EnrolledDevice> enrollDevice(ReceiverAdmin &admin, const QUrl &endpoint, const crypto::SigningKey &key,
                                    const EnrollRequest &request)
{
    if (request.expiresDays < 1 || request.expiresDays > 365) {
        return makeError(ErrorKind::InvalidInput, QStringLiteral("a bundle expires after 1-365 days"));
    }
    enrollment::EnrollmentBundle bundle;
    bundle.council = request.council.isEmpty() ? endpoint.host() : request.council;
    bundle.endpoint = endpoint;
    bundle.projectId = request.projectId;
    bundle.device = request.device;
    bundle.pins = request.pins;
    bundle.caCertificatePem = request.caCertificatePem;
    bundle.allowHttpLoopback = request.allowHttpLoopback;
    bundle.signingPublicKey = key.publicKey();
    bundle.surveys = request.surveys;
    bundle.issuedAt = QDateTime::currentDateTimeUtc();
    bundle.expiresAt = bundle.issuedAt.addDays(request.expiresDays);
    // Check everything that does not need the token before the receiver issues one.
    bundle.deviceToken = QByteArray(43, 'x');
    if (auto dryRun = enrollment::writeBundle(bundle, key); !dryRun) {
        return dryRun.error();
    }
    auto issued = admin.issueDevice(request.device, request.surveys, request.replace);
    if (!issued) {
        return issued.error();
    }
    bundle.deviceToken = issued->token;
    auto file = enrollment::writeBundle(bundle, key);
    bundle.wipe();
    sodium_memzero(issued->token.data(), size_t(issued->token.size()));
    if (!file) {
        if (Status undone = admin.revokeDevice(request.device); !undone) {
            qCWarning(lcSync).noquote() << "could not revoke the token of" << request.device << "after a failed bundle:"
                                        << undone.error().message;
        }
        return file.error();
    }
    return EnrolledDevice{*file, bundle.fingerprint(), issued->surveys};
}

} // namespace chorus::sync
