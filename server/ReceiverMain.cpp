// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReceiverMain.h"

#include "common/AtomicFile.h"

#include "PostgresStorage.h"
#include "Receiver.h"
#include "ServerLogging.h"
#include "SqliteStorage.h"
#include "Tokens.h"

#include "survey/PackageSignature.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <pthread.h>
#include <thread>

#include <unistd.h>

namespace chorus::server {

namespace {

constexpr int kOk = 0;
constexpr int kFailure = 1;
constexpr int kUsage = 2;

int failWith(QTextStream &err, const QString &message, int code = kFailure)
{
    err << "chorus-receiver: " << message << Qt::endl;
    return code;
}

// The data directory (0700), also with PostgreSQL: it holds the admin token and the packages.
Status makeDataDir(const QString &dataDir)
{
    if (!QDir().mkpath(dataDir)) {
        return makeError(ErrorKind::Io, QStringLiteral("cannot create data directory %1").arg(dataDir));
    }
    QFile::setPermissions(dataDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return {};
}

// SQLite in DATA/receiver.sqlite, or PostgreSQL when `database` is a postgresql:// URL.
Result<std::unique_ptr<Storage>> openStorage(const QString &dataDir, const QString &database)
{
    if (database.startsWith(QLatin1String("postgresql://")) || database.startsWith(QLatin1String("postgres://"))) {
        Result<std::unique_ptr<PostgresStorage>> pg = PostgresStorage::open(database);
        if (!pg) {
            return pg.error();
        }
        return std::unique_ptr<Storage>(std::move(*pg));
    }
    if (!database.isEmpty()) {
        return makeError(ErrorKind::InvalidInput, QStringLiteral("--database must be a postgresql:// URL"));
    }
    if (Status made = makeDataDir(dataDir); !made) {
        return made.error();
    }
    Result<std::unique_ptr<SqliteStorage>> storage = SqliteStorage::open(QDir(dataDir).filePath(QStringLiteral("receiver.sqlite")));
    if (!storage) {
        return storage.error();
    }
    return std::unique_ptr<Storage>(std::move(*storage));
}

// Reads the admin token, creating the file with a new random token (0600) when it is missing.
Result<QByteArray> adminToken(const QString &path, QTextStream &out)
{
    QFile file(path);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly)) {
            return makeError(ErrorKind::Io, QStringLiteral("cannot read admin token file %1").arg(path));
        }
        const QByteArray token = file.read(4096).trimmed();
        if (token.size() < 16) {
            return makeError(ErrorKind::InvalidInput,
                             QStringLiteral("admin token in %1 is shorter than 16 characters").arg(path));
        }
        return token;
    }
    const QByteArray token = generateToken();
    if (Status s = writeFileAtomically(path, token + '\n'); !s) {
        return makeError(ErrorKind::Io, QStringLiteral("cannot create admin token file: %1").arg(s.error().message));
    }
    out << "chorus-receiver: created admin token file " << path << Qt::endl;
    return token;
}

int tokenCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    // arguments: chorus-receiver token <verb> ...
    const QString verb = arguments.value(2);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("data"), QStringLiteral("Receiver data directory."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("device"), QStringLiteral("Device name."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("database"), QStringLiteral("PostgreSQL URL."), QStringLiteral("URL")});
    QStringList rest = arguments.mid(2);
    rest[0] = QStringLiteral("chorus-receiver token");
    if (!parser.parse(rest) || !parser.positionalArguments().isEmpty()) {
        return failWith(err, parser.errorText().isEmpty() ? QStringLiteral("unexpected argument") : parser.errorText(), kUsage);
    }
    if (parser.value(QStringLiteral("data")).isEmpty()) {
        return failWith(err, QStringLiteral("missing --data"), kUsage);
    }
    const QString device = parser.value(QStringLiteral("device")).trimmed();
    if ((verb == QLatin1String("issue") || verb == QLatin1String("revoke")) && device.isEmpty()) {
        return failWith(err, QStringLiteral("missing --device"), kUsage);
    }
    if (verb != QLatin1String("issue") && verb != QLatin1String("revoke") && verb != QLatin1String("list")) {
        return failWith(err, QStringLiteral("token needs issue, revoke or list"), kUsage);
    }
    Result<std::unique_ptr<Storage>> storage =
        openStorage(parser.value(QStringLiteral("data")), parser.value(QStringLiteral("database")));
    if (!storage) {
        return failWith(err, storage.error().message);
    }
    if (verb == QLatin1String("issue")) {
        const QByteArray token = generateToken();
        if (Status s = (*storage)->addDevice(device, hashToken(token)); !s) {
            return failWith(err, s.error().message);
        }
        out << token << Qt::endl; // shown once: only its hash is stored
        return kOk;
    }
    if (verb == QLatin1String("revoke")) {
        if (Status s = (*storage)->revokeDevice(device); !s) {
            return failWith(err, s.error().message);
        }
        return kOk;
    }
    Result<QList<DeviceInfo>> devices = (*storage)->devices();
    if (!devices) {
        return failWith(err, devices.error().message);
    }
    for (const DeviceInfo &d : std::as_const(*devices)) {
        out << d.name << '\t' << d.createdAt << '\t' << (d.revokedAt.isEmpty() ? QStringLiteral("active") : QStringLiteral("revoked ") + d.revokedAt) << '\n';
    }
    out.flush();
    return kOk;
}

