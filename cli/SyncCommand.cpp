// SPDX-License-Identifier: GPL-3.0-or-later
// chorusctl sync: sends the device database's finalized records to a receiver.
#include "CliSupport.h"
#include "EnrollSupport.h"
#include "CurlTransport.h"
#include "DeviceOutbox.h"
#include "Endpoint.h"
#include "SyncEngine.h"
#include "SyncLog.h"

#include <QCommandLineParser>

namespace chorus::cli {

namespace {
OutboxOpener &testOpener()
{
    static OutboxOpener opener;
    return opener;
}
} // namespace

namespace {
int printStatus(const QString &dbPath, Io &io)
{
    sync::FileSyncLog log(sync::FileSyncLog::pathFor(dbPath));
    Result<QList<sync::SyncLogEntry>> entries = log.recent(100000);
    if (!entries) {
        return fail(io, entries.error());
    }
    if (entries->isEmpty()) {
        io.out << "no sync has run for " << dbPath << Qt::endl;
        return ExitOk;
    }
    for (auto it = entries->crbegin(); it != entries->crend(); ++it) {
        if (it->event == sync::SyncLogEntry::Event::RunFinished) {
            io.out << "last run " << it->at.toString(Qt::ISODate) << ": " << it->outcome << ", " << it->detail << '\n';
            break;
        }
    }
    for (const sync::SyncLogEntry &e : sync::latestPerRecord(*entries)) {
        io.out << e.instanceId << '\t' << e.outcome << '\t' << e.at.toString(Qt::ISODate);
        if (!e.detail.isEmpty()) {
            io.out << '\t' << e.detail;
        }
        io.out << '\n';
    }
    io.out.flush();
    return ExitOk;
}
} // namespace

void setOutboxOpenerForTests(OutboxOpener opener)
{
    testOpener() = std::move(opener);
}

int syncCommand(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Send the finalized records in a device database to a Chorus receiver (OpenRosa). Each record "
        "ends accepted, conflict, deleted-on-server, rejected or pending with a reason; exit code 0 only "
        "when every record was accepted."));
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("Device database."), QStringLiteral("DEVICE.db"));
    const QCommandLineOption endpoint(QStringLiteral("endpoint"),
                                      QStringLiteral("Server base URL (https://host) or a full .../submission URL."),
                                      QStringLiteral("URL"));
    const QCommandLineOption token = refusedInlineSecret(QStringLiteral("token"));
    const QCommandLineOption tokenFile(QStringLiteral("token-file"),
                                       QStringLiteral("Read the device token from a file instead."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption allowHttp(QStringLiteral("allow-http-loopback"),
                                       QStringLiteral("Allow plain http to 127.0.0.1 (testing only)."));
    const QCommandLineOption caFile(QStringLiteral("ca-file"), QStringLiteral("Extra CA certificates (PEM)."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption pin(QStringLiteral("pin"),
                                 QStringLiteral("Public-key pin sha256//BASE64 (repeat for a backup pin)."),
                                 QStringLiteral("PIN"));
    const QCommandLineOption proxy(QStringLiteral("proxy"),
                                   QStringLiteral("HTTP proxy (http://host:port). Default: https_proxy / no_proxy "
                                                  "from the environment."),
                                   QStringLiteral("URL"));
    const QCommandLineOption concurrency(QStringLiteral("concurrency"), QStringLiteral("Most uploads in flight (1-16); a sync starts with 2 and adapts to the server."),
                                         QStringLiteral("N"), QStringLiteral("8"));
    const QCommandLineOption status(QStringLiteral("status"),
                                    QStringLiteral("Show the sync log (last run, and where each record is); send nothing."));
    const QCommandLineOption passphraseFile(QStringLiteral("passphrase-file"),
                                            QStringLiteral("Use this device's enrollment (endpoint, token, TLS), unsealed with "
                                                           "the operator passphrase in FILE, instead of --endpoint/--token-file."),
                                            QStringLiteral("FILE"));
    parser.addOptions({db, endpoint, token, tokenFile, allowHttp, caFile, pin, proxy, concurrency, status, passphraseFile});
    if (const int code = parseOrExit(parser, args, io, {QStringLiteral("db")}); code >= 0) {
        return code;
    }
    if (parser.isSet(token)) {
        return usage(io, inlineSecretRefusal(QStringLiteral("token")));
    }
    if (Status files = checkOptionFiles(parser, {QStringLiteral("token-file"), QStringLiteral("passphrase-file"),
                                                 QStringLiteral("ca-file")});
        !files) {
        return fail(io, files.error());
    }
    if (parser.isSet(passphraseFile) && (parser.isSet(endpoint) || parser.isSet(tokenFile))) {
        return usage(io, QStringLiteral("--passphrase-file takes the endpoint and token from the device's enrollment: "
                                        "leave out --endpoint and --token-file, or leave it out"));
    }
    if (parser.isSet(status)) {
        return printStatus(parser.value(db), io);
    }
    std::optional<EnrolledTarget> enrolled; // EnrollSupport.h
    if (parser.isSet(passphraseFile)) {
        auto target = enrolledTarget(parser.value(db), parser.value(passphraseFile));
        if (!target) {
            return fail(io, target.error());
        }
        enrolled = std::move(*target);
    }
    if (parser.value(endpoint).isEmpty() && !enrolled) {
        return usage(io, QStringLiteral("missing --endpoint (see --help)"));
    }
    const QString endpointUrl = enrolled ? enrolled->endpoint : parser.value(endpoint);
    QByteArray deviceToken = enrolled ? enrolled->deviceToken : QByteArray();
    if (parser.isSet(tokenFile)) {
        Result<QByteArray> read = readPassphraseFile(parser.value(tokenFile));
        if (!read) {
            return fail(io, read.error());
        }
        deviceToken = *read;
    }
    bool concurrencyOk = false;
    const int workers = parser.value(concurrency).toInt(&concurrencyOk);
    if (!concurrencyOk || workers < 1 || workers > 16) {
        return usage(io, QStringLiteral("--concurrency must be 1-16"));
    }
    for (const QString &p : parser.values(pin)) {
        if (!p.startsWith(QLatin1String("sha256//")) || p.size() < 20) {
            return usage(io, QStringLiteral("--pin must look like sha256//BASE64 (see docs/deploy.md)"));
        }
    }
    const bool http = enrolled ? enrolled->curl.allowHttpLoopback
                               : allowPlainHttpToLoopback(parser.isSet(allowHttp), parser.value(endpoint), io);
    Result<QUrl> url = sync::submissionUrl(endpointUrl, http);
    if (!url) {
        return fail(io, url.error());
    }
    if (deviceToken.isEmpty() && !url->path().contains(QLatin1String("/v1/key/"))) {
        return usage(io, QStringLiteral("missing --token-file (or a /v1/key/{token}/... URL)"));
    }

    Error openError;
    std::unique_ptr<sync::Outbox> outbox = testOpener() ? testOpener()(parser.value(db), &openError)
                                                        : openDeviceOutbox(parser.value(db), &openError);
    if (!outbox) {
        return fail(io, openError);
    }
    sync::CurlOptions curl = enrolled ? enrolled->curl : sync::CurlOptions();
    curl.allowHttpLoopback = http;
    curl.caFile = parser.value(caFile);
    curl.pins = enrolled ? enrolled->curl.pins : parser.values(pin);
    curl.proxy = parser.value(proxy);
    sync::SyncOptions options;
    options.concurrency = workers;
    sync::SyncEngine engine([curl] { return std::make_unique<sync::CurlTransport>(curl); }, *url, deviceToken,
                            options);
    sync::FileSyncLog log(sync::FileSyncLog::pathFor(parser.value(db)));
    engine.setLog(&log);
    const sync::SyncReport report = engine.run(*outbox);
    for (const sync::RecordResult &r : report.records) {
        io.out << r.instanceId << '\t' << (r.attempts ? sync::outcomeName(r.outcome) : QStringLiteral("not-sent"));
        if (!r.reason.isEmpty()) {
            io.out << '\t' << r.reason;
        }
        io.out << '\n';
    }
    const int accepted = report.count(sync::SubmitOutcome::Accepted);
    io.out << accepted << " of " << report.records.size() << " records accepted" << Qt::endl;
    if (report.stopped) {
        return fail(io, report.stopped->message);
    }
    if (accepted != report.records.size()) {
        return fail(io, QStringLiteral("%1 records not accepted (see above)").arg(report.records.size() - accepted));
    }
    return ExitOk;
}

} // namespace chorus::cli
