// SPDX-License-Identifier: GPL-3.0-or-later
// bench_sync [records] [baseline-sample] [rtt-ms]
//
// 1. Sync throughput over a slow link: the records go through SyncEngine (default options)
//    to a real receiver behind a proxy adding rtt/2 each way, against the floor measured in
//    the same run: one record at a time, HEAD then POST, as a naive client does. The floor is
//    measured on a sample and scaled, so the run stays short; both figures are printed.
// 2. Receiver throughput: 50 concurrent clients POSTing straight to the receiver; p50/p99.
#include "BenchSupport.h"
#include "CurlTransport.h"
#include "RelayProxy.h"
#include "MemoryOutbox.h"
#include "OpenRosaClient.h"
#include "Receiver.h"
#include "SqliteStorage.h"
#include "SyncEngine.h"
#include "Tokens.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <thread>

using namespace chorus;
using namespace chorus::sync;

using bench::envelope;
using bench::percentile;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int records = argc > 1 ? std::atoi(argv[1]) : 1000;
    const int sample = argc > 2 ? std::atoi(argv[2]) : 40;
    const int rttMs = argc > 3 ? std::atoi(argv[3]) : 100;
    QLoggingCategory::setFilterRules(QStringLiteral("chorus.*=false"));

    QTemporaryDir dir;
    auto storage = server::SqliteStorage::open(dir.filePath(QStringLiteral("r.sqlite")));
    if (!storage) {
        std::fprintf(stderr, "bench_sync: %s\n", qPrintable(storage.error().message));
        return 1;
    }
    const QByteArray token = server::generateToken();
    (void)(*storage)->addDevice(QStringLiteral("bench"), server::hashToken(token));
    server::ReceiverConfig config; // the shipped serving limits (ServingLimits::forThisMachine)
    server::Receiver receiver(**storage, config);
    const int port = *receiver.start();
    testing::RelayProxy proxy(port, std::chrono::milliseconds(rttMs / 2));
    const int slowPort = proxy.start();
    const QUrl slowUrl(QStringLiteral("http://127.0.0.1:%1/submission").arg(slowPort));
    CurlOptions curl;
    curl.allowHttpLoopback = true;

    // Floor: one record at a time, HEAD + POST each.
    QElapsedTimer timer;
    timer.start();
    {
        CurlTransport transport(curl);
        OpenRosaClient client(transport, slowUrl, token);
        for (int i = 0; i < sample; ++i) {
            auto info = client.head();
            if (!info || client.submit(envelope(QStringLiteral("floor"), i), *info).outcome != SubmitOutcome::Accepted) {
                std::fprintf(stderr, "bench_sync: baseline upload failed\n");
                return 1;
            }
        }
    }
    const double floorPerRecord = double(timer.elapsed()) / sample;
    const double floorTotal = floorPerRecord * records;

    // Chorus: the engine with its default options.
    MemoryOutbox outbox;
    for (int i = 0; i < records; ++i) {
        outbox.add(envelope(QStringLiteral("engine"), i));
    }
    SyncEngine engine([curl] { return std::make_unique<CurlTransport>(curl); }, slowUrl, token, SyncOptions{});
    timer.restart();
    const SyncReport report = engine.run(outbox);
    const double engineTotal = double(timer.elapsed());
    if (!report.allAccepted()) {
        std::fprintf(stderr, "bench_sync: engine run did not accept every record\n");
        return 1;
    }
    std::printf("sync over %d ms RTT, %d records of ~2 kB:\n", rttMs, records);
    std::printf("  floor  (sequential HEAD+POST, measured on %d): %8.0f ms  (%.1f ms/record)\n", sample, floorTotal,
                floorPerRecord);
    std::printf("  chorus (SyncEngine, concurrency %d, reused connections): %8.0f ms  (%.1f ms/record)\n",
                SyncOptions{}.concurrency, engineTotal, engineTotal / records);
    std::printf("  speed-up: %.1fx (goal >= 10x)\n", floorTotal / engineTotal);
    proxy.stop();

    // Receiver throughput: 50 clients, each POSTing its own records back to back.
    constexpr int kClients = 50;
    const int perClient = std::max(1, records / kClients);
    std::vector<std::vector<double>> latencies(kClients);
    const QUrl fastUrl(QStringLiteral("http://127.0.0.1:%1/submission").arg(port));
    std::vector<std::thread> clients;
    timer.restart();
    for (int c = 0; c < kClients; ++c) {
        clients.emplace_back([&, c] {
            CurlTransport transport(curl);
            OpenRosaClient client(transport, fastUrl, token);
            const ServerInfo info;
            for (int i = 0; i < perClient; ++i) {
                const OutboxItem item = envelope(QStringLiteral("load%1").arg(c), i);
                QElapsedTimer one;
                one.start();
                if (client.submit(item, info).outcome == SubmitOutcome::Accepted) {
                    latencies[size_t(c)].push_back(double(one.nsecsElapsed()) / 1e6);
                }
            }
        });
    }
    for (std::thread &t : clients) {
        t.join();
    }
    const double wall = double(timer.elapsed());
    std::vector<double> all;
    for (const auto &l : latencies) {
        all.insert(all.end(), l.begin(), l.end());
    }
    std::printf("receiver, %d concurrent clients, %zu POSTs in %.0f ms: %.0f submissions/s, p50 %.1f ms, p99 %.1f ms\n",
                kClients, all.size(), wall, double(all.size()) * 1000.0 / wall, percentile(all, 0.5),
                percentile(all, 0.99));
    receiver.stop();
    return all.size() == size_t(kClients * perClient) ? 0 : 1;
}
