// SPDX-License-Identifier: GPL-3.0-or-later
// bench_receiver_load URL TOKENS_FILE ADMIN_URL ADMIN_TOKEN_FILE [records-per-device] [ca-file] [label]
//
// Many devices syncing at once against a running chorus-receiver (the shipped program with
// its default options, started by receiver-load.sh, straight or behind nginx): one device per
// token in TOKENS_FILE, all starting together. Each sends a HEAD (timed: it must be answered
// in under a second) and then syncs its records with the shipped SyncEngine and CurlTransport
// options. Printed next to the floor measured in the same run: the HEAD latency of the idle
// receiver. Afterwards the admin feed (ADMIN_URL, always the receiver itself) must hold every
// record exactly once. Exit 1 when a HEAD took a second or more or a record is missing or doubled.
#include "BenchSupport.h"
#include "CurlTransport.h"
#include "MemoryOutbox.h"
#include "OpenRosaClient.h"
#include "SyncEngine.h"

#include <httplib.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSet>

#include <barrier>
#include <cstdio>
#include <thread>

using namespace chorus;
using namespace chorus::sync;

namespace {

QList<QByteArray> readLines(const QString &path)
{
    QFile file(path);
    QList<QByteArray> lines;
    if (file.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : file.readAll().split('\n')) {
            if (!line.trimmed().isEmpty()) {
                lines.append(line.trimmed());
            }
        }
    }
    return lines;
}

// Milliseconds for one HEAD on a new connection, or -1 when it failed.
double timedHead(const CurlOptions &curl, const QUrl &url, const QByteArray &token)
{
    CurlTransport transport(curl);
    OpenRosaClient client(transport, url, token);
    QElapsedTimer timer;
    timer.start();
    return client.head() ? double(timer.nsecsElapsed()) / 1e6 : -1;
}

