// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ServingLimits.h"
#include "Storage.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace chorus::server {

struct ReceiverConfig {
    QString host = QStringLiteral("127.0.0.1");
    int port = 0;                      // 0: any free port (tests)
    qint64 maxBody = 100'000'000;      // advertised in X-OpenRosa-Accept-Content-Length; larger → 413
    QByteArray adminToken;             // Bearer token for /v1/admin/...; empty disables the admin API
    QString packagesDir;               // survey packages served to devices; empty: none
    QByteArray signingPublicKey;       // the council's Ed25519 key; empty: publishing is refused
    ServingLimits serving = ServingLimits::forThisMachine();
};

// The HTTP face of the receiver: OpenRosa submission endpoints with ODK Central's paths
// (`/v1/key/{token}/projects/{id}/submission`, and `/submission` with a Bearer device token),
// the admin pull API and /healthz. Answers are decided by the storage: a 201 is sent only
// after the record is durable. Bad input gets a 4xx, never a 500.
class Receiver
{
public:
    Receiver(Storage &storage, ReceiverConfig config);
    ~Receiver();
    Receiver(const Receiver &) = delete;
    Receiver &operator=(const Receiver &) = delete;

    // Binds the listening socket; returns the port (useful with port 0).
    Result<int> bind();
    // Serves until stop(); blocking. Call after bind().
    Status serve();
    // bind() + serve() on a background thread, returning once the port is open (tests).
    Result<int> start();
    // Stops accepting; requests in flight finish first. Thread-safe and idempotent.
    void stop();

    int port() const;
    bool isRunning() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace chorus::server
