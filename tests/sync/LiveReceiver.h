// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// chorus-receiver running in the test process on a free loopback port.

#include "Receiver.h"
#include "SqliteStorage.h"
#include "Tokens.h"

#include <QTemporaryDir>
#include <QTest>

namespace chorus::testing {

// chorus-receiver in this process: SQLite in a temporary directory, one enrolled device.
struct LiveReceiver {
    QTemporaryDir dir;
    std::unique_ptr<server::SqliteStorage> storage;
    std::unique_ptr<server::Receiver> receiver;
    QByteArray deviceToken;
    QByteArray adminToken = QByteArrayLiteral("admin-token-for-tests-0123456789");
    int port = 0;

    bool start(qint64 maxBody = 100'000'000)
    {
        auto opened = server::SqliteStorage::open(dir.filePath(QStringLiteral("receiver.sqlite")));
        if (!opened) {
            qWarning() << opened.error().message;
            return false;
        }
        storage = std::move(*opened);
        deviceToken = server::generateToken();
        if (!storage->addDevice(QStringLiteral("tablet-1"), server::hashToken(deviceToken))) {
            return false;
        }
        server::ReceiverConfig config;
        config.maxBody = maxBody;
        config.adminToken = adminToken;
        receiver = std::make_unique<server::Receiver>(*storage, config);
        auto bound = receiver->start();
        port = bound ? *bound : 0;
        return port > 0;
    }

    QString base() const { return QStringLiteral("http://127.0.0.1:%1").arg(port); }
};

} // namespace chorus::testing