// instanceID → how many times the admin feed lists it.
QHash<QString, int> storedRecords(const QUrl &adminUrl, const QByteArray &adminToken)
{
    httplib::Client client(adminUrl.host().toStdString(), adminUrl.port(80));
    const httplib::Headers auth{{"Authorization", "Bearer " + adminToken.toStdString()}};
    QHash<QString, int> seen;
    qint64 cursor = 0;
    for (;;) {
        auto res = client.Get(("/v1/admin/submissions?limit=1000&cursor=" + std::to_string(cursor)).c_str(), auth);
        if (!res || res->status != 200) {
            std::fprintf(stderr, "bench_receiver_load: the admin feed did not answer\n");
            return {};
        }
        const QJsonObject page = QJsonDocument::fromJson(QByteArray::fromStdString(res->body)).object();
        for (const QJsonValue &entry : page.value(QStringLiteral("submissions")).toArray()) {
            if (entry.toObject().value(QStringLiteral("complete")).toBool()) {
                ++seen[entry.toObject().value(QStringLiteral("instanceId")).toString()];
            }
        }
        cursor = page.value(QStringLiteral("cursor")).toInteger();
        if (!page.value(QStringLiteral("more")).toBool()) {
            return seen;
        }
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 5) {
        std::fprintf(stderr, "usage: bench_receiver_load URL TOKENS_FILE ADMIN_URL ADMIN_TOKEN_FILE [records] [ca-file] [label]\n");
        return 2;
    }
    QLoggingCategory::setFilterRules(QStringLiteral("chorus.*=false"));
    const QUrl url(QString::fromLocal8Bit(argv[1]));
    const QList<QByteArray> tokens = readLines(QString::fromLocal8Bit(argv[2]));
    const QUrl adminUrl(QString::fromLocal8Bit(argv[3]));
    const QList<QByteArray> adminToken = readLines(QString::fromLocal8Bit(argv[4]));
    const int records = argc > 5 ? std::max(1, std::atoi(argv[5])) : 5;
    const QString label = argc > 7 ? QString::fromLocal8Bit(argv[7]) : url.toString();
    CurlOptions curl; // shipped options; plain http is allowed for loopback only
    curl.allowHttpLoopback = true;
    if (argc > 6 && *argv[6]) {
        curl.caFile = QString::fromLocal8Bit(argv[6]);
    }
    if (tokens.isEmpty() || adminToken.isEmpty()) {
        std::fprintf(stderr, "bench_receiver_load: no device tokens or no admin token\n");
        return 2;
    }
    const QString run = QString::number(QDateTime::currentMSecsSinceEpoch());

    // Floor: the idle receiver, one HEAD at a time on a new connection.
    std::vector<double> floor;
    for (int i = 0; i < 20; ++i) {
        floor.push_back(timedHead(curl, url, tokens.at(0)));
    }

    const int devices = int(tokens.size());
    std::vector<double> heads(size_t(devices), -1);
    std::vector<double> runs(size_t(devices), 0);
    std::vector<int> accepted(size_t(devices), 0);
    std::vector<QString> why(static_cast<size_t>(devices), QString()); // the first reason a record of that device was not accepted
    std::barrier start(devices);
    std::vector<std::thread> threads;
    QElapsedTimer wall;
    wall.start();
    for (int d = 0; d < devices; ++d) {
        threads.emplace_back([&, d] {
            MemoryOutbox outbox;
            for (int i = 0; i < records; ++i) {
                outbox.add(bench::envelope(QStringLiteral("%1-dev%2").arg(run).arg(d), i));
            }
            start.arrive_and_wait();
            QElapsedTimer timer;
            timer.start();
            heads[size_t(d)] = timedHead(curl, url, tokens.at(d));
            SyncEngine engine([curl] { return std::make_unique<CurlTransport>(curl); }, url, tokens.at(d), SyncOptions{});
            const SyncReport report = engine.run(outbox);
            accepted[size_t(d)] = report.count(SubmitOutcome::Accepted);
            for (const RecordResult &r : report.records) {
                if (r.outcome != SubmitOutcome::Accepted && why[size_t(d)].isEmpty()) {
                    why[size_t(d)] = r.reason;
                }
            }
            runs[size_t(d)] = double(timer.elapsed());
        });
    }
    for (std::thread &t : threads) {
        t.join();
    }
    const double wallMs = double(wall.elapsed());

    int headsOk = 0;
    int acceptedAll = 0;
    for (int d = 0; d < devices; ++d) {
        headsOk += heads[size_t(d)] >= 0 && heads[size_t(d)] < 1000 ? 1 : 0;
        acceptedAll += accepted[size_t(d)];
    }
    const QHash<QString, int> stored = storedRecords(adminUrl, adminToken.at(0));
    int ours = 0;
    int doubled = 0;
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        if (it.key().startsWith(QStringLiteral("uuid:") + run)) {
            ++ours;
            doubled += it.value() > 1 ? 1 : 0;
        }
    }
    const int expected = devices * records;
    std::printf("%s: %d devices x %d records, all starting together (%.1f s wall)\n", qPrintable(label), devices,
                records, wallMs / 1000);
    std::printf("  HEAD, idle receiver (floor):  p50 %7.1f ms  p99 %7.1f ms\n", bench::percentile(floor, 0.5),
                bench::percentile(floor, 0.99));
    std::printf("  HEAD, %3d devices at once:    p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms; under 1 s: %d/%d\n",
                devices, bench::percentile(heads, 0.5), bench::percentile(heads, 0.99),
                *std::max_element(heads.begin(), heads.end()), headsOk, devices);
    std::printf("  whole device sync (HEAD + %d records): p50 %.0f ms  p99 %.0f ms\n", records,
                bench::percentile(runs, 0.5), bench::percentile(runs, 0.99));
    std::printf("  accepted %d/%d; stored %d/%d, %d more than once\n", acceptedAll, expected, ours, expected, doubled);
    QSet<QString> reasons;
    for (const QString &w : why) {
        if (!w.isEmpty() && reasons.size() < 3 && !reasons.contains(w)) {
            reasons.insert(w);
            std::printf("  not accepted: %s\n", qPrintable(w));
        }
    }
    return headsOk == devices && ours == expected && doubled == 0 ? 0 : 1;
}
