// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConnectionServer.h"

#include "ElasticPool.h"
#include "HttpSupport.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace chorus::server {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// What one connection's reads may still take; shared by the stream and the static hooks the
// handlers call (a connection is served on one thread from start to close).
struct ConnectionState {
    enum class Phase { Headers, Body };
    Phase phase = Phase::Headers;
    Clock::time_point phaseStart = Clock::now();
    qint64 bytes = 0; // handed to httplib in this phase
    qint64 bodyAllowance = 0;
    bool passedLimit = false;
    bool closeAfter = false;
    bool readFailed = false; // a deadline passed or the peer went away: the stream is out of step
};

thread_local ConnectionState *t_connection = nullptr;

// Milliseconds from now until `t`, clamped to [0, int max].
int millisUntil(Clock::time_point t)
{
    const auto left = std::chrono::duration_cast<milliseconds>(t - Clock::now()).count();
    return int(std::clamp<long long>(left, 0, 1'000'000'000));
}

bool waitFor(int fd, short events, int timeoutMs)
{
    pollfd p{fd, events, 0};
    for (;;) {
        const int n = ::poll(&p, 1, timeoutMs);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        return n > 0 && (p.revents & (events | POLLHUP | POLLERR)) != 0;
    }
}

std::string addressOf(const sockaddr_storage &addr, int *port)
{
    char text[INET6_ADDRSTRLEN] = {};
    if (addr.ss_family == AF_INET) {
        const auto *in = reinterpret_cast<const sockaddr_in *>(&addr);
        ::inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
        *port = ntohs(in->sin_port);
    } else if (addr.ss_family == AF_INET6) {
        const auto *in = reinterpret_cast<const sockaddr_in6 *>(&addr);
        ::inet_ntop(AF_INET6, &in->sin6_addr, text, sizeof text);
        *port = ntohs(in->sin6_port);
    }
    return text;
}

std::string peerAddress(int fd, int *port)
{
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    if (::getpeername(fd, reinterpret_cast<sockaddr *>(&addr), &len) != 0) {
        return {};
    }
    return addressOf(addr, port);
}

// A socket stream whose reads end at the phase's deadline: the whole header within
// headerTimeout of its first byte, a body at no less than the minimum average rate, and no
// body byte past the limit.
class DeadlineStream final : public httplib::Stream
{
public:
    DeadlineStream(int fd, const ServingLimits &limits, ConnectionState &state)
        : m_fd(fd), m_limits(limits), m_state(state)
    {
    }

    // Waits for the next request to start; false when the connection idles out or the server stops.
    bool waitForRequest(const std::atomic<socket_t> &listening)
    {
        if (m_pos < m_len) {
            return true;
        }
        const auto until = Clock::now() + m_limits.keepAliveTimeout;
        // In slices, so stop() does not wait out every idle connection.
        while (listening != INVALID_SOCKET) {
            const int left = millisUntil(until);
            if (left == 0) {
                return false;
            }
            if (waitFor(m_fd, POLLIN, std::min(left, 100))) {
                return true;
            }
        }
        return false;
    }

    bool is_readable() const override { return m_pos < m_len || waitFor(m_fd, POLLIN, readWait()); }
    bool is_writable() const override
    {
        return waitFor(m_fd, POLLOUT, int(milliseconds(m_limits.writeTimeout).count()));
    }

    ssize_t read(char *ptr, size_t size) override
    {
        if (m_pos == m_len) {
            const int wait = readWait();
            if (wait == 0 || !waitFor(m_fd, POLLIN, wait)) {
                m_state.readFailed = true;
                return -1;
            }
            ssize_t got = 0;
            do {
                got = ::recv(m_fd, m_buffer, sizeof m_buffer, 0);
            } while (got < 0 && errno == EINTR);
            if (got <= 0) {
                m_state.readFailed = true;
                return -1;
            }
            m_pos = 0;
            m_len = size_t(got);
        }
        const size_t n = std::min(size, m_len - m_pos);
        if (m_state.phase == ConnectionState::Phase::Body && m_state.bytes + qint64(n) > m_state.bodyAllowance) {
            m_state.passedLimit = true;
            m_state.readFailed = true;
            return -1;
        }
        std::memcpy(ptr, m_buffer + m_pos, n);
        m_pos += n;
        m_state.bytes += qint64(n);
        return ssize_t(n);
    }

    ssize_t write(const char *ptr, size_t size) override
    {
        if (!is_writable()) {
            return -1;
        }
        ssize_t sent = 0;
        do {
            sent = ::send(m_fd, ptr, size, MSG_NOSIGNAL);
        } while (sent < 0 && errno == EINTR);
        return sent;
    }

    void get_remote_ip_and_port(std::string &ip, int &port) const override { ip = peerAddress(m_fd, &port); }
    void get_local_ip_and_port(std::string &ip, int &port) const override
    {
        sockaddr_storage addr{};
        socklen_t len = sizeof addr;
        ip.clear();
        if (::getsockname(m_fd, reinterpret_cast<sockaddr *>(&addr), &len) == 0) {
            ip = addressOf(addr, &port);
        }
    }
    socket_t socket() const override { return m_fd; }

private:
    // How long the next read may wait for data, in milliseconds (0: the deadline has passed).
    int readWait() const
    {
        const int idle = int(milliseconds(m_limits.idleTimeout).count());
        if (m_state.phase == ConnectionState::Phase::Headers) {
            return std::min(idle, millisUntil(m_state.phaseStart + m_limits.headerTimeout));
        }
        const auto earned = milliseconds(m_state.bytes * 1000 / std::max<qint64>(1, m_limits.minBodyBytesPerSecond));
        return std::min(idle, millisUntil(m_state.phaseStart + m_limits.idleTimeout + earned));
    }

    int m_fd;
    const ServingLimits &m_limits;
    ConnectionState &m_state;
    char m_buffer[16 * 1024];
    size_t m_pos = 0;
    size_t m_len = 0;
};

// After a reply that leaves request bytes unread: send FIN, then read and drop what is still
// coming for a moment, so the kernel does not answer those bytes with a reset that can destroy
// the reply before the client has read it.
void lingeringClose(int fd, milliseconds budget)
{
    ::shutdown(fd, SHUT_WR);
    const auto until = Clock::now() + budget;
    char scratch[16 * 1024];
    while (waitFor(fd, POLLIN, millisUntil(until))) {
        if (::recv(fd, scratch, sizeof scratch, 0) <= 0) {
            break;
        }
    }
    ::close(fd);
}

// The whole reply to a connection over a cap: written without blocking (the socket buffer of
// a new connection holds it), then closed.
void refuseBusy(int fd)
{
    const std::string body = "This receiver is serving as many connections as it allows; try again shortly.\n";
    const std::string reply = "HTTP/1.1 503 Service Unavailable\r\nDate: " + http::toStd(http::httpDate())
                              + "\r\nRetry-After: 2\r\nConnection: close\r\nContent-Type: text/plain; "
                                "charset=utf-8\r\nContent-Length: "
                              + std::to_string(body.size()) + "\r\n\r\n" + body;
    (void)::send(fd, reply.data(), reply.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    lingeringClose(fd, milliseconds(500));
}

} // namespace

ConnectionServer::ConnectionServer(const ServingLimits &limits)
    : m_limits(limits)
{
    // Past the cap a connection still needs a thread for its 503; a few spare ones suffice.
    const int warm = m_limits.workers;
    const int most = m_limits.maxConnections + 16;
    new_task_queue = [warm, most] { return new ElasticPool(warm, most); };
    set_keep_alive_max_count(size_t(std::max(1, m_limits.keepAliveMaxRequests)));
    set_keep_alive_timeout(m_limits.keepAliveTimeout.count());
    set_read_timeout(m_limits.idleTimeout);
    set_write_timeout(m_limits.writeTimeout);
}

void ConnectionServer::widenBacklog()
{
    // Linux lets listen() on a listening socket change its backlog (the kernel caps it at somaxconn).
    if (svr_sock_ != INVALID_SOCKET) {
        ::listen(svr_sock_, std::max(64, m_limits.maxConnections));
    }
}

void ConnectionServer::beginBody(qint64 maxBody)
{
    if (ConnectionState *state = t_connection) {
        state->phase = ConnectionState::Phase::Body;
        state->phaseStart = Clock::now();
        state->bytes = 0;
        // The raw bytes of a chunked body include its framing (a size line per chunk): a little
        // room so a body just under the limit is not refused for it.
        state->bodyAllowance = maxBody + maxBody / 64 + 4096;
    }
}

void ConnectionServer::closeAfterReply(httplib::Response &response)
{
    response.set_header("Connection", "close");
    if (ConnectionState *state = t_connection) {
        state->closeAfter = true;
    }
}

bool ConnectionServer::bodyPassedLimit()
{
    return t_connection && t_connection->passedLimit;
}

int ConnectionServer::openConnections() const
{
    const std::lock_guard lock(m_mutex);
    return m_open;
}

bool ConnectionServer::admit(const std::string &address)
{
    const std::lock_guard lock(m_mutex);
    int &fromAddress = m_perAddress[address];
    if (m_open >= m_limits.maxConnections || fromAddress >= m_limits.maxPerAddress) {
        if (fromAddress == 0) {
            m_perAddress.erase(address);
        }
        return false;
    }
    ++fromAddress;
    ++m_open;
    return true;
}

void ConnectionServer::release(const std::string &address)
{
    const std::lock_guard lock(m_mutex);
    --m_open;
    if (--m_perAddress[address] <= 0) {
        m_perAddress.erase(address);
    }
}

bool ConnectionServer::process_and_close_socket(socket_t sock)
{
    int port = 0;
    const std::string address = peerAddress(sock, &port);
    if (!admit(address)) {
        refuseBusy(sock);
        return false;
    }
    ConnectionState state;
    DeadlineStream stream(sock, m_limits, state);
    t_connection = &state;
    bool ok = true;
    for (int served = 0; served < m_limits.keepAliveMaxRequests; ++served) {
        if (!stream.waitForRequest(svr_sock_)) {
            break;
        }
        state = ConnectionState{};
        bool clientClosed = false;
        ok = process_request(stream, served + 1 == m_limits.keepAliveMaxRequests, clientClosed, nullptr);
        // After a failed read the rest of that request is still on the wire: never parse it
        // as the next request.
        if (!ok || clientClosed || state.closeAfter || state.readFailed) {
            break;
        }
    }
    t_connection = nullptr;
    if (state.closeAfter || state.passedLimit) {
        lingeringClose(sock, milliseconds(2000));
    } else {
        ::shutdown(sock, SHUT_RDWR);
        ::close(sock);
    }
    release(address);
    return ok;
}

} // namespace chorus::server
