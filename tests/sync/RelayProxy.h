// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A loopback TCP relay that keeps order and connections (keep-alive works through it) and can
//  - delay every byte by a fixed time in each direction (50 ms each way is a 100 ms RTT link),
//  - hold POST bodies halfway: after the first N POSTs pass, each later POST has half its body
//    forwarded and the rest kept back, so a test can kill the client while a body is really in
//    flight, and learn that it is from the relay instead of guessing with a sleep.
// When the client goes away during a hold, the receiver gets a truncated request.

#include "LoopbackServer.h"

#include <QByteArray>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>

namespace chorus::testing {

// Follows the requests in a client's byte stream (headers, then Content-Length body bytes).
class RequestStream
{
public:
    // Feeds `n` bytes; returns the offset at which the relay must hold, or -1 when none falls
    // within them. `holdThisPost` is asked once per POST whose body is not empty.
    template<typename Decide>
    qsizetype feed(const char *data, qsizetype n, Decide holdThisPost)
    {
        qsizetype i = 0;
        while (i < n) {
            if (m_bodyLeft == 0) {
                m_head.append(data[i++]);
                if (m_head.endsWith("\r\n\r\n")) {
                    startBody(holdThisPost);
                }
                continue;
            }
            qsizetype take = std::min<qsizetype>(n - i, m_bodyLeft);
            if (m_holdWhenLeft > 0) {
                take = std::min<qsizetype>(take, m_bodyLeft - m_holdWhenLeft);
            }
            i += take;
            m_bodyLeft -= take;
            if (m_holdWhenLeft > 0 && m_bodyLeft == m_holdWhenLeft) {
                m_holdWhenLeft = 0;
                return i;
            }
        }
        return -1;
    }

private:
    template<typename Decide>
    void startBody(Decide holdThisPost)
    {
        qsizetype length = 0;
        for (const QByteArray &line : m_head.split('\n')) {
            if (line.toLower().startsWith("content-length:")) {
                length = line.mid(15).trimmed().toLongLong();
            }
        }
        m_bodyLeft = length;
        m_holdWhenLeft = (length > 1 && m_head.startsWith("POST ") && holdThisPost()) ? length - length / 2 : 0;
        m_head.clear();
    }

    QByteArray m_head;
    qsizetype m_bodyLeft = 0;
    qsizetype m_holdWhenLeft = 0; // > 0: hold when this many body bytes remain
};

class RelayProxy
{
public:
    explicit RelayProxy(int upstreamPort, std::chrono::milliseconds oneWayDelay = {})
        : m_upstream(upstreamPort)
        , m_delay(oneWayDelay)
    {
    }

    int start() { return m_server.start([this](int client) { relay(client); }); }
    void stop()
    {
        release();
        m_server.stop();
    }

    // POSTs after the first `passFirst` are held halfway through their body until release().
    void holdPostBodies(int passFirst)
    {
        std::lock_guard lock(m_holdMutex);
        m_passFirst = passFirst;
        m_holding = true;
    }
    // True once at least one POST body is held halfway (bounded wait).
    bool waitForHeldBody(std::chrono::milliseconds timeout)
    {
        std::unique_lock lock(m_holdMutex);
        return m_holdChanged.wait_for(lock, timeout, [this] { return m_held > 0; });
    }
    void release()
    {
        std::lock_guard lock(m_holdMutex);
        m_holding = false;
        m_holdChanged.notify_all();
    }
    int postsSeen() const
    {
        std::lock_guard lock(m_holdMutex);
        return m_posts;
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
        void push(Chunk chunk)
        {
            {
                std::lock_guard lock(mutex);
                queue.push_back(std::move(chunk));
            }
            ready.notify_one();
        }
    };

    bool shouldHold()
    {
        std::lock_guard lock(m_holdMutex);
        ++m_posts;
        return m_holding && m_posts > m_passFirst;
    }

    // Waits until release() or until the client hangs up; false when it hung up.
    bool holdWhileClientAlive(int client)
    {
        std::unique_lock lock(m_holdMutex);
        ++m_held;
        m_holdChanged.notify_all();
        while (m_holding) {
            lock.unlock();
            pollfd p{client, POLLRDHUP, 0};
            const bool gone = ::poll(&p, 1, 20) > 0 && (p.revents & (POLLRDHUP | POLLHUP | POLLERR));
            lock.lock();
            if (gone) {
                --m_held;
                return false;
            }
        }
        --m_held;
        return true;
    }

    // Reader: stamps each chunk with its arrival; writer: sends it when its delay is over.
    void pump(int from, int to, bool fromClient)
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
                sendAll(to, chunk.bytes.data(), chunk.bytes.size());
            }
        });
        RequestStream requests;
        char buffer[65536];
        for (bool open = true; open;) {
            const ssize_t n = ::recv(from, buffer, sizeof buffer, 0);
            if (n <= 0) {
                break;
            }
            qsizetype offset = 0;
            while (offset < n) {
                const qsizetype hold = fromClient ? requests.feed(buffer + offset, qsizetype(n) - offset,
                                                                  [this] { return shouldHold(); })
                                                  : -1;
                const qsizetype end = hold < 0 ? qsizetype(n) : offset + hold;
                if (end > offset) {
                    pipe.push({Clock::now() + m_delay, std::string(buffer + offset, size_t(end - offset))});
                }
                offset = end;
                if (hold >= 0 && !holdWhileClientAlive(from)) {
                    open = false; // the client died mid-body: the receiver sees a cut request
                    break;
                }
            }
        }
        pipe.push({Clock::now() + m_delay, {}});
        writer.join();
    }

    void relay(int client)
    {
        const int up = connectLoopback(m_upstream);
        if (up < 0) {
            ::close(client);
            return;
        }
        setNoDelay(client);
        setNoDelay(up);
        std::thread back([this, client, up] { pump(up, client, false); });
        pump(client, up, true);
        back.join();
        ::close(client);
        ::close(up);
    }

    int m_upstream;
    std::chrono::milliseconds m_delay;
    mutable std::mutex m_holdMutex;
    std::condition_variable m_holdChanged;
    bool m_holding = false;
    int m_passFirst = 0;
    int m_posts = 0;
    int m_held = 0;
    LoopbackServer m_server; // last: its threads stop before the members they use go
};

} // namespace chorus::testing
