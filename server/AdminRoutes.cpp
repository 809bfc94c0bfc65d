// SPDX-License-Identifier: GPL-3.0-or-later
#include "AdminRoutes.h"

#include "HttpSupport.h"
#include "Manifest.h"
#include "Tokens.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace chorus::server {

using namespace http;

namespace {

constexpr int kDefaultPage = 100;
constexpr int kMaxPage = 1000;

QJsonObject toJson(const SubmissionSummary &s)
{
    QJsonArray files;
    for (const StoredFileInfo &f : s.files) {
        files.append(QJsonObject{{QStringLiteral("name"), f.name},
                                 {QStringLiteral("size"), f.size},
                                 {QStringLiteral("sha256"), QString::fromLatin1(f.sha256Hex)}});
    }
    return QJsonObject{{QStringLiteral("id"), s.id},
                       {QStringLiteral("change"), s.change},
                       {QStringLiteral("instanceId"), s.instanceId},
                       {QStringLiteral("projectId"), s.projectId},
                       {QStringLiteral("receivedAt"), s.receivedAt},
                       {QStringLiteral("deleted"), s.deleted},
                       {QStringLiteral("complete"), s.complete},
                       {QStringLiteral("files"), files}};
}

void bytesReply(httplib::Response &response, const Result<QByteArray> &bytes, const char *contentType)
{
    if (!bytes) {
        textReply(response, bytes.error().kind == ErrorKind::NotFound ? 404 : 503, bytes.error().message);
        return;
    }
    response.status = 200;
    response.set_content(toStd(*bytes), contentType);
}

} // namespace

void installAdminRoutes(httplib::Server &server, Storage &storage, QByteArray adminToken)
{
    server.Get("/healthz", [&storage](const httplib::Request &, httplib::Response &res) {
        const Status ok = storage.healthCheck();
        textReply(res, ok ? 200 : 503, ok ? QStringLiteral("ok") : QStringLiteral("database unavailable"));
    });

    // Every admin route checks the token first; an empty configured token disables the API.
    auto guarded = [adminToken](auto handler) {
        return [adminToken, handler](const httplib::Request &req, httplib::Response &res) {
            const QByteArray given = bearerToken(req);
            if (adminToken.isEmpty() || given.isEmpty() || !tokensEqual(given, adminToken)) {
                res.set_header("WWW-Authenticate", "Bearer");
                textReply(res, 401, QStringLiteral("admin token required"));
                return;
            }
            handler(req, res);
        };
    };

    server.Get("/v1/admin/submissions", guarded([&storage](const httplib::Request &req, httplib::Response &res) {
        bool ok = true;
        const qint64 cursor = req.has_param("cursor")
                                  ? QString::fromStdString(req.get_param_value("cursor")).toLongLong(&ok)
                                  : 0;
        bool limitOk = true;
        const int limit = req.has_param("limit") ? QString::fromStdString(req.get_param_value("limit")).toInt(&limitOk)
                                                 : kDefaultPage;
        if (!ok || !limitOk || cursor < 0 || limit < 1 || limit > kMaxPage) {
            textReply(res, 400, QStringLiteral("cursor must be a non-negative integer and limit 1-%1").arg(kMaxPage));
            return;
        }
        Result<QList<SubmissionSummary>> page = storage.changesAfter(cursor, limit);
        if (!page) {
            textReply(res, 503, page.error().message);
            return;
        }
        QJsonArray items;
        qint64 next = cursor;
        for (const SubmissionSummary &s : std::as_const(*page)) {
            items.append(toJson(s));
            next = s.change;
        }
        const QJsonObject body{{QStringLiteral("submissions"), items},
                               {QStringLiteral("cursor"), next},
                               {QStringLiteral("more"), page->size() == limit}};
        res.status = 200;
        res.set_content(toStd(QJsonDocument(body).toJson(QJsonDocument::Compact)), "application/json");
    }));

    server.Get(R"(/v1/admin/submissions/(\d{1,18})/manifest)",
               guarded([&storage](const httplib::Request &req, httplib::Response &res) {
                   bytesReply(res, storage.manifest(std::stoll(req.matches[1].str())), "text/xml");
               }));

    server.Get(R"(/v1/admin/submissions/(\d{1,18})/files/([A-Za-z0-9._-]{1,200}))",
               guarded([&storage](const httplib::Request &req, httplib::Response &res) {
                   const QString name = QString::fromStdString(req.matches[2].str());
                   if (!isSafeFileName(name)) {
                       textReply(res, 400, QStringLiteral("bad file name"));
                       return;
                   }
                   bytesReply(res, storage.file(std::stoll(req.matches[1].str()), name), "application/octet-stream");
               }));
}

} // namespace chorus::server
