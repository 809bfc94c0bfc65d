// SPDX-License-Identifier: GPL-3.0-or-later
#include "CurlTransport.h"

#include "Endpoint.h"

#include <curl/curl.h>

#include <mutex>

namespace chorus::sync {

namespace {

void globalInit()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct SlistDeleter {
    void operator()(curl_slist *list) const { curl_slist_free_all(list); }
};
using Slist = std::unique_ptr<curl_slist, SlistDeleter>;

size_t collectBody(char *data, size_t size, size_t count, void *user)
{
    static_cast<QByteArray *>(user)->append(data, qsizetype(size * count));
    return size * count;
}

size_t collectHeader(char *data, size_t size, size_t count, void *user)
{
    auto *response = static_cast<HttpResponse *>(user);
    const QByteArray line = QByteArray(data, qsizetype(size * count)).trimmed();
    if (line.startsWith("HTTP/")) {
        response->headers.clear(); // a new status line (after 100 Continue): start over
    } else if (const qsizetype colon = line.indexOf(':'); colon > 0) {
        response->headers.append({line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
    }
    return size * count;
}

Error curlError(CURLcode code, const char *detail, const QUrl &url)
{
    const QString where = url.host();
    const QString text = QString::fromUtf8(*detail ? detail : curl_easy_strerror(code));
    switch (code) {
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        return makeError(ErrorKind::Crypto,
                         QStringLiteral("the server %1 did not present the pinned public key; nothing was "
                                        "sent (check the pins in the device settings)")
                             .arg(where));
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_ISSUER_ERROR:
        return makeError(ErrorKind::Crypto,
                         QStringLiteral("the TLS certificate of %1 was refused: %2").arg(where, text));
    case CURLE_SSL_CONNECT_ERROR:
        if (text.contains(QLatin1String("protocol version"), Qt::CaseInsensitive)
            || text.contains(QLatin1String("unsupported protocol"), Qt::CaseInsensitive)) {
            return makeError(ErrorKind::Crypto,
                             QStringLiteral("the server %1 does not offer TLS 1.2 or newer, which this app requires: "
                                            "ask its operator to update it")
                                 .arg(where));
        }
        return makeError(ErrorKind::Network, QStringLiteral("TLS handshake with %1 failed: %2").arg(where, text));
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
        return makeError(ErrorKind::InvalidInput, QStringLiteral("cannot use URL for %1: %2").arg(where, text));
    default:
        return makeError(ErrorKind::Network, QStringLiteral("network error talking to %1: %2").arg(where, text));
    }
}

} // namespace

struct CurlTransport::Handle {
    CURL *curl = nullptr;
    ~Handle()
    {
        if (curl) {
            curl_easy_cleanup(curl);
        }
    }
};

CurlTransport::CurlTransport(CurlOptions options)
    : m_options(std::move(options))
    , m_handle(std::make_unique<Handle>())
{
    globalInit();
    m_handle->curl = curl_easy_init();
}

CurlTransport::~CurlTransport() = default;

CurlTransport::SecurityPolicy CurlTransport::securityPolicy()
{
    return {long(CURL_SSLVERSION_TLSv1_2), 1L, 2L, 0L};
}

Result<HttpResponse> CurlTransport::send(const HttpRequest &request)
{
    if (const Status allowed = checkUrlAllowed(request.url, m_options.allowHttpLoopback); !allowed) {
        return allowed.error();
    }
    CURL *curl = m_handle->curl;
    if (!curl) {
        return makeError(ErrorKind::Internal, QStringLiteral("libcurl could not be initialised"));
    }
    // Reset keeps the connection cache, so the next request reuses the open connection.
    curl_easy_reset(curl);

    const QByteArray url = request.url.toEncoded();
    const bool https = request.url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0;
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, https ? "https" : "http");
    const SecurityPolicy policy = securityPolicy();
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, policy.followLocation);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, policy.verifyPeer);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, policy.verifyHost);
    curl_easy_setopt(curl, CURLOPT_SSLVERSION, policy.sslVersion);
    const QByteArray caFile = m_options.caFile.toLocal8Bit();
    if (!caFile.isEmpty()) {
        curl_easy_setopt(curl, CURLOPT_CAINFO, caFile.constData());
    }
    if (!m_options.caPem.isEmpty()) {
        curl_blob blob{const_cast<char *>(m_options.caPem.constData()), size_t(m_options.caPem.size()), CURL_BLOB_COPY};
        curl_easy_setopt(curl, CURLOPT_CAINFO_BLOB, &blob);
    }
    const QByteArray pins = m_options.pins.join(QLatin1Char(';')).toLatin1();
    if (!pins.isEmpty()) {
        curl_easy_setopt(curl, CURLOPT_PINNEDPUBLICKEY, pins.constData());
    }
    const QByteArray proxy = m_options.proxy.toUtf8();
    if (!proxy.isEmpty()) {
        curl_easy_setopt(curl, CURLOPT_PROXY, proxy.constData());
        curl_easy_setopt(curl, CURLOPT_PROXYTYPE, long(CURLPROXY_HTTP));
        // Certificate checks stay end to end: the tunnel carries TLS, the proxy never sees inside.
        curl_easy_setopt(curl, CURLOPT_HTTPPROXYTUNNEL, https ? 1L : 0L);
    }
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, long(m_options.connectTimeout.count()));
    m_timedOut = false;
    std::chrono::milliseconds total = m_options.totalTimeout;
    if (m_deadline) {
        // Rounded up, so a transfer cut by the deadline ends at it, not a moment before.
        const auto left = std::chrono::ceil<std::chrono::milliseconds>(*m_deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            m_timedOut = true;
            return makeError(ErrorKind::Network, QStringLiteral("no time left to talk to %1").arg(request.url.host()));
        }
        total = std::min(total, left);
    }
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, long(total.count()));
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME,
                     std::max(1L, long(m_options.stallTimeout.count() / 1000)));

    Slist headers;
    auto addHeader = [&headers](const QByteArray &line) {
        curl_slist *next = curl_slist_append(headers.get(), line.constData());
        if (next) {
            (void)headers.release();
            headers.reset(next);
        }
    };
    for (const auto &[name, value] : request.headers) {
        addHeader(name + ": " + value);
    }
    addHeader("Expect:"); // no 100-continue round trip: the bodies are small and retried whole
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.get());

    // The handle is reused: a custom method from an earlier request must not stick.
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, static_cast<char *>(nullptr));
    switch (request.method) {
    case HttpRequest::Method::Delete:
        curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
        curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, "DELETE");
        break;
    case HttpRequest::Method::Head:
        curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
        break;
    case HttpRequest::Method::Get:
        curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
        break;
    case HttpRequest::Method::Post:
        curl_easy_setopt(curl, CURLOPT_POST, 1L);
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.constData());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.size()));
        break;
    case HttpRequest::Method::Put: // a body from memory, like POST, under another verb
        curl_easy_setopt(curl, CURLOPT_POST, 1L);
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.constData());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.size()));
        curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, "PUT");
        break;
    }

    HttpResponse response;
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collectBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, collectHeader);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response);
    char detail[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, detail);

    const CURLcode code = curl_easy_perform(curl);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, nullptr);
    long opened = 0;
    if (curl_easy_getinfo(curl, CURLINFO_NUM_CONNECTS, &opened) == CURLE_OK) {
        m_connections += opened;
    }
    if (code != CURLE_OK) {
        // Also a stall: CURLOPT_LOW_SPEED_TIME ends as CURLE_OPERATION_TIMEDOUT ("too slow").
        m_timedOut = code == CURLE_OPERATION_TIMEDOUT;
        return curlError(code, detail, request.url);
    }
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    response.status = int(status);
    return response;
}

} // namespace chorus::sync
