// SPDX-License-Identifier: GPL-3.0-or-later
#include "Receiver.h"

#include "AdminRoutes.h"
#include "ConnectionServer.h"
#include "DeviceRoutes.h"
#include "HttpSupport.h"
#include "PackageRoutes.h"
#include "ServerLogging.h"
#include "SubmissionRoutes.h"

#include <QRegularExpression>

#include <thread>

namespace chorus::server {

using namespace http;

namespace {

// The path as logged: the token segment of /v1/key/{token}/ is never written out.
QString loggablePath(const std::string &path)
{
    static const QRegularExpression keyed(QStringLiteral("^/v1/key/[^/]+/"));
    QString out = QString::fromUtf8(path.data(), qsizetype(std::min<size_t>(path.size(), 200)));
    out.replace(keyed, QStringLiteral("/v1/key/***/"));
    return out;
}

// A declared body over the limit is refused from its headers, before a byte of it is read.
bool refuseDeclaredOversize(const httplib::Request &request, httplib::Response &response, qint64 maxBody)
{
    if (!request.has_header("Content-Length")) {
        return false;
    }
    bool ok = false;
    const qulonglong declared = toBytes(request.get_header_value("Content-Length")).trimmed().toULongLong(&ok);
    if (!ok || declared <= qulonglong(maxBody)) {
        return false; // a malformed length is httplib's to refuse with 400
    }
    textReply(response, 413, QStringLiteral("request body larger than this receiver accepts (%1 bytes at most)").arg(maxBody));
    ConnectionServer::closeAfterReply(response);
    return true;
}

} // namespace

struct Receiver::Impl {
    Storage &storage;
    ReceiverConfig config;
    ConnectionServer server;
    std::thread thread;
    int port = 0;

    Impl(Storage &s, ReceiverConfig c) : storage(s), config(std::move(c)), server(config.serving) {}
};

Receiver::Receiver(Storage &storage, ReceiverConfig config)
    : m_impl(std::make_unique<Impl>(storage, std::move(config)))
{
    // Threads, keep-alive and timeouts come from config.serving (ConnectionServer).
    ConnectionServer &server = m_impl->server;
    const qint64 maxBody = m_impl->config.maxBody;
    server.set_payload_max_length(size_t(maxBody));
    server.set_tcp_nodelay(true); // headers and body go out in separate writes: no 40 ms Nagle stalls

    installSubmissionRoutes(server, m_impl->storage, m_impl->config.maxBody);
    installAdminRoutes(server, m_impl->storage, m_impl->config.adminToken);
    installDeviceRoutes(server, m_impl->storage, m_impl->config.adminToken);
    installPackageRoutes(server, m_impl->storage, m_impl->config.adminToken, m_impl->config.packagesDir,
                         m_impl->config.signingPublicKey);

    server.set_error_handler([](const httplib::Request &, httplib::Response &res) {
        if (ConnectionServer::bodyPassedLimit()) {
            // httplib reports the stopped read as 400; the running total passed the limit.
            res.status = 413;
            res.body.clear();
            ConnectionServer::closeAfterReply(res);
        }
        if (res.body.empty()) {
            const QString text = res.status == 413 ? QStringLiteral("request body larger than this receiver accepts")
                               : res.status == 404 ? QStringLiteral("no such endpoint")
                                                   : QStringLiteral("request refused");
            textReply(res, res.status, text);
        }
    });
    server.set_exception_handler([](const httplib::Request &, httplib::Response &res, std::exception_ptr) {
        textReply(res, 500, QStringLiteral("internal error"));
    });
    server.set_expect_100_continue_handler([maxBody](const httplib::Request &req, httplib::Response &res) {
        return refuseDeclaredOversize(req, res, maxBody) ? 413 : 100;
    });
    server.set_pre_routing_handler([maxBody](const httplib::Request &req, httplib::Response &res) {
        beginRequest();
        ConnectionServer::beginBody(maxBody);
        return refuseDeclaredOversize(req, res, maxBody) ? httplib::Server::HandlerResponse::Handled
                                                         : httplib::Server::HandlerResponse::Unhandled;
    });
    server.set_post_routing_handler([](const httplib::Request &, httplib::Response &res) {
        res.set_header("Date", toStd(httpDate()));
    });
    server.set_logger([](const httplib::Request &req, const httplib::Response &res) {
        // Multipart bodies are parsed into parts, not kept in req.body: the header says the size.
        const qint64 bytesIn = req.has_header("Content-Length")
                                   ? QByteArray::fromStdString(req.get_header_value("Content-Length")).toLongLong()
                                   : qint64(req.body.size());
        endRequest(QString::fromStdString(req.method), loggablePath(req.path), res.status, bytesIn,
                   qint64(res.body.size()));
    });
}

Receiver::~Receiver()
{
    stop();
}

Result<int> Receiver::bind()
{
    const std::string host = toStd(m_impl->config.host);
    if (m_impl->config.port == 0) {
        m_impl->port = m_impl->server.bind_to_any_port(host);
    } else if (m_impl->server.bind_to_port(host, m_impl->config.port)) {
        m_impl->port = m_impl->config.port;
    } else {
        m_impl->port = -1;
    }
    if (m_impl->port > 0) {
        m_impl->server.widenBacklog();
    }
    if (m_impl->port <= 0) {
        return makeError(ErrorKind::Io, QStringLiteral("cannot listen on %1:%2 (address in use or not local?)")
                                            .arg(m_impl->config.host)
                                            .arg(m_impl->config.port));
    }
    return m_impl->port;
}

Status Receiver::serve()
{
    if (!m_impl->server.listen_after_bind()) {
        return makeError(ErrorKind::Io, QStringLiteral("the receiver stopped listening unexpectedly"));
    }
    return {};
}

Result<int> Receiver::start()
{
    Result<int> bound = bind();
    if (!bound) {
        return bound;
    }
    m_impl->thread = std::thread([this] { (void)serve(); });
    // stop() is a no-op until the accept loop runs, so wait for it (bounded).
    for (int i = 0; i < 5000 && !m_impl->server.is_running(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return bound;
}

void Receiver::stop()
{
    m_impl->server.stop();
    if (m_impl->thread.joinable()) {
        m_impl->thread.join();
    }
}

bool Receiver::isRunning() const
{
    return m_impl->server.is_running();
}

int Receiver::port() const
{
    return m_impl->port;
}

} // namespace chorus::server
