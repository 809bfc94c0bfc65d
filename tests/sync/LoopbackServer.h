// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Socket plumbing shared by the loopback proxies of the tests and the sync benchmark: a
// listening socket on 127.0.0.1 that hands each accepted connection to its own thread.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstddef>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace chorus::testing {

inline bool waitReadable(int fd, int ms)
{
    pollfd p{fd, POLLIN, 0};
    return ::poll(&p, 1, ms) > 0;
}

inline bool sendAll(int fd, const char *data, size_t size)
{
    size_t sent = 0;
    while (sent < size) {
        const ssize_t n = ::send(fd, data + sent, size - sent, MSG_NOSIGNAL);
        if (n <= 0) {
            return false;
        }
        sent += size_t(n);
    }
    return true;
}

inline void setNoDelay(int fd)
{
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

// A connected socket to 127.0.0.1:port, or -1.
inline int connectLoopback(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(uint16_t(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
        if (fd >= 0) {
            ::close(fd);
        }
        return -1;
    }
    return fd;
}

class LoopbackServer
{
public:
    using Handler = std::function<void(int client)>; // owns the socket: closes it when done

    LoopbackServer() = default;
    ~LoopbackServer() { stop(); }
    LoopbackServer(const LoopbackServer &) = delete;
    LoopbackServer &operator=(const LoopbackServer &) = delete;

    // Listens on a free loopback port; returns it, or 0.
    int start(Handler handler)
    {
        m_handler = std::move(handler);
        m_listen = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof addr;
        if (m_listen < 0 || ::bind(m_listen, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0
            || ::listen(m_listen, 128) != 0
            || ::getsockname(m_listen, reinterpret_cast<sockaddr *>(&addr), &length) != 0) {
            return 0;
        }
        m_running = true;
        m_acceptor = std::thread([this] { acceptLoop(); });
        return ntohs(addr.sin_port);
    }

    // Stops accepting and waits for every connection's thread to finish.
    void stop()
    {
        if (!m_running.exchange(false)) {
            return;
        }
        ::shutdown(m_listen, SHUT_RDWR);
        ::close(m_listen);
        m_acceptor.join();
        std::lock_guard lock(m_mutex);
        for (std::thread &t : m_workers) {
            t.join();
        }
        m_workers.clear();
    }

private:
    void acceptLoop()
    {
        while (m_running) {
            if (!waitReadable(m_listen, 100)) {
                continue;
            }
            const int client = ::accept4(m_listen, nullptr, nullptr, SOCK_CLOEXEC);
            if (client < 0) {
                continue;
            }
            std::lock_guard lock(m_mutex);
            m_workers.emplace_back([this, client] { m_handler(client); });
        }
    }

    Handler m_handler;
    int m_listen = -1;
    std::atomic<bool> m_running{false};
    std::thread m_acceptor;
    std::mutex m_mutex;
    std::vector<std::thread> m_workers;
};

} // namespace chorus::testing
