// SPDX-License-Identifier: GPL-3.0-or-later
#include "ServingLimits.h"

#include <algorithm>
#include <thread>

#include <sys/resource.h>

namespace chorus::server {

namespace {

// Each connection holds one descriptor, and a request to PostgreSQL or SQLite a few more.
int connectionsWithinFileLimit()
{
    rlimit files{};
    if (::getrlimit(RLIMIT_NOFILE, &files) != 0 || files.rlim_cur == RLIM_INFINITY) {
        return 4096;
    }
    if (files.rlim_cur < 96) {
        return 16;
    }
    return int(std::clamp<rlim_t>((files.rlim_cur - 64) / 2, 16, 4096));
}

} // namespace

ServingLimits ServingLimits::forThisMachine()
{
    ServingLimits limits;
    const int cores = std::max(1, int(std::thread::hardware_concurrency()));
    limits.maxConnections = std::min(1024, connectionsWithinFileLimit());
    limits.workers = std::clamp(4 * cores, 8, limits.maxConnections);
    // Half of the receiver for one address: a council's NAT may put every device behind one,
    // but one address can never take the whole receiver.
    limits.maxPerAddress = std::max(1, limits.maxConnections / 2);
    return limits;
}

QString ServingLimits::problem() const
{
    const int fileLimit = connectionsWithinFileLimit();
    if (maxConnections < 1 || maxConnections > fileLimit) {
        return QStringLiteral("the connection cap must be between 1 and %1 (half of this process's open-file "
                              "limit; raise it with ulimit -n or LimitNOFILE= to allow more)")
            .arg(fileLimit);
    }
    if (workers < 1 || workers > maxConnections) {
        return QStringLiteral("the worker count must be between 1 and the connection cap (%1)").arg(maxConnections);
    }
    if (maxPerAddress < 1 || maxPerAddress > maxConnections) {
        return QStringLiteral("the per-address cap must be between 1 and the connection cap (%1)").arg(maxConnections);
    }
    if (headerTimeout.count() < 1 || idleTimeout.count() < 1 || keepAliveTimeout.count() < 1
        || writeTimeout.count() < 1 || keepAliveMaxRequests < 1 || minBodyBytesPerSecond < 1) {
        return QStringLiteral("timeouts, rates and counts must be positive");
    }
    return {};
}

} // namespace chorus::server
