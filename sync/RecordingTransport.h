// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Transport.h"

#include <QList>

#include <functional>
#include <mutex>

namespace chorus::sync {

// A transport for unit tests: records every request and answers from a script. By default a
// HEAD gets 204 with OpenRosa headers; POSTs take the queued replies in order, then `fallback`.
class RecordingTransport : public Transport
{
public:
    using Responder = std::function<Result<HttpResponse>(const HttpRequest &)>;

    RecordingTransport();

    Result<HttpResponse> send(const HttpRequest &request) override;

    void queuePostReply(Result<HttpResponse> reply);
    void setHeadReply(Result<HttpResponse> reply);
    // Answers every request not covered above (default: 201 with an OpenRosaResponse body).
    void setResponder(Responder responder);

    QList<HttpRequest> requests() const;

    static HttpResponse reply(int status, const QByteArray &body = {}, HttpHeaders headers = {});
    static HttpResponse openRosaReply(int status, const QByteArray &message = {});

private:
    mutable std::mutex m_mutex;
    QList<HttpRequest> m_requests;
    QList<Result<HttpResponse>> m_postReplies;
    Result<HttpResponse> m_headReply;
    Responder m_responder;
};

} // namespace chorus::sync
