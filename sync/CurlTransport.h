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

    // New connections this transport has opened so far (reuse keeps it at one per server).
    long connectionsOpened() const { return m_connections; }

private:
    struct Handle;
    CurlOptions m_options;
    std::unique_ptr<Handle> m_handle;
    long m_connections = 0;
};

} // namespace chorus::sync
