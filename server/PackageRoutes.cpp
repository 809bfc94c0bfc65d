// SPDX-License-Identifier: GPL-3.0-or-later
#include "PackageRoutes.h"

#include "DeviceRoutes.h"
#include "HttpSupport.h"
#include "Manifest.h"
#include "Tokens.h"

#include "survey/PackageSignature.h"
#include "survey/SurveyLoader.h"

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
constexpr int kSignatureSize = 64;

void jsonReply(httplib::Response &res, int status, const QJsonObject &body)
{
    res.status = status;
    res.set_content(toStd(QJsonDocument(body).toJson(QJsonDocument::Compact)), "application/json");
}

QString hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

bool assigned(const QStringList &surveys, const QString &surveyId)
{
    return surveys.contains(QStringLiteral("*")) || surveys.contains(surveyId);
}

// The device's name and assignment, or false with the 401 written.
bool enrolledDevice(Storage &storage, const httplib::Request &req, httplib::Response &res, QStringList *surveys)
{
    const QByteArray token = bearerToken(req);
    const Result<QString> device = token.isEmpty() ? Result<QString>(makeError(ErrorKind::Permission, {}))
                                                   : storage.deviceForToken(hashToken(token));
    if (!device) {
        res.set_header("WWW-Authenticate", "Bearer");
        textReply(res, 401, QStringLiteral("unknown or revoked device token: re-enrol the device"));
        return false;
    }
    auto list = storage.assignedSurveys(*device);
    if (!list) {
        textReply(res, 503, list.error().message);
        return false;
    }
    *surveys = *list;
    return true;
}

// A file of the older packages directory, or empty when there is none by that name.
QByteArray legacyFile(const QString &dir, const QString &name)
{
    QFile file(QDir(dir).filePath(name));
    if (dir.isEmpty() || !isSafeFileName(name) || !file.open(QIODevice::ReadOnly) || file.size() > kMaxPackage) {
        return {};
    }
    return file.readAll();
}

void publish(Storage &storage, const QByteArray &signingKey, const httplib::Request &req, httplib::Response &res)
{
    const QString name = QString::fromStdString(req.matches[1].str());
    const QByteArray bytes = toBytes(req.body);
    const auto signature = QByteArray::fromBase64Encoding(toBytes(req.get_header_value("X-Chorus-Signature")).trimmed(),
                                                          QByteArray::AbortOnBase64DecodingErrors);
    if (!signature || signature.decoded.size() != kSignatureSize) {
        textReply(res, 400, QStringLiteral("X-Chorus-Signature must hold the base64 of the package's 64-byte "
                                           "signature (chorusctl survey sign writes it to FILE.sig)"));
        return;
    }
    if (signingKey.isEmpty()) {
        textReply(res, 503, QStringLiteral("this receiver was not given the council's signing public key, so it cannot "
                                           "check a package and publishes none; give it the key (docs/deploy.md)"));
        return;
    }
    if (!survey::verifyPackageSignature(bytes, signature.decoded, signingKey)) {
        textReply(res, 400, QStringLiteral("the package's signature does not verify against the council signing key "
                                           "this receiver holds: it was changed after signing or signed with another "
                                           "key. Nothing was replaced; sign the package again with chorusctl survey sign"));
        return;
    }
    survey::ValidationReport report;
    const auto package = survey::SurveyLoader::load(bytes, &report);
    if (!package) {
        const QString first = report.isEmpty() ? package.error().message : report.problems().constFirst().toString();
        textReply(res, 400, QStringLiteral("not a valid survey package (%1 problem(s); first: %2); check it with "
                                           "chorusctl survey lint")
                                .arg(std::max<qsizetype>(1, report.size()))
                                .arg(first));
        return;
    }
    if (package->id != name) {
        textReply(res, 400, QStringLiteral("the package is survey '%1' but was sent to /v1/admin/packages/%2")
                                .arg(package->id, name));
        return;
    }
    const PublishedPackage incoming{{package->id, package->version, bytes.size(), hex(bytes).toLatin1(), {}},
                                    bytes, signature.decoded};
    const Result<PublishOutcome> outcome = storage.publishPackage(incoming);
    if (!outcome) {
        textReply(res, outcome.error().kind == ErrorKind::Conflict ? 409 : 503, outcome.error().message);
        return;
    }
    const QString word = *outcome == PublishOutcome::Created    ? QStringLiteral("created")
                       : *outcome == PublishOutcome::Replaced ? QStringLiteral("replaced")
                                                              : QStringLiteral("unchanged");
    jsonReply(res, *outcome == PublishOutcome::Created ? 201 : 200,
              QJsonObject{{QStringLiteral("surveyId"), package->id},
                          {QStringLiteral("version"), package->version},
                          {QStringLiteral("outcome"), word}});
}

} // namespace

