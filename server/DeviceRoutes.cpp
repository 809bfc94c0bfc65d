// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeviceRoutes.h"

#include "HttpSupport.h"
#include "ServerLogging.h"
#include "Tokens.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace chorus::server {

using namespace http;

namespace {

constexpr int kMaxSurveys = 200;

void jsonReply(httplib::Response &res, int status, const QJsonObject &body)
{
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    res.set_content(toStd(QJsonDocument(body).toJson(QJsonDocument::Compact)), "application/json");
}

void storageError(httplib::Response &res, const Error &error)
{
    textReply(res, error.kind == ErrorKind::NotFound ? 404 : error.kind == ErrorKind::Conflict ? 409 : 503,
              error.message);
}

// The "surveys" list of a request body; absent means all. Empty optional (with a 400 written) when unusable.
std::optional<QStringList> surveysFrom(const QJsonObject &body, httplib::Response &res)
{
    const QJsonValue value = body.value(QStringLiteral("surveys"));
    if (value.isUndefined()) {
        return QStringList{QStringLiteral("*")};
    }
    QStringList out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &v : array) {
        if (!v.isString() || !isValidSurveyAssignment(v.toString()) || out.contains(v.toString())) {
            break;
        }
        out.append(v.toString());
    }
    if (!value.isArray() || out.isEmpty() || out.size() != array.size() || out.size() > kMaxSurveys) {
        textReply(res, 400, QStringLiteral("\"surveys\" must be a list of 1-%1 different survey ids, or [\"*\"] for all")
                                .arg(kMaxSurveys));
        return std::nullopt;
    }
    return out;
}

std::optional<QJsonObject> jsonBody(const httplib::Request &req, httplib::Response &res)
{
    const QJsonDocument doc = QJsonDocument::fromJson(toBytes(req.body));
    if (!doc.isObject()) {
        textReply(res, 400, QStringLiteral("the body must be a JSON object"));
        return std::nullopt;
    }
    return doc.object();
}

} // namespace

bool requireAdmin(const httplib::Request &req, httplib::Response &res, const QByteArray &adminToken)
{
    const QByteArray given = bearerToken(req);
    if (adminToken.isEmpty() || given.isEmpty() || !tokensEqual(given, adminToken)) {
        res.set_header("WWW-Authenticate", "Bearer");
        textReply(res, 401, QStringLiteral("admin token required"));
        return false;
    }
    return true;
}

bool isValidDeviceName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$"));
    return pattern.match(name).hasMatch();
}

bool isValidSurveyAssignment(const QString &surveyIdOrStar)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z_][A-Za-z0-9_.-]{0,63}$"));
    return surveyIdOrStar == QLatin1String("*") || pattern.match(surveyIdOrStar).hasMatch();
}

void installDeviceRoutes(httplib::Server &server, Storage &storage, QByteArray adminToken)
{
    server.Post("/v1/admin/devices", [&storage, adminToken](const httplib::Request &req, httplib::Response &res) {
        if (!requireAdmin(req, res, adminToken)) {
            return;
        }
        const std::optional<QJsonObject> body = jsonBody(req, res);
        if (!body) {
            return;
        }
        const QString name = body->value(QStringLiteral("name")).toString();
        if (!isValidDeviceName(name)) {
            textReply(res, 400, QStringLiteral("\"name\" must be 1-64 characters of A-Z a-z 0-9 . _ - "
                                               "(not starting with a dot)"));
            return;
        }
        const std::optional<QStringList> surveys = surveysFrom(*body, res);
        if (!surveys) {
            return;
        }
        auto known = storage.devices();
        if (!known) {
            storageError(res, known.error());
            return;
        }
        for (const DeviceInfo &d : *known) {
            if (d.name == name && d.revokedAt.isEmpty() && !body->value(QStringLiteral("replace")).toBool()) {
                textReply(res, 409, QStringLiteral("a device named '%1' is already enrolled; revoke it first, "
                                                   "or choose another name")
                                        .arg(name));
                return;
            }
        }
        QByteArray token = generateToken();
        const Status added = storage.addDevice(name, hashToken(token));
        const Status assigned = added ? storage.assignSurveys(name, *surveys) : added;
        if (!assigned) {
            storageError(res, assigned.error());
            return;
        }
        qCInfo(lcReceiver).noquote() << "device enrolled:" << name;
        jsonReply(res, 201, QJsonObject{{QStringLiteral("name"), name},
                                        {QStringLiteral("token"), QString::fromLatin1(token)},
                                        {QStringLiteral("surveys"), QJsonArray::fromStringList(*surveys)}});
        token.fill('\0');
    });

    server.Get("/v1/admin/devices", [&storage, adminToken](const httplib::Request &req, httplib::Response &res) {
        if (!requireAdmin(req, res, adminToken)) {
            return;
        }
        auto devices = storage.devices();
        if (!devices) {
            storageError(res, devices.error());
            return;
        }
        QJsonArray list;
        for (const DeviceInfo &d : *devices) {
            list.append(QJsonObject{{QStringLiteral("name"), d.name},
                                    {QStringLiteral("createdAt"), d.createdAt},
                                    {QStringLiteral("revokedAt"), d.revokedAt.isEmpty() ? QJsonValue() : QJsonValue(d.revokedAt)},
                                    {QStringLiteral("surveys"), QJsonArray::fromStringList(d.surveys)}});
        }
        jsonReply(res, 200, QJsonObject{{QStringLiteral("devices"), list}});
    });

    server.Put(R"(/v1/admin/devices/([A-Za-z0-9._-]{1,64})/surveys)",
               [&storage, adminToken](const httplib::Request &req, httplib::Response &res) {
                   if (!requireAdmin(req, res, adminToken)) {
                       return;
                   }
                   const QString name = QString::fromStdString(req.matches[1].str());
                   const std::optional<QJsonObject> body = jsonBody(req, res);
                   const std::optional<QStringList> surveys = body ? surveysFrom(*body, res) : std::nullopt;
                   if (!surveys) {
                       return;
                   }
                   if (Status s = storage.assignSurveys(name, *surveys); !s) {
                       storageError(res, s.error());
                       return;
                   }
                   jsonReply(res, 200, QJsonObject{{QStringLiteral("name"), name},
                                                   {QStringLiteral("surveys"), QJsonArray::fromStringList(*surveys)}});
               });

    server.Delete(R"(/v1/admin/devices/([A-Za-z0-9._-]{1,64}))",
                  [&storage, adminToken](const httplib::Request &req, httplib::Response &res) {
                      if (!requireAdmin(req, res, adminToken)) {
                          return;
                      }
                      const QString name = QString::fromStdString(req.matches[1].str());
                      if (Status s = storage.revokeDevice(name); !s) {
                          storageError(res, s.error());
                          return;
                      }
                      qCInfo(lcReceiver).noquote() << "device revoked:" << name;
                      res.status = 204;
                  });
}

} // namespace chorus::server
