// SPDX-License-Identifier: GPL-3.0-or-later
#include "OpenRosaClient.h"

#include "Backoff.h"
#include "Multipart.h"

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>

namespace chorus::sync {

namespace {

// The server's own words, shortened and stripped of markup, for the reason shown to people.
QString serverMessage(const QByteArray &body)
{
    QString text = QString::fromUtf8(body.left(2000));
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    text.replace(tags, QStringLiteral(" "));
    text = text.simplified();
    if (text.size() > 200) {
        text = text.left(200) + QStringLiteral("…");
    }
    return text;
}

QString withMessage(const QString &what, const HttpResponse &response)
{
    const QString message = serverMessage(response.body);
    return message.isEmpty() ? what : what + QStringLiteral(" (server said: ") + message + QLatin1Char(')');
}

SubmitResult fromTransportError(const Error &error)
{
    if (error.isRetryable()) {
        return {SubmitOutcome::Transient, 0, error.message};
    }
    return {SubmitOutcome::Refused, 0, error.message};
}

} // namespace

QString outcomeName(SubmitOutcome outcome)
{
    switch (outcome) {
    case SubmitOutcome::Accepted: return QStringLiteral("accepted");
    case SubmitOutcome::Conflict: return QStringLiteral("conflict");
    case SubmitOutcome::DeletedOnServer: return QStringLiteral("deleted-on-server");
    case SubmitOutcome::Rejected: return QStringLiteral("rejected");
    case SubmitOutcome::AuthRejected: return QStringLiteral("auth-rejected");
    case SubmitOutcome::Transient: return QStringLiteral("transient");
    case SubmitOutcome::Refused: return QStringLiteral("refused");
    }
    return {};
}

OpenRosaClient::OpenRosaClient(Transport &transport, QUrl submissionUrl, QByteArray bearerToken)
    : m_transport(transport)
    , m_url(std::move(submissionUrl))
    , m_token(std::move(bearerToken))
{
}

HttpHeaders OpenRosaClient::commonHeaders() const
{
    HttpHeaders headers;
    headers.emplaceBack(QByteArrayLiteral("X-OpenRosa-Version"), QByteArrayLiteral("1.0"));
    headers.emplaceBack(QByteArrayLiteral("Date"), QLocale::c()
                                .toString(QDateTime::currentDateTimeUtc(),
                                          QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
                                .toLatin1());
    if (!m_token.isEmpty()) {
        headers.emplaceBack(QByteArrayLiteral("Authorization"), "Bearer " + m_token);
    }
    return headers;
}

Result<ServerInfo> OpenRosaClient::head()
{
    HttpRequest request;
    request.method = HttpRequest::Method::Head;
    request.url = m_url;
    request.headers = commonHeaders();
    Result<HttpResponse> reply = m_transport.send(request);
    if (!reply) {
        return reply.error();
    }
    const HttpResponse &response = *reply;
    if (response.status == 401 || response.status == 403) {
        return makeError(ErrorKind::Permission,
                         QStringLiteral("the server refused this device's token (HTTP %1): re-enrol the device")
                             .arg(response.status));
    }
    if (response.status == 204 && !response.header("x-openrosa-version").isEmpty()) {
        ServerInfo info;
        bool ok = false;
        const qint64 limit = response.header("x-openrosa-accept-content-length").toLongLong(&ok);
        if (ok && limit > 0) {
            info.acceptContentLength = limit;
        }
        return info;
    }
    if (response.status >= 500 || response.status == 408 || response.status == 429) {
        return makeError(ErrorKind::Network,
                         QStringLiteral("the server is unavailable (HTTP %1): will retry").arg(response.status));
    }
    if (response.status >= 200 && response.status < 400) {
        // A login page or proxy answering in the server's place: nothing is sent through it.
        return makeError(ErrorKind::Network,
                         QStringLiteral("HTTP %1 instead of an OpenRosa server: a wifi login page or proxy may be "
                                        "in the way; try another network")
                             .arg(response.status));
    }
    return makeError(ErrorKind::InvalidInput,
                     QStringLiteral("no OpenRosa submission endpoint at %1 (HTTP %2): check the server address")
                         .arg(m_url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemovePath), QString::number(response.status)));
}

SubmitResult OpenRosaClient::classify(const HttpResponse &response)
{
    const int status = response.status;
    if (status == 201 || status == 202) {
        return {SubmitOutcome::Accepted, status, {}};
    }
    if (status == 401 || status == 403) {
        return {SubmitOutcome::AuthRejected, status,
                withMessage(QStringLiteral("the server refused this device's token (HTTP %1): re-enrol the device")
                                .arg(status), response)};
    }
    if (status == 409) {
        const QString text = serverMessage(response.body);
        if (text.contains(QLatin1String("deleted"), Qt::CaseInsensitive)) {
            return {SubmitOutcome::DeletedOnServer, status,
                    withMessage(QStringLiteral("the server deleted this record; it will not be sent again"), response)};
        }
        if (text.contains(QLatin1String("different XML"), Qt::CaseInsensitive)) {
            return {SubmitOutcome::Conflict, status,
                    withMessage(QStringLiteral("the server holds a different record with this ID: ask an admin"),
                                response)};
        }
        return {SubmitOutcome::Rejected, status, withMessage(QStringLiteral("refused as a conflict (HTTP 409)"), response)};
    }
    if (status >= 500 || status == 408 || status == 423 || status == 429) {
        return {SubmitOutcome::Transient, status,
                withMessage(QStringLiteral("the server could not take it now (HTTP %1): will retry").arg(status),
                            response),
                parseRetryAfter(response.header("retry-after"), QDateTime::currentDateTimeUtc())};
    }
    if (status >= 200 && status < 400) {
        return {SubmitOutcome::Transient, status,
                QStringLiteral("HTTP %1 is not an OpenRosa acceptance: a wifi login page or proxy may be in the "
                               "way; will retry")
                    .arg(status)};
    }
    return {SubmitOutcome::Rejected, status,
            withMessage(QStringLiteral("the server refused the record (HTTP %1)").arg(status), response)};
}

SubmitResult OpenRosaClient::postOnce(const QByteArray &manifest, const FileParts &parts)
{
    const MultipartBody body = buildSubmissionBody(manifest, parts);
    HttpRequest request;
    request.method = HttpRequest::Method::Post;
    request.url = m_url;
    request.headers = commonHeaders();
    request.headers.emplaceBack(QByteArrayLiteral("Content-Type"), body.contentType);
    request.body = body.body;
    Result<HttpResponse> reply = m_transport.send(request);
    if (!reply) {
        SubmitResult failed = fromTransportError(reply.error());
        failed.noAnswer = failed.outcome == SubmitOutcome::Transient && m_transport.lastSendTimedOut();
        return failed;
    }
    return classify(*reply);
}

SubmitResult OpenRosaClient::submit(const OutboxItem &item, const ServerInfo &server)
{
    qint64 limit = server.acceptContentLength;
    QList<FileParts> groups = splitParts(item.manifest, item.parts, limit);
    for (;;) {
        SubmitResult result{SubmitOutcome::Accepted, 0, {}};
        bool tooLarge = false;
        for (const FileParts &group : std::as_const(groups)) {
            result = postOnce(item.manifest, group);
            if (result.httpStatus == 413) {
                tooLarge = true;
                break;
            }
            if (result.outcome != SubmitOutcome::Accepted) {
                return result;
            }
        }
        if (!tooLarge) {
            return result;
        }
        // 413: resend in smaller uploads; parts the server already stored are idempotent.
        const qsizetype before = groups.size();
        if (before >= std::max<qsizetype>(1, item.parts.size())) {
            return {SubmitOutcome::Rejected, 413,
                    QStringLiteral("the record is larger than the server accepts (HTTP 413), even one file "
                                   "per upload: ask the admin to raise the limit")};
        }
        do {
            limit /= 2;
            groups = splitParts(item.manifest, item.parts, limit);
        } while (groups.size() <= before);
    }
}

} // namespace chorus::sync
