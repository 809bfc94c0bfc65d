// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <chrono>
#include <optional>

namespace chorus::server {

// How the receiver shares itself between clients. Every accepted connection gets its own
// thread at once (the pool grows with the load up to maxConnections), so a kept-alive or slow
// connection holds only its own thread and never makes another client wait in a queue; the
// deadlines bound how long any one connection can hold that thread without making progress.
struct ServingLimits {
    int workers = 8;                // threads started up front; more are added as connections arrive
    int maxConnections = 512;       // connections served at once; more are answered 503 and closed
    int maxPerAddress = 128;        // from one client address (a council NAT holds many devices)
    std::chrono::seconds headerTimeout{10};    // whole request line and headers, from their first byte
    std::chrono::seconds idleTimeout{30};      // longest wait for the next byte of a body
    std::chrono::seconds keepAliveTimeout{5};  // an idle kept-alive connection is closed after this
    std::chrono::seconds writeTimeout{30};
    int keepAliveMaxRequests = 100;
    // A body must keep to this average after its first idleTimeout, or the connection is closed:
    // a client dribbling a large body cannot hold a thread for hours.
    qint64 minBodyBytesPerSecond = 8 * 1024;

    // Sized to this machine: a few warm threads per core, connections within the open-file limit.
    static ServingLimits forThisMachine();

    // An empty string when the values are usable, else what is wrong (no option names: the
    // caller says which option it came from).
    QString problem() const;
};

} // namespace chorus::server
