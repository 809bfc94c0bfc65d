// SPDX-License-Identifier: GPL-3.0-or-later
// chorusctl outbox list|export|ledger: what a device still has to send, moving it by USB, and
// the device's consent ledger.
#include "CliSupport.h"

#include "consent/LedgerRow.h"
#include "store/SqliteStore.h"

#include <QJsonDocument>

#include <QCommandLineParser>
#include <QDir>

namespace chorus::cli {

namespace {

const QCommandLineOption kDb(QStringLiteral("db"), QStringLiteral("The device database."), QStringLiteral("DEVICE.db"));

// The outbox is only read here: a read-only connection never migrates or changes the file.
Result<std::unique_ptr<store::SqliteStore>> openReadOnly(const QString &path)
{
    store::OpenOptions options;
    options.mode = store::OpenMode::ReadOnly;
    return store::SqliteStore::open(path, options);
}

// "uuid:5b9c…" → "uuid-5b9c…"; anything else that is not safe in a file name becomes '-' too.
QString directoryName(const QString &instanceId)
{
    QString name;
    for (const QChar c : instanceId) {
        const bool safe = c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_')
                          || c == QLatin1Char('.');
        name.append(safe && c.unicode() < 128 ? c : QLatin1Char('-'));
    }
    while (name.startsWith(QLatin1Char('.'))) {
        name.replace(0, 1, QLatin1Char('-'));
    }
    return name;
}

int listCommand(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("List every finalized response on a device with its state (ids and states only).\n"
                       "A failed response shows whether the next sync retries it (transient) or not (permanent)."));
    parser.addOption(kDb);
    if (const int code = parseOrExit(parser, args, io, {QStringLiteral("db")}); code >= 0) {
        return code;
    }
    auto store = openReadOnly(parser.value(kDb));
    if (!store) {
        return fail(io, store.error());
    }
    auto list = (*store)->responses().list();
    if (!list) {
        return fail(io, list.error());
    }
    for (const store::ResponseSummary &r : *list) {
        io.out << r.instanceId << '\t' << response::stateName(r.state);
        if (r.state == response::ResponseState::Failed) {
            io.out << '\t' << (r.retryable ? "transient" : "permanent");
        }
        io.out << '\n';
    }
    io.out.flush();
    return ExitOk;
}

int exportCommand(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Write every queued envelope (finalized, sending, or failed and due a retry) as files, for\n"
                       "moving data by USB from a site that never gets a network: OUT/<instance id with ':' as\n"
                       "'-'>/submission.xml (the manifest) and its .enc parts, byte for byte as sync would send them.\n"
                       "The responses stay queued: exporting does not change their state."));
    parser.addOption(kDb);
    parser.addOption({QStringLiteral("out"), QStringLiteral("Directory to write into (created if missing)."),
                      QStringLiteral("DIR")});
    if (const int code = parseOrExit(parser, args, io, {QStringLiteral("db"), QStringLiteral("out")}); code >= 0) {
        return code;
    }
    auto store = openReadOnly(parser.value(kDb));
    if (!store) {
        return fail(io, store.error());
    }
    auto queued = (*store)->responses().queued(-1);
    if (!queued) {
        return fail(io, queued.error());
    }
    const QDir out(parser.value(QStringLiteral("out")));
    for (const store::StoredResponse &r : *queued) {
        const QDir dir(out.filePath(directoryName(r.envelope.instanceId)));
        if (auto status = writeFileAtomically(dir.filePath(QStringLiteral("submission.xml")), r.envelope.manifest);
            !status) {
            return fail(io, status.error());
        }
        for (const FilePart &part : r.envelope.encryptedFiles) {
            if (auto status = writeFileAtomically(dir.filePath(part.name), part.bytes); !status) {
                return fail(io, status.error());
            }
        }
    }
    io.out << "exported " << queued->size() << " queued response(s) to " << out.path() << Qt::endl;
    return ExitOk;
}

int ledgerCommand(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Print the device's consent ledger, one JSON object per line, oldest first: consent and response ids, "
        "survey, capture time, notice reference and hash, purposes granted, mode, withdrawal and when the "
        "server accepted the response. No answers, no receipt codes or their hashes. Fails if the ledger's "
        "tamper check finds a problem (chorusctl device check lists them)."));
    parser.addOption(kDb);
    if (const int code = parseOrExit(parser, args, io, {QStringLiteral("db")}); code >= 0) {
        return code;
    }
    auto store = openReadOnly(parser.value(kDb));
    if (!store) {
        return fail(io, store.error());
    }
    auto entries = (*store)->consent().list();
    auto check = (*store)->consent().verify();
    if (!entries || !check) {
        return fail(io, !entries ? entries.error() : check.error());
    }
    for (const store::ConsentEntry &entry : *entries) {
        io.out << QJsonDocument(consent::ledgerRowJson(entry)).toJson(QJsonDocument::Compact) << '\n';
    }
    io.out.flush();
    if (!check->intact()) {
        return fail(io, QStringLiteral("the consent ledger was changed outside Chorus (%1 problem(s)); run chorusctl "
                                       "device check for the list")
                            .arg(check->problems.size()));
    }
    return ExitOk;
}

const Command kOutboxCommands[] = {
    {"list", "List finalized responses and their states.", listCommand},
    {"export", "Write queued envelopes as files for USB transfer.", exportCommand},
    {"ledger", "Print the consent ledger as JSON lines (no answers, no receipt codes).", ledgerCommand},
};

} // namespace

int outboxCommand(const QStringList &args, Io &io)
{
    return dispatchSubcommand(args, io, kOutboxCommands);
}

} // namespace chorus::cli
