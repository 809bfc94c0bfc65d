// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A loopback TCP proxy that delays every byte by a fixed time in each direction, keeping
// order and connections (keep-alive works through it): 50 ms each way is a 100 ms RTT link.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace chorus::bench {

class DelayProxy
{
public:
    DelayProxy(int upstreamPort, std::chrono::milliseconds oneWay) : m_upstream(upstreamPort), m_delay(oneWay) {}
    ~DelayProxy() { stop(); }

    int start()
    {
        m_listen = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof addr;
        if (::bind(m_listen, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 || ::listen(m_listen, 128) != 0
            || ::getsockname(m_listen, reinterpret_cast<sockaddr *>(&addr), &length) != 0) {
            return 0;
        }
        m_running = true;
        m_acceptor = std::thread([this] { acceptLoop(); });
        return ntohs(addr.sin_port);
    }

    void stop()
    {
        if (!m_running.exchange(false)) {
            return;
        }
        ::shutdown(m_listen, SHUT_RDWR);
        ::close(m_listen);
        m_acceptor.join();
        std::lock_guard lock(m_mutex);
        for (std::thread &t : m_threads) {
            t.join();
        }
    }

private:
    using Clock = std::chrono::steady_clock;
    struct Chunk {
        Clock::time_point due;
        std::string bytes; // empty: the source closed
    };
    struct Pipe {
        std::mutex mutex;
        std::condition_variable ready;
        std::deque<Chunk> queue;
    };

    // Reader: stamps each chunk with its arrival; writer: sends it when its delay is over.
    void pump(int from, int to)
    {
        Pipe pipe;
        std::thread writer([&] {
            for (;;) {
                std::unique_lock lock(pipe.mutex);
                pipe.ready.wait(lock, [&] { return !pipe.queue.empty(); });
                Chunk chunk = std::move(pipe.queue.front());
                pipe.queue.pop_front();
                lock.unlock();
                std::this_thread::sleep_until(chunk.due);
                if (chunk.bytes.empty()) {
                    ::shutdown(to, SHUT_WR);
                    return;
                }
                size_t sent = 0;
                while (sent < chunk.bytes.size()) {
                    const ssize_t n = ::send(to, chunk.bytes.data() + sent, chunk.bytes.size() - sent, MSG_NOSIGNAL);
                    if (n <= 0) {
                        break;
                    }
                    sent += size_t(n);
                }
            }
        });
        char buffer[65536];
        for (;;) {
            const ssize_t n = ::recv(from, buffer, sizeof buffer, 0);
            Chunk chunk{Clock::now() + m_delay, n > 0 ? std::string(buffer, size_t(n)) : std::string()};
            {
                std::lock_guard lock(pipe.mutex);
                pipe.queue.push_back(std::move(chunk));
            }
            pipe.ready.notify_one();
            if (n <= 0) {
                break;
            }
        }
        writer.join();
    }

    void acceptLoop()
    {
        while (m_running) {
            pollfd p{m_listen, POLLIN, 0};
            if (::poll(&p, 1, 100) <= 0) {
                continue;
            }
            const int client = ::accept4(m_listen, nullptr, nullptr, SOCK_CLOEXEC);
            if (client < 0) {
                continue;
            }
            const int up = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
            sockaddr_in addr{};
            addr.sin_family = AF_INET;
            addr.sin_port = htons(uint16_t(m_upstream));
            addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            if (::connect(up, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
                ::close(client);
                ::close(up);
                continue;
            }
            const int one = 1;
            ::setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            ::setsockopt(up, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            std::lock_guard lock(m_mutex);
            m_threads.emplace_back([this, client, up] {
                std::thread back([this, client, up] { pump(up, client); });
                pump(client, up);
                back.join();
                ::close(client);
                ::close(up);
            });
        }
    }

    int m_upstream;
    std::chrono::milliseconds m_delay;
    int m_listen = -1;
    std::atomic<bool> m_running{false};
    std::thread m_acceptor;
    std::mutex m_mutex;
    std::vector<std::thread> m_threads;
};

} // namespace chorus::bench
