// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// chorus-receiver running in the test process on a free loopback port, on SQLite by default or
// on PostgreSQL when CHORUS_TEST_BACKEND=postgres (CHORUS_TEST_POSTGRES gives the server URL;
// each receiver gets a fresh schema). Without a reachable server the test is skipped.

#include "PostgresStorage.h"
#include "Receiver.h"
#include "SqliteStorage.h"
#include "Tokens.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

namespace chorus::testing {

inline bool usePostgres()
{
    return qEnvironmentVariable("CHORUS_TEST_BACKEND") == QLatin1String("postgres");
}

// A fresh storage for one test: SQLite in `dir`, or a new schema on the test PostgreSQL server.
// Returns nullptr with `skip` set when PostgreSQL was asked for but is not there.
inline std::unique_ptr<server::Storage> openTestStorage(const QTemporaryDir &dir, QString *skip)
{
    if (usePostgres()) {
        const QString uri = qEnvironmentVariable("CHORUS_TEST_POSTGRES");
        if (uri.isEmpty()) {
            *skip = QStringLiteral("CHORUS_TEST_POSTGRES is not set: no PostgreSQL server for this suite "
                                   "(scripts/test.sh starts one)");
            return nullptr;
        }
        const QString schema = QStringLiteral("chorus_t%1_%2")
                                   .arg(QCoreApplication::applicationPid())
                                   .arg(QRandomGenerator::global()->generate());
        auto opened = server::PostgresStorage::open(uri, schema);
        if (!opened) {
            *skip = QStringLiteral("PostgreSQL at CHORUS_TEST_POSTGRES is not reachable: ") + opened.error().message;
            return nullptr;
        }
        return std::move(*opened);
    }
    auto opened = server::SqliteStorage::open(dir.filePath(QStringLiteral("receiver.sqlite")));
    if (!opened) {
        qWarning() << opened.error().message;
        return nullptr;
    }
    return std::move(*opened);
}

struct LiveReceiver {
    QTemporaryDir dir;
    std::unique_ptr<server::Storage> storage;
    std::unique_ptr<server::Receiver> receiver;
    QByteArray deviceToken;
    QByteArray adminToken = QByteArrayLiteral("admin-token-for-tests-0123456789");
    QString skipReason;
    QString packagesDir;
    QByteArray signingPublicKey; // the council key published packages must verify against; empty: none
    server::ServingLimits serving = server::ServingLimits::forThisMachine(); // as shipped unless a test narrows it
    int port = 0;

    bool start(qint64 maxBody = 100'000'000)
    {
        storage = openTestStorage(dir, &skipReason);
        if (!storage) {
            return false;
        }
        deviceToken = server::generateToken();
        if (!storage->addDevice(QStringLiteral("tablet-1"), server::hashToken(deviceToken))) {
            return false;
        }
        server::ReceiverConfig config;
        config.maxBody = maxBody;
        config.adminToken = adminToken;
        config.packagesDir = packagesDir;
        config.signingPublicKey = signingPublicKey;
        config.serving = serving;
        receiver = std::make_unique<server::Receiver>(*storage, config);
        auto bound = receiver->start();
        port = bound ? *bound : 0;
        return port > 0;
    }

    QString base() const { return QStringLiteral("http://127.0.0.1:%1").arg(port); }
};

} // namespace chorus::testing

// Starts `live` or skips the test with the reason (PostgreSQL missing), else fails.
#define CHORUS_START_RECEIVER(live, ...)                                                                              \
    do {                                                                                                               \
        if (!(live).start(__VA_ARGS__)) {                                                                              \
            if (!(live).skipReason.isEmpty())                                                                          \
                QSKIP(qPrintable((live).skipReason));                                                                  \
            QFAIL("the receiver did not start");                                                                       \
        }                                                                                                              \
    } while (false)
