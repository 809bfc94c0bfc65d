// SPDX-License-Identifier: GPL-3.0-or-later
#include "SubmissionRoutes.h"

#include "HttpSupport.h"
#include "Manifest.h"
#include "ServerLogging.h"
#include "Tokens.h"

#include <QSet>

namespace chorus::server {

using namespace http;

namespace {

QString xmlEscape(const QString &text)
{
    return text.toHtmlEscaped();
}

void openRosaReply(httplib::Response &response, int status, const QString &message, qint64 maxBody)
{
    response.status = status;
    response.set_header("X-OpenRosa-Version", "1.0");
    response.set_header("X-OpenRosa-Accept-Content-Length", std::to_string(maxBody));
    if (status == 204) {
        return;
    }
    const QString body = QStringLiteral("<OpenRosaResponse xmlns=\"http://openrosa.org/http/response\">"
                                        "<message nature=\"%1\">%2</message></OpenRosaResponse>")
                             .arg(status < 300 ? QStringLiteral("submit_success") : QStringLiteral("error"),
                                  xmlEscape(message));
    response.set_content(toStd(body), "text/xml; charset=utf-8");
}

void handleWithdrawal(httplib::Response &response, Storage &storage, qint64 maxBody, const ManifestInfo &manifest,
                      const QString &device, const QByteArray &xml)
{
    Result<StoreOutcome> stored =
        storage.storeWithdrawal(IncomingWithdrawal{manifest.instanceId, manifest.withdrawalTarget, device, xml});
    if (!stored) {
        logEvent(QtWarningMsg, QStringLiteral("store_failed"),
                 {{QStringLiteral("instanceID"), manifest.instanceId}, {QStringLiteral("error"), stored.error().message}});
        openRosaReply(response, 503, QStringLiteral("The receiver could not store the request; try again later."),
                      maxBody);
        return;
    }
    if (*stored == StoreOutcome::DifferentXml) {
        currentRequest().outcome = QStringLiteral("conflict");
        openRosaReply(response, 409,
                      QStringLiteral("A submission already exists with this ID, but with different XML."), maxBody);
        return;
    }
    currentRequest().outcome = QStringLiteral("withdrawal");
    currentRequest().target = manifest.withdrawalTarget;
    openRosaReply(response, 201, QStringLiteral("Withdrawal request received."), maxBody);
}

struct Route {
    bool keyed = false;   // /v1/key/{token}/...: the token is in the path (and only there)
    QByteArray pathToken;
    QString projectId;
};

void handle(const httplib::Request &request, httplib::Response &response, Storage &storage, qint64 maxBody,
            const Route &route)
{
    const bool head = request.method == "HEAD";
    if (request.method != "POST" && !head) {
        openRosaReply(response, 405, QStringLiteral("Use HEAD or POST on the submission endpoint."), maxBody);
        return;
    }
    if (!request.has_header("X-OpenRosa-Version")) {
        openRosaReply(response, 400, QStringLiteral("Required header X-OpenRosa-Version is missing."), maxBody);
        return;
    }
    // As ODK Central: a client speaking another version may expect other answers.
    if (request.get_header_value("X-OpenRosa-Version") != "1.0") {
        openRosaReply(response, 400,
                      QStringLiteral("X-OpenRosa-Version must be 1.0: this receiver speaks OpenRosa 1.0 only."),
                      maxBody);
        return;
    }
    const QByteArray token = route.keyed ? route.pathToken : bearerToken(request);
    Result<QString> device = token.isEmpty()
                                 ? Result<QString>(makeError(ErrorKind::Permission, QString()))
                                 : storage.deviceForToken(hashToken(token));
    if (!device) {
        if (device.error().kind == ErrorKind::Database) {
            logEvent(QtWarningMsg, QStringLiteral("database_error"), {{QStringLiteral("error"), device.error().message}});
            openRosaReply(response, 503, QStringLiteral("The receiver cannot read its database; try again later."),
                          maxBody);
            return;
        }
        response.set_header("WWW-Authenticate", "Bearer");
        openRosaReply(response, 401, QStringLiteral("Unknown or revoked device token: re-enrol the device."), maxBody);
        return;
    }
    currentRequest().device = *device;
    if (head) {
        openRosaReply(response, 204, {}, maxBody);
        return;
    }
    if (!request.is_multipart_form_data()) {
        openRosaReply(response, 400, QStringLiteral("Expected a multipart/form-data body."), maxBody);
        return;
    }
    const auto xmlParts = request.files.equal_range("xml_submission_file");
    if (request.files.count("xml_submission_file") != 1 || xmlParts.first->second.filename.empty()) {
        openRosaReply(response, 400,
                      QStringLiteral("xml_submission_file missing: send exactly one part with that name and a "
                                     "filename."),
                      maxBody);
        return;
    }
    IncomingSubmission in;
    in.xml = toBytes(xmlParts.first->second.content);
    Result<ManifestInfo> manifest = readManifest(in.xml);
    if (!manifest) {
        openRosaReply(response, 400, manifest.error().message, maxBody);
        return;
    }
    currentRequest().instanceId = manifest->instanceId;
    if (manifest->isWithdrawal()) {
        handleWithdrawal(response, storage, maxBody, *manifest, *device, in.xml);
        return;
    }
    in.instanceId = manifest->instanceId;
    in.expected = manifest->files;
    in.projectId = route.projectId;
    in.device = *device;
    QSet<QString> seen;
    for (const auto &[key, part] : request.files) {
        // A part without a filename is a text field, not a file: ODK Collect's split upload sends
        // `*isIncomplete*=yes`. Central ignores fields, and so does this receiver; whether every
        // file arrived is decided by the files the XML names.
        if (key == "xml_submission_file" || part.filename.empty()) {
            continue;
        }
        const QString name = QString::fromUtf8(key.data(), qsizetype(key.size()));
        if (!isSafeFileName(name) || seen.contains(name)) {
            openRosaReply(response, 400,
                          QStringLiteral("Attachment part names must be unique plain file names."), maxBody);
            return;
        }
        seen.insert(name);
        in.parts.append({name, toBytes(part.content)});
    }

    Result<StoreOutcome> stored = storage.store(in);
    if (!stored) {
        logEvent(QtWarningMsg, QStringLiteral("store_failed"),
                 {{QStringLiteral("instanceID"), in.instanceId}, {QStringLiteral("error"), stored.error().message}});
        openRosaReply(response, 503, QStringLiteral("The receiver could not store the submission; try again later."),
                      maxBody);
        return;
    }
    switch (*stored) {
    case StoreOutcome::Created:
    case StoreOutcome::Merged:
        currentRequest().outcome = *stored == StoreOutcome::Merged ? QStringLiteral("resend") : QStringLiteral("stored");
        openRosaReply(response, 201, QStringLiteral("Full submission upload was successful!"), maxBody);
        break;
    case StoreOutcome::DifferentXml:
        currentRequest().outcome = QStringLiteral("conflict");
        openRosaReply(response, 409,
                      QStringLiteral("A submission already exists with this ID, but with different XML. "
                                     "Resubmissions to this endpoint must have the same XML."),
                      maxBody);
        break;
    case StoreOutcome::Deleted:
        currentRequest().outcome = QStringLiteral("deleted");
        openRosaReply(response, 409, QStringLiteral("This submission has been deleted. You may not resubmit it."),
                      maxBody);
        break;
    }
}

} // namespace

void handleSubmissionRequest(const httplib::Request &request, httplib::Response &response, Storage &storage,
                             qint64 maxBody, const QByteArray &pathToken, const QString &projectId)
{
    handle(request, response, storage, maxBody, Route{!pathToken.isEmpty(), pathToken, projectId});
}

void installSubmissionRoutes(httplib::Server &server, Storage &storage, qint64 maxBody)
{
    // httplib routes HEAD to the GET handlers.
    const auto plain = [&storage, maxBody](const httplib::Request &req, httplib::Response &res) {
        handle(req, res, storage, maxBody, Route{});
    };
    const auto keyed = [&storage, maxBody](const httplib::Request &req, httplib::Response &res) {
        Route route{true, toBytes(req.matches[1].str()), QString::fromStdString(req.matches[2].str())};
        handle(req, res, storage, maxBody, route);
    };
    const auto project = [&storage, maxBody](const httplib::Request &req, httplib::Response &res) {
        handle(req, res, storage, maxBody, Route{false, {}, QString::fromStdString(req.matches[1].str())});
    };
    // Any token segment, even empty or with characters no token has, reaches the token check,
    // so a missing or wrong token is answered 401 as Central does, not 404.
    const std::string keyedPath = R"(/v1/key/([^/]*)/projects/(\d{1,9})/submission)";
    // Central's path for a Bearer (or session) client, without a token in the URL.
    const std::string projectPath = R"(/v1/projects/(\d{1,9})/submission)";
    server.Get("/submission", plain);
    server.Post("/submission", plain);
    server.Get(keyedPath, keyed);
    server.Post(keyedPath, keyed);
    server.Get(projectPath, project);
    server.Post(projectPath, project);
}

} // namespace chorus::server
