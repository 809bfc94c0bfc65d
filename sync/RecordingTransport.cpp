// SPDX-License-Identifier: GPL-3.0-or-later
#include "RecordingTransport.h"

namespace chorus::sync {

HttpResponse RecordingTransport::reply(int status, const QByteArray &body, HttpHeaders headers)
{
    HttpResponse r;
    r.status = status;
    r.body = body;
    r.headers = std::move(headers);
    return r;
}

HttpResponse RecordingTransport::openRosaReply(int status, const QByteArray &message)
{
    const QByteArray body = "<OpenRosaResponse xmlns=\"http://openrosa.org/http/response\"><message nature=\"\">"
                            + message + "</message></OpenRosaResponse>";
    return reply(status, body,
                 {{"x-openrosa-version", "1.0"}, {"x-openrosa-accept-content-length", "10000000"}});
}

RecordingTransport::RecordingTransport()
    : m_headReply(openRosaReply(204))
    , m_responder([](const HttpRequest &) -> Result<HttpResponse> { return openRosaReply(201, "Stored."); })
{
    m_headReply->body.clear();
}

Result<HttpResponse> RecordingTransport::send(const HttpRequest &request)
{
    std::lock_guard lock(m_mutex);
    m_requests.append(request);
    if (request.method == HttpRequest::Method::Head) {
        return m_headReply;
    }
    if (request.method == HttpRequest::Method::Post && !m_postReplies.isEmpty()) {
        return m_postReplies.takeFirst();
    }
    return m_responder(request);
}

void RecordingTransport::queuePostReply(Result<HttpResponse> reply)
{
    std::lock_guard lock(m_mutex);
    m_postReplies.append(std::move(reply));
}

void RecordingTransport::setHeadReply(Result<HttpResponse> reply)
{
    std::lock_guard lock(m_mutex);
    m_headReply = std::move(reply);
}

void RecordingTransport::setResponder(Responder responder)
{
    std::lock_guard lock(m_mutex);
    m_responder = std::move(responder);
}

QList<HttpRequest> RecordingTransport::requests() const
{
    std::lock_guard lock(m_mutex);
    return m_requests;
}

} // namespace chorus::sync
