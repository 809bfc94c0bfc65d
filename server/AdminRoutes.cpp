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

QJsonObject toJson(const WithdrawalSummary &w)
{
    return QJsonObject{{QStringLiteral("id"), w.id},
                       {QStringLiteral("change"), w.change},
                       {QStringLiteral("requestId"), w.requestId},
                       {QStringLiteral("targetId"), w.targetId},
                       {QStringLiteral("device"), w.device},
                       {QStringLiteral("receivedAt"), w.receivedAt}};
}

// Reads ?cursor=&limit= ; false (with a 400 written) when they are unusable.
bool pageParams(const httplib::Request &req, httplib::Response &res, qint64 *cursor, int *limit)
{
    bool ok = true;
    bool limitOk = true;
    *cursor = req.has_param("cursor") ? QString::fromStdString(req.get_param_value("cursor")).toLongLong(&ok) : 0;
    *limit = req.has_param("limit") ? QString::fromStdString(req.get_param_value("limit")).toInt(&limitOk)
                                    : kDefaultPage;
    if (!ok || !limitOk || *cursor < 0 || *limit < 1 || *limit > kMaxPage) {
        textReply(res, 400, QStringLiteral("cursor must be a non-negative integer and limit 1-%1").arg(kMaxPage));
        return false;
    }
    return true;
}

template<typename Summary>
void pageReply(httplib::Response &res, const char *key, const Result<QList<Summary>> &page, qint64 cursor, int limit)
{
    if (!page) {
        textReply(res, 503, page.error().message);
        return;
    }
    QJsonArray items;
    qint64 next = cursor;
    for (const Summary &s : *page) {
        items.append(toJson(s));
        next = s.change;
    }
    const QJsonObject body{{QString::fromLatin1(key), items},
                           {QStringLiteral("cursor"), next},
                           {QStringLiteral("more"), page->size() == limit}};
    res.status = 200;
    res.set_content(toStd(QJsonDocument(body).toJson(QJsonDocument::Compact)), "application/json");
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
        qint64 cursor = 0;
        int limit = 0;
        if (pageParams(req, res, &cursor, &limit)) {
            pageReply(res, "submissions", storage.changesAfter(cursor, limit), cursor, limit);
        }
    }));

    server.Get("/v1/admin/withdrawals", guarded([&storage](const httplib::Request &req, httplib::Response &res) {
        qint64 cursor = 0;
        int limit = 0;
        if (pageParams(req, res, &cursor, &limit)) {
            pageReply(res, "withdrawals", storage.withdrawalsAfter(cursor, limit), cursor, limit);
        }
    }));

    server.Get(R"(/v1/admin/withdrawals/(\d{1,18})/manifest)",
               guarded([&storage](const httplib::Request &req, httplib::Response &res) {
                   bytesReply(res, storage.withdrawalXml(std::stoll(req.matches[1].str())), "text/xml");
               }));

    server.Delete(R"(/v1/admin/submissions/(\d{1,18}))",
                  guarded([&storage](const httplib::Request &req, httplib::Response &res) {
                      const Status deleted = storage.deleteSubmission(std::stoll(req.matches[1].str()));
                      if (!deleted) {
                          textReply(res, deleted.error().kind == ErrorKind::NotFound ? 404 : 503,
                                    deleted.error().message);
                          return;
                      }
                      res.status = 204;
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
