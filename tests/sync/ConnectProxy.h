// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A plain HTTP proxy that only does CONNECT (what a client behind a council's proxy uses for
// https://), to 127.0.0.1 only. It counts the tunnels it opened and remembers their targets.

#include "LoopbackServer.h"

#include <QByteArray>
#include <QList>

#include <mutex>

namespace chorus::testing {

class ConnectProxy
{
public:
    int start() { return m_server.start([this](int client) { tunnel(client); }); }
    void stop() { m_server.stop(); }

    QList<QByteArray> targets() const
    {
        std::lock_guard lock(m_mutex);
        return m_targets;
    }

private:
    void tunnel(int client)
    {
        QByteArray head;
        char c = 0;
        while (!head.endsWith("\r\n\r\n") && head.size() < 8192 && waitReadable(client, 5000)
               && ::recv(client, &c, 1, 0) == 1) {
            head.append(c); // byte by byte: nothing after the headers may be swallowed
        }
        const QList<QByteArray> request = head.left(head.indexOf("\r\n")).split(' ');
        const QByteArray target = request.value(1);
        const int colon = int(target.lastIndexOf(':'));
        const int up = request.value(0) == "CONNECT" && target.startsWith("127.0.0.1:")
                           ? connectLoopback(target.mid(colon + 1).toInt())
                           : -1;
        {
            std::lock_guard lock(m_mutex);
            m_targets.append(target);
        }
        if (up < 0) {
            const QByteArray refused = "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n";
            sendAll(client, refused.constData(), size_t(refused.size()));
            ::close(client);
            return;
        }
        const QByteArray ok = "HTTP/1.1 200 Connection established\r\n\r\n";
        sendAll(client, ok.constData(), size_t(ok.size()));
        pollfd fds[2] = {{client, POLLIN, 0}, {up, POLLIN, 0}};
        char buffer[16384];
        for (bool open = true; open && ::poll(fds, 2, 10000) > 0;) {
            for (int i = 0; i < 2 && open; ++i) {
                if (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) {
                    const ssize_t n = ::recv(fds[i].fd, buffer, sizeof buffer, 0);
                    open = n > 0 && sendAll(fds[1 - i].fd, buffer, size_t(n));
                }
            }
        }
        ::close(up);
        ::close(client);
    }

    mutable std::mutex m_mutex;
    QList<QByteArray> m_targets;
    LoopbackServer m_server; // last: its threads stop before the members they use go
};

} // namespace chorus::testing
