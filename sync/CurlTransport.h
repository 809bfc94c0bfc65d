// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Transport.h"

#include <QString>
#include <QStringList>

#include <chrono>
#include <memory>

namespace chorus::sync {

struct CurlOptions {
    QString caFile;             // extra CA bundle (a council's private CA); empty: system store
    QByteArray caPem;           // the same as PEM text (an enrollment bundle carries it); empty: none
    QStringList pins;           // "sha256//BASE64" public-key pins, primary then backup; empty: none
    bool allowHttpLoopback = false;
    // "http://proxy.council.example:3128": every request goes through it (https:// by CONNECT,
    // so the proxy sees only the host name). Empty: libcurl reads https_proxy / HTTPS_PROXY,
    // http_proxy, all_proxy and no_proxy from the environment, as other tools on the machine do.
    QString proxy;
    std::chrono::milliseconds connectTimeout{15000};
    std::chrono::milliseconds stallTimeout{30000}; // no byte moved for this long: give up
    std::chrono::milliseconds totalTimeout{600000};
};

// libcurl, one easy handle reused for every request so connections and TLS sessions stay
// open. Certificate verification is always on, TLS >= 1.2, redirects are never followed and the
// proxy settings from the environment (http_proxy, https_proxy, no_proxy) are honoured.
class CurlTransport : public Transport
{
public:
    explicit CurlTransport(CurlOptions options = {});
    ~CurlTransport() override;
    CurlTransport(const CurlTransport &) = delete;
    CurlTransport &operator=(const CurlTransport &) = delete;

    Result<HttpResponse> send(const HttpRequest &request) override;
    void setDeadline(Deadline deadline) override { m_deadline = deadline; }
    bool lastSendTimedOut() const override { return m_timedOut; }

    // New connections this transport has opened so far (reuse keeps it at one per server).
    long connectionsOpened() const { return m_connections; }

    // The security settings every request gets, whatever the options: fixed, and visible so
    // tests can check what libcurl is told (it has no getters).
    struct SecurityPolicy {
        long sslVersion;     // CURLOPT_SSLVERSION: CURL_SSLVERSION_TLSv1_2 (TLS 1.2 or newer)
        long verifyPeer;     // CURLOPT_SSL_VERIFYPEER: 1
        long verifyHost;     // CURLOPT_SSL_VERIFYHOST: 2
        long followLocation; // CURLOPT_FOLLOWLOCATION: 0 (a redirect is an answer, never followed)
    };
    static SecurityPolicy securityPolicy();

private:
    struct Handle;
    CurlOptions m_options;
    std::unique_ptr<Handle> m_handle;
    long m_connections = 0;
    Deadline m_deadline;
    bool m_timedOut = false;
};

} // namespace chorus::sync
