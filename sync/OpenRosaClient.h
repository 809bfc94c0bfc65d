// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Outbox.h"
#include "Transport.h"

#include <QUrl>

#include <chrono>
#include <optional>

namespace chorus::sync {

// What one submission attempt came to. Only Accepted means the server holds the record.
enum class SubmitOutcome {
    Accepted,        // 201 or 202
    Conflict,        // 409 "different XML": needs an admin
    DeletedOnServer, // 409 "has been deleted": final
    Rejected,        // permanent refusal (400, 404, unknown 409, 413 that cannot be split)
    AuthRejected,    // 401/403: the device must re-enrol; stops the run
    Transient,       // 5xx, 408/423/429, timeout, reset, 200 from a captive portal: retry later
    Refused,         // the transport refused before sending (TLS, pin, http to non-loopback): stops the run
};

QString outcomeName(SubmitOutcome outcome);

struct SubmitResult {
    SubmitResult() = default;
    SubmitResult(SubmitOutcome o, int status, QString why, std::optional<std::chrono::milliseconds> after = std::nullopt)
        : outcome(o)
        , httpStatus(status)
        , reason(std::move(why))
        , retryAfter(after)
    {
    }

    SubmitOutcome outcome = SubmitOutcome::Transient;
    int httpStatus = 0; // 0 when no reply came
    QString reason;     // for people: what happened and what to do
    bool noAnswer = false; // transient because no reply came in time (not refused, not reset)
    std::optional<std::chrono::milliseconds> retryAfter; // a transient reply's Retry-After, if any
};

struct ServerInfo {
    qint64 acceptContentLength = 10'000'000; // Collect's default when the header is missing
};

// The OpenRosa submission protocol over a Transport: HEAD to check the endpoint, then POSTs of
// the stored bytes. Stateless apart from its configuration; one per transport.
class OpenRosaClient
{
public:
    // `bearerToken` may be empty when the URL carries the token (/v1/key/{token}/...).
    OpenRosaClient(Transport &transport, QUrl submissionUrl, QByteArray bearerToken);

    // HEAD /submission: 204 with X-OpenRosa-Version required. 401/403 → ErrorKind::Permission.
    Result<ServerInfo> head();

    // POSTs one record, split into several uploads repeating the manifest when it is larger
    // than the server accepts (or the server answers 413).
    SubmitResult submit(const OutboxItem &item, const ServerInfo &server);

    // Classifies one reply to a POST (exposed for tests).
    static SubmitResult classify(const HttpResponse &response);

private:
    SubmitResult postOnce(const QByteArray &manifest, const FileParts &parts);
    HttpHeaders commonHeaders() const;

    Transport &m_transport;
    QUrl m_url;
    QByteArray m_token;
};

} // namespace chorus::sync