// --workers, --max-connections, --max-per-address over the machine's defaults; a message when
// one is not a usable number. The per-address cap follows --max-connections unless given.
QString servingLimits(const QCommandLineParser &parser, ServingLimits *limits)
{
    const struct {
        const char *option;
        int *value;
    } options[] = {{"max-connections", &limits->maxConnections},
                   {"workers", &limits->workers},
                   {"max-per-address", &limits->maxPerAddress}};
    for (const auto &o : options) {
        const QString name = QString::fromLatin1(o.option);
        if (!parser.isSet(name)) {
            continue;
        }
        bool ok = false;
        *o.value = parser.value(name).toInt(&ok);
        if (!ok || *o.value < 1) {
            return QStringLiteral("--%1 must be a whole number of at least 1, not \"%2\"").arg(name, parser.value(name));
        }
        if (o.value == &limits->maxConnections) {
            if (!parser.isSet(QStringLiteral("workers"))) {
                limits->workers = std::min(limits->workers, limits->maxConnections);
            }
            if (!parser.isSet(QStringLiteral("max-per-address"))) {
                limits->maxPerAddress = std::max(1, limits->maxConnections / 2);
            }
        }
    }
    if (const QString problem = limits->problem(); !problem.isEmpty()) {
        return QStringLiteral("--workers, --max-connections or --max-per-address: ") + problem;
    }
    return {};
}

int serveCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Chorus central endpoint: stores encrypted submissions."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("data"), QStringLiteral("Data directory (database, admin token)."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("listen"), QStringLiteral("Address to listen on, e.g. 127.0.0.1:8080."), QStringLiteral("HOST:PORT")});
    parser.addOption({QStringLiteral("admin-token-file"), QStringLiteral("Admin token file (default DIR/admin-token; created if missing)."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("database"), QStringLiteral("Store in PostgreSQL instead of DIR/receiver.sqlite (several receivers may share it)."), QStringLiteral("postgresql://...")});
    parser.addOption({QStringLiteral("log-format"),
                      QStringLiteral("Log as text or json (one object per line). Default: text on a terminal, "
                                     "json otherwise."),
                      QStringLiteral("text|json")});
    parser.addOption({QStringLiteral("max-body"), QStringLiteral("Largest accepted request body in bytes (default 100000000)."), QStringLiteral("BYTES")});
    parser.addOption({QStringLiteral("signing-key"),
                      QStringLiteral("The council's signing public key (signing-ed25519.pub from chorusctl keys init): "
                                     "published survey packages must verify against it. Without it, publishing is refused."),
                      QStringLiteral("FILE")});
    const ServingLimits machine = ServingLimits::forThisMachine();
    parser.addOption({QStringLiteral("workers"),
                      QStringLiteral("Threads started up front; more start as connections arrive (default %1: four per core).")
                          .arg(machine.workers),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("max-connections"),
                      QStringLiteral("Connections served at once; more are answered 503 (default %1, from the open-file limit).")
                          .arg(machine.maxConnections),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("max-per-address"),
                      QStringLiteral("Connections from one client address (default %1, half of --max-connections).")
                          .arg(machine.maxPerAddress),
                      QStringLiteral("N")});
    if (!parser.parse(arguments)) {
        return failWith(err, parser.errorText(), kUsage);
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText()
            << "\nDevice tokens (add --database URL when the receiver uses PostgreSQL):\n"
               "  chorus-receiver token issue --data DIR --device NAME\n"
               "  chorus-receiver token revoke --data DIR --device NAME\n  chorus-receiver token list --data DIR\n";
        out.flush();
        return kOk;
    }
    const QString dataDir = parser.value(QStringLiteral("data"));
    const QString listen = parser.value(QStringLiteral("listen"));
    const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    ReceiverConfig config;
    config.host = listen.left(colon);
    config.port = listen.mid(colon + 1).toInt(&portOk);
    if (dataDir.isEmpty() || colon <= 0 || !portOk || config.port < 0 || config.port > 65535) {
        return failWith(err, QStringLiteral("usage: chorus-receiver --data DIR --listen HOST:PORT (see --help)"), kUsage);
    }
    const QString format = parser.value(QStringLiteral("log-format"));
    if (!format.isEmpty() && format != QLatin1String("text") && format != QLatin1String("json")) {
        return failWith(err, QStringLiteral("--log-format must be text or json"), kUsage);
    }
    const bool json = format.isEmpty() ? !::isatty(STDERR_FILENO) : format == QLatin1String("json");
    setLogFormat(json ? LogFormat::Json : LogFormat::Text);
    if (parser.isSet(QStringLiteral("max-body"))) {
        bool ok = false;
        config.maxBody = parser.value(QStringLiteral("max-body")).toLongLong(&ok);
        if (!ok || config.maxBody < 1024) {
            return failWith(err, QStringLiteral("--max-body must be a number of bytes >= 1024"), kUsage);
        }
    }
    if (parser.isSet(QStringLiteral("signing-key"))) {
        const QString keyPath = parser.value(QStringLiteral("signing-key"));
        QFile keyFile(keyPath);
        if (!keyFile.open(QIODevice::ReadOnly)) {
            return failWith(err, QStringLiteral("--signing-key: cannot read %1 (%2)").arg(keyPath, keyFile.errorString()));
        }
        auto key = survey::decodeBase64Key(keyFile.read(4096), 32, QStringLiteral("--signing-key %1").arg(keyPath));
        if (!key) {
            return failWith(err, key.error().message + QStringLiteral(" (give the signing-ed25519.pub of chorusctl keys init)"));
        }
        config.signingPublicKey = *key;
    }
    if (QString problem = servingLimits(parser, &config.serving); !problem.isEmpty()) {
        return failWith(err, problem, kUsage);
    }
    Result<std::unique_ptr<Storage>> storage = openStorage(dataDir, parser.value(QStringLiteral("database")));
    if (!storage) {
        return failWith(err, storage.error().message);
    }
    if (Status made = makeDataDir(dataDir); !made) {
        return failWith(err, made.error().message);
    }
    const QString tokenFile = parser.isSet(QStringLiteral("admin-token-file"))
                                  ? parser.value(QStringLiteral("admin-token-file"))
                                  : QDir(dataDir).filePath(QStringLiteral("admin-token"));
    Result<QByteArray> token = adminToken(tokenFile, out);
    if (!token) {
        return failWith(err, token.error().message);
    }
    config.adminToken = *token;
    config.packagesDir = QDir(dataDir).filePath(QStringLiteral("packages"));
    QDir().mkpath(config.packagesDir);

    // SIGINT/SIGTERM go to one waiting thread, which stops the server; in-flight requests finish.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    Receiver receiver(**storage, config);
    Result<int> port = receiver.bind();
    if (!port) {
        return failWith(err, port.error().message);
    }
    out << "chorus-receiver listening on " << config.host << ':' << *port << Qt::endl;
    logEvent(QtInfoMsg, QStringLiteral("listening"),
             {{QStringLiteral("host"), config.host}, {QStringLiteral("port"), *port},
              {QStringLiteral("workers"), config.serving.workers},
              {QStringLiteral("maxConnections"), config.serving.maxConnections},
              {QStringLiteral("maxPerAddress"), config.serving.maxPerAddress},
              {QStringLiteral("storage"), parser.value(QStringLiteral("database")).isEmpty() ? QStringLiteral("sqlite")
                                                                                               : QStringLiteral("postgresql")},
              {QStringLiteral("publishing"), config.signingPublicKey.isEmpty()
                                                 ? QStringLiteral("refused: no council signing key given")
                                                 : QStringLiteral("signed packages only")}});
    std::atomic<bool> serving{true};
    std::thread waiter([&receiver, &serving, signals] {
        int received = 0;
        sigwait(&signals, &received);
        receiver.stop();
        if (serving) {
            // New connections are refused from here on; requests in flight finish and are answered.
            logEvent(QtInfoMsg, QStringLiteral("stopping"),
                     {{QStringLiteral("signal"), received == SIGTERM ? QStringLiteral("SIGTERM") : QStringLiteral("SIGINT")}});
        }
    });
    const Status served = receiver.serve();
    // Wake the waiter if serve() ended on its own.
    serving = false;
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    logEvent(QtInfoMsg, QStringLiteral("stopped"));
    out << "chorus-receiver stopped" << Qt::endl;
    return served ? kOk : failWith(err, served.error().message);
}

} // namespace

int receiverMain(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    if (arguments.value(1) == QLatin1String("token")) {
        return tokenCommand(arguments, out, err);
    }
    return serveCommand(arguments, out, err);
}

} // namespace chorus::server
