// SPDX-License-Identifier: GPL-3.0-or-later
#include "AdminClient.h"

#include "ReplyNumbers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

#include <algorithm>

#include <sodium.h>

namespace chorus::sync {

namespace {

constexpr int kPageSize = 1000;

Result<ReceivedSubmission> fromJson(const QJsonObject &o)
{
    ReceivedSubmission s;
    const Result<qint64> id = replyInteger(o, QStringLiteral("id"), 0, kMaxReplyInteger, QStringLiteral("submission id"));
    const Result<qint64> change =
        replyInteger(o, QStringLiteral("change"), 0, kMaxReplyInteger, QStringLiteral("submission change number"), 0);
    if (!id || !change) {
        return !id ? id.error() : change.error();
    }
    s.id = *id;
    s.change = *change;
    s.instanceId = o.value(QStringLiteral("instanceId")).toString();
    s.projectId = o.value(QStringLiteral("projectId")).toString();
    s.receivedAt = o.value(QStringLiteral("receivedAt")).toString();
    s.deleted = o.value(QStringLiteral("deleted")).toBool();
    s.complete = o.value(QStringLiteral("complete")).toBool();
    const QJsonArray files = o.value(QStringLiteral("files")).toArray();
    s.files = int(files.size());
    for (const QJsonValue &f : files) {
        const Result<qint64> size =
            replyInteger(f.toObject(), QStringLiteral("size"), 0, kMaxReplyBytes, QStringLiteral("file size"));
        if (!size) {
            return size.error();
        }
        // Each term is below 2^40 and the total is capped, so the sum cannot overflow.
        s.bytes = std::min(s.bytes + *size, kMaxReplyInteger);
    }
    return s;
}

} // namespace

AdminClient::AdminClient(Transport &transport, QUrl serverBase, QByteArray adminToken)
    : m_transport(transport)
    , m_base(std::move(serverBase))
    , m_token(std::move(adminToken))
{
}

AdminClient::~AdminClient()
{
    sodium_memzero(m_token.data(), size_t(m_token.size()));
}

Result<HttpResponse> AdminClient::send(HttpRequest::Method method, const QString &path, const QString &query)
{
    HttpRequest request;
    request.method = method;
    request.url = m_base;
    QString basePath = m_base.path();
    while (basePath.endsWith(QLatin1Char('/'))) {
        basePath.chop(1);
    }
    request.url.setPath(basePath + path);
    request.url.setQuery(query);
    request.headers.append({QByteArrayLiteral("Authorization"), "Bearer " + m_token});
    Result<HttpResponse> reply = m_transport.send(request);
    if (!reply) {
        return reply.error();
    }
    if (reply->status == 401 || reply->status == 403) {
        return makeError(ErrorKind::Permission,
                         QStringLiteral("the receiver refused the admin token (HTTP %1): check --admin-token-file")
                             .arg(reply->status));
    }
    if (reply->status >= 300) {
        return makeError(reply->status >= 500 ? ErrorKind::Network
                         : reply->status == 404 ? ErrorKind::NotFound
                                                : ErrorKind::InvalidInput,
                         QStringLiteral("the receiver answered HTTP %1 for %2: %3")
                             .arg(reply->status)
                             .arg(path, QString::fromUtf8(reply->body.left(200)).trimmed()));
    }
    return reply;
}

Result<QList<ReceivedSubmission>> AdminClient::list()
{
    // The feed lists a submission again when it changes (a tombstone): keep its latest entry.
    QMap<qint64, ReceivedSubmission> byId;
    qint64 cursor = 0;
    for (;;) {
        Result<HttpResponse> page = send(HttpRequest::Method::Get, QStringLiteral("/v1/admin/submissions"),
                                         QStringLiteral("cursor=%1&limit=%2").arg(cursor).arg(kPageSize));
        if (!page) {
            return page.error();
        }
        const QJsonObject body = QJsonDocument::fromJson(page->body).object();
        if (!body.contains(QStringLiteral("submissions"))) {
            return makeError(ErrorKind::InvalidInput, QStringLiteral("the receiver's submission list is not JSON"));
        }
        for (const QJsonValue &v : body.value(QStringLiteral("submissions")).toArray()) {
            const Result<ReceivedSubmission> s = fromJson(v.toObject());
            if (!s) {
                return s.error();
            }
            byId.insert(s->id, *s);
        }
        const Result<qint64> next =
            replyInteger(body, QStringLiteral("cursor"), 0, kMaxReplyInteger, QStringLiteral("pull cursor"), cursor);
        if (!next) {
            return next.error();
        }
        if (!body.value(QStringLiteral("more")).toBool() || *next <= cursor) {
            break;
        }
        cursor = *next;
    }
    QList<ReceivedSubmission> all = byId.values();
    std::sort(all.begin(), all.end(), [](const auto &a, const auto &b) { return a.change < b.change; });
    return all;
}

Result<ReceivedSubmission> AdminClient::remove(const QString &instanceId)
{
    Result<QList<ReceivedSubmission>> all = list();
    if (!all) {
        return all.error();
    }
    const auto found = std::find_if(all->cbegin(), all->cend(),
                                    [&instanceId](const ReceivedSubmission &s) { return s.instanceId == instanceId; });
    if (found == all->cend()) {
        return makeError(ErrorKind::NotFound,
                         QStringLiteral("the receiver has no submission %1 (see `chorusctl submissions list`)")
                             .arg(instanceId));
    }
    if (found->deleted) {
        return *found;
    }
    if (Status deleted = remove(*found); !deleted) {
        return deleted.error();
    }
    return *found;
}

Status AdminClient::remove(const ReceivedSubmission &submission)
{
    Result<HttpResponse> deleted =
        send(HttpRequest::Method::Delete, QStringLiteral("/v1/admin/submissions/%1").arg(submission.id));
    if (!deleted) {
        return deleted.error();
    }
    return {};
}

} // namespace chorus::sync