void installPackageRoutes(httplib::Server &server, Storage &storage, QByteArray adminToken, QString packagesDir,
                          QByteArray signingPublicKey)
{
    server.Put(R"(/v1/admin/packages/([A-Za-z0-9._-]{1,64}))",
               [&storage, adminToken, signingPublicKey](const httplib::Request &req, httplib::Response &res) {
                   if (requireAdmin(req, res, adminToken)) {
                       publish(storage, signingPublicKey, req, res);
                   }
               });

    server.Get("/v1/admin/packages", [&storage, adminToken](const httplib::Request &req, httplib::Response &res) {
        if (!requireAdmin(req, res, adminToken)) {
            return;
        }
        auto packages = storage.packages();
        if (!packages) {
            textReply(res, 503, packages.error().message);
            return;
        }
        QJsonArray list;
        for (const PackageInfo &p : *packages) {
            list.append(QJsonObject{{QStringLiteral("surveyId"), p.surveyId},
                                    {QStringLiteral("version"), p.version},
                                    {QStringLiteral("size"), p.size},
                                    {QStringLiteral("sha256"), QString::fromLatin1(p.sha256Hex)},
                                    {QStringLiteral("publishedAt"), p.publishedAt}});
        }
        jsonReply(res, 200, QJsonObject{{QStringLiteral("packages"), list}});
    });

    server.Get("/v1/packages", [&storage, packagesDir](const httplib::Request &req, httplib::Response &res) {
        QStringList surveys;
        if (!enrolledDevice(storage, req, res, &surveys)) {
            return;
        }
        auto packages = storage.packages();
        if (!packages) {
            textReply(res, 503, packages.error().message);
            return;
        }
        QJsonArray list;
        for (const PackageInfo &p : *packages) {
            if (assigned(surveys, p.surveyId)) {
                list.append(QJsonObject{{QStringLiteral("name"), p.surveyId},
                                        {QStringLiteral("surveyId"), p.surveyId},
                                        {QStringLiteral("version"), p.version},
                                        {QStringLiteral("size"), p.size},
                                        {QStringLiteral("sha256"), QString::fromLatin1(p.sha256Hex)}});
            }
        }
        const bool all = surveys.contains(QStringLiteral("*"));
        const QFileInfoList files = packagesDir.isEmpty() || !all ? QFileInfoList()
                                  : QDir(packagesDir).entryInfoList(QDir::Files | QDir::Readable, QDir::Name);
        for (const QFileInfo &info : files) {
            const QByteArray bytes = info.fileName().endsWith(QLatin1String(".sig")) ? QByteArray()
                                                                                       : legacyFile(packagesDir, info.fileName());
            if (!bytes.isEmpty()) {
                list.append(QJsonObject{{QStringLiteral("name"), info.fileName()},
                                        {QStringLiteral("size"), bytes.size()},
                                        {QStringLiteral("sha256"), hex(bytes)}});
            }
        }
        jsonReply(res, 200, QJsonObject{{QStringLiteral("packages"), list}});
    });

    // {name}, or {name}/signature when `signature`.
    auto fetch = [&storage, packagesDir](const httplib::Request &req, httplib::Response &res, bool signature) {
        QStringList surveys;
        if (!enrolledDevice(storage, req, res, &surveys)) {
            return;
        }
        const QString name = QString::fromStdString(req.matches[1].str());
        if (assigned(surveys, name)) {
            auto package = storage.package(name);
            if (package) {
                res.status = 200;
                res.set_content(signature ? toStd(package->signature.toBase64() + '\n') : toStd(package->bytes),
                                signature ? "text/plain" : "application/octet-stream");
                return;
            }
            if (package.error().kind != ErrorKind::NotFound) {
                textReply(res, 503, package.error().message);
                return;
            }
        }
        const QByteArray legacy = surveys.contains(QStringLiteral("*"))
                                      ? legacyFile(packagesDir, signature ? name + QStringLiteral(".sig") : name)
                                      : QByteArray();
        if (legacy.isEmpty()) {
            textReply(res, 404, signature ? QStringLiteral("no signature for this survey package")
                                          : QStringLiteral("no such survey package"));
            return;
        }
        res.status = 200;
        res.set_content(toStd(legacy), signature ? "text/plain" : "application/octet-stream");
    };
    server.Get(R"(/v1/packages/([A-Za-z0-9._-]{1,200}))",
               [fetch](const httplib::Request &req, httplib::Response &res) { fetch(req, res, false); });
    server.Get(R"(/v1/packages/([A-Za-z0-9._-]{1,200})/signature)",
               [fetch](const httplib::Request &req, httplib::Response &res) { fetch(req, res, true); });
}

} // namespace chorus::server
