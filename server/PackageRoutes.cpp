// SPDX-License-Identifier: GPL-3.0-or-later
#include "PackageRoutes.h"

#include "HttpSupport.h"
#include "Manifest.h"
#include "Tokens.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace chorus::server {

using namespace http;

namespace {
constexpr qint64 kMaxPackage = 50 * 1024 * 1024;
}

void installPackageRoutes(httplib::Server &server, Storage &storage, QString packagesDir)
{
    auto enrolled = [&storage](const httplib::Request &req, httplib::Response &res) {
        const QByteArray token = bearerToken(req);
        if (token.isEmpty() || !storage.deviceForToken(hashToken(token))) {
            res.set_header("WWW-Authenticate", "Bearer");
            textReply(res, 401, QStringLiteral("unknown or revoked device token: re-enrol the device"));
            return false;
        }
        return true;
    };

    server.Get("/v1/packages", [packagesDir, enrolled](const httplib::Request &req, httplib::Response &res) {
        if (!enrolled(req, res)) {
            return;
        }
        QJsonArray list;
        const QFileInfoList files = QDir(packagesDir).entryInfoList(QDir::Files | QDir::Readable, QDir::Name);
        for (const QFileInfo &info : files) {
            if (!isSafeFileName(info.fileName()) || info.size() > kMaxPackage) {
                continue;
            }
            QFile file(info.filePath());
            if (!file.open(QIODevice::ReadOnly)) {
                continue;
            }
            list.append(QJsonObject{
                {QStringLiteral("name"), info.fileName()},
                {QStringLiteral("size"), info.size()},
                {QStringLiteral("sha256"),
                 QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex())}});
        }
        res.status = 200;
        res.set_content(toStd(QJsonDocument(QJsonObject{{QStringLiteral("packages"), list}}).toJson(QJsonDocument::Compact)),
                        "application/json");
    });

    server.Get(R"(/v1/packages/([A-Za-z0-9._-]{1,200}))",
               [packagesDir, enrolled](const httplib::Request &req, httplib::Response &res) {
                   if (!enrolled(req, res)) {
                       return;
                   }
                   const QString name = QString::fromStdString(req.matches[1].str());
                   QFile file(QDir(packagesDir).filePath(name));
                   if (!isSafeFileName(name) || !file.open(QIODevice::ReadOnly) || file.size() > kMaxPackage) {
                       textReply(res, 404, QStringLiteral("no such survey package"));
                       return;
                   }
                   res.status = 200;
                   res.set_content(toStd(file.readAll()), "application/octet-stream");
               });
}

} // namespace chorus::server
