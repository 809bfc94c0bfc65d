// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A loopback HTTP proxy for fault tests: it sits between the client and the receiver and, for
// each POST, applies the next scripted fault. One request per connection (it adds
// `Connection: close`), so every fault hits exactly one request.

#include "LoopbackServer.h"

#include <QByteArray>
#include <QList>

#include <atomic>
#include <chrono>
#include <mutex>

namespace chorus::testing {

class FaultProxy
{
public:
    enum class Fault {
        None,
        DropMidRequest,  // half the request reaches the proxy, nothing reaches the receiver
        DropMidResponse, // the receiver stores it; the client gets a few bytes and a closed socket
        Answer500,       // the proxy answers 500 itself
        DelayResponse,   // the receiver stores it; the answer comes after the client gave up
        Answer200Html,   // a captive portal's 200 page
        Rewrite202,      // the receiver stores it; the client sees 202 instead of 201
    };

    explicit FaultProxy(int upstreamPort) : m_upstreamPort(upstreamPort) {}

    int start() { return m_server.start([this](int client) { handle(client); }); }
    void stop() { m_server.stop(); }

    void script(QList<Fault> faults)
    {
        std::lock_guard lock(m_mutex);
        m_script = std::move(faults);
    }
    int faultsApplied() const { return m_applied; }

private:
    // Reads one HTTP message (headers + Content-Length body); `headOnly` for replies to HEAD.
    static QByteArray readMessage(int fd, bool headOnly = false)
    {
        QByteArray data;
        char buffer[65536];
        qsizetype total = -1;
        while (total < 0 || data.size() < total) {
            if (!waitReadable(fd, 5000)) {
                break;
            }
            const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
            if (n <= 0) {
                break;
            }
            data.append(buffer, qsizetype(n));
            const qsizetype end = data.indexOf("\r\n\r\n");
            if (total < 0 && end >= 0) {
                qsizetype length = 0;
                for (const QByteArray &line : data.left(end).split('\n')) {
                    if (line.toLower().startsWith("content-length:")) {
                        length = line.mid(15).trimmed().toLongLong();
                    }
                }
                total = end + 4 + (headOnly ? 0 : length);
            }
        }
        return data;
    }

    static void sendAll(int fd, const QByteArray &data) { testing::sendAll(fd, data.constData(), size_t(data.size())); }

    QByteArray forward(const QByteArray &request, bool head) const
    {
        const int up = connectLoopback(m_upstreamPort);
        if (up < 0) {
            return {};
        }
        sendAll(up, request);
        QByteArray response = readMessage(up, head);
        ::close(up);
        const qsizetype end = response.indexOf("\r\n");
        if (end > 0) {
            response.insert(end + 2, "Connection: close\r\n");
        }
        return response;
    }

    void handle(int client)
    {
        QByteArray request = readMessage(client);
        const bool head = request.startsWith("HEAD ");
        // curl sends the whole request at once; the proxy sees it all, so "mid-request" is
        // simulated by never forwarding it.
        Fault fault = Fault::None;
        if (request.startsWith("POST ")) {
            std::lock_guard lock(m_mutex);
            if (!m_script.isEmpty()) {
                fault = m_script.takeFirst();
                ++m_applied;
            }
        }
        const QByteArray closeHeaders = "Connection: close\r\nContent-Type: text/html\r\n";
        switch (fault) {
        case Fault::DropMidRequest:
            break;
        case Fault::Answer500:
            sendAll(client, "HTTP/1.1 500 Internal Server Error\r\n" + closeHeaders + "Content-Length: 5\r\n\r\noops!");
            break;
        case Fault::Answer200Html:
            sendAll(client, "HTTP/1.1 200 OK\r\n" + closeHeaders + "Content-Length: 29\r\n\r\n<html>Log in to wifi.</html>\n");
            break;
        case Fault::DropMidResponse: {
            const QByteArray response = forward(request, head);
            sendAll(client, response.left(12));
            break;
        }
        case Fault::DelayResponse: {
            const QByteArray response = forward(request, head);
            // Hold the answer until the client gives up and hangs up (bounded).
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
            char probe;
            while (std::chrono::steady_clock::now() < deadline) {
                if (waitReadable(client, 50) && ::recv(client, &probe, 1, MSG_PEEK) <= 0) {
                    break;
                }
            }
            sendAll(client, response);
            break;
        }
        case Fault::Rewrite202: {
            QByteArray response = forward(request, head);
            if (response.startsWith("HTTP/1.1 201")) {
                response.replace(0, 12, "HTTP/1.1 202");
            }
            sendAll(client, response);
            break;
        }
        case Fault::None:
            sendAll(client, forward(request, head));
            break;
        }
        ::shutdown(client, SHUT_RDWR);
        ::close(client);
    }

    int m_upstreamPort;
    std::atomic<int> m_applied{0};
    std::mutex m_mutex;
    QList<Fault> m_script;
    LoopbackServer m_server; // last: its threads stop before the members they use go
};

} // namespace chorus::testing
