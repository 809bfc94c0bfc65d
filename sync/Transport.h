// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QUrl>

#include <chrono>
#include <optional>

namespace chorus::sync {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

struct HttpRequest {
    enum class Method { Head, Get, Post, Delete, Put };
    Method method = Method::Get;
    QUrl url;
    HttpHeaders headers;
    QByteArray body;
};

struct HttpResponse {
    int status = 0;
    HttpHeaders headers; // names lower-cased
    QByteArray body;

    // First header with this (lower-case) name, or an empty array.
    QByteArray header(const QByteArray &lowerName) const;
};

// One blocking HTTP exchange. Implementations are used from one thread at a time (the sync
// engine gives each upload worker its own transport), which lets them keep connections open.
// Errors: ErrorKind::Network for what is worth a retry (timeout, reset, refused connection);
// ErrorKind::Crypto for TLS refusals (bad certificate, pin mismatch) and ErrorKind::InvalidInput
// for a URL the transport will not use (plain http to a non-loopback host): those stop the run.
class Transport
{
public:
    virtual ~Transport() = default;
    virtual Result<HttpResponse> send(const HttpRequest &request) = 0;

    using Deadline = std::optional<std::chrono::steady_clock::time_point>;
    // Every later request ends by `deadline` (a sync run's time limit), answered or not.
    virtual void setDeadline(Deadline deadline) { (void)deadline; }
    // The last failed send got no answer in time (a timeout or a stalled transfer), rather than
    // being refused or reset: the sign of a link that swallows requests.
    virtual bool lastSendTimedOut() const { return false; }
};

} // namespace chorus::sync

namespace chorus::sync {

// Forwards to a transport owned elsewhere (tests hand one thread-safe fake to every worker).
class ForwardingTransport : public Transport
{
public:
    explicit ForwardingTransport(Transport &target) : m_target(target) {}
    Result<HttpResponse> send(const HttpRequest &request) override { return m_target.send(request); }
    void setDeadline(Deadline deadline) override { m_target.setDeadline(deadline); }
    bool lastSendTimedOut() const override { return m_target.lastSendTimedOut(); }

private:
    Transport &m_target;
};

} // namespace chorus::sync
