// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to chorus_server: cpp-httplib's Server with the receiver's own connection handling.
//
// cpp-httplib (0.11 in Debian bookworm) gives each connection a thread from a fixed pool for as
// long as the client keeps it open, reads with a per-recv timeout only, and reads a whole
// over-limit body before answering 413. So 8 kept-alive connections from one syncing device, or
// 16 slow clients sending a header byte every 2 s, left every other client waiting in the queue.
// This class keeps httplib's request parsing and routing and replaces the part around it:
// admission (a cap in total and per client address, answered 503 at once), a thread per
// admitted connection from a pool that grows with the load, whole-header and body-rate
// deadlines, a running body limit, and a lingering close after a refused body so the client
// reads the answer instead of a reset.

#include "ServingLimits.h"

#include <httplib.h>

#include <map>
#include <mutex>

namespace chorus::server {

class ConnectionServer : public httplib::Server
{
public:
    explicit ConnectionServer(const ServingLimits &limits);

    // After bind_to_port: cpp-httplib listens with a backlog of 5, too few for a burst of devices.
    void widenBacklog();

    // For handlers, on the thread serving the request:
    // the headers are complete; the body that follows may hold at most `maxBody` bytes.
    static void beginBody(qint64 maxBody);
    // the reply being prepared is the last on this connection (Connection: close is sent).
    static void closeAfterReply(httplib::Response &response);
    // the body being read passed the limit (the read was stopped, not finished).
    static bool bodyPassedLimit();

    // Connections being served now (tests and logs).
    int openConnections() const;

private:
    bool process_and_close_socket(socket_t sock) override;

    // Takes a place for a connection from `address`; false when the receiver or that address
    // is at its cap.
    bool admit(const std::string &address);
    void release(const std::string &address);

    ServingLimits m_limits;
    mutable std::mutex m_mutex;
    std::map<std::string, int> m_perAddress;
    int m_open = 0;
};

} // namespace chorus::server
